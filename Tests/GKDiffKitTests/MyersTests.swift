import Testing

@testable import GKDiffKit

/// Myers' edit script against an oracle: on 2,000 random pairs of short sequences the script walks
/// both sequences in order, pairs only equal elements, and is as short as the longest common
/// subsequence allows (computed by the textbook dynamic programme).
@Suite struct MyersTests {
    /// A small deterministic generator (SplitMix64), so that a failure repeats.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    @Test func scriptsAreValidAndShortest() {
        var random = Generator(state: 20_261_201)
        for _ in 0..<2_000 {
            let alphabet = 1 + random.next(6)
            let a = (0..<random.next(40)).map { _ in random.next(alphabet) }
            let b = (0..<random.next(40)).map { _ in random.next(alphabet) }
            let (steps, degraded) = Myers.diff(a, b)
            #expect(!degraded)
            var i = 0
            var j = 0
            var edits = 0
            for step in steps {
                switch step {
                case .equal(let x, let y):
                    #expect(x == i && y == j && a[x] == b[y])
                    i += 1
                    j += 1
                case .delete(let x):
                    #expect(x == i)
                    i += 1
                    edits += 1
                case .insert(let y):
                    #expect(y == j)
                    j += 1
                    edits += 1
                }
            }
            #expect(i == a.count && j == b.count)
            #expect(edits == a.count + b.count - 2 * Self.lcs(a, b), "\(a) → \(b)")
        }
    }
}
