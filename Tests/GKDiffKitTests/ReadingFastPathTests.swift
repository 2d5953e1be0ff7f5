import Testing

@testable import GKDiffKit

/// The byte-level paths the reader takes for speed give what the `String` paths they stand in for give.
@Suite struct ReadingFastPathTests {
    /// The written-out traditional → simplified table is the one `pairs` makes.
    @Test func traditionalTableIsThePairs() {
        let table = Traditional.table(of: Traditional.pairs)
        #expect(table.keys == Traditional.sortedKeys)
        #expect(table.values == Traditional.sortedValues)
        #expect(Traditional.simplified(Unicode.Scalar("總")) == "总")
        #expect(Traditional.simplified(Unicode.Scalar("覆")) == "复")
    }

    /// Section headings in the ways reports write them, decided on bytes (or, with `*` and `[`, on
    /// strings as before).
    @Test(arguments: [
        ("一、总体情况", SectionKind.overview),
        ("（一）总体情况", .overview),
        ("１、总体情况", .overview),
        ("3.总体情况", .overview),
        ("总\u{3000}体 情 况", .overview),
        ("**一、总体情况**", .overview),
        ("[bookmark: _Toc1]一、总体情况", .overview),
        ("二、主動公開政府信息情況", .proactive),
        ("三、收到和处理政府信息公开申请情况", .requests),
        ("四、政府信息公开行政复议、行政诉讼情况", .appeals),
        ("四、政府信息公开行政复议，行政诉讼情况。", .appeals),
        ("五、存在的主要问题及改进情况", .problems),
        ("六、其他需要报告的事项：", .other),
    ])
    func headingKinds(line: String, kind: SectionKind) {
        #expect(ReportParser.headingKind(of: Substring(line)) == kind)
    }

    @Test(arguments: ["一、总体情况概述", "总体", "一、总体情况\u{0301}", "", "、", "（）", "十十十、"])
    func notHeadings(line: String) {
        #expect(ReportParser.headingKind(of: Substring(line)) == nil)
    }

    /// Trimming on bytes keeps what trimming on scalars keeps.
    @Test(arguments: ["", " ", "\u{3000}a\u{3000}", "\u{FEFF}表\u{00A0}", "a b", "\u{200B}\u{2028}", "\t\t", "x\u{0B}"])
    func trimAsOnScalars(text: String) {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, LabelText.isSpace(scalars[start]) { start += 1 }
        while end > start, LabelText.isSpace(scalars[end - 1]) { end -= 1 }
        #expect(String(LabelText.trim(text)) == LabelText.string(scalars[start..<end]))
    }
}
