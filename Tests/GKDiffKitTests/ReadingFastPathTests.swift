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

    /// Cell texts of every kind the reader meets.
    static let cellTexts: [String] = [
        "", "0", "463", "１２", "1,234", "1234,567", "5125.11", "44件", "251000元", "25.1万元", "3亿元", "+3", "-2",
        "－5", "−1", "＋4", "/", "／", "—", "——", "-", "－", "–", "无", "無", "\\", "、", "--", "－－", "―", "行政许可",
        "（一）予以公开", "总计", "1.属于国家秘密", "999999999999", "1000000000000", "123456789012345678",
        "1234567890123456789", "12 345", "0.5", ".5", "5.", "无效", "—2", String(repeating: "1", count: 70),
        String(repeating: "字", count: 90), "無正當理由", "、其他", "＋", "－－3", "1.其他", "12a", "3.其他件", "1 2",
        "1\u{3000}2", "1,234元", "2.5万元", "12个", "7.属于行政执法案卷", "1１", "1．5", "2亿元", "4（件）", "5 件",
    ]

    /// `quickRead` decides only what `read(trimmed:)` decides the same way.
    @Test func quickReadAgreesWithRead() {
        for text in Self.cellTexts {
            let quick = Array(text.utf8).withUnsafeBufferPointer { CellText.quickRead($0) }
            guard let quick else { continue }
            #expect(quick == CellText.read(trimmed: Substring(text)), "\(text)")
        }
    }

    /// Tokens cut and read on bytes are the tokens cut into `Substring`s and read one by one.
    @Test func tokenPiecesAsBefore() {
        let lines = [
            Self.cellTexts.joined(separator: "\t"), " 行政许可 \t 44 \t\t", "\t\t", "", "a\r\nb\nc",
            "\u{3000}（三）不予公开\u{3000}\t1.属于国家秘密\t0\t0",
        ]
        for line in lines {
            for separator: UInt8 in [0x09, 0x0A] {
                var store = TokenStore()
                let fast = store.pieces(of: Substring(line), separator: separator, line: 7)
                let slow = Line.pieces(of: Substring(line), separator: separator).map { store.token($0, line: 7) }
                #expect(fast.count == slow.count)
                for (a, b) in zip(fast, slow) {
                    let (textA, textB) = (store.text(of: a), store.text(of: b))
                    #expect(textA == textB && textA.startIndex == textB.startIndex && textA.endIndex == textB.endIndex)
                    #expect(store.string(of: a) == String(textB) && a.isEmpty == b.isEmpty)
                    #expect(
                        a.reading == b.reading && a.isLabelSized == b.isLabelSized && store.key(of: a) == store.key(of: b)
                            && a.line == b.line)
                }
            }
        }
    }

    /// Pipes found on bytes are the pipes found on scalars.
    @Test(arguments: ["", "a|b", "行政许可｜44", "│", "┃x", "║", "─┄┼", "全角／", "\u{2502}\u{2503}", "无"])
    func pipesAsOnScalars(text: String) {
        #expect(TableReader.hasPipe(Substring(text)) == text.unicodeScalars.contains(where: TableReader.isPipe))
    }

    /// A text without an HTML table becomes one paragraph per line, `#` marks dropped, as the
    /// `Substring` path made it.
    @Test(arguments: ["", "\n", "a\nb\n", "## 一、总体情况\n正文\n\n", "####### 七\n#x\n#\t表", "a\r\nb", "\t0\n\t1"])
    func plainTextAsBefore(text: String) throws {
        let blocks = try #require(DocumentReader.plainTextBlocks(text))
        var expected: [(String, Int)] = []
        for (index, line) in Line.pieces(of: Substring(text), separator: 0x0A).enumerated() {
            expected.append((String(DocumentReader.withoutHeadingMarks(line)), index + 1))
        }
        if expected.count > 1 && expected.last?.0 == "" { expected.removeLast() }
        #expect(blocks.count == expected.count)
        for (block, (text, line)) in zip(blocks, expected) {
            guard case .paragraph(let paragraph) = block else {
                Issue.record("not a paragraph")
                continue
            }
            #expect(paragraph.text == text && paragraph.line == line)
        }
        #expect(DocumentReader.plainTextBlocks("x\n  <TABLE><tr><td>1</td></tr></table>") == nil)
    }
}
