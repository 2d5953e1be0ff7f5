import Testing

@testable import GKDiffKit

/// `RowMatchers.isHeader` (a filter of the header words' first bytes, each place in the key looked at
/// once) says what comparing every header word at every place says.
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
                }
            }
        }
    }
}
