// The driver of Scripts/fuzz.sh: runs gkdiff in-process on a range of fuzz inputs with a watchdog.
//
//   gkdiff-fuzz run --fixtures DIR --work DIR --seed S --start I --end N --step K --progress FILE
//   gkdiff-fuzz save --fixtures DIR --seed S --index I --out DIR
//
// `run` writes the index of each input to the progress file before running it, so that when the
// process dies (a crash) or the watchdog ends it (exit 124: one gkdiff run took longer than 2 s) the
// script knows which input did it. On success it prints one line:
//   inputs=N slowest_ms=X peak_mb=M violations=V
// and each contract violation on standard error.
import GKDiffFuzz

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a line to standard error.
func say(_ text: String) {
    var bytes = Array((text + "\n").utf8)
    _ = write(2, &bytes, bytes.count)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first ?? ""
let options: [String: String] = {
    var options: [String: String] = [:]
    var position = 1
    while position + 1 < arguments.count {
        options[arguments[position]] = arguments[position + 1]
        position += 2
    }
    return options
}()
@MainActor func option(_ name: String) -> String {
    guard let value = options[name] else {
        say("gkdiff-fuzz: missing \(name)")
        exit(2)
    }
    return value
}

let mutator = Mutator(fixtures: Mutator.load(folder: option("--fixtures")))
let seed = UInt64(option("--seed")) ?? 1

if command == "save" {
    let index = Int(option("--index")) ?? 0
    print(FuzzRunner.save(mutator.make(seed: seed, index: index), index: index, seed: seed, folder: option("--out")))
    exit(0)
}
guard command == "run" else {
    say("usage: gkdiff-fuzz run|save …")
    exit(2)
}

let start = Int(option("--start")) ?? 0
let end = Int(option("--end")) ?? 0
let step = max(1, Int(option("--step")) ?? 1)
let progress = open(option("--progress"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
let runner = FuzzRunner(workFolder: option("--work"), fixtureFolder: option("--fixtures"))

/// The watchdog: a run still going after 2 s ends the process with status 124.
signal(SIGALRM) { _ in _exit(124) }
func arm() {
    var timer = itimerval(it_interval: timeval(tv_sec: 0, tv_usec: 0), it_value: timeval(tv_sec: 2, tv_usec: 0))
    setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &timer, nil)
}
func disarm() {
    var timer = itimerval()
    setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &timer, nil)
}

var inputs = 0
var slowest = 0.0
var violations = 0
var index = start
while index < end {
    var mark = Array("\(index)\n".utf8)
    _ = pwrite(progress, &mark, mark.count, 0)
    _ = ftruncate(progress, off_t(mark.count))
    let input = mutator.make(seed: seed, index: index)
    let outcome = runner.run(input, index: index, before: { _ in arm() }, after: { disarm() })
    inputs += 1
    slowest = max(slowest, outcome.slowest)
    for problem in outcome.violations {
        violations += 1
        say("input \(index) (\(input.fixture); \(input.mutations.joined(separator: ", "))): \(problem)")
    }
    index += step
}
print("inputs=\(inputs) slowest_ms=\(Int(slowest.rounded(.up))) peak_mb=\(FuzzRunner.peakMemoryMB()) violations=\(violations)")
