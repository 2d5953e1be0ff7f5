import Testing

@testable import GKDiffKit

/// `RowMatchers.isHeader` (a filter of the header words' first bytes, each place in the key looked at
/// once) says what comparing every header word at every place says; `matchRow` and `isHeaderWord`
/// (the same filter on the key's start) what comparing every word says.
@Suite struct HeaderFilterTests {
    /// Keys made of the templates' own words: each header word and row text alone, with text before
    /// and after it, cut short, and two run together; and some that are no label.
    func keys(_ spec: TableSpec) -> [String] {
        let words = spec.headerWords + spec.rows.flatMap { $0.match + [$0.label] + ($0.group.map { [$0] } ?? []) }
        var keys: [String] = ["", "a", "ab", "abc", "本", "本年", "12", "（一）", "其他情形", "合计总计"]
        for word in words {
            let key = LabelText.key(word)
            keys += [key, "一" + key, key + "数量", "（二）" + key + "其他", String(key.dropLast()), String(key.dropFirst())]
            keys += words.prefix(12).map { key + LabelText.key($0) }
        }
        return keys
    }

    @Test func filterAgreesWithEveryWord() {
        for edition in TemplateEdition.allCases {
            for kind in TableKind.allCases {
                let spec = edition.table(kind)
                let matchers = spec.matchers
                #expect(matchers.headerStarts != nil, "\(edition) \(kind): a header word under three bytes")
                for key in keys(spec) {
                    var key = key
                    let (fast, slow) = key.withUTF8 { (matchers.isHeader($0), matchers.isHeaderByEveryWord($0)) }
                    #expect(fast == slow, "\(edition) \(kind) «\(key)»")
                    // The row a key names, and whether it is a header word, as the words say one by one.
                    var row: Int?
                    search: for (position, spec) in spec.rows.enumerated() {
                        for word in spec.match {
                            let prefix = word.unicodeScalars.count >= 4 && word.utf8.count < key.utf8.count
                            if LabelText.sameBytes(word, key) || prefix && key.utf8.starts(with: word.utf8) {
                                row = position
                                break search
                            }
                        }
                    }
                    let isWord = spec.headerWords.contains { LabelText.sameBytes($0, key) }
                    #expect(key.withUTF8 { matchers.matchRow($0) } == row, "\(edition) \(kind) «\(key)»")
                    #expect(key.withUTF8 { matchers.isHeaderWord($0) } == isWord, "\(edition) \(kind) «\(key)»")
                }
            }
        }
    }
}
