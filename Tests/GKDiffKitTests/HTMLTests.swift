import Testing

@testable import GKDiffKit

/// The HTML reader: detection, charset, entities, the table grid with merged cells, robustness.
@Suite struct HTMLTests {
    func lines(_ html: String) -> [String] {
        HTMLText.convert(html).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
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
        let page = try SourceText.decode(gbk, path: "a.html")
        #expect(page.text == "政府")
        #expect(page.encoding.hasPrefix("GB18030"))
        // Re-saved as UTF-8 but still saying gb2312: valid UTF-8 wins.
        let utf8 = try SourceText.decode(Array("<meta charset=gb2312><p>政府</p>".utf8), path: "b.html")
        #expect(utf8.text == "政府")
        #expect(utf8.encoding.hasPrefix("UTF-8"))
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

    @Test func mergedCellsBecomeTheEmptyCellsOfATabRow() {
        let out = lines(
            """
            <table>
            <tr><td colspan="3" rowspan="2">头</td><td colspan="2">申请人</td></tr>
            <tr><td>自然人</td><td>商业<br>企业</td></tr>
            <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>20</td><td>4</td></tr>
            <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>&nbsp;</td></tr>
            <tr><td>2.其他</td><td>1</td><td>0</td></tr>
            </table>
            """)
        #expect(
            out == [
                "头\t\t\t申请人\t", "\t\t\t自然人\t商业\u{2028}企业", "三、本年度办理结果\t（一）予以公开\t\t20\t4",
                "\t（三）不予公开\t1.属于国家秘密\t0\t\u{A0}", "\t\t2.其他\t1\t0", "",
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
        #expect(page.text.utf8.count < 400_000)
        // Unclosed everything, a quote that never ends, a lone `<`.
        let broken = HTMLText.convert("<table><tr><td>1<td>2<tr><td a=\"x>3</td>")
        #expect(broken.text.hasPrefix("1\t2"))
        #expect(HTMLText.convert("<").text == "<")
        #expect(HTMLText.convert("<!--").text.isEmpty)
    }

    @Test func aPageCutInsideACellSaysSo() {
        #expect(HTMLText.convert("<table><tr><td>1</td><td>2").endsInsideCell)
        #expect(!HTMLText.convert("<table><tr><td>1</td><td>2</td>").endsInsideCell)
        #expect(!HTMLText.convert("<table><tr><td>1</td><td>").endsInsideCell)
    }
}
