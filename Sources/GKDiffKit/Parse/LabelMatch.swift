/// What a label's key (`LabelText.key`) matches in one table: the row it names, whether it holds a
/// header word, whether it is a header word that is also a row label, and what it says of the money
/// column's unit. Worked out once per token from the text's bytes, with the key folded into a buffer
/// on the stack rather than into a `String`.
struct LabelMatch: Sendable {
    /// What a header says of the money column (`TableReader.noteMoneyUnit`).
    enum Money: UInt8, Sendable {
        /// Nothing: the key does not hold both `金额` and `元`.
        case none
        /// In 元.
        case yuan
        /// In 万元.
        case tenThousandYuan
    }

    /// The row's position in the spec (`TableReader.matchRow`), or -1.
    var row: Int
    /// `TableReader.isHeader`.
    var isHeader: Bool
    /// `TableReader.isAmbiguous` of the key and the written text, worked out only for a key that
    /// names a row (false otherwise).
    var isAmbiguous: Bool
    /// `noteMoneyUnit`'s reading of the key.
    var money: Money

    static let nothing = LabelMatch(row: -1, isHeader: false, isAmbiguous: false, money: .none)
}

extension TableReader {
    /// The token's `LabelMatch` (a label candidate's): the one worked out before, or worked out now.
    func labelMatch(_ token: Token) -> LabelMatch {
        if let match = token.match { return match }
        let matchers = self.matchers
        return store.withBytes(of: token) { matchers.cachedMatch(of: $0) }
    }

    /// `RowMatchers.labelMatch(of:ambiguity:)`.
    func labelMatch(of written: Substring, ambiguity: Bool) -> LabelMatch {
        matchers.labelMatch(of: written, ambiguity: ambiguity)
    }

    /// Works out the `LabelMatch` of every label candidate of the rows (those `TokenStore.append` cut
    /// were matched there), so that the rows can be looked at more than once without matching again.
    func matchLabels(_ rows: inout [[Token]]) {
        let matchers = self.matchers
        let store = self.store
        for r in rows.indices {
            // Each row's tokens in place, without looking the row up again for every token.
            rows[r].withUnsafeMutableBufferPointer { tokens in
                for t in tokens.indices where tokens[t].isLabelCandidate && tokens[t].match == nil {
                    tokens[t].match = store.withBytes(of: tokens[t]) { matchers.cachedMatch(of: $0) }
                }
            }
        }
    }
}

extension RowMatchers {
    /// The `LabelMatch` of trimmed text; `ambiguity`: whether to work out `isAmbiguous`.
    func labelMatch(of written: Substring, ambiguity: Bool) -> LabelMatch {
        if let match = Line.withBytes(of: written, { labelMatch(of: $0, ambiguity: ambiguity) }) {
            return match
        }
        var copy = String(written)
        return copy.withUTF8 { labelMatch(of: $0, ambiguity: ambiguity) }
    }

    /// `labelMatch(of: written, ambiguity: true)`, kept in `cache` for the next time the same bytes
    /// come.
    func cachedMatch(of written: UnsafeBufferPointer<UInt8>) -> LabelMatch {
        let hash = LabelCache.hash(written)
        if let match = cache.withLock({ $0.match(written, hash: hash) }) { return match }
        let match = labelMatch(of: written, ambiguity: true)
        cache.withLock { $0.insert(written, hash: hash, match) }
        return match
    }

    /// The `LabelMatch` of the UTF-8 bytes of trimmed text.
    func labelMatch(of written: UnsafeBufferPointer<UInt8>, ambiguity: Bool) -> LabelMatch {
        if written.isEmpty { return .nothing }  // an empty key matches nothing
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: written.count) { buffer in
            // `LabelText.key(_:)` of the bytes, in place.
            let count = LabelText.fold(written, into: buffer)
            let drop = LabelText.numberingLength(UnsafeBufferPointer(rebasing: buffer[..<count]))
            let key = UnsafeBufferPointer(rebasing: buffer[drop..<count])
            if key.isEmpty { return .nothing }
            var match = LabelMatch.nothing
            match.row = matchLabel(key) ?? -1
            match.isHeader = isHeader(key)
            if match.isHeader { match.money = Self.money(key) }
            if ambiguity && match.row >= 0 {
                // The key is the folded text without its numbering: for a plain key, the folded text
                // (plain too, numbering being plain) equals the key exactly when nothing was dropped.
                match.isAmbiguous =
                    LabelText.isPlain(key) && plainHeaderWords
                    ? drop == 0 && isHeaderWord(key) : isAmbiguous(key, written: written)
            }
            return match
        }
    }

    /// `TableReader.matchRow(_:)` of a key's bytes: the row's position in the spec; a group written
    /// before the row's own label is skipped.
    func matchLabel(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        if let row = matchRow(key) { return row }
        let groups = groupWords
        return groups.withBytes { words in
            for group in 0..<groups.count {
                let (start, size) = groups.range(of: group)
                guard key.count > size, WordList.equal(words, start, size, key, 0) else { continue }
                // The rest after the group, its numbering removed (`LabelText.stripNumbering`).
                let rest = UnsafeBufferPointer(rebasing: key[size...])
                let drop = LabelText.numberingLength(rest)
                let stripped = UnsafeBufferPointer(rebasing: rest[drop...])
                if !stripped.isEmpty, let row = matchRow(stripped) { return row }
            }
            return nil
        }
    }

    /// `isAmbiguous(_:written:)` of a key's bytes and the written text's.
    func isAmbiguous(_ key: UnsafeBufferPointer<UInt8>, written: UnsafeBufferPointer<UInt8>) -> Bool {
        guard LabelText.isPlain(key) && plainHeaderWords else {
            let key = String(decoding: key, as: UTF8.self)
            return headerWords.contains(key) && LabelText.fold(String(decoding: written, as: UTF8.self)) == key
        }
        guard isHeaderWord(key) else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: written.count) { buffer in
            let count = LabelText.fold(written, into: buffer)
            let folded = UnsafeBufferPointer(rebasing: buffer[..<count])
            guard LabelText.isPlain(folded) else {
                return String(decoding: folded, as: UTF8.self) == String(decoding: key, as: UTF8.self)
            }
            return folded.count == key.count && folded.elementsEqual(key)
        }
    }

    /// What a header key says of the money column: `noteMoneyUnit(_:)` on bytes.
    static func money(_ key: UnsafeBufferPointer<UInt8>) -> LabelMatch.Money {
        guard LabelText.contains(key, Self.amountWord), LabelText.contains(key, Self.yuanWord) else { return .none }
        return LabelText.contains(key, Self.tenThousandYuanWord) ? .tenThousandYuan : .yuan
    }

    private static let amountWord = Array("金额".utf8)
    private static let yuanWord = Array("元".utf8)
    private static let tenThousandYuanWord = Array("万元".utf8)
}

/// The rows of a table read so far: a flag per row of the spec (rows that share a key share the
/// first one's flag), so that a row whose position is known is looked up without hashing its key.
struct RowSet {
    private var flags: [Bool]
    /// `TableSpec.rowIndex` and `TableSpec.rowCanonical`.
    private let index: [String: Int]
    private let canonical: [Int]
    /// Keys the spec does not have.
    private var others: Set<String> = []
    private(set) var isEmpty = true

    init(spec: TableSpec) {
        flags = Array(repeating: false, count: spec.rows.count)
        index = spec.rowIndex
        canonical = spec.rowCanonical
    }

    func contains(_ key: String) -> Bool {
        if let position = index[key] { return flags[position] }
        return others.contains(key)
    }

    /// True when the row at `position` in the spec (or one with its key) was read.
    func contains(row position: Int) -> Bool { flags[canonical[position]] }

    mutating func insert(_ key: String) {
        if let position = index[key] { flags[position] = true } else { others.insert(key) }
        isEmpty = false
    }

    mutating func insert(row position: Int) {
        flags[canonical[position]] = true
        isEmpty = false
    }
}
