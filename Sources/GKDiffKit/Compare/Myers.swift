/// One step of an edit script between two sequences.
enum EditStep: Equatable {
    /// Element `old` of the old sequence equals element `new` of the new one.
    case equal(old: Int, new: Int)
    /// Element of the old sequence not in the new one.
    case delete(old: Int)
    /// Element of the new sequence not in the old one.
    case insert(new: Int)
}

/// Myers' O((N+M)·D) difference algorithm on interned elements, with a cap on D so that two
/// completely different inputs cannot make it quadratic: beyond the cap it falls back to anchoring
/// on elements that occur once in each sequence (patience style, O(n log n)).
enum Myers {
    /// The edit script from `old` to `new`. `maxCost` bounds the work; `degraded` tells whether the
    /// fallback was used.
    static func diff(_ old: [Int], _ new: [Int], maxCost: Int = 4_000) -> (steps: [EditStep], degraded: Bool) {
        // Common prefix and suffix first: most report pairs share a lot of both.
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix
            && old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        var steps: [EditStep] = (0..<prefix).map { .equal(old: $0, new: $0) }
        var degraded = false
        let middle: [EditStep]
        if let core = core(a, b, maxCost: maxCost) {
            middle = core
        } else {
            middle = anchored(a, b)
            degraded = true
        }
        for step in middle {
            switch step {
            case .equal(let i, let j): steps.append(.equal(old: i + prefix, new: j + prefix))
            case .delete(let i): steps.append(.delete(old: i + prefix))
            case .insert(let j): steps.append(.insert(new: j + prefix))
            }
        }
        for k in 0..<suffix { steps.append(.equal(old: old.count - suffix + k, new: new.count - suffix + k)) }
        return (steps, degraded)
    }

    /// Plain Myers with a stored trace; nil when the edit distance exceeds `maxCost`.
    private static func core(_ a: [Int], _ b: [Int], maxCost: Int) -> [EditStep]? {
        let n = a.count
        let m = b.count
        if n == 0 { return (0..<m).map { .insert(new: $0) } }
        if m == 0 { return (0..<n).map { .delete(old: $0) } }
        let limit = min(n + m, maxCost)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // The trace keeps, for each d, only the diagonals step d can read (k − 1 … k + 1 for |k| ≤ d):
        // D² entries in all rather than D × the whole array (64 MB at D = 2,000 with the full copy).
        var band: [Int] = []
        var starts: [Int] = []
        var found = false
        outer: for d in 0...limit {
            starts.append(band.count)
            band.append(contentsOf: v[(offset - d - 1)...(offset + d + 1)])
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break outer
                }
                k += 2
            }
        }
        guard found else { return nil }
        // Walk the trace back.
        var steps: [EditStep] = []
        var x = n
        var y = m
        for d in stride(from: starts.count - 1, through: 0, by: -1) {
            // v[offset + k] of step d, for k in −d − 1 … d + 1.
            func traced(_ k: Int) -> Int { band[starts[d] + k + d + 1] }
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && traced(k - 1) < traced(k + 1)) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : traced(previousK)
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                steps.append(.equal(old: x, new: y))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    steps.append(.insert(new: y))
                } else {
                    x -= 1
                    steps.append(.delete(old: x))
                }
            }
        }
        while x > 0 && y > 0 {
            x -= 1
            y -= 1
            steps.append(.equal(old: x, new: y))
        }
        return steps.reversed()
    }

    /// Fallback for very different inputs: elements unique in both sequences, kept in an increasing
    /// run (longest increasing subsequence), are the equal pairs; the rest is deleted and inserted.
    private static func anchored(_ a: [Int], _ b: [Int]) -> [EditStep] {
        var countA: [Int: Int] = [:]
        var countB: [Int: Int] = [:]
        var positionB: [Int: Int] = [:]
        for x in a { countA[x, default: 0] += 1 }
        for (j, x) in b.enumerated() {
            countB[x, default: 0] += 1
            positionB[x] = j
        }
        var pairs: [(Int, Int)] = []
        for (i, x) in a.enumerated() where countA[x] == 1 && countB[x] == 1 { pairs.append((i, positionB[x]!)) }
        // Longest increasing subsequence of the new positions (patience sorting).
        var tails: [Int] = []
        var tailIndex: [Int] = []
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if tails[mid] < pair.1 { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[index] = tailIndex[low - 1] }
            if low == tails.count {
                tails.append(pair.1)
                tailIndex.append(index)
            } else {
                tails[low] = pair.1
                tailIndex[low] = index
            }
        }
        var anchors: [(Int, Int)] = []
        var cursor = tailIndex.last ?? -1
        while cursor >= 0 {
            anchors.append(pairs[cursor])
            cursor = previous[cursor]
        }
        anchors.reverse()
        var steps: [EditStep] = []
        var i = 0
        var j = 0
        for (ai, bj) in anchors + [(a.count, b.count)] {
            while i < ai { steps.append(.delete(old: i)); i += 1 }
            while j < bj { steps.append(.insert(new: j)); j += 1 }
            if ai < a.count {
                steps.append(.equal(old: ai, new: bj))
                i += 1
                j += 1
            }
        }
        return steps
    }
}

/// Gives each distinct string a small integer so that sequences compare as integers.
struct Interner {
    private var ids: [String: Int] = [:]

    /// One hash lookup: a new text is inserted with the next id by the `default:` subscript.
    mutating func id(_ text: String) -> Int {
        let next = ids.count
        return value(&ids[text, default: next])
    }
}

/// Gives each distinct sequence of token ids a small integer.
struct SequenceInterner {
    /// A sequence hashed as one block of bytes (the generic `Array` hash combines element by element).
    private struct Key: Hashable {
        let sequence: [Int]
        func hash(into hasher: inout Hasher) {
            sequence.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
    private var ids: [Key: Int] = [:]

    /// One hash lookup: a new sequence is inserted with the next id by the `default:` subscript.
    mutating func id(_ sequence: [Int]) -> Int {
        let next = ids.count
        return value(&ids[Key(sequence: sequence), default: next])
    }
}

/// Reading through `inout` makes `Dictionary`'s `default:` subscript insert the default when the key
/// is new, so that looking up and inserting cost one hash.
private func value(_ slot: inout Int) -> Int { slot }
