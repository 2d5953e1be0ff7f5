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
        old.withUnsafeBufferPointer { old in
            new.withUnsafeBufferPointer { new in
                // Common prefix and suffix first: most report pairs share a lot of both.
                var prefix = 0
                while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
                var suffix = 0
                while suffix < old.count - prefix && suffix < new.count - prefix
                    && old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
                {
                    suffix += 1
                }
                let a = UnsafeBufferPointer(rebasing: old[prefix..<(old.count - suffix)])
                let b = UnsafeBufferPointer(rebasing: new[prefix..<(new.count - suffix)])
                if let steps = core(a, b, maxCost: maxCost, prefix: prefix, suffix: suffix) { return (steps, false) }
                var steps: [EditStep] = []
                steps.reserveCapacity(old.count + new.count - prefix - suffix)
                for k in 0..<prefix { steps.append(.equal(old: k, new: k)) }
                for step in anchored(Array(a), Array(b)) {
                    switch step {
                    case .equal(let i, let j): steps.append(.equal(old: i + prefix, new: j + prefix))
                    case .delete(let i): steps.append(.delete(old: i + prefix))
                    case .insert(let j): steps.append(.insert(new: j + prefix))
                    }
                }
                for k in 0..<suffix { steps.append(.equal(old: old.count - suffix + k, new: new.count - suffix + k)) }
                return (steps, true)
            }
        }
    }

    /// Plain Myers with a stored trace, between `a` and `b`, the parts of two sequences between a
    /// common prefix and suffix of the given lengths: the whole edit script, those included; nil
    /// when the edit distance exceeds `maxCost`. The script is written in place, back to front, in
    /// an array of its exact length.
    private static func core(
        _ a: UnsafeBufferPointer<Int>, _ b: UnsafeBufferPointer<Int>, maxCost: Int, prefix: Int, suffix: Int
    ) -> [EditStep]? {
        let n = a.count
        let m = b.count
        /// The script of edit distance `distance`, its middle walked back by `back(out, end)`.
        func script(distance: Int, _ back: (UnsafeMutablePointer<EditStep>, Int) -> Void) -> [EditStep] {
            let middle = distance + (n + m - distance) / 2
            let total = prefix + middle + suffix
            return [EditStep](unsafeUninitializedCapacity: total) { out, count in
                let out = out.baseAddress.unsafelyUnwrapped
                for k in 0..<prefix { (out + k).initialize(to: .equal(old: k, new: k)) }
                back(out, prefix + middle)
                for k in 0..<suffix {
                    (out + prefix + middle + k).initialize(to: .equal(old: prefix + n + k, new: prefix + m + k))
                }
                count = total
            }
        }
        if n == 0 || m == 0 {
            return script(distance: n + m) { out, end in
                for j in 0..<m { (out + prefix + j).initialize(to: .insert(new: prefix + j)) }
                for i in 0..<n { (out + prefix + i).initialize(to: .delete(old: prefix + i)) }
            }
        }
        let limit = min(n + m, maxCost)
        // Every element of one side without a partner on the other is an edit: when that alone
        // exceeds the limit (two texts with little in common), the search below would fail after
        // limit² steps. O((n + m) log(n + m)).
        if n + m > limit && n + m - 2 * commonCount(Array(a), Array(b)) > limit { return nil }
        let offset = limit + 1
        // x on each diagonal, as 32-bit values (x ≤ n).
        guard n < Int(Int32.max) && m < Int(Int32.max) else { return nil }
        let v = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * limit + 3)
        v.initialize(repeating: 0, count: 2 * limit + 3)
        defer { v.deallocate() }
        // The trace keeps, for each d, only the diagonals step d can read (k − 1 … k + 1 for |k| ≤ d):
        // D² entries in all rather than D × the whole array (64 MB at D = 2,000 with the full copy).
        // Step d's are the 2d + 3 from d · (d + 2) on. Grown by doubling, never filled.
        var band = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        var bandCapacity = 64
        defer { band.deallocate() }
        // Through pointers: this loop is the comparison's inner loop, on sentences and on tokens.
        var found = -1
        search: for d in 0...limit {
            let start = d * (d + 2)
            let width = 2 * d + 3
            if start + width > bandCapacity {
                let capacity = max(2 * bandCapacity, start + width)
                let grown = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
                grown.moveInitialize(from: band, count: start)
                band.deallocate()
                band = grown
                bandCapacity = capacity
            }
            (band + start).initialize(from: v + (offset - d - 1), count: width)
            // Diagonal k at `diagonal[k]`; k ± 1 stay inside the array for |k| ≤ d ≤ limit, so both
            // neighbours are read at once, and the arithmetic cannot overflow (unchecked).
            let diagonal = v + offset
            var k = -d
            while k <= d {
                let below = diagonal[k &- 1]
                let above = diagonal[k &+ 1]
                var x = k == -d || (k != d && below < above) ? Int(above) : Int(below) &+ 1
                var y = x &- k
                while x < n && y < m && a[x] == b[y] {
                    x &+= 1
                    y &+= 1
                }
                diagonal[k] = Int32(truncatingIfNeeded: x)
                if x >= n && y >= m {
                    found = d
                    break search
                }
                k &+= 2
            }
        }
        guard found >= 0 else { return nil }
        // Walk the trace back, writing the script from its end.
        return script(distance: found) { out, end in
            var write = end
            func put(_ step: EditStep) {
                write -= 1
                (out + write).initialize(to: step)
            }
            var x = n
            var y = m
            for d in stride(from: found, through: 0, by: -1) {
                // v[offset + k] of step d, for k in −d − 1 … d + 1.
                func traced(_ k: Int) -> Int { Int(band[d * (d + 2) + k + d + 1]) }
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
                    put(.equal(old: prefix + x, new: prefix + y))
                }
                if d > 0 {
                    if x == previousX {
                        y -= 1
                        put(.insert(new: prefix + y))
                    } else {
                        x -= 1
                        put(.delete(old: prefix + x))
                    }
                }
            }
            while x > 0 && y > 0 {
                x -= 1
                y -= 1
                put(.equal(old: prefix + x, new: prefix + y))
            }
            precondition(write == prefix, "Myers: the script's length")
        }
    }

    /// How many elements the two sequences have in common, counted with multiplicity (an upper bound
    /// of their longest common subsequence). O((n + m) log(n + m)).
    static func commonCount(_ a: [Int], _ b: [Int]) -> Int {
        let x = a.sorted()
        let y = b.sorted()
        var i = 0
        var j = 0
        var common = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                common += 1
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return common
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

/// Gives each distinct sentence (by its token identities) a small integer, in an open-addressing table
/// of hashes that keeps for each entry a number the caller gives (where its sentence is) rather than
/// its identities: a sentence costs a few words, not its tokens. The caller decides equality on a
/// hash match (`NarrativeComparator.key`). Made anew for each block of sentences (`reset`).
struct SentenceInterner {
    /// Entry index, or -1 for an empty slot; a power of two long.
    private var slots = [Int32](repeating: -1, count: 64)
    /// Each entry's hash (its low 32 bits: enough to pass over nearly every other entry).
    private var hashes: [UInt32] = []
    private var members: [Int] = []

    /// A hash of token identities (multiply and shift per element). O(n).
    static func hash(_ ids: UnsafeBufferPointer<Int>) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for id in ids {
            h = (h ^ UInt64(bitPattern: Int64(id))) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        return Int(bitPattern: UInt(h ^ UInt64(ids.count)))
    }

    /// Empties the table, sized for `count` sentences (at most half full then, so it never grows).
    mutating func reset(count: Int) {
        var size = 64
        while size < 2 * count { size *= 2 }
        if slots.count == size {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        } else {
            slots = [Int32](repeating: -1, count: size)
        }
        hashes.removeAll(keepingCapacity: true)
        members.removeAll(keepingCapacity: true)
        hashes.reserveCapacity(count)
        members.reserveCapacity(count)
    }

    /// Where the probe for `hash` starts.
    func start(_ hash: Int) -> Int { hash & (slots.count - 1) }

    /// The next entry with this hash from `position` on, advancing `position`; nil at an empty slot
    /// (then `position` is where a new entry goes).
    func next(_ hash: Int, at position: inout Int) -> Int? {
        let low = UInt32(truncatingIfNeeded: hash)
        while true {
            let entry = Int(slots[position])
            if entry < 0 { return nil }
            position = (position + 1) & (slots.count - 1)
            if hashes[entry] == low { return entry }
        }
    }

    /// An entry's member (the number given to `insert`).
    subscript(entry: Int) -> Int { members[entry] }

    /// Adds an entry at the empty slot `position` found by `next`; returns its id.
    mutating func insert(_ hash: Int, member: Int, at position: Int) -> Int {
        let entry = hashes.count
        hashes.append(UInt32(truncatingIfNeeded: hash))
        members.append(member)
        slots[position] = Int32(truncatingIfNeeded: entry)
        if 2 * hashes.count > slots.count {
            // More entries than `reset` was told of: grow to keep the table at most half full.
            slots = [Int32](repeating: -1, count: 2 * slots.count)
            for (index, hash) in hashes.enumerated() {
                var slot = Int(hash) & (slots.count - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Int32(truncatingIfNeeded: index)
            }
        }
        return entry
    }
}
