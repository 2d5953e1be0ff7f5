#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file the batch will read: its path as bytes (to open it) and as text (to show it).
public struct BatchFile: Sendable, Hashable {
    /// The path as shown: UTF-8, or decoded from GB18030 when the name is not UTF-8.
    public var path: String
    /// The path's bytes as the file system has them.
    var raw: [UInt8]
    /// Set when the name was not UTF-8 (`文件名按 GB18030 解码`).
    public var nameNote: String?
    /// Device and inode, to find the file a `--pairs` line names whatever its name's encoding.
    var identity: FileSystem.Identity? = nil
}

/// A file found and not read, with the reason (a FIFO, a hidden file, our own output, a symlink loop).
public struct BatchSkip: Sendable, Equatable {
    /// The path as shown.
    public var path: String
    /// Why it was not read, in Chinese.
    public var reason: String
}

/// Everything found under one folder: files to read, files skipped with a reason, folders that could
/// not be opened. Nothing found is dropped without a word.
struct BatchWalk: Sendable {
    var files: [BatchFile] = []
    var skips: [BatchSkip] = []
    /// Folders that could not be listed, with the reason; the walk goes on without them.
    var unreadableFolders: [BatchSkip] = []

    /// Walks `folder` recursively. Symbolic links are followed (a linked folder is read), each folder at
    /// most once, so a link loop ends as a named skip. Hidden entries (`.DS_Store`, `.git`, our own
    /// temporary files) and the files in `excluded` (our outputs, the pairs file, the roster) are
    /// skipped with a note. `refused` names folders to treat as unreadable (tests running as root,
    /// where `chmod 000` denies nothing). Files are returned sorted by their shown path. O(n log n).
    static func walk(
        _ folder: String, excluded: [FileSystem.Identity: String] = [:], refused: Set<String> = []
    ) -> BatchWalk {
        var walk = BatchWalk()
        var visited = Set<FileSystem.Identity>()
        if let info = FileSystem.status(folder) {
            visited.insert(FileSystem.Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        }
        var pending: [(raw: [UInt8], shown: String)] = [(Array(folder.utf8), folder)]
        while let (raw, shown) = pending.popLast() {
            if refused.contains(shown) {
                walk.unreadableFolders.append(BatchSkip(path: shown, reason: "无法打开文件夹（\(FileSystem.errorText(EACCES))）"))
                continue
            }
            let cPath = raw.map { CChar(bitPattern: $0) } + [0]
            guard let directory = opendir(cPath) else {
                walk.unreadableFolders.append(BatchSkip(path: shown, reason: "无法打开文件夹（\(FileSystem.errorText())）"))
                continue
            }
            defer { closedir(directory) }
            var children: [(raw: [UInt8], shown: String)] = []
            while let entry = readdir(directory) {
                let name: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if name == [0x2E] || name == [0x2E, 0x2E] { continue }
                let (nameText, note) = Self.shownName(name)
                let separator: [UInt8] = raw.last == 0x2F ? [] : [0x2F]
                let childRaw = raw + separator + name
                let childShown = shown + (separator.isEmpty ? "" : "/") + nameText
                if name.first == 0x2E {
                    walk.skips.append(BatchSkip(path: childShown, reason: "隐藏文件，未读取（hidden）"))
                    continue
                }
                if let reason = Self.systemFile(nameText) {
                    walk.skips.append(BatchSkip(path: childShown, reason: reason))
                    continue
                }
                guard let link = FileSystem.status(rawPath: childRaw, followLinks: false) else {
                    walk.skips.append(BatchSkip(path: childShown, reason: "无法读取文件信息（\(FileSystem.errorText())）"))
                    continue
                }
                var info = link
                let isLink = (link.st_mode & S_IFMT) == S_IFLNK
                if isLink {
                    guard let target = FileSystem.status(rawPath: childRaw, followLinks: true) else {
                        let reason =
                            errno == ELOOP
                            ? "符号链接循环，未读取（symlink loop）" : "符号链接指向的文件不存在（broken symlink）"
                        walk.skips.append(BatchSkip(path: childShown, reason: reason))
                        continue
                    }
                    info = target
                }
                let identity = FileSystem.Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                if let what = excluded[identity] {
                    walk.skips.append(BatchSkip(path: childShown, reason: "gkdiff 自己的\(what)，未当作报告读取"))
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    guard visited.insert(identity).inserted else {
                        walk.skips.append(
                            BatchSkip(path: childShown, reason: "符号链接循环：这个文件夹已经读过（symlink loop）"))
                        continue
                    }
                    children.append((childRaw, childShown))
                case S_IFREG:
                    walk.files.append(BatchFile(path: childShown, raw: childRaw, nameNote: note, identity: identity))
                default:
                    walk.skips.append(BatchSkip(path: childShown, reason: FileSystem.kindText(info.st_mode)))
                }
            }
            pending += children.sorted { $0.shown > $1.shown }
        }
        // Positions sorted, then the files taken in that order: the order sorting the files themselves
        // gives (the same comparisons), without moving the files about.
        let paths = walk.files.map(\.path)
        let order = paths.indices.sorted { paths[$0] < paths[$1] }
        walk.files = order.map { walk.files[$0] }
        return walk
    }

    /// Why a file Windows or Word leaves in a folder is not a report (`Thumbs.db`, `desktop.ini`, a
    /// Word lock file `~$报告.docx`), or nil.
    static func systemFile(_ name: String) -> String? {
        switch name.lowercased() {
        case "thumbs.db", "ehthumbs.db", "desktop.ini":
            return "Windows 生成的系统文件，未读取"
        default:
            return name.hasPrefix("~$") ? "Word/WPS 打开文件时留下的临时文件，未读取" : nil
        }
    }

    /// A name's bytes as text: UTF-8, else GB18030 (with a note saying so), else UTF-8 with the bad
    /// bytes replaced.
    static func shownName(_ name: [UInt8]) -> (String, String?) {
        if let text = String(validating: name, as: UTF8.self) { return (text, nil) }
        if let source = try? SourceText.decode(name, path: ""), !source.text.contains("\u{FFFD}") {
            return (source.text, "文件名不是 UTF-8，已按 GB18030 解码显示")
        }
        return (String(decoding: name, as: UTF8.self), "文件名不是 UTF-8，无法解码的字节显示为 �")
    }
}
