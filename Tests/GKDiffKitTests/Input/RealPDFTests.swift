import Testing

@testable import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

/// The real pair 淮安市洪泽区人民政府 2023 / 2024 (`../shared/realdocs/hzq2023.pdf`, `hzq2024.pdf`, made
/// with WPS 文字), read through pdftotext. Expected values were read by eye from `pdftoppm -png -r 80`
/// renders of pages 2–4 of each file, not from the reader's output. Skipped, with a message, when the
/// files or pdftotext are absent.
@Suite struct RealPDFTests {
    struct Case: Sendable, CustomStringConvertible {
        let file: String
        let proactive: [String: String]
        /// Table 2, 23 rows: a single （六）其他处理 row stands for the 2021 template's three.
        let requests: [String]
        let appeals: String
        var description: String { file }
    }

    static let cases: [Case] = [
        // hzq2023.pdf p.2–4. Table 3: 行政复议 总计 is printed 0 beside 结果维持 10 and 结果纠正 1 (the report's
        // own error), and 复议后起诉 总计 0 beside 结果维持 5: read as printed.
        Case(
            file: "hzq2023.pdf",
            proactive: [
                "规章": "0 0 0", "行政规范性文件": "0 5 5", "行政许可": "550", "行政处罚": "4119", "行政强制": "195",
                "行政事业性收费": "7730.28",
            ],
            requests: [
                "21 0 0 0 0 0 21", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "4 0 0 0 0 0 4",
                "1 0 0 0 0 0 1", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0",
                "1 0 0 0 0 0 1", "1 0 0 0 0 0 1", "0 0 0 0 0 0 0",
                "10 0 0 0 0 0 10", "3 0 0 0 0 0 3", "0 0 0 0 0 0 0",
                "1 0 0 0 0 0 1", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0",
                "0 0 0 0 0 0 0", "21 0 0 0 0 0 21", "0 0 0 0 0 0 0",
            ],
            appeals: "10 1 0 0 0 0 0 0 0 0 5 0 0 0 0"),
        // hzq2024.pdf p.2–4.
        Case(
            file: "hzq2024.pdf",
            proactive: [
                "规章": "0 0 0", "行政规范性文件": "3 0 8", "行政许可": "9487", "行政处罚": "2776", "行政强制": "84",
                "行政事业性收费": "7545",
            ],
            requests: [
                "95 0 0 0 0 0 95", "0 0 0 0 0 0 0", "50 0 0 0 0 0 50", "9 0 0 0 0 0 9",
                "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "1 0 0 0 0 0 1", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0",
                "1 0 0 0 0 0 1", "1 0 0 0 0 0 1", "0 0 0 0 0 0 0",
                "31 0 0 0 0 0 31", "1 0 0 0 0 0 1", "0 0 0 0 0 0 0",
                "1 0 0 0 0 0 1", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0",
                "0 0 0 0 0 0 0", "95 0 0 0 0 0 95", "0 0 0 0 0 0 0",
            ],
            appeals: "1 1 0 0 2 1 0 0 0 1 2 0 1 0 3"),
    ]

    /// Label parts of the 23 rows (（六）其他处理 once; hzq prints 其他法律行政止公开, missing 法规禁).
    static let labelParts = [
        "本年新收", "上年结转", "予以公开", "部分公开", "国家秘密", "止公开", "三安全一稳定", "第三方", "内部事务", "过程性",
        "执法案卷", "行政查询", "不掌握", "另行制作", "仍不明确", "信访举报", "重复申请", "公开出版物", "大量反复", "重新出具",
        "其他处理", "总计", "结转下年度",
    ]

    static let folder = Fixture.root + "/../shared/realdocs/"

    /// The document, or nil (with a message) when the file or pdftotext is missing.
    static func document(_ file: String) throws -> Document? {
        guard access(folder + file, R_OK) == 0 else {
            print("skipped: \(folder + file) is not here")
            return nil
        }
        guard Subprocess.find("pdftotext") != nil else {
            print("skipped: pdftotext (poppler-utils) is not installed")
            return nil
        }
        return try PDFReader.read(path: folder + file)
    }

    @Test(arguments: cases)
    func everyCellAsPrinted(_ expected: Case) throws {
        guard let document = try Self.document(expected.file) else { return }
        let grid = PDFGrid(document: document)
        #expect(grid.tables.count == 3)
        #expect(grid.proactive() == expected.proactive)
        let requests = grid.requests()
        #expect(requests.map(\.values) == expected.requests)
        #expect(requests.allSatisfy { $0.problem == nil })
        #expect(requests.count == Self.labelParts.count)
        for (row, part) in zip(requests, Self.labelParts) {
            #expect(row.label.contains(part), "\(row.label) should contain \(part)")
        }
        #expect(grid.appeals() == [expected.appeals])
        // Every value cell of every table row is a printed number in a row without a problem: 10 + 161 + 15.
        let cells = grid.tables.flatMap(\.rows).filter { $0.problem == nil }.flatMap { row in
            row.cells.filter { $0.column > 0 || row.cells.count == 15 }.filter { PDFLayout.isValue($0.text) }
        }
        #expect(cells.count == 186)
    }

    @Test func sectionsArePlainParagraphs() throws {
        guard let document = try Self.document("hzq2023.pdf") else { return }
        let texts = document.blocks.compactMap { if case .paragraph(let p) = $0 { p.text } else { nil } }
        for heading in [
            "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
        ] {
            #expect(texts.contains(heading))
        }
        // Page numbers (`- 2 -`) are gone; the wrapped first paragraph of 六 is one paragraph.
        #expect(!texts.contains { $0.contains("- 2 -") || $0 == "-2-" })
        #expect(texts.contains("2023年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。"))
        #expect(document.pageStarts?.count == 5)
    }

    @Test func committedFixturePDFReadsLikeItsTSV() throws {
        guard Subprocess.find("pdftotext") != nil else {
            print("skipped: pdftotext (poppler-utils) is not installed")
            return
        }
        let fromPDF = PDFGrid(document: try PDFReader.read(path: Fixture.path("pdf/nanguan-zjj-2024.pdf")))
        let fromTSV = PDFGrid(document: try PDFReaderTests.document("nanguan-zjj-2024"))
        #expect(fromPDF.tables == fromTSV.tables)
        #expect(fromPDF.requests().map(\.values) == ZJJ2024.requests)
    }

    @Test func aFileThatIsNotAPDFIsOneClearLine() throws {
        guard Subprocess.find("pdftotext") != nil else {
            print("skipped: pdftotext (poppler-utils) is not installed")
            return
        }
        let path = Fixture.temporaryFile("not.pdf", Array("plain text, not a PDF".utf8))
        do {
            _ = try PDFReader.read(path: path)
            Issue.record("a text file read as a PDF")
        } catch let error as GKDiffError {
            #expect(error.reason.hasPrefix("pdftotext 无法读取这个文件（退出码 "))
        }
    }

    @Test func theBlankOfficialTemplatePrintedToPDFReadsBlank() throws {
        // ../shared/realdocs/template2021.docx (saved by WPS, all 200 cells empty), printed by LibreOffice.
        guard access(Self.folder + "template2021.docx", R_OK) == 0, Subprocess.find("soffice") != nil,
            Subprocess.find("pdftotext") != nil
        else {
            print("skipped: template2021.docx, soffice or pdftotext is missing")
            return
        }
        let temporary = try #require(TemporaryFolder(prefix: "gkdiff-test"))
        defer { temporary.remove() }
        let made = try Subprocess.run(
            "soffice",
            [
                "--headless", "-env:UserInstallation=file://\(temporary.path)/profile", "--convert-to", "pdf", "--outdir",
                temporary.path, Self.folder + "template2021.docx",
            ], timeout: 180)
        try #require(made.status == 0)
        let grid = PDFGrid(document: try PDFReader.read(path: temporary.path + "/template2021.pdf"))
        try #require(grid.tables.count == 3)
        #expect(
            grid.proactive() == [
                "规章": "_ _ _", "行政规范性文件": "_ _ _", "行政许可": "_", "行政处罚": "_", "行政强制": "_", "行政事业性收费": "_",
            ])
        let requests = grid.requests()
        #expect(requests.count >= 23)
        #expect(requests.allSatisfy { $0.values == "_ _ _ _ _ _ _" && $0.problem == nil })
        let groups = grid.tables[2].rows.prefix(2).flatMap(\.cells).map { "\($0.text)@\($0.column)+\($0.columnSpan)" }
        #expect(groups == ["行政复议@0+5", "行政诉讼@5+10", "未经复议直接起诉@5+5", "复议后起诉@10+5"])
        #expect(grid.appeals().isEmpty)
    }
}
