import Testing

@testable import GKDiffKit

/// `Metadata.period(inParagraphs:)`, which reads the texts in place, finds what the search over the
/// joined text's scalar arrays found (the reference below is that search as it was written).
@Suite struct MetadataPeriodTests {
    /// The statistics period as found on `Array(text.unicodeScalars)` and its simplified forms.
    static func reference(_ text: String) -> String? {
        let original = Array(text.unicodeScalars)
        let scalars = original.map(Traditional.simplified)
        func fourDigits(_ index: Int) -> Bool { Metadata.fourDigits(scalars, at: index) != nil }
        func find(_ needle: [Unicode.Scalar]) -> Int? {
            guard needle.count <= scalars.count else { return nil }
            var index = 0
            while index + needle.count <= scalars.count {
                if scalars[index..<index + needle.count].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
        var start: Int?
        if let label = find(Array("统计期限".unicodeScalars)) {
            start = scalars[label...].firstIndex(of: "自").map { $0 + 1 }
            if let found = start, found - label > 12 { start = nil }
        }
        if start == nil {
            var index = 0
            while index + 5 < scalars.count {
                if scalars[index] == "自", fourDigits(index + 1) {
                    start = index + 1
                    break
                }
                index += 1
            }
        }
        guard let from = start, from < scalars.count else { return nil }
        var end = from
        while end < scalars.count && end - from < 40 {
            let scalar = scalars[end]
            if scalar == "止" {
                end += 1
                break
            }
            guard ("0"..."9").contains(scalar) || "年月日起至到-—－~～".unicodeScalars.contains(scalar) || LabelText.isSpace(scalar)
            else { break }
            end += 1
        }
        let period = LabelText.string(original[from..<end])
        return Metadata.year(in: LabelText.string(scalars[from..<end])) == nil ? nil : period
    }

    static let cases: [[String]] = [
        [], [""], ["", ""], ["统计期限自2024年1月1日起至2024年12月31日止。"],
        ["本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。本报告电子版"],
        ["統計期限自2023年1月1日起至2023年12月31日止"], ["统计期限", "自2024年1月1日至2024年12月31日止"],
        ["统计期限为：本年度", "自2024年1月1日起"], ["统计期限是从去年的一月开始计算", "自2024年1月1日至2024年12月31日"],
        ["统计期限自", "2024年1月1日起至", "2024年12月31日止"], ["统计期限自"], ["统计期限"], ["自2024"],
        ["自2024", ""], ["自2024", "x"], ["自20245年"], ["自2024年"], ["x自2024年 1 月 1 日起至 2024 年 12 月 31 日止"],
        ["统计期", "限自2024年1月1日起至2024年12月31日止"], ["自１２３４年", "自2023年至2024年"],
        ["自2023年1月1日至2023年12月31日至2023年12月31日至2023年12月31日至2023年12月31日止"],
        ["统计期限(2024)自2024年1月1日起至2024年12月31日止"], ["统计期限一二三四五六七自2024年1月1日止"],
        ["统计期限一二三四五六七八自2024年1月1日止"], ["自2024a", "统计期限自2023年1月1日止"],
        ["文字", "自", "2024年1月1日起"], ["2023年", "自2024年～2025年"], ["自2024年—2025年度", "止"],
        ["🀄自2024年1月1日起至2024年12月31日止"], ["统计期限自🀄2024年"], ["自2024年\t1月1日起\u{3000}至\n2024年12月31日止"],
        ["總體", "統計期限自二〇二四年一月一日起至二〇二四年十二月三十一日止", "自2024年1月1日起至2024年12月31日止"],
    ]

    @Test func periodAsOnTheJoinedText() {
        for texts in Self.cases {
            let joined = texts.joined(separator: "\n")
            #expect(Metadata.period(inParagraphs: texts) == Self.reference(joined), "\(texts)")
            #expect(Metadata.period(in: joined) == Self.reference(joined), "\(texts)")
        }
    }

    /// Texts cut at every place: the search over the pieces finds what it finds over the whole.
    @Test func periodAcrossEveryCut() {
        let texts = [
            "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
            "数据自2023年1月1日起至2023年12月31日止，统计期限为一年",
            "统计期限为自然年，自 2024 年 1 月 1 日至 2024 年 12 月 31 日",
        ]
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            for cut in 0...scalars.count {
                let pieces = [LabelText.string(scalars[..<cut]), LabelText.string(scalars[cut...])]
                let joined = pieces.joined(separator: "\n")
                #expect(Metadata.period(inParagraphs: pieces) == Self.reference(joined), "\(pieces)")
            }
        }
    }

    @Test func knownPeriods() {
        #expect(Metadata.period(in: "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。") == "2024年1月1日起至2024年12月31日止")
        #expect(Metadata.period(inParagraphs: ["统计期限", "自2024年1月1日起至", "2024年12月31日止"]) == "2024年1月1日起至\n2024年12月31日止")
        #expect(Metadata.period(in: "没有期限") == nil)
    }
}
