#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file-system calls gkdiff makes, each retried on EINTR and each turned into a `GKDiffError`
/// with a reason a person understands. Nothing here blocks on a FIFO, a socket or a device.
enum FileSystem {
    /// The identity of a file: device and inode.
    struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    /// The text of the current `errno`.
    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// What kind of file a `st_mode` is, in Chinese with an English gloss, for everything but a
    /// regular file and a folder.
    static func kindText(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "这是一个命名管道（FIFO），不是报告文件（not a regular file）"
        case S_IFSOCK: return "这是一个套接字（socket），不是报告文件（not a regular file）"
        case S_IFCHR, S_IFBLK: return "这是一个设备，不是报告文件（not a regular file）"
        default: return "不是普通文件（not a regular file）"
        }
    }

    /// `stat` retried on EINTR; nil with `errno` set when it fails.
    static func status(_ path: String, followLinks: Bool = true) -> stat? {
        var info = stat()
        while true {
            let result = followLinks ? stat(path, &info) : lstat(path, &info)
            if result == 0 { return info }
            if errno != EINTR { return nil }
        }
    }

    /// The device and inode of `path`, or nil when it cannot be stat'ed.
    static func identity(_ path: String) -> Identity? {
        status(path).map { Identity(device: UInt64($0.st_dev), inode: UInt64($0.st_ino)) }
    }

    /// The device and inode of standard input when it is a regular file (`gkdiff - B -o A < A`).
    static func standardInputIdentity() -> Identity? {
        var info = stat()
        guard fstat(0, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Reads a whole input: standard input for `-` (a file, a pipe or a terminal), otherwise only a
    /// regular file. A FIFO, socket or device named as an argument is refused without being waited on:
    /// it is opened with `O_NONBLOCK` and checked with `fstat` before anything is read.
    /// - Throws: `GKDiffError` naming the path: missing, a folder, not a regular file, unreadable, too large.
    static func readInput(path: String, limit: Int) throws -> [UInt8] {
        if path == "-" {
            var info = stat()
            if fstat(0, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { throw GKDiffError.directory(path) }
            return try readAll(fd: 0, path: path, limit: limit)
        }
        return try readRegular(rawPath: Array(path.utf8), shown: path, limit: limit)
    }

    /// Reads a regular file named by the bytes of its path (a name that is not UTF-8, such as GBK bytes
    /// from a zip made on Chinese Windows, cannot be a `String` without losing it); `shown` names it in
    /// errors. Like `readInput`, a FIFO, socket or device is refused without being waited on.
    /// - Throws: `GKDiffError` naming `shown`.
    static func readRegular(rawPath: [UInt8], shown: String, limit: Int) throws -> [UInt8] {
        let cPath = rawPath.map { CChar(bitPattern: $0) } + [0]
        guard let info = status(rawPath: rawPath, followLinks: true) else {
            if errno == ENOENT || errno == ENOTDIR { throw GKDiffError.missing(shown) }
            throw GKDiffError.unreadable(shown, errorText())
        }
        try requireRegular(info, path: shown)
        if Int(info.st_size) > limit { throw GKDiffError.tooLarge(shown, limit) }
        var fd: Int32
        repeat { fd = open(cPath, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            if errno == ENOENT { throw GKDiffError.missing(shown) }
            if errno == ENXIO { throw GKDiffError(path: shown, reason: kindText(S_IFSOCK)) }
            throw GKDiffError.unreadable(shown, errorText())
        }
        defer { close(fd) }
        // The file may have been replaced between stat and open: check what was opened.
        var opened = stat()
        guard fstat(fd, &opened) == 0 else { throw GKDiffError.unreadable(shown, errorText()) }
        try requireRegular(opened, path: shown)
        return try readAll(fd: fd, path: shown, limit: limit, expected: Int(opened.st_size))
    }

    /// `lstat` (or `stat` when `followLinks`) of a path given as bytes, retried on EINTR; nil with
    /// `errno` set when it fails.
    static func status(rawPath: [UInt8], followLinks: Bool) -> stat? {
        let cPath = rawPath.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        while true {
            let result = followLinks ? stat(cPath, &info) : lstat(cPath, &info)
            if result == 0 { return info }
            if errno != EINTR { return nil }
        }
    }

    private static func requireRegular(_ info: stat, path: String) throws {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw GKDiffError.directory(path)
        default: throw GKDiffError(path: path, reason: kindText(info.st_mode))
        }
    }

    /// Reads `fd` to its end, retrying on EINTR, refusing more than `limit` bytes. `expected` (a
    /// regular file's size) is room made first, so that a large file is read into one buffer of its
    /// size rather than one grown by doubling (up to twice the size, and a copy at each step).
    static func readAll(fd: Int32, path: String, limit: Int, expected: Int = 0) throws -> [UInt8] {
        var bytes: [UInt8] = []
        // (A file grown since its size was taken grows the buffer as before.)
        if expected > 0 && expected <= limit { bytes.reserveCapacity(expected) }
        // Read into a buffer that is not zero-filled first (filling 64 KiB cost more than reading a
        // report).
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = read(fd, chunk.baseAddress, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw GKDiffError.unreadable(path, errorText())
            }
            if n == 0 { break }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            if bytes.count > limit { throw GKDiffError.tooLarge(path, limit) }
        }
        return bytes
    }

    /// How a write to a file descriptor ended.
    enum WriteResult: Equatable {
        /// Everything was written.
        case written
        /// The reader of a pipe went away (EPIPE): not worth a message, as with GNU tools.
        case closedPipe
        /// Any other failure (ENOSPC, EIO, …), with `strerror`'s text.
        case failed(String)
    }

    /// Creates a new file (never an existing one) holding `bytes`; false when that fails.
    static func writeWhole(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        let result = writeAll(bytes, fd: fd)
        return close(fd) == 0 && result == .written
    }

    /// Writes all of `bytes` to `fd`, retrying on EINTR and after short writes.
    static func writeAll(_ bytes: [UInt8], fd: Int32) -> WriteResult {
        bytes.withUnsafeBytes { writeAll($0, fd: fd) }
    }

    /// Writes all of the UTF-8 of `text` to `fd` without copying it first.
    static func writeAll(_ text: String, fd: Int32) -> WriteResult {
        var text = text
        return text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), fd: fd) }
    }

    /// Writes all of `bytes` to `fd`, retrying on EINTR and after short writes.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, fd: Int32) -> WriteResult {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { return .closedPipe }
                return .failed(errorText())
            }
            if n == 0 { return .failed(errorText(EIO)) }
            offset += n
        }
        return .written
    }
}

/// A file written whole or not at all: the text goes to a temporary file beside the target, which is then
/// renamed over it, so a failed write (a full disk) never leaves a half-written or emptied target.
struct OutputFile {
    /// The target as given.
    var path: String
    /// Inputs the target must not be (compared by device and inode).
    var inputs: [String]

    /// Checks the target can be written: its folder exists, it is not a folder, not a special file and
    /// not one of the inputs. Called before the work starts, and again by `write`.
    /// - Returns: the path to write to (a symbolic link's target, so the link stays a link).
    /// - Throws: `GKDiffError` naming the path.
    func check() throws -> String {
        var target = path
        if let link = FileSystem.status(path, followLinks: false), (link.st_mode & S_IFMT) == S_IFLNK,
            let resolved = realpath(path, nil)
        {
            target = String(cString: resolved)
            free(resolved)
        }
        let folder = Self.folder(of: target)
        guard let folderInfo = FileSystem.status(folder) else {
            throw GKDiffError(path: path, reason: "无法写入：文件夹「\(folder)」不存在（no such directory）")
        }
        guard (folderInfo.st_mode & S_IFMT) == S_IFDIR else {
            throw GKDiffError(path: path, reason: "无法写入：「\(folder)」不是文件夹（not a directory）")
        }
        guard let info = FileSystem.status(target) else { return target }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw GKDiffError(path: path, reason: "这是一个文件夹，不能作为输出文件（is a directory）")
        default:
            throw GKDiffError(
                path: path, reason: "不是普通文件，不能作为输出文件（not a regular file；要写到标准输出请用 -o - 或重定向）")
        }
        let identity = FileSystem.Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        for input in inputs where (input == "-" ? FileSystem.standardInputIdentity() : FileSystem.identity(input)) == identity {
            throw GKDiffError(path: path, reason: "这是输入的报告文件之一，不能用输出覆盖它（output would overwrite an input）")
        }
        return target
    }

    /// Writes `text` to a temporary file in the target's folder and renames it over the target, keeping
    /// an existing target's permissions. On any failure the temporary file is removed and the target is
    /// left as it was.
    /// - Throws: `GKDiffError` naming the path; a failed write says `write error`.
    func write(_ text: String) throws {
        var file = try start()
        file.append(text)
        try file.finish()
    }

    /// Writes `bytes` as `write(_:)` writes text (a workbook is bytes, not text).
    /// - Throws: `GKDiffError` naming the path; a failed write says `write error`.
    func write(bytes: [UInt8]) throws {
        var file = try start()
        bytes.withUnsafeBytes { file.append($0) }
        try file.finish()
    }

    /// Starts writing the target piece by piece: a new temporary file beside it, which `finish` renames
    /// over the target (so an output is never held whole, and still replaces the target whole or not at all).
    /// - Throws: `GKDiffError` naming the path when the target cannot be written.
    func start() throws -> Writing {
        let target = try check()
        let folder = Self.folder(of: target)
        let existingMode = FileSystem.status(target).map { $0.st_mode & 0o7777 }
        var generator = SystemRandomNumberGenerator()
        var fd: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            let suffix = String(generator.next() & 0xFF_FFFF_FFFF, radix: 36)
            temporary = folder + "/.gkdiff-" + suffix + ".tmp"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 || (errno != EEXIST && errno != EINTR) { break }
        }
        guard fd >= 0 else {
            throw GKDiffError(path: path, reason: "无法写入（\(FileSystem.errorText())）")
        }
        return Writing(path: path, target: target, temporary: temporary, fd: fd, existingMode: existingMode)
    }

    /// An output file being written: pieces appended to the temporary file, the first failure kept.
    struct Writing {
        let path: String
        let target: String
        let temporary: String
        let fd: Int32
        let existingMode: mode_t?
        /// The first write failure (`strerror`'s text); later pieces are not written.
        private(set) var failure: String?

        init(path: String, target: String, temporary: String, fd: Int32, existingMode: mode_t?) {
            self.path = path
            self.target = target
            self.temporary = temporary
            self.fd = fd
            self.existingMode = existingMode
        }

        /// Appends the UTF-8 of `text`.
        mutating func append(_ text: String) {
            var text = text
            text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        }

        /// Appends `bytes`.
        mutating func append(_ bytes: UnsafeRawBufferPointer) {
            guard failure == nil else { return }
            switch FileSystem.writeAll(bytes, fd: fd) {
            case .written: break
            case .closedPipe: failure = FileSystem.errorText(EPIPE)
            case .failed(let reason): failure = reason
            }
        }

        /// Gives the file the target's permissions, syncs, closes and renames it over the target. On any
        /// failure the temporary file is removed and the target left as it was.
        /// - Throws: `GKDiffError` naming the path; a failed write says `write error`.
        mutating func finish() throws {
            if failure == nil, let existingMode, fchmod(fd, existingMode) != 0 { failure = FileSystem.errorText() }
            if failure == nil, fsync(fd) != 0, errno != EINVAL { failure = FileSystem.errorText() }
            if close(fd) != 0 && failure == nil && errno != EINTR { failure = FileSystem.errorText() }
            if failure == nil && rename(temporary, target) != 0 { failure = FileSystem.errorText() }
            if let failure {
                unlink(temporary)
                throw GKDiffError(path: path, reason: "write error: 写入失败（\(failure)），文件未改动")
            }
        }

        /// Closes and removes the temporary file, leaving the target as it was.
        func abandon() {
            close(fd)
            unlink(temporary)
        }
    }

    /// The folder a path is in (`.` for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }
}
