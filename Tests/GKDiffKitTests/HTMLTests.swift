import Testing

@testable import GKDiffKit

/// The HTML reader: detection, charset, entities, the table grid with merged cells, robustness.
@Suite struct HTMLTests {
    /// The page's paragraphs, empty ones (a table's place) dropped.
    func lines(_ html: String) -> [String] {
        HTMLText.convert(html).blocks.compactMap { block -> String? in
            guard case .paragraph(let paragraph) = block, !paragraph.text.isEmpty else { return nil }
            return paragraph.text
        }
    }

    /// The page's tables, each row as `column:text` (with `+span` and `↓rows` when more than one).
    func grids(_ html: String) -> [[String]] {
        HTMLText.convert(html).blocks.compactMap { block -> [String]? in
            guard case .table(let table) = block else { return nil }
            return table.rows.map { row in
                row.cells.map { cell in
                    "\(cell.column)\(cell.columnSpan > 1 ? "+\(cell.columnSpan)" : "")\(cell.rowSpan > 1 ? "↓\(cell.rowSpan)" : ""):\(cell.text)"
                }.joined(separator: " ")
            }
        }
    }

    @Test func detectionByExtensionOrContent() {
        #expect(HTMLText.looksLikeHTML(path: "a.HTM", bytes: Array("plain".utf8)))
        #expect(HTMLText.looksLikeHTML(path: "a.txt", bytes: Array("\u{FEFF}  <!DOCTYPE html><html>".utf8)))
        #expect(HTMLText.looksLikeHTML(path: "-", bytes: Array("<table><tr><td>1</td></tr></table>".utf8)))
        #expect(!HTMLText.looksLikeHTML(path: "a.txt", bytes: Array("一、总体情况 <p>".utf8)))
        #expect(!HTMLText.looksLikeHTML(path: "a.txt", bytes: Array("<不是标签>".utf8)))
    }

    @Test func declaredCharset() {
        #expect(HTMLText.declaredCharset(Array("<meta charset=\"GB2312\">".utf8)) == "gb2312")
        #expect(
            HTMLText.declaredCharset(Array("<meta http-equiv=Content-Type content='text/html; charset=gbk'>".utf8)) == "gbk")
        #expect(HTMLText.declaredCharset(Array("<meta name=x>".utf8)) == nil)
        #expect(SourceText.iconvName("gb2312") == "GB18030")
        #expect(SourceText.iconvName("big5") == "BIG5-HKSCS")
        #expect(SourceText.iconvName("utf-8") == nil)
    }

    @Test func aGBKPageIsDecodedByItsMetaAndAUTF8OneDespiteIt() throws {
        // `政府` in GB18030 is D5 FE B8 AE.
        let gbk: [UInt8] =
            Array("<html><head><meta charset=\"gbk\"></head><body><p>".utf8) + [0xD5, 0xFE, 0xB8, 0xAE]
            + Array("</p></body></html>".utf8)
        let page = try DocumentReader.read(gbk, path: "a.html")
        #expect(page.blocks.map(Self.text) == ["政府"])
        #expect(page.encoding.hasPrefix("GB18030"))
        // Re-saved as UTF-8 but still saying gb2312: valid UTF-8 wins.
        let utf8 = try DocumentReader.read(Array("<meta charset=gb2312><p>政府</p>".utf8), path: "b.html")
        #expect(utf8.blocks.map(Self.text) == ["政府"])
        #expect(utf8.encoding.hasPrefix("UTF-8"))
    }

    static func text(_ block: DocumentBlock) -> String {
        if case .paragraph(let paragraph) = block { return paragraph.text }
        return "<table>"
    }

    @Test func paragraphsEntitiesAndDroppedParts() {
        let out = lines(
            """
            <html><head><title>标题栏</title><style>p{}</style></head><body>
            <script>var s = "<p>脚本</p>";</script>
            <p>第一段&nbsp;&amp;&lt;&#x3000;&#65;&ldquo;引号&rdquo;</p><!-- <p>注释</p> -->
            <div>第二
              段</div>文字<br>换行 &unknown; & 5 < 6
            </body></html>
            """)
        #expect(out == ["第一段\u{A0}&<\u{3000}A“引号”", "第二 段", "文字", "换行 &unknown; & 5 < 6"])
    }

    @Test func mergedCellsSitAtTheirGridColumns() {
        let out = grids(
            """
            <table>
            <tr><td colspan="3" rowspan="2">头</td><td colspan="2">申请人</td></tr>
            <tr><td>自然人</td><td>商业<br>企业</td></tr>
            <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>20</td><td>4</td></tr>
            <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>&nbsp;</td></tr>
            <tr><td>2.其他</td><td>1</td><td>0</td></tr>
            </table>
            """)
        // Checked by drawing the table: 头 covers columns 0–2 of the first two rows, so 自然人 starts
        // at column 3; 三、本年度办理结果 covers column 0 of three rows, （三）不予公开 column 1 of two.
        #expect(
            out == [
                [
                    "0+3↓2:头 3+2:申请人", "3:自然人 4:商业\n企业", "0↓3:三、本年度办理结果 1+2:（一）予以公开 3:20 4:4",
                    "1↓2:（三）不予公开 2:1.属于国家秘密 3:0 4:\u{A0}", "2:2.其他 3:1 4:0",
                ]
            ])
    }

    @Test func aBreakInsideANumberCellMakesItUnreadableNotAnotherNumber() throws {
        let html = """
            <p>2024年某局政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>
            <table><tr><td>第二十条第（五）项</td><td></td></tr>
            <tr><td>信息内容</td><td>本年处理决定数量</td></tr>
            <tr><td>行政许可</td><td>4<br>4</td></tr><tr><td>行政处罚</td><td>7<br></td></tr></table>
            """
        let report = try ReportParser.parse(SourceText.decode(Array(html.utf8), path: "x.html"))
        #expect(report.cell(.proactive, "licensing", "decisions")?.value == .unreadable)
        #expect(report.cell(.proactive, "penalties", "decisions")?.number == 7)
    }

    @Test func hostileSpansAndTagsStayBounded() {
        let wide =
            "<table><tr>" + String(repeating: "<td colspan=\"99999\" rowspan=\"99999\">x</td>", count: 50) + "</tr>"
            + String(repeating: "<tr><td>1</td></tr>", count: 2000) + "</table>"
        let page = HTMLText.convert(wide)
        #expect(page.spansCapped)
        let area = page.blocks.reduce(0) { sum, block in
            guard case .table(let table) = block else { return sum }
            return sum + table.rows.reduce(0) { $0 + $1.cells.reduce(0) { $0 + $1.columnSpan * $1.rowSpan } }
        }
        #expect(area < 400_000)
        // Unclosed everything, a quote that never ends, a lone `<`.
        let broken = grids("<table><tr><td>1<td>2<tr><td a=\"x>3</td>")
        #expect(broken.first?.first == "0:1 1:2")
        #expect(lines("<") == ["<"])
        #expect(HTMLText.convert("<!--").blocks.isEmpty)
    }

    @Test func aPageCutInsideACellSaysSo() {
        #expect(HTMLText.convert("<table><tr><td>1</td><td>2").endsInsideCell)
        // The cell the page ends in is marked, so that `12` cut from `1234` is never read as 12.
        let cut = HTMLText.convert("<table><tr><td>行政许可</td><td>12")
        guard case .table(let table) = cut.blocks.first else {
            Issue.record("no table")
            return
        }
        #expect(table.rows[0].cells.map(\.isCut) == [false, true])
        #expect(!HTMLText.convert("<table><tr><td>1</td><td>2</td>").endsInsideCell)
        #expect(HTMLText.convert("<table><tr><td>1</td><td>").endsInsideCell)
        #expect(!HTMLText.convert("<table><tr><td>1</td></tr>").endsInsideCell)
    }
}
