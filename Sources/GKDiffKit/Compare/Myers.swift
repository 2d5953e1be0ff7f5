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
        var steps: [EditStep] = []
        steps.reserveCapacity(old.count + new.count - prefix - suffix)
        for k in 0..<prefix { steps.append(.equal(old: k, new: k)) }
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
        // Every element of one side without a partner on the other is an edit: when that alone
        // exceeds the limit (two texts with little in common), the search below would fail after
        // limit² steps. O((n + m) log(n + m)).
        if n + m > limit && n + m - 2 * commonCount(a, b) > limit { return nil }
        let offset = limit + 1
        // x on each diagonal, as 32-bit values (x ≤ n).
        guard n < Int(Int32.max) && m < Int(Int32.max) else { return nil }
        var v = [Int32](repeating: 0, count: 2 * limit + 3)
        // The trace keeps, for each d, only the diagonals step d can read (k − 1 … k + 1 for |k| ≤ d):
        // D² entries in all rather than D × the whole array (64 MB at D = 2,000 with the full copy).
        var band = [Int32](repeating: 0, count: 64)  // the first `bandCount` are the trace
        var bandCount = 0
        var starts: [Int] = []
        // Through pointers: this loop is the comparison's inner loop, on sentences and on tokens.
        let found = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                v.withUnsafeMutableBufferPointer { v in
                    for d in 0...limit {
                        starts.append(bandCount)
                        let width = 2 * d + 3
                        if bandCount + width > band.count {
                            band.append(contentsOf: repeatElement(0, count: max(band.count, width)))
                        }
                        band.withUnsafeMutableBufferPointer { band in
                            for index in 0..<width { band[bandCount + index] = v[offset - d - 1 + index] }
                        }
                        bandCount += width
                        var k = -d
                        while k <= d {
                            var x: Int
                            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                                x = Int(v[offset + k + 1])
                            } else {
                                x = Int(v[offset + k - 1]) + 1
                            }
                            var y = x - k
                            while x < n && y < m && a[x] == b[y] {
                                x += 1
                                y += 1
                            }
                            v[offset + k] = Int32(truncatingIfNeeded: x)
                            if x >= n && y >= m { return true }
                            k += 2
                        }
                    }
                    return false
                }
            }
        }
        guard found else { return nil }
        // Walk the trace back.
        var steps: [EditStep] = []
        steps.reserveCapacity(n + m)
        var x = n
        var y = m
        for d in stride(from: starts.count - 1, through: 0, by: -1) {
            // v[offset + k] of step d, for k in −d − 1 … d + 1.
            func traced(_ k: Int) -> Int { Int(band[starts[d] + k + d + 1]) }
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

/// Token identities: a single scalar is its own value; an ASCII token of up to eight characters (most
/// numbers and words) is its characters packed into one integer; a longer or non-ASCII token (`1.5万`) is
/// interned as a string; the report's own year and the years either side become fixed placeholders,
/// so that `2023年` in last year's report equals `2024年` in this year's.
struct TokenIdentity {
    private var words: [String: Int] = [:]
    /// `Sentences.normalized` of U+4E00…U+9FFF as met, stored as the value − U+4E00 + 1 (0: not yet,
    /// or not in that block): for these it costs two table look-ups behind lazy initialisation, and a
    /// report uses a few thousand of them over and over.
    private var cjk: [UInt16] = []
    /// Normalised scalars of the sentence being read (kept to reuse its storage).
    private var scratch: [Unicode.Scalar] = []

    /// The text's scalars, each `Sentences.normalized`, into `buffer` (replaced). O(n), written
    /// through pointers: this runs on every scalar of the prose, several times.
    mutating func normalizedScalars(_ text: String, into buffer: inout [Unicode.Scalar]) {
        if cjk.isEmpty { cjk = [UInt16](repeating: 0, count: 0x9FFF - 0x4E00 + 1) }
        var text = text
        text.withUTF8 { bytes in
            // As many slots as bytes (at least one byte a scalar), written in place and cut to the
            // scalars written; the buffer's storage is reused from one sentence to the next.
            if buffer.count < bytes.count {
                buffer.append(contentsOf: repeatElement(" ", count: bytes.count - buffer.count))
            } else if buffer.count > bytes.count {
                buffer.removeLast(buffer.count - bytes.count)
            }
            let count = buffer.withUnsafeMutableBufferPointer { out in
                cjk.withUnsafeMutableBufferPointer { cache in
                    var index = 0
                    var written = 0
                    while index < bytes.count {
                        let lead = bytes[index]
                        if lead < 0x80 {  // ASCII is its own form
                            out[written] = Unicode.Scalar(lead)
                            written += 1
                            index += 1
                            continue
                        }
                        let (scalar, length) = Sentences.scalar(bytes, at: index)
                        index += length
                        out[written] = Self.normalized(scalar, cache)
                        written += 1
                    }
                    return written
                }
            }
            buffer.removeLast(bytes.count - count)
        }
    }

    /// Scalars each `Sentences.normalized`, through the same cache as `normalizedScalars`. O(n).
    mutating func normalized(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        if cjk.isEmpty { cjk = [UInt16](repeating: 0, count: 0x9FFF - 0x4E00 + 1) }
        return cjk.withUnsafeMutableBufferPointer { cache in scalars.map { Self.normalized($0, cache) } }
    }

    /// `Sentences.normalized`, looked up in (and added to) the cache for U+4E00…U+9FFF.
    @inline(__always)
    private static func normalized(_ scalar: Unicode.Scalar, _ cache: UnsafeMutableBufferPointer<UInt16>) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 { return scalar }  // ASCII is its own form
        guard value >= 0x4E00 && value <= 0x9FFF else { return Sentences.normalized(scalar) }
        let cached = cache[Int(value - 0x4E00)]
        if cached != 0 { return Unicode.Scalar(UInt32(cached) + 0x4DFF) ?? scalar }
        let mapped = Sentences.normalized(scalar)
        if mapped.value >= 0x4E00 && mapped.value <= 0x9FFF { cache[Int(value - 0x4E00)] = UInt16(mapped.value - 0x4DFF) }
        return mapped
    }

    /// The identity of token `start..<end` of normalised `scalars`.
    mutating func id(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, isNumber: Bool, year: Int?) -> Int {
        if end - start == 1 { return Int(scalars[start].value) }
        if isNumber, end - start == 4, let year, let value = Metadata.fourDigits(scalars, at: start) {
            switch value - year {
            case 0: return -1
            case 1: return -2
            case -1: return -3
            default: break
            }
        }
        if end - start <= 8 {
            // Seven bits a character, none of them 0: distinct texts give distinct values, above
            // every scalar value and every interned id.
            var packed = 0
            var ascii = true
            for index in start..<end {
                let value = scalars[index].value
                if value >= 0x80 {
                    ascii = false
                    break
                }
                packed = packed << 7 | Int(value)
            }
            if ascii { return 1 << 62 | packed }
        }
        let next = words.count
        return 0x20_0000 + value(&words[LabelText.string(scalars[start..<end]), default: next])
    }

    /// The identities of a sentence's tokens into `ids` (emptied first; its storage is reused). O(n).
    mutating func ids(of text: String, year: Int?, into ids: inout [Int]) {
        var buffer = scratch
        scratch = []
        defer { scratch = buffer }
        normalizedScalars(text, into: &buffer)
        ids.removeAll(keepingCapacity: true)
        ids.reserveCapacity(buffer.count)
        var index = 0
        while index < buffer.count {
            let scalar = buffer[index]
            if LabelText.isSpace(scalar) {
                index += 1
                continue
            }
            if scalar.value >= 0x80 {
                // Not ASCII (after normalising): never a number or a word, a token of its own.
                ids.append(Int(scalar.value))
                index += 1
                continue
            }
            let (end, isNumber) = Sentences.tokenEnd(buffer, at: index)
            ids.append(id(buffer, index, end, isNumber: isNumber, year: year))
            index = end
        }
    }
}

/// Gives each distinct sentence (by its token identities) a small integer, in an open-addressing table
/// of hashes that keeps each entry's text and year rather than its identities: a sentence costs a few
/// words, not its tokens. The caller decides equality on a hash match (`NarrativeComparator.key`).
struct SentenceInterner {
    /// Entry index, or -1 for an empty slot; a power of two long.
    private var slots = [Int](repeating: -1, count: 64)
    private var hashes: [Int] = []
    private var texts: [String] = []
    private var years: [Int] = []  // `Int.min` for none

    /// A hash of token identities (multiply and shift per element). O(n).
    static func hash(_ ids: [Int]) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for id in ids {
            h = (h ^ UInt64(bitPattern: Int64(id))) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        return Int(bitPattern: UInt(h ^ UInt64(ids.count)))
    }

    /// Where the probe for `hash` starts.
    func start(_ hash: Int) -> Int { hash & (slots.count - 1) }

    /// The next entry with this hash from `position` on, advancing `position`; nil at an empty slot
    /// (then `position` is where a new entry goes).
    func next(_ hash: Int, at position: inout Int) -> Int? {
        while true {
            let entry = slots[position]
            if entry < 0 { return nil }
            position = (position + 1) & (slots.count - 1)
            if hashes[entry] == hash { return entry }
        }
    }

    /// An entry's text and year.
    subscript(entry: Int) -> (text: String, year: Int?) {
        (texts[entry], years[entry] == Int.min ? nil : years[entry])
    }

    /// Adds an entry at the empty slot `position` found by `next`; returns its id.
    mutating func insert(_ hash: Int, text: String, year: Int?, at position: Int) -> Int {
        let entry = hashes.count
        hashes.append(hash)
        texts.append(text)
        years.append(year ?? Int.min)
        slots[position] = entry
        if 2 * hashes.count > slots.count {
            // Grow to keep the table at most half full.
            slots = [Int](repeating: -1, count: 2 * slots.count)
            for (index, hash) in hashes.enumerated() {
                var slot = hash & (slots.count - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = index
            }
        }
        return entry
    }
}

/// Reading through `inout` makes `Dictionary`'s `default:` subscript insert the default when the key
/// is new, so that looking up and inserting cost one hash.
private func value(_ slot: inout Int) -> Int { slot }
