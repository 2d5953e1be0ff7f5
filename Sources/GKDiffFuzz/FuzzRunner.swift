import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

/// Runs gkdiff in-process on one fuzz input, the way the command line would: `show`, the comparison
/// with the fixture it came from (text, CSV or JSON in turn), and now and then `show --format json`
/// and `check`. Checks the contract of every run: exit status 0, 1 or 2; output and no message for
/// 0 and 1; for 2, nothing on standard output and exactly one line `gkdiff: PATH: reason`.
public struct FuzzRunner {
    /// Where inputs are written.
    public let workFolder: String
    /// Where the fixtures are (for the comparison partner).
    public let fixtureFolder: String

    /// A runner writing inputs to `workFolder` and comparing them with fixtures from `fixtureFolder`.
    public init(workFolder: String, fixtureFolder: String) {
        self.workFolder = workFolder
        self.fixtureFolder = fixtureFolder
    }

    /// What one input gave.
    public struct Outcome: Sendable {
        /// The slowest single gkdiff run on it, in milliseconds.
        public var slowest: Double = 0
        /// Broken contracts, one sentence each.
        public var violations: [String] = []
    }

    /// Writes the input and runs gkdiff on it. `before` is called with a description of each run just
    /// before it starts (the driver arms its watchdog there), `after` when it returns.
    public func run(
        _ input: FuzzCase, index: Int, before: (String) -> Void = { _ in }, after: () -> Void = {}
    ) -> Outcome {
        let path = workFolder + "/" + input.name
        guard Self.write(input.bytes, to: path) else {
            return Outcome(violations: ["cannot write \(path)"])
        }
        let partner = fixtureFolder + "/" + input.fixture
        var runs: [[String]] = [["show", path]]
        switch index % 3 {
        case 0: runs.append([partner, path])
        case 1: runs.append(["--format", "csv", partner, path])
        default: runs.append(["--format", "json", path, partner])
        }
        if index % 4 == 0 {
            runs.append(["show", "--format", "json", path])
            runs.append(["check", path])
        }
        var outcome = Outcome()
        for arguments in runs {
            before(arguments.joined(separator: " "))
            let start = Self.now()
            let console = Console()
            let status = GKDiff.run(arguments, console: console)
            let elapsed = Self.now() - start
            after()
            outcome.slowest = max(outcome.slowest, elapsed)
            if let problem = Self.check(status, console, path: path) {
                outcome.violations.append("gkdiff \(arguments.joined(separator: " ")): \(problem)")
            }
        }
        return outcome
    }

    /// What is wrong with a run's result, or nil.
    static func check(_ status: ExitStatus, _ console: Console, path: String) -> String? {
        switch status {
        case .trouble:
            if !console.out.isEmpty { return "exit 2 with output on standard output" }
            let lines = console.err.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count != 2 || !lines[1].isEmpty {
                return "exit 2 with \(lines.count - 1) lines on standard error: \(console.err.prefix(300))"
            }
            if !console.err.hasPrefix("gkdiff: \(path): ") {
                return "exit 2 without `gkdiff: \(path): reason`: \(console.err.prefix(300))"
            }
            return nil
        case .same, .different:
            if console.out.isEmpty { return "exit \(status.rawValue) with nothing on standard output" }
            if !console.err.isEmpty {
                return "exit \(status.rawValue) with a message on standard error: \(console.err.prefix(300))"
            }
            return nil
        }
    }

    /// Milliseconds on the monotonic clock.
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
    }

    /// Peak resident memory of this process so far, in megabytes.
    public static func peakMemoryMB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// Writes an input under `folder` for a person to reproduce a failure: the bytes and a note.
    public static func save(_ input: FuzzCase, index: Int, seed: UInt64, folder: String) -> String {
        let ext = input.name.hasSuffix(".html") ? "html" : "txt"
        let path = "\(folder)/seed\(seed)-input\(index).\(ext)"
        _ = write(input.bytes, to: path)
        let note = "seed \(seed), input \(index), from \(input.fixture), mutations: \(input.mutations.joined(separator: ", "))\n"
        _ = write(Array(note.utf8), to: path + ".about")
        return path
    }
}
