import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

/// Finds files under the package's `Fixtures/` folder, wherever the tests run from.
enum Fixture {
    /// Absolute path of the package root (two folders above this file's folder).
    static let root: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Support/Fixture.swift, GKDiffKitTests, Tests
        return parts.joined(separator: "/")
    }()

    /// Absolute path of a fixture, e.g. `Fixture.path("nanguan-zfj-2024.txt")`.
    static func path(_ name: String) -> String { root + "/Fixtures/" + name }

    /// The parsed fixture.
    static func report(_ name: String) throws -> Report { try ReportParser.read(path: path(name)) }

    /// The fixture's text.
    static func text(_ name: String) throws -> String { try SourceText.read(path: path(name)).text }

    /// Parses text given in a test (the path is only a name for messages).
    static func parse(_ text: String, path: String = "test.txt") throws -> Report {
        try ReportParser.parse(SourceText(path: path, text: text))
    }

    /// Writes bytes to a new file under a fresh temporary folder and returns its path.
    static func temporaryFile(_ name: String, _ bytes: [UInt8]) -> String {
        let folder = temporaryFolder()
        let path = folder + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(fd >= 0, "cannot create \(path)")
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return path
    }

    /// A fresh, empty temporary folder.
    static func temporaryFolder() -> String {
        var template = Array("/tmp/gkdiff-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs the command line in-process; returns status, standard output and standard error.
    static func run(_ arguments: [String]) -> (status: ExitStatus, out: String, err: String) {
        let console = Console()
        let status = GKDiff.run(arguments, console: console)
        return (status, console.out, console.err)
    }
}
