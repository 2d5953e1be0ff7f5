#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes whole outputs to files and file descriptors.
enum FileWriter {
    /// Creates or truncates `path` and writes `text` to it.
    /// - Throws: `GKDiffError` naming the path when it cannot be written.
    static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw GKDiffError(path: path, reason: "无法写入（\(String(cString: strerror(errno)))）") }
        defer { close(fd) }
        if !write(text, fd: fd) {
            throw GKDiffError(path: path, reason: "无法写入（\(String(cString: strerror(errno)))）")
        }
    }

    /// Writes all of `text` to a file descriptor; false on an error other than an interruption.
    @discardableResult
    static func write(_ text: String, fd: Int32) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
