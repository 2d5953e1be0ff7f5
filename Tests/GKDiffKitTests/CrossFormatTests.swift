import Testing

@testable import GKDiffKit

/// The same report as text, HTML and Word gives the same cells and the same sections: the formats
/// differ in how tables are written, not in what a reader of them finds. The .docx files were made
/// from the text and HTML fixtures by LibreOffice (see Fixtures/README.md); the fixtures' values are
/// checked by eye in the seed and layout tests.
@Suite struct CrossFormatTests {
    struct Pair: CustomStringConvertible, Sendable {
        var source: String
        var docx: String
        var description: String { docx }
    }

    static let pairs: [Pair] = [
        Pair(source: "nanguan-zfj-2024.txt", docx: "docx/nanguan-zfj-2024.docx"),  // seed 000, cell per line
        Pair(source: "huzhu-cgj-2023.txt", docx: "docx/huzhu-cgj-2023.docx"),  // seed 003's tab rows, filled
        Pair(source: "layouts/nanguan-zjj-2024.html", docx: "docx/nanguan-zjj-2024.docx"),  // HTML
        Pair(source: "layouts/nanguan-mzj-2020.txt", docx: "docx/nanguan-mzj-2020.docx"),  // 2019 template
    ]

    @Test(arguments: pairs)
    func wordGivesTheCellsAndSectionsOfTheSource(pair: Pair) throws {
        let source = try Fixture.report(pair.source)
        let word = try Fixture.report(pair.docx)
        #expect(word.template == source.template)
        #expect(word.cells.count == source.cells.count)
        for (index, key) in source.cellKeys.enumerated() {
            #expect(word.cells[index].value == source.cells[index].value, "\(pair) \(key)")
        }
        #expect(word.sections.map(\.kind) == source.sections.map(\.kind))
        #expect(word.agency == source.agency)
        #expect(word.year == source.year)
        #expect(word.period == source.period)
        #expect(!word.diagnostics.contains { $0.severity == .error }, "\(pair): \(word.diagnostics)")
        // The prose of the narrative sections, as one text, is the same.
        for kind in [SectionKind.overview, .problems, .other] {
            let a = source.section(kind)?.paragraphs.map(\.text).joined() ?? ""
            let b = word.section(kind)?.paragraphs.map(\.text).joined() ?? ""
            #expect(a == b, "\(pair) \(kind)")
        }
    }

    @Test func theBlankOfficialTemplateSavedByWPSHas200BlankCells() throws {
        let path = Fixture.root + "/../shared/realdocs/template2021.docx"
        guard (try? SourceText.readBytes(path: path)) != nil else {
            print("skip: \(path) is not here (the agencies' real documents live beside the project)")
            return
        }
        let report = try ReportParser.read(path: path)
        #expect(report.template == "2021")
        #expect(report.cells.count == 200)
        #expect(report.cells.allSatisfy { $0.value == .blank })
        #expect(report.sections.map(\.kind) == SectionKind.allCases)
    }

    @Test func aPDFAndAnOldWordFileGetOneClearLine() throws {
        let pdf = Fixture.temporaryFile("x.pdf", Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".utf8))
        let doc = Fixture.temporaryFile(
            "x.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512))
        let zip = Fixture.temporaryFile("x.xlsx", [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18))
        for (path, words) in [(doc, "另存为 .docx"), (zip, "")] {
            let run = Fixture.run(["show", path])
            #expect(run.status == .trouble)
            #expect(run.err.hasPrefix("gkdiff: \(path): "))
            #expect(run.err.split(separator: "\n").count == 1)
            #expect(run.err.contains(words))
        }
        let run = Fixture.run(["show", pdf])
        #expect(run.status == .trouble)
        #expect(run.err.split(separator: "\n").count == 1)
    }
}

/// PDFs made from fixtures whose tables are real tables (Fixtures/pdf/, printed by LibreOffice; their
/// `pdftotext -tsv` output committed beside them) read the same 200 cells as the fixture itself.
@Suite struct PDFFixtureReportTests {
    struct Pair: CustomStringConvertible, Sendable {
        var tsv: String
        var source: String
        /// Template rows the PDF reader cannot read safely (unreadable or missing, never another value).
        var lostRows: Set<String> = []
        var description: String { tsv }
    }

    static let pairs: [Pair] = [
        Pair(tsv: "pdf/nanguan-zjj-2024.tsv", source: "layouts/nanguan-zjj-2024.html"),
        Pair(tsv: "pdf/nanguan-zfj-2024.tsv", source: "nanguan-zfj-2024.txt"),
        Pair(tsv: "pdf/nanguan-zfj-2024.docx.tsv", source: "nanguan-zfj-2024.txt"),
        // In this print the vertically centred group label （四）无法提供 shares a baseline with the
        // words 三、本年度办理结果, and the row 2.没有现成信息需要另行制作 loses its label: not read, said so.
        Pair(
            tsv: "pdf/nanguan-mzj-2021.tsv", source: "layouts/nanguan-mzj-2021.txt",
            lostRows: ["requests.unable_needs_creation"]),
    ]

    @Test(arguments: pairs)
    func aPDFReadsTheCellsOfItsSource(pair: Pair) throws {
        let path = Fixture.path(pair.tsv)
        let document = try PDFReader.document(fromTSV: try SourceText.read(path: path).text, path: path)
        let pdf = try ReportParser.parse(document, path: path)
        let source = try Fixture.report(pair.source)
        #expect(pdf.template == source.template)
        for (index, key) in source.cellKeys.enumerated() {
            if pair.lostRows.contains("\(key.table).\(key.row)") {
                #expect(pdf.cells[index].value == .missing || pdf.cells[index].value == .unreadable, "\(pair) \(key)")
            } else {
                #expect(pdf.cells[index].value == source.cells[index].value, "\(pair) \(key)")
            }
        }
        if !pair.lostRows.isEmpty { #expect(pdf.diagnostics.contains { $0.severity == .error }) }
        #expect(pdf.sections.map(\.kind) == source.sections.map(\.kind))
        #expect(pdf.year == source.year)
    }
}

/// The blank official template (`../shared/realdocs/template2021.docx`, all 200 cells empty) printed to PDF
/// by LibreOffice with a CJK font (WenQuanYi Zen Hei): the merged group cells of table 2 wrap their labels
/// beside the rows (`（三）不` on the line of `4.保护第三方合法权益`, `予公开` on the line of `5.…`,
/// `三、本` beside `法提供`). Every row is still its own row, and every cell reads blank — none missing.
@Suite struct BlankTemplatePDFTests {
    @Test func theBlankTemplatePrintedWithACJKFontReadsAllCellsBlank() throws {
        let path = Fixture.path("pdf/template2021-wqy.tsv")
        let document = try PDFReader.document(fromTSV: try SourceText.read(path: path).text, path: path)
        let report = try ReportParser.parse(document, path: path)
        #expect(report.cells.count == 200)
        for (index, key) in report.cellKeys.enumerated() {
            #expect(report.cells[index].value == .blank, "\(key)")
        }
        // The one warning: a blank form names no year.
        #expect(report.diagnostics.filter { $0.severity >= .warning }.map(\.message) == ["标题和统计期限里都没有找到报告年度"])
    }
}
