#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes whole outputs to files and file descriptors, checking every write (see `FileSystem`).
enum FileWriter {
    /// Writes `text` to `path` whole or not at all (a temporary file beside it, then renamed).
    /// - Throws: `GKDiffError` naming the path when it cannot be written.
    static func write(_ text: String, to path: String, inputs: [String] = []) throws {
        try OutputFile(path: path, inputs: inputs).write(text)
    }

    /// Writes all of `text` to a file descriptor; says how it ended (a closed pipe, a full disk).
    @discardableResult
    static func write(_ text: String, fd: Int32) -> FileSystem.WriteResult {
        FileSystem.writeAll(Array(text.utf8), fd: fd)
    }
}
