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

    /// The shortcut that gives up before searching (more unmatched elements than the limit allows)
    /// decides exactly as the search would: at the limit the full alignment is still made, one
    /// edit beyond it the fallback is used.
    @Test func limitShortcutAgreesWithTheSearch() {
        let a = Array(0..<1_500)
        let atLimit = Array(1_000..<2_500)  // 500 in common: 3,000 − 1,000 = 2,000 edits
        let (steps, degraded) = Myers.diff(a, atLimit, maxCost: 2_000)
        #expect(!degraded)
        #expect(steps.filter { if case .equal = $0 { return true } else { return false } }.count == 500)
        let beyond = Array(1_001..<2_501)  // 499 in common: 2,002 edits
        #expect(Myers.diff(a, beyond, maxCost: 2_000).degraded)
        #expect(Myers.commonCount([1, 1, 2, 3], [1, 3, 3, 1]) == 3)
    }

    /// Token identities: the report's years masked, ASCII tokens packed without clashing, other
    /// tokens interned; equal texts give equal identities.
    @Test func tokenIdentities() {
        var identity = TokenIdentity()
        var ids: [Int] = []
        identity.ids(of: "2024年收到12件、21件，ab ba abcdefghi 1.5万 1,5 15。", year: 2024, into: &ids)
        #expect(ids.count == 17)
        #expect(ids[0] == -1)
        #expect(Set(ids).count == ids.count - 1)  // only 件 twice
        var again: [Int] = []
        identity.ids(of: "2023年收到12件、21件，ab ba abcdefghi 1.5万 1,5 15。", year: 2023, into: &again)
        #expect(again == ids)
    }
}
