import GKDiffFuzz
import Testing

@testable import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

/// DocxReader on a LibreOffice export of a fixture, on the real WPS template, on small hand-built
/// documents (one per construct), and on broken and hostile archives.
@Suite struct DocxReaderTests {
    // MARK: Helpers

    static func read(body: String) throws -> Document {
        try DocxReader.read(TestArchive.docx(body: body), path: "test.docx")
    }

    static func paragraphs(_ document: Document) -> [String] {
        document.blocks.compactMap { if case .paragraph(let paragraph) = $0 { paragraph.text } else { nil } }
    }

    static func tables(_ document: Document) -> [DocumentTable] {
        document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    /// A paragraph of one run of text.
    static func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

    /// A table cell holding one paragraph; `properties` go into `w:tcPr`.
    static func tc(_ text: String, _ properties: String = "") -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>\(properties)</w:tcPr>\(text.isEmpty ? "<w:p/>" : p(text))</w:tc>"
    }

    static func tr(_ cells: String...) -> String { "<w:tr>" + cells.joined() + "</w:tr>" }

    static func tbl(_ rows: String...) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"1000\"/></w:tblGrid>"
            + rows.joined() + "</w:tbl>"
    }

    /// Compact view of a row: `column+span×rowSpan:text` for each cell.
    static func shape(_ row: DocumentRow) -> [String] {
        row.cells.map { "\($0.column)+\($0.columnSpan)x\($0.rowSpan):\($0.text)" }
    }

    /// What breaks the grid rules of `DocumentRow`: cells out of column order, two cells on one grid
    /// position, a row span past the last row, a cell line other than its row's. Empty when none.
    static func gridProblems(_ table: DocumentTable) -> [String] {
        var problems: [String] = []
        var covered = Set<[Int]>()
        for (rowIndex, row) in table.rows.enumerated() {
            var next = 0
            for cell in row.cells {
                if cell.column < next { problems.append("row \(rowIndex): cell at \(cell.column) out of order") }
                next = cell.column + cell.columnSpan
                if rowIndex + cell.rowSpan > table.rows.count { problems.append("row \(rowIndex): rowSpan past the end") }
                if cell.line != row.line { problems.append("row \(rowIndex): cell line \(cell.line) ≠ \(row.line)") }
                for r in rowIndex..<(rowIndex + cell.rowSpan) {
                    for c in cell.column..<(cell.column + cell.columnSpan) where !covered.insert([r, c]).inserted {
                        problems.append("(\(r), \(c)) covered twice")
                    }
                }
            }
        }
        return problems
    }

    // MARK: A fixture through LibreOffice

    /// `Fixtures/docx/nanguan-zjj-2024.docx`, made by LibreOffice from `layouts/nanguan-zjj-2024.html`;
    /// the expected values were read off that page's tables by eye.
    @Test func zjjFromLibreOffice() throws {
        let path = Fixture.path("docx/nanguan-zjj-2024.docx")
        let document = try DocxReader.read(try SourceText.readBytes(path: path), path: path)
        #expect(document.format == .docx)
        #expect(document.encoding == "DOCX")
        #expect(!document.endsMidLine)
        #expect(document.diagnostics.isEmpty)

        let paragraphs = Self.paragraphs(document)
        #expect(paragraphs[0] == "首页\u{00A0}>\u{00A0}政务公开\u{00A0}>\u{00A0}政府信息公开年报")  // &nbsp; in the page
        #expect(paragraphs[1] == "2024年长春市南关区住房和城乡建设局政府信息公开工作年度报告")
        #expect(paragraphs.contains("三、收到和处理政府信息公开申请情况"))
        #expect(paragraphs.contains("长春市南关区住房和城乡建设局\n2025年1月15日"))
        guard case .paragraph(let title) = document.blocks[1] else {
            Issue.record("second block is not the title")
            return
        }
        #expect(title.line == 2)

        let tables = Self.tables(document)
        try #require(tables.count == 3)
        #expect(tables.flatMap(Self.gridProblems) == [])

        // Table 1: 14 rows, 4 columns; a value spans the three value columns.
        let proactive = tables[0]
        #expect(proactive.rows.count == 14)
        #expect(proactive.width == 4)
        #expect(proactive.line == 9)
        let licensing = try #require(proactive.rows.first { $0.cells.first?.text == "行政许可" })
        #expect(Self.shape(licensing) == ["0+1x1:行政许可", "1+3x1:1234"])
        #expect(licensing.cells.allSatisfy { $0.line == licensing.line })
        let documents = try #require(proactive.rows.first { $0.cells.first?.text == "行政规范性文件" })
        #expect(Self.shape(documents) == ["0+1x1:行政规范性文件", "1+1x1:3", "2+1x1:1", "3+1x1:12"])
        #expect(Self.shape(proactive.rows[1])[1] == "1+1x1:本年制发\n件数")
        #expect(Self.shape(proactive.rows[13]) == ["0+1x1:行政事业性收费", "1+3x1:25.1\u{00A0}万元"])

        // Table 2: 3 header rows and 25 data rows, 10 grid columns (3 label, 7 value).
        let requests = tables[1]
        #expect(requests.rows.count == 28)
        #expect(requests.width == 10)
        #expect(Self.shape(requests.rows[0]) == ["0+3x3:（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "3+7x1:申请人情况"])
        #expect(Self.shape(requests.rows[1]) == ["3+1x2:自然人", "4+5x1:法人或其他组织", "9+1x2:总计"])
        #expect(requests.rows[2].cells.map(\.column) == [4, 5, 6, 7, 8])
        #expect(requests.rows[2].cells.first?.text == "商业\n企业")
        let values = requests.rows.dropFirst(3).map { row in row.cells.filter { $0.column >= 3 }.map(\.text) }
        #expect(values.count == 25)
        #expect(values.allSatisfy { $0.count == 7 })
        #expect(values[0] == ["41", "9", "1", "2", "1", "3", "57"])  // 一、本年新收
        #expect(values[1] == ["3", "1", "0", "0", "0", "0", "4"])  // 二、上年结转
        #expect(values[2] == ["20", "4", "1", "1", "0", "1", "27"])  // （一）予以公开
        #expect(values[7] == ["2", "0", "0", "0", "0", "0", "2"])  // 4.保护第三方合法权益
        #expect(values[12] == ["4", "1", "0", "1", "0", "0", "6"])  // （四）1.本机关不掌握
        #expect(values[16] == ["1", "0", "0", "0", "0", "1", "2"])  // （五）2.重复申请
        #expect(values[22] == ["0", "1", "0", "0", "0", "0", "1"])  // （六）3.其他
        #expect(values[23] == ["42", "9", "1", "2", "1", "3", "58"])  // （七）总计
        #expect(values[24] == ["2", "1", "0", "0", "0", "0", "3"])  // 四、结转下年度
        let results = requests.rows[5]
        #expect(Self.shape(results).prefix(2) == ["0+1x22:三、本年度办理结果", "1+2x1:（一）予以公开"])
        #expect(Self.shape(requests.rows[7]).prefix(2) == ["1+1x8:（三）不予公开", "2+1x1:1.属于国家秘密"])
        #expect(requests.rows[8].cells.first?.column == 2)  // rows under merged labels start at the item column
        #expect(Self.shape(requests.rows[26]).first == "1+2x1:（七）总计")
        #expect(Self.shape(requests.rows[27]).first == "0+3x1:四、结转下年度继续办理")
        // Lines: one per row, following the table's first line.
        #expect(requests.rows.map(\.line) == Array(requests.line..<(requests.line + 28)))

        // Table 3: 4 rows, 15 columns.
        let appeals = tables[2]
        #expect(appeals.rows.count == 4)
        #expect(appeals.width == 15)
        #expect(Self.shape(appeals.rows[0]) == ["0+5x1:行政复议", "5+10x1:行政诉讼"])
        #expect(appeals.rows[1].cells.map(\.rowSpan) == [2, 2, 2, 2, 2, 1, 1])
        #expect(appeals.rows[3].cells.map(\.text) == ["2", "1", "0", "1", "4", "1", "0", "0", "0", "1", "0", "0", "1", "1", "2"])
        #expect(appeals.rows[3].cells.map(\.column) == Array(0..<15))
    }

    /// What a .docx made from a text fixture by `Fixtures/docx/make_html.py` and LibreOffice holds,
    /// read off the text fixture by eye.
    struct Generated: Sendable, CustomStringConvertible {
        var file: String
        var title: String
        var regulations: [String]
        var licensing: String
        var fee: String
        var new: [String]
        var unableNotHeld: [String]
        var resultsTotal: [String]
        var appeals: [String]
        var description: String { file }
    }

    static let generated = [
        Generated(
            file: "nanguan-zfj-2024", title: "2024年南关区执法局信息公开工作年度报告", regulations: ["0", "0", "0"],
            licensing: "508", fee: "0", new: ["8", "0", "0", "0", "0", "0", "8"],
            unableNotHeld: ["5", "0", "0", "0", "0", "0", "5"], resultsTotal: ["8", "0", "0", "0", "0", "0", "8"],
            appeals: Array(repeating: "0", count: 15)),
        Generated(
            file: "huzhu-cgj-2023", title: "互助县城市管理综合行政执法局 2023 年度政府信息公开工作年度报告",
            regulations: ["", "", ""], licensing: "38", fee: "236.40", new: ["4", "1", "0", "0", "0", "0", "5"],
            unableNotHeld: ["1", "0", "0", "0", "0", "0", "1"], resultsTotal: ["4", "1", "0", "0", "0", "0", "5"],
            appeals: ["1", "0", "0", "0", "1"] + Array(repeating: "0", count: 10)),
    ]

    /// The text fixtures (one cell per line; tab rows) as Word documents: the same cells in the grid.
    @Test(arguments: generated)
    func fixtureThroughHTMLAndLibreOffice(_ expected: Generated) throws {
        let path = Fixture.path("docx/\(expected.file).docx")
        let document = try DocxReader.read(try SourceText.readBytes(path: path), path: path)
        #expect(Self.paragraphs(document).first == expected.title)
        let tables = Self.tables(document)
        try #require(tables.count == 3)
        #expect(tables.map(\.rows.count) == [14, 28, 4])
        #expect(tables.map(\.width) == [4, 10, 15])
        let regulations = try #require(tables[0].rows.first { $0.cells.first?.text == "规章" })
        #expect(regulations.cells.dropFirst().map(\.text) == expected.regulations)
        #expect(regulations.cells.map(\.column) == [0, 1, 2, 3])
        let licensing = try #require(tables[0].rows.first { $0.cells.first?.text == "行政许可" })
        #expect(Self.shape(licensing) == ["0+1x1:行政许可", "1+3x1:\(expected.licensing)"])
        #expect(tables[0].rows[13].cells.last?.text == expected.fee)
        let values = tables[1].rows.dropFirst(3).map { row in row.cells.filter { $0.column >= 3 }.map(\.text) }
        #expect(values.count == 25)
        #expect(values[0] == expected.new)
        #expect(values[12] == expected.unableNotHeld)
        #expect(values[23] == expected.resultsTotal)
        #expect(tables[2].rows[3].cells.map(\.text) == expected.appeals)
    }

    /// The 2019-template fixture as a Word document (`make_html.py`'s 2019 route): table 1 of the old
    /// template with its signed changes and the 政府集中采购 row, table 2 with one （六）其他处理 row.
    /// Values read off `layouts/nanguan-mzj-2020.txt` by eye.
    @Test func template2019FixtureThroughLibreOffice() throws {
        let path = Fixture.path("docx/nanguan-mzj-2020.docx")
        let document = try DocxReader.read(try SourceText.readBytes(path: path), path: path)
        #expect(Self.paragraphs(document).prefix(2) == ["2020年长春市南关区民政局政府信息公开", "工作年度报告"])
        let tables = Self.tables(document)
        try #require(tables.count == 3)
        #expect(tables.flatMap(Self.gridProblems) == [])
        #expect(tables.map(\.rows.count) == [18, 26, 4])
        #expect(tables.map(\.width) == [4, 10, 15])
        let proactive = tables[0]
        #expect(Self.shape(proactive.rows[1]) == ["0+1x1:信息内容", "1+1x1:本年新制作数量", "2+1x1:本年新公开数量", "3+1x1:对外公开总数量"])
        #expect(Self.shape(proactive.rows[6]) == ["0+1x1:行政许可", "1+1x1:12", "2+1x1:-1", "3+1x1:86"])
        #expect(Self.shape(proactive.rows[7]) == ["0+1x1:其他对外管理服务事项", "1+1x1:7", "2+1x1:0", "3+1x1:153"])
        #expect(Self.shape(proactive.rows[10]) == ["0+1x1:行政处罚", "1+1x1:3", "2+1x1:+1", "3+1x1:9"])
        #expect(Self.shape(proactive.rows[14]) == ["0+1x1:行政事业性收费", "1+1x1:1", "2+2x1:0"])
        #expect(Self.shape(proactive.rows[17]) == ["0+1x1:政府集中采购", "1+1x1:14", "2+2x1:5125.11"])
        let requests = tables[1]
        #expect(Self.shape(requests.rows[5]).first == "0+1x20:三、本年度办理结果")
        let values = requests.rows.dropFirst(3).map { row in row.cells.filter { $0.column >= 3 }.map(\.text) }
        #expect(values.count == 23)
        #expect(values[0] == ["30", "5", "0", "1", "0", "2", "38"])
        #expect(Self.shape(requests.rows[23]).first == "1+2x1:（六）其他处理")
        #expect(values[20] == ["2", "1", "0", "0", "0", "0", "3"])
        #expect(values[21] == ["29", "5", "0", "1", "0", "2", "37"])
        #expect(values[22] == ["2", "0", "0", "0", "0", "0", "2"])
        #expect(
            tables[2].rows[3].cells.map(\.text) == ["1", "0", "0", "0", "1", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"])
    }

    // MARK: The real WPS template

    static let templatePath = Fixture.root + "/../shared/realdocs/template2021.docx"

    /// The blank 2021 template saved by WPS: three tables, 200 blank value cells. Shapes read from its
    /// XML (`unzip -p … word/document.xml`).
    @Test func template2021FromWPS() throws {
        guard access(Self.templatePath, R_OK) == 0 else {
            print("DocxReaderTests: skipping template2021FromWPS, \(Self.templatePath) is absent")
            return
        }
        let document = try DocxReader.read(try SourceText.readBytes(path: Self.templatePath), path: Self.templatePath)
        #expect(Self.paragraphs(document).contains("政府信息公开工作年度报告格式模板"))
        let tables = Self.tables(document)
        try #require(tables.count == 3)
        #expect(tables.flatMap(Self.gridProblems) == [])
        #expect(tables.map(\.rows.count) == [14, 28, 4])
        #expect(tables.map(\.width) == [4, 10, 15])

        let proactive = tables[0]
        #expect(Self.shape(proactive.rows[0]) == ["0+4x1:第二十条第（一）项"])
        #expect(Self.shape(proactive.rows[5]) == ["0+1x1:信息内容", "1+3x1:本年处理决定数量"])
        #expect(Self.shape(proactive.rows[6]) == ["0+1x1:行政许可", "1+3x1:"])

        let requests = tables[1]
        #expect(requests.rows[0].cells.map(\.columnSpan) == [3, 7])
        #expect(requests.rows[0].cells.map(\.rowSpan) == [3, 1])
        #expect(Self.shape(requests.rows[1]) == ["3+1x2:自然人", "4+5x1:法人或其他组织", "9+1x2:总计"])
        #expect(requests.rows[2].cells.map(\.column) == [4, 5, 6, 7, 8])
        #expect(Self.shape(requests.rows[5]).first == "0+1x22:三、本年度办理结果")
        #expect(Self.shape(requests.rows[7]).first == "1+1x8:（三）不予公开")
        #expect(Self.shape(requests.rows[15]).first == "1+1x3:（四）无法提供")
        #expect(Self.shape(requests.rows[18]).first == "1+1x5:（五）不予处理")
        #expect(Self.shape(requests.rows[23]).first == "1+1x3:（六）其他处理")
        #expect(Self.shape(requests.rows[26]).first == "1+2x1:（七）总计")

        let appeals = tables[2]
        #expect(appeals.rows[0].cells.map(\.columnSpan) == [5, 10])
        #expect(appeals.rows[1].cells.map(\.rowSpan) == [2, 2, 2, 2, 2, 1, 1])
        #expect(appeals.rows[1].cells.map(\.column) == [0, 1, 2, 3, 4, 5, 10])
        #expect(appeals.rows[2].cells.map(\.column) == Array(5..<15))

        // The 200 value cells (10 + 175 + 15) are all blank (some hold full-width spaces).
        var valueCells: [GridCell] = []
        let labels: Set = ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"]
        for row in proactive.rows where labels.contains(row.cells.first?.text ?? "") { valueCells += row.cells.dropFirst() }
        for row in requests.rows.dropFirst(3) { valueCells += row.cells.filter { $0.column >= 3 } }
        valueCells += appeals.rows[3].cells
        #expect(valueCells.count == 200)
        #expect(valueCells.allSatisfy { $0.text.allSatisfy { $0 == " " || $0 == "\u{3000}" } })
    }

    // MARK: Hand-built documents, one construct each

    @Test func gridSpanGridBeforeAndGridAfter() throws {
        let document = try Self.read(
            body: Self.tbl(
                Self.tr(Self.tc("A", "<w:gridSpan w:val=\"2\"/>"), Self.tc("B")),
                "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/></w:trPr>" + Self.tc("C") + "</w:tr>",
                Self.tr(Self.tc(""), Self.tc(""), Self.tc("3")),
                Self.tr(Self.tc("x", "<w:gridSpan w:val=\"99999999\"/>"))))
        let table = try #require(Self.tables(document).first)
        #expect(
            table.rows.map(Self.shape) == [["0+2x1:A", "2+1x1:B"], ["1+1x1:C"], ["0+1x1:", "1+1x1:", "2+1x1:3"], ["0+1x1:x"]])
        #expect(table.width == 3)
    }

    @Test func verticalMerge() throws {
        let restart = "<w:vMerge w:val=\"restart\"/>"
        let document = try Self.read(
            body: Self.tbl(
                Self.tr(Self.tc("X", restart), Self.tc("a"), Self.tc("H", "<w:gridSpan w:val=\"2\"/>" + restart)),
                Self.tr(Self.tc("", "<w:vMerge/>"), Self.tc("b"), Self.tc("", "<w:gridSpan w:val=\"2\"/><w:vMerge/>")),
                Self.tr(Self.tc("", "<w:vMerge w:val=\"continue\"/>"), Self.tc("c"), Self.tc("1"), Self.tc("2")),
                Self.tr(Self.tc("Y"), Self.tc("d", "<w:vMerge/>"), Self.tc("e", "<w:vMerge/>"), Self.tc("f"))))
        let table = try #require(Self.tables(document).first)
        #expect(
            table.rows.map(Self.shape) == [
                ["0+1x3:X", "1+1x1:a", "2+2x2:H"],
                ["1+1x1:b"],
                // `d` continues `c` (a continuation below a plain cell merges with it, as in Word);
                // `e` at column 2 continues `1`; their texts are kept in the merged cells.
                ["1+1x2:c\nd", "2+1x2:1\ne", "3+1x1:2"],
                ["0+1x1:Y", "3+1x1:f"],
            ])
    }

    @Test func continuationWithNothingAboveIsACell() throws {
        let document = try Self.read(body: Self.tbl(Self.tr(Self.tc("lone", "<w:vMerge/>"), Self.tc("b"))))
        #expect(Self.tables(document).first.map { $0.rows.map(Self.shape) } == [["0+1x1:lone", "1+1x1:b"]])
        // A continuation narrower than the cell above would leave that cell half merged: it is a cell.
        let narrower = try Self.read(
            body: Self.tbl(
                Self.tr(Self.tc("A", "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>"), Self.tc("B")),
                Self.tr(Self.tc("", "<w:vMerge/>"), Self.tc("x"), Self.tc("y"))))
        let table = try #require(Self.tables(narrower).first)
        #expect(table.rows.map(Self.shape) == [["0+2x1:A", "2+1x1:B"], ["0+1x1:", "1+1x1:x", "2+1x1:y"]])
        #expect(Self.gridProblems(table) == [])
    }

    @Test func trackedChangesReadAsAccepted() throws {
        let body =
            "<w:p><w:pPr><w:rPr><w:del w:id=\"9\" w:author=\"a\" w:date=\"2025-01-01T00:00:00Z\"/></w:rPr></w:pPr>"
            + "<w:r><w:t>保留</w:t></w:r>"
            + "<w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t>新增</w:t></w:r></w:ins>"
            + "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>删除</w:delText></w:r></w:del>"
            + "<w:moveFrom w:id=\"3\" w:author=\"a\"><w:r><w:t>移走</w:t></w:r></w:moveFrom>"
            + "<w:moveTo w:id=\"4\" w:author=\"a\"><w:r><w:t>移来</w:t></w:r></w:moveTo>"
            + "<w:r><w:rPr><w:b/><w:rPrChange w:id=\"5\" w:author=\"a\"><w:rPr/></w:rPrChange></w:rPr><w:t>。</w:t></w:r></w:p>"
            + Self.tbl(
                Self.tr(Self.tc("a"), Self.tc("1")),
                "<w:tr><w:trPr><w:del w:id=\"6\" w:author=\"a\"/></w:trPr>" + Self.tc("gone") + Self.tc("2") + "</w:tr>",
                Self.tr(Self.tc("b"), Self.tc("3")))
        let document = try Self.read(body: body)
        #expect(Self.paragraphs(document) == ["保留新增移来。"])
        let table = try #require(Self.tables(document).first)
        #expect(table.rows.map(Self.shape) == [["0+1x1:a", "1+1x1:1"], ["0+1x1:b", "1+1x1:3"]])
    }

    @Test func fieldCodesDroppedResultsKept() throws {
        let body =
            "<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> PAGE \\* MERGEFORMAT </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>页</w:t></w:r></w:p>"
            + "<w:p><w:fldSimple w:instr=\" DATE \\@ &quot;yyyy年M月d日&quot; \"><w:r><w:t>2025年1月6日</w:t></w:r></w:fldSimple></w:p>"
        #expect(Self.paragraphs(try Self.read(body: body)) == ["第7页", "2025年1月6日"])
    }

    @Test func textBoxReadOnce() throws {
        let inner =
            "<w:txbxContent><w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>"
            + "<w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent>"
        let body =
            "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent>"
            + "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
            + inner + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            + "<mc:Fallback><w:pict><v:shape><v:textbox>" + inner + "</v:textbox></v:shape></w:pict></mc:Fallback>"
            + "</mc:AlternateContent></w:r><w:r><w:t>之后</w:t></w:r></w:p>"
            // Only a fallback: it is read.
            + "<w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict><v:textbox>" + inner
            + "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
            + Self.p("末")
        let document = try Self.read(body: body)
        #expect(Self.paragraphs(document) == ["正文之后", "框内", "", "框内", "末"])
        #expect(document.blocks.compactMap { if case .paragraph(let p) = $0 { p.line } else { nil } } == [1, 2, 3, 4, 5])
    }

    @Test func nestedTableTextGoesIntoItsCell() throws {
        let nested = Self.tbl(Self.tr(Self.tc("内1", "<w:gridSpan w:val=\"3\"/>")), Self.tr(Self.tc("内2", "<w:vMerge/>")))
        let body = Self.tbl(
            Self.tr("<w:tc>" + Self.p("外") + nested + "<w:p/></w:tc>", Self.tc("1")),
            Self.tr(Self.tc("下"), Self.tc("2")))
        let document = try Self.read(body: body)
        let tables = Self.tables(document)
        #expect(tables.count == 1)
        #expect(tables.first.map { $0.rows.map(Self.shape) } == [["0+1x1:外\n内1\n内2\n", "1+1x1:1"], ["0+1x1:下", "1+1x1:2"]])
        #expect(tables.first?.rows.map(\.line) == [1, 2])
    }

    @Test func entitiesTabsAndBreaks() throws {
        let body =
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr><w:r>"
            + "<w:t>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#20013;&#x6587; &bogus; &#xZZ; &#0; &</w:t>"
            + "</w:r></w:p><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t>"
            + "<w:noBreakHyphen/><w:t>e</w:t><w:softHyphen/><w:t xml:space='preserve'> f </w:t></w:r></w:p>"
            + "<w:p><w:r><w:br w:type=\"page\"/><w:t>三、</w:t><w:br w:type=\"textWrapping\"/><w:t>x</w:t></w:r></w:p>"
            + "<!-- <w:p><w:r><w:t>comment</w:t></w:r></w:p> --><w:p><w:r><w:t><![CDATA[x<y]]></w:t></w:r></w:p>"
        #expect(
            Self.paragraphs(try Self.read(body: body)) == [
                "<a> & \"b\" 'c' 中文 &bogus; &#xZZ; \u{0} &", "a\tb\nc\nd-e f ", "三、\nx", "x<y",
            ])
    }

    @Test func linesRunThroughParagraphsAndRows() throws {
        let body = Self.p("一") + Self.tbl(Self.tr(Self.tc("a")), Self.tr(Self.tc("b"))) + "<w:p/>" + Self.p("二")
        let document = try Self.read(body: body)
        #expect(document.blocks.count == 4)
        guard case .table(let table) = document.blocks[1], case .paragraph(let last) = document.blocks[3] else {
            Issue.record("unexpected blocks")
            return
        }
        #expect(table.line == 2)
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(table.rows.flatMap(\.cells).map(\.line) == [2, 3])
        #expect(last.line == 5)
    }

    @Test func mainPartNamedByRelationships() throws {
        var archive = TestArchive()
        archive.store(
            "_rels/.rels",
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/word/document2.xml\"/></Relationships>"
        )
        archive.store("word/document2.xml", TestArchive.documentXML(body: Self.p("正文")))
        #expect(Self.paragraphs(try DocxReader.read(archive.bytes, path: "x.docx")) == ["正文"])
    }

    @Test func utf16Part() throws {
        let xml = TestArchive.documentXML(body: Self.p("中文")).replacingFirst("UTF-8", with: "UTF-16")
        var archive = TestArchive()
        archive.store("word/document.xml", [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(Self.paragraphs(try DocxReader.read(archive.bytes, path: "x.docx")) == ["中文"])
    }

    // MARK: Errors

    @Test func archiveWithoutDocumentPart() throws {
        var archive = TestArchive()
        archive.store("xl/workbook.xml", "<workbook/>")
        #expect(throws: GKDiffError.noWordDocument("book.xlsx")) { try DocxReader.read(archive.bytes, path: "book.xlsx") }
    }

    @Test func brokenArchiveReasons() throws {
        var archive = TestArchive()
        archive.store("word/document.xml", TestArchive.documentXML(body: Self.p("x")))
        archive.entries[0].crc ^= 0x8000
        let error = try #require(throws: GKDiffError.self) { try DocxReader.read(archive.bytes, path: "a.docx") }
        #expect(error.path == "a.docx")
        #expect(error.reason == "不是完整的 Word 文档：压缩包已损坏（broken .docx: word/document.xml CRC mismatch）")

        let bomb = TestDeflate.zeros(copies: 400_000)
        var bombArchive = TestArchive()
        bombArchive.deflated("word/document.xml", bomb.data, size: bomb.size, crc: 0)
        let bombError = try #require(throws: GKDiffError.self) { try DocxReader.read(bombArchive.bytes, path: "b.docx") }
        #expect(bombError.reason.hasPrefix("Word 文档解压后过大，疑似压缩炸弹"))

        var badCodes = TestArchive()
        badCodes.deflated("word/document.xml", [0x07, 0x00], size: 10, crc: 0)
        #expect(throws: GKDiffError.brokenArchive("d.docx", "word/document.xml: block type 3")) {
            try DocxReader.read(badCodes.bytes, path: "d.docx")
        }

        var zip64 = TestArchive.docxLike
        for offset in (zip64.count - 6)..<(zip64.count - 2) { zip64[offset] = 0xFF }
        let zip64Error = try #require(throws: GKDiffError.self) { try DocxReader.read(zip64, path: "e.docx") }
        #expect(zip64Error.reason.hasSuffix("（unsupported .docx: ZIP64 archive）"))

        let notZip = try #require(throws: GKDiffError.self) {
            try DocxReader.read(Array("PK\u{3}\u{4} and then nothing of an archive".utf8), path: "c.docx")
        }
        #expect(notZip.reason.hasPrefix("不是完整的 Word 文档：压缩包已损坏"))
    }

    /// The fixture cut at 500 points and damaged at random: each read throws a GKDiffError or
    /// returns a document; none traps.
    @Test func truncatedAndDamagedFixtureNeverTraps() throws {
        let bytes = try SourceText.readBytes(path: Fixture.path("docx/nanguan-zjj-2024.docx"))
        var cases = 0
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 500)) {
            #expect(throws: GKDiffError.self) { try DocxReader.read(Array(bytes[0..<cut]), path: "cut.docx") }
            cases += 1
        }
        #expect(cases >= 500)
    }

    /// `word/document.xml` itself cut at every 7th byte (stored, with a correct CRC): what was read is
    /// kept, the document is marked as cut short when a paragraph or table was open, nothing traps.
    @Test func truncatedXMLKeepsWhatWasRead() throws {
        let xml = Array(
            TestArchive.documentXML(
                body: Self.p("标题") + Self.tbl(Self.tr(Self.tc("行政许可"), Self.tc("5", "<w:gridSpan w:val=\"3\"/>")))
                    + Self.p("&amp;末")
            ).utf8)
        var cases = 0
        for cut in stride(from: 0, through: xml.count, by: 7) {
            var scanner = DocxScanner(xml: Array(xml[0..<cut]))
            scanner.scan()
            if cut > xml.count / 2 { #expect(scanner.blocks.count >= 1) }
            cases += 1
        }
        #expect(cases > 50)
        var cutInTable = DocxScanner(xml: Array(xml[0..<(xml.count - 120)]))
        cutInTable.scan()
        #expect(cutInTable.endsMidLine)
        #expect(cutInTable.diagnostics.count == 1)
    }

    /// A table of 10 000 rows and a paragraph of 50 000 runs read in one pass (a quadratic copy of the
    /// rows or of the text would not finish in any reasonable time).
    @Test func largeTableAndParagraph() throws {
        let row = Self.tr(Self.tc("行", "<w:vMerge/>"), Self.tc("1"))
        let body =
            Self.tbl(Self.tr(Self.tc("首", "<w:vMerge w:val=\"restart\"/>"), Self.tc("0")), String(repeating: row, count: 10_000))
            + "<w:p>" + String(repeating: "<w:r><w:t>字</w:t></w:r>", count: 50_000) + "</w:p>"
        let document = try Self.read(body: body)
        let table = try #require(Self.tables(document).first)
        #expect(table.rows.count == 10_001)
        #expect(table.rows[0].cells[0].rowSpan == 10_001)
        #expect(table.rows[10_000].line == 10_001)
        #expect(Self.paragraphs(document).first?.count == 50_000)
    }

    /// The fixture's `word/document.xml` damaged 400 ways (bytes changed, spans of it deleted or
    /// repeated, cut): no trap, and every table still obeys the grid rules.
    @Test func damagedXMLKeepsGridRules() throws {
        let archive = try ZipArchive(try SourceText.readBytes(path: Fixture.path("docx/nanguan-zjj-2024.docx")))
        let xml = try archive.extract(try #require(archive.entry(named: "word/document.xml")))
        var generator = SplitMix64(seed: 2026)
        var tables = 0
        for round in 0..<400 {
            var damaged = xml
            for _ in 0..<(1 + round % 4) {
                let a = Int(generator.next() % UInt64(damaged.count))
                let b = min(damaged.count, a + Int(generator.next() % 2_000))
                switch generator.next() % 4 {
                case 0: damaged[a] = UInt8(truncatingIfNeeded: generator.next())
                case 1: damaged.removeSubrange(a..<b)
                case 2: damaged.insert(contentsOf: damaged[a..<b], at: Int(generator.next() % UInt64(damaged.count)))
                default: damaged.removeSubrange(a...)
                }
                if damaged.isEmpty { damaged = [0x3C] }
            }
            var scanner = DocxScanner(xml: damaged)
            scanner.scan()
            for case .table(let table) in scanner.blocks {
                tables += 1
                let problems = Self.gridProblems(table)
                #expect(problems.isEmpty, "round \(round): \(problems.prefix(3))")
            }
        }
        #expect(tables > 400)
    }

    /// Hostile XML: unbalanced and stray tags, huge numbers, deep nesting. Must not trap or hang.
    @Test(arguments: [
        "</w:p></w:tc></w:tr></w:tbl></w:r></w:t></mc:AlternateContent>",
        "<w:tc><w:gridSpan w:val=\"5\"/></w:tc><w:tr><w:tc><w:tr><w:tc>x",
        String(repeating: "<w:tbl><w:tr><w:tc><w:p>", count: 2_000) + "deep",
        String(repeating: "<w:p><w:r><w:t>a", count: 2_000),
        "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"99999999999999999999\"/></w:trPr><w:tc><w:p/></w:tc></w:tr></w:tbl>",
        "<w:p><w:r><w:t>&#x110000;&#99999999999;&#;&#x;</w:t></w:r></w:p>",
        "<mc:Choice><mc:Fallback><w:del><w:p><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:p attr=\"unclosed quote><w:r><w:t>x</w:t></w:r></w:p>",
        "<<<>>><!-- unclosed comment <w:p>",
        "<![CDATA[ unclosed",
        "<w:t>text outside a paragraph</w:t><w:tab/><w:br/>",
    ])
    func hostileXMLNeverTraps(_ body: String) throws {
        var scanner = DocxScanner(xml: Array(TestArchive.documentXML(body: body).utf8))
        scanner.scan()
        #expect(scanner.blocks.count < 10_000)
        _ = try Self.read(body: body)
    }
}
