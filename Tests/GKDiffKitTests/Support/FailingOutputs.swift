@testable import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

extension Fixture {
    /// Runs `body` with `/dev/full` open for writing (every write fails with ENOSPC) and a file opened for
    /// standard error; gives what `body` wrote to that file. Throws when the system has no `/dev/full`.
    static func withFullDisk(_ body: (_ full: Int32, _ err: Int32) throws -> Void) throws -> String {
        let full = open("/dev/full", O_WRONLY)
        guard full >= 0 else { throw GKDiffError(path: "/dev/full", reason: "no /dev/full on this system") }
        defer { close(full) }
        return String(decoding: try withErrorFile { err in try body(full, err) }, as: UTF8.self)
    }

    /// Runs `body` with a fresh file opened for standard error, and gives what it wrote there.
    static func withErrorFile(_ body: (_ err: Int32) throws -> Void) throws -> [UInt8] {
        let errPath = temporaryFolder() + "/err"
        let err = open(errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try body(err)
        close(err)
        return try SourceText.readBytes(path: errPath)
    }

    /// Runs `body` with the writing end of a pipe whose reading end is already closed (what gkdiff meets
    /// under `| head` once head has exited), SIGPIPE ignored, and a file opened for standard error;
    /// gives what `body` wrote to that file.
    static func withClosedPipe(_ body: (_ writeEnd: Int32, _ err: Int32) throws -> Void) throws -> [UInt8] {
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw GKDiffError(path: "pipe", reason: "no pipe") }
        close(ends[0])
        defer { close(ends[1]) }
        return try withErrorFile { err in try body(ends[1], err) }
    }
}
