import Testing

@testable import GKDiffKit

/// The PDF reader on `pdftotext -tsv` output committed under `Fixtures/pdf/` (PDFs printed by
/// LibreOffice from HTML versions of fixtures; see `Fixtures/README.md`). No tools are needed.
@Suite struct PDFReaderTests {
    /// A fixture's expected table values, read by eye from the fixture text.
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let proactive: [String: String]
        let requests: [String]
        let appeals: String
        var description: String { name }
    }

    static let cases: [Case] = [
        // Fixtures/layouts/nanguan-zjj-2024.html (ZJJ2024 in Support/LayoutExpectations.swift, read by eye);
        // the fee cell is printed `25.1 万元` and pdftotext puts the two words 2 pt apart.
        Case(
            name: "nanguan-zjj-2024",
            proactive: [
                "规章": "0 0 0", "行政规范性文件": "3 1 12", "行政许可": "1234", "行政处罚": "57", "行政强制": "6",
                "行政事业性收费": "25.1万元",
            ],
            requests: ZJJ2024.requests, appeals: ZJJ2024.appeals.joined(separator: " ")),
        // Fixtures/nanguan-zfj-2024.txt (seed 000; its values as read by eye in Support/SeedExpectations.swift):
        // table 1 `0 0 0 / 0 0 0 / 508 / 195 / 0 / 0`, table 2 new 8 … total 8, table 3 all 0.
        Case(
            name: "nanguan-zfj-2024",
            proactive: [
                "规章": "0 0 0", "行政规范性文件": "0 0 0", "行政许可": "508", "行政处罚": "195", "行政强制": "0",
                "行政事业性收费": "0",
            ],
            requests: SeedExpectation.all[0].requests, appeals: SeedExpectation.all[0].appeals.joined(separator: " ")),
        // The same report through Writer: its HTML saved as .docx, the .docx printed to PDF. Table 2 breaks
        // inside the row 2.没有现成信息需要另|行制作, and value rows sit in the bottom and top eighths of pages.
        Case(
            name: "nanguan-zfj-2024.docx",
            proactive: [
                "规章": "0 0 0", "行政规范性文件": "0 0 0", "行政许可": "508", "行政处罚": "195", "行政强制": "0",
                "行政事业性收费": "0",
            ],
            requests: SeedExpectation.all[0].requests, appeals: SeedExpectation.all[0].appeals.joined(separator: " ")),
        // Fixtures/layouts/nanguan-mzj-2021.txt, lines 13–62, read by eye.
        Case(
            name: "nanguan-mzj-2021",
            proactive: [
                "规章": "0 0 0", "行政规范性文件": "1 0 16", "行政许可": "92", "行政处罚": "11", "行政强制": "0",
                "行政事业性收费": "0",
            ],
            requests: [
                "35 4 1 0 0 1 41", "2 0 0 0 0 0 2", "18 2 1 0 0 0 21", "4 1 0 0 0 0 5", "0 0 0 0 0 0 0",
                "1 0 0 0 0 0 1", "0 0 0 0 0 0 0", "2 0 0 0 0 0 2", "0 0 0 0 0 0 0", "1 0 0 0 0 0 1",
                "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "4 1 0 0 0 0 5", "1 0 0 0 0 0 1", "1 0 0 0 0 0 1",
                "1 0 0 0 0 0 1", "0 0 0 0 0 1 1", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0",
                "1 0 0 0 0 0 1", "0 0 0 0 0 0 0", "2 0 0 0 0 0 2", "36 4 1 0 0 1 42", "1 0 0 0 0 0 1",
            ],
            appeals: "2 1 0 0 3 0 0 0 0 0 1 0 0 0 1"),
    ]

    static func document(_ name: String) throws -> Document {
        let path = Fixture.path("pdf/\(name).tsv")
        return try PDFReader.document(fromTSV: try SourceText.read(path: path).text, path: path)
    }

    @Test(arguments: cases)
    func fixtureTablesReadByColumn(_ expected: Case) throws {
        let grid = PDFGrid(document: try Self.document(expected.name))
        #expect(grid.tables.count == 3)
        #expect(grid.proactive() == expected.proactive)
        let requests = grid.requests()
        #expect(requests.map(\.values) == expected.requests)
        #expect(requests.allSatisfy { $0.problem == nil })
        for (row, part) in zip(requests, requestLabelParts) {
            #expect(row.label.contains(part), "\(row.label) should contain \(part)")
        }
        #expect(grid.appeals() == [expected.appeals])
    }

    @Test(arguments: cases)
    func fixtureGridColumnsAndHeaders(_ expected: Case) throws {
        let grid = PDFGrid(document: try Self.document(expected.name))
        let tables = grid.tables
        try #require(tables.count == 3)
        // Table 1: label at 0, three value columns; the 本年处理决定数量 rows hold one cell spanning all three.
        #expect(tables[0].width == 4)
        let licensing = try #require(tables[0].rows.first { $0.cells.first?.text == "行政许可" })
        #expect(licensing.cells.map(\.column) == [0, 1] && licensing.cells[1].columnSpan == 3)
        // Table 2: the leaf header row names the seven columns at grid columns 1…7.
        let leaf = try #require(tables[1].rows.first { $0.cells.contains { $0.text == "总计" } })
        #expect(
            leaf.cells.filter { $0.column > 0 }.map(\.text) == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
        #expect(leaf.cells.filter { $0.column > 0 }.map(\.column) == Array(1...7))
        // Table 3: groups over the 15 leaf columns.
        let groups = tables[2].rows.prefix(2).flatMap(\.cells).map { "\($0.text)@\($0.column)+\($0.columnSpan)" }
        #expect(groups == ["行政复议@0+5", "行政诉讼@5+10", "未经复议直接起诉@5+5", "复议后起诉@10+5"])
    }

    @Test func paragraphsAndLocations() throws {
        let document = try Self.document("nanguan-zjj-2024")
        #expect(document.format == .pdf && document.encoding == "PDF")
        let pageStarts = try #require(document.pageStarts)
        #expect(pageStarts.count == 4 && pageStarts[0] == 1)
        let paragraphs = document.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
        // The preamble wraps over three lines in the PDF: one paragraph again.
        #expect(
            paragraphs.contains {
                $0.text.hasPrefix("本报告根据《中华人民共和国政府信息公开条例》") && $0.text.hasSuffix("请与南关区住房和城乡建设局办公室联系。")
            })
        #expect(paragraphs.contains { $0.text == "四、政府信息公开行政复议、行政诉讼情况" })
        // Table 2 runs from page 2 onto page 3: its first value row is on page 3.
        let grid = PDFGrid(document: document)
        let first = try #require(grid.tables[1].rows.first { $0.cells.contains { $0.text == "41" } })
        #expect(document.page(ofLine: first.line) == 3)
    }

    @Test func scannedPDFIsRefused() {
        let tsv = """
            level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
            1\t1\t0\t0\t0\t0\t0.000000\t0.000000\t595.000000\t842.000000\t-1\t###PAGE###

            """
        #expect(throws: GKDiffError(path: "s.pdf", reason: "扫描件，没有文字层，无法读取")) {
            try PDFReader.document(fromTSV: tsv, path: "s.pdf")
        }
    }

    @Test func missingPdftotextIsOneClearLine() {
        #expect(throws: GKDiffError(path: "a.pdf", reason: "读取 PDF 需要安装 poppler-utils（pdftotext）")) {
            try PDFReader.read(path: "a.pdf", program: "gkdiff-no-such-pdftotext")
        }
    }
}

/// Hand-made word boxes: values that fit no column, two in one column, page numbers.
@Suite struct PDFLayoutTests {
    /// A TSV of one page from (x, y, text) words, each 10 pt high and 10 pt a character wide.
    static func tsv(_ words: [(Double, Double, String)]) -> String {
        var lines = ["level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"]
        lines.append("1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###")
        for (x, y, text) in words {
            let width = Double(text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x2E80 ? 1 : 2) }) * 5
            lines.append("5\t1\t0\t0\t0\t0\t\(x)\t\(y)\t\(width)\t10\t100\t\(text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let header: [(Double, Double, String)] = [
        (100, 100, "三、收到和处理政府信息公开申请情况"),
        (300, 130, "自然人"), (340, 130, "商业企业"), (390, 130, "科研机构"), (440, 130, "社会公益组织"),
        (510, 130, "法律服务机构"), (580, 130, "其他"), (610, 130, "总计"),
    ]

    static func requestRow(_ words: [(Double, Double, String)]) throws -> DocumentRow {
        let document = try PDFReader.document(fromTSV: tsv(header + words), path: "t.pdf")
        let grid = PDFGrid(document: document)
        return try #require(grid.tables.first?.rows.last)
    }

    @Test func valuesGoUnderTheirHeadersAndBlanksStayEmpty() throws {
        // 自然人 3, 科研机构 1, 总计 4; the others print nothing.
        let row = try Self.requestRow([(80, 160, "一、本年新收政府信息公开申请数量"), (310, 160, "3"), (405, 160, "1"), (615, 160, "4")])
        #expect(row.problem == nil)
        #expect(row.cells.map(\.column) == Array(0...7))
        #expect(PDFGrid.values(row, from: 1) == "3 _ 1 _ _ _ 4")
    }

    @Test func aNumberUnderNoColumnMarksTheRow() throws {
        let row = try Self.requestRow([(80, 160, "一、本年新收政府信息公开申请数量"), (310, 160, "3"), (700, 160, "12")])
        #expect(row.problem == "第 1 页：数字「12」不在任何一列之下")
    }

    @Test func twoNumbersInOneColumnMarkTheRow() throws {
        let row = try Self.requestRow([(80, 160, "一、本年新收政府信息公开申请数量"), (300, 160, "1"), (312, 160, "2")])
        #expect(row.problem == "第 1 页：「自然人」一列有两个数字「1」「2」")
    }

    @Test func pageNumbersAreDropped() throws {
        let document = try PDFReader.document(
            fromTSV: Self.tsv([(100, 100, "正文第一段。"), (290, 800, "-"), (297, 800, "1"), (304, 800, "-")]), path: "t.pdf")
        let texts = document.blocks.compactMap { if case .paragraph(let p) = $0 { p.text } else { nil } }
        #expect(texts == ["正文第一段。"])
    }

    @Test func headingNumeralsAndSentenceEndsStartParagraphs() throws {
        // Lines reaching the right margin (x 500) continue unless they end a sentence or the next is a heading.
        let document = try PDFReader.document(
            fromTSV: Self.tsv([
                (100, 100, "一、总体情况"),
                (100, 120, "今年共收到申请二十件，其中予以公开十件，部分公开两件，不予公开三件，无"), (100, 140, "法提供五件。"),
                (100, 160, "（一）主动公开情况。本年主动公开政府信息一百二十条，其中规范性文件三件"), (100, 180, "（二）依申请公开。"),
            ]), path: "t.pdf")
        let texts = document.blocks.compactMap { if case .paragraph(let p) = $0 { p.text } else { nil } }
        #expect(
            texts == [
                "一、总体情况", "今年共收到申请二十件，其中予以公开十件，部分公开两件，不予公开三件，无法提供五件。",
                "（一）主动公开情况。本年主动公开政府信息一百二十条，其中规范性文件三件", "（二）依申请公开。",
            ])
    }
}

extension PDFLayoutTests {
    @Test func aNumberBesideTheLabelIsNotPartOfIt() throws {
        // `8` printed left of the 自然人 column, in the label column's right half.
        let row = try Self.requestRow([(80, 160, "一、本年新收政府信息公开申请数量"), (260, 160, "8"), (615, 160, "8")])
        #expect(row.problem == "第 1 页：数字「8」不在任何一列之下")
        #expect(row.cells.first?.text == "一、本年新收政府信息公开申请数量")
    }

    @Test func signedValues() {
        #expect(PDFLayout.isValue("+1") && PDFLayout.isValue("-1") && PDFLayout.isValue("7730.28") && PDFLayout.isValue("/"))
        #expect(!PDFLayout.isValue("1.") && !PDFLayout.isValue("2023年") && !PDFLayout.isValue("1+") && !PDFLayout.isValue("."))
    }
}

extension PDFLayoutTests {
    @Test func aHeaderSplitAtASpaceIsOneColumn() throws {
        // `结果 维持` and `总 计` printed with spaces: five columns, not nine.
        let words: [(Double, Double, String)] = [
            (100, 100, "行政复议"),
            (60, 130, "结果"), (82, 130, "维持"), (120, 130, "结果"), (142, 130, "纠正"), (180, 130, "其他结果"),
            (240, 130, "尚未审结"), (300, 130, "总"), (312, 130, "计"),
            (70, 160, "3"), (130, 160, "1"), (195, 160, "0"), (255, 160, "0"), (305, 160, "4"),
        ]
        let document = try PDFReader.document(fromTSV: Self.tsv(words), path: "t.pdf")
        let rows = try #require(PDFGrid(document: document).tables.first?.rows)
        #expect(
            rows.map { $0.cells.map(\.text) } == [["行政复议"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], ["3", "1", "0", "0", "4"]])
        #expect(rows.last?.problem == nil)
    }
}

extension PDFLayoutTests {
    @Test func aRowPrintedBlankKeepsItsOwnLabel() throws {
        // 2.重复申请 prints no values: its label is a row of its own with seven empty cells, not part of
        // 1.信访举报投诉类申请's label.
        let document = try PDFReader.document(
            fromTSV: Self.tsv(
                Self.header + [
                    (150, 160, "1.信访举报投诉类申请"), (310, 160, "1"), (615, 160, "1"),
                    (150, 180, "2.重复申请"),
                    (150, 200, "3.要求提供公开出版物"), (310, 200, "0"), (615, 200, "0"),
                ]), path: "t.pdf")
        let rows = try #require(PDFGrid(document: document).tables.first?.rows.suffix(3))
        #expect(rows.map { $0.cells[0].text } == ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物"])
        #expect(rows.map { PDFGrid.values($0, from: 1) } == ["1 _ _ _ _ _ 1", "_ _ _ _ _ _ _", "0 _ _ _ _ _ 0"])
        #expect(rows.allSatisfy { $0.problem == nil })
    }

    @Test func aBlankRowWhoseNumberIsAWordOfItsOwn() throws {
        // WPS splits `2.` from `重复申请`; the blank row is below the row with values.
        let document = try PDFReader.document(
            fromTSV: Self.tsv(
                Self.header + [
                    (150, 160, "1."), (160, 160, "信访举报投诉类申请"), (310, 160, "1"), (615, 160, "1"),
                    (150, 180, "2."), (160, 180, "重复申请"),
                ]), path: "t.pdf")
        let rows = try #require(PDFGrid(document: document).tables.first?.rows.suffix(2))
        #expect(rows.map { $0.cells[0].text } == ["1.信访举报投诉类申请", "2.重复申请"])
        #expect(rows.map { PDFGrid.values($0, from: 1) } == ["1 _ _ _ _ _ 1", "_ _ _ _ _ _ _"])
    }

    @Test func aRowOfValuesAtThePageFootIsNotAPageNumber() throws {
        // The last line of the page, in its bottom eighth: several numbers, so table values, kept.
        let row = try Self.requestRow([(80, 790, "一、本年新收政府信息公开申请数量"), (310, 800, "3"), (615, 800, "3")])
        #expect(PDFGrid.values(row, from: 1) == "3 _ _ _ _ _ 3")
        // A lone number under the 自然人 column, near the page's centre: not the page's index, so kept too.
        let lone = try Self.requestRow([(80, 790, "一、本年新收政府信息公开申请数量"), (310, 812, "12")])
        #expect(PDFGrid.values(lone, from: 1) == "12 _ _ _ _ _ _")
    }
}
