import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a helper program (pdftotext, soffice) with Glibc alone: found on `PATH`, started with
/// `posix_spawn` in its own process group, standard input from `/dev/null`, standard output and error
/// read through pipes with `poll`, a time limit and a bound on the output. On a timeout or too much
/// output the whole process group is killed; the child is always reaped, so no run leaves a zombie.
enum Subprocess {
    /// What a finished run gave.
    struct Result: Sendable {
        /// Everything the program wrote to standard output.
        var output: [UInt8]
        /// The first bytes it wrote to standard error (kept for a message; bounded).
        var errorOutput: [UInt8]
        /// The exit status, or 128 + the signal number when a signal ended it.
        var status: Int32
    }

    /// Why a run did not finish normally.
    enum Failure: Error, Sendable, Equatable {
        /// The program is not on `PATH`.
        case notFound(String)
        /// `posix_spawn` or `pipe` failed with this `errno`.
        case cannotStart(String, Int32)
        /// The program ran longer than the limit (seconds) and was killed.
        case timedOut(String, Double)
        /// The program wrote more than the limit (bytes) and was killed.
        case outputTooLarge(String, Int)
    }

    /// Bytes of standard error kept for a message.
    static let errorLimit = 64 * 1024

    /// The absolute path of `name` found in the directories of `PATH` (or `name` itself when it holds a
    /// `/` and is executable); nil when there is none.
    static func find(_ name: String, path: String? = nil) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        let search = path ?? (getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin")
        for directory in search.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = directory + "/" + name
            var info = stat()
            guard stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// A file name as a program's argument: `./-x.pdf` for `-x.pdf`, so that it is never read as an option.
    static func argument(_ path: String) -> String { path.hasPrefix("-") ? "./" + path : path }

    /// Runs `program` (a name looked up on `PATH`, or a path) with `arguments`; waits at most `timeout`
    /// seconds and keeps at most `outputLimit` bytes of standard output.
    static func run(
        _ program: String, _ arguments: [String], timeout: Double = 60, outputLimit: Int = 64 * 1_048_576
    ) throws(Failure) -> Result {
        guard let executable = find(program) else { throw .notFound(program) }
        let (pid, out, err) = try spawnLock.withLock { _ throws(Failure) -> (pid_t, Int32, Int32) in
            try spawn(program, executable, arguments)
        }
        var result = Result(output: [], errorOutput: [], status: 0)
        let failure = collect(into: &result, out: out, err: err, deadline: now() + timeout, outputLimit: outputLimit)
        close(out)
        close(err)
        if failure != nil { kill(-pid, SIGKILL) }
        result.status = reap(pid)
        switch failure {
        case .timedOut?: throw .timedOut(program, timeout)
        case .tooLarge?: throw .outputTooLarge(program, outputLimit)
        case nil: return result
        }
    }

    /// Held from making the pipes to closing the child's ends: a child spawned at that moment by another
    /// thread (batch mode reads files in parallel) would otherwise inherit a write end, and this read would
    /// not see the end of its output until that other child exits.
    private static let spawnLock = Mutex(())

    /// Starts the program in its own process group with its output on two new pipes; returns the child
    /// and the pipes' read ends.
    private static func spawn(
        _ program: String, _ executable: String, _ arguments: [String]
    ) throws(Failure) -> (pid_t, Int32, Int32) {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { throw .cannotStart(program, errno) }
        guard pipe(&errPipe) == 0 else {
            let code = errno
            close(outPipe[0])
            close(outPipe[1])
            throw .cannotStart(program, code)
        }
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)  // the copies lose close-on-exec
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw .cannotStart(program, spawned)
        }
        return (pid, outPipe[0], errPipe[0])
    }

    private enum Stop { case timedOut, tooLarge }

    /// Reads both pipes until both are closed, the deadline passes or the output grows too large.
    private static func collect(
        into result: inout Result, out: Int32, err: Int32, deadline: Double, outputLimit: Int
    ) -> Stop? {
        var open = (out: true, err: true)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open.out || open.err {
            let remaining = deadline - now()
            if remaining <= 0 { return .timedOut }
            var fds = [
                pollfd(fd: open.out ? out : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: open.err ? err : -1, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, Int32(min(remaining * 1000 + 1, 1000)))
            if ready < 0 {
                if errno == EINTR { continue }
                return .timedOut
            }
            for index in 0..<2 where fds[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    if index == 0 { open.out = false } else { open.err = false }
                    continue
                }
                if index == 0 {
                    if result.output.count + count > outputLimit { return .tooLarge }
                    result.output.append(contentsOf: buffer[0..<count])
                } else if result.errorOutput.count < errorLimit {
                    result.errorOutput.append(contentsOf: buffer[0..<min(count, errorLimit - result.errorOutput.count)])
                }
            }
        }
        return nil
    }

    /// Waits for the child and returns its exit status (128 + signal when a signal ended it).
    private static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Seconds on the monotonic clock.
    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
