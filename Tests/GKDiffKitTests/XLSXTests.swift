import Testing

@testable import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

/// The workbook read back with the project's own ZIP reader and a minimal reading of the sheet XML:
/// the parts a spreadsheet needs are there, texts are shared strings, numbers are numbers. (It was
/// also opened in LibreOffice headless, converted to PDF and looked at: Chinese intact, numbers right
/// aligned, the header grey and frozen, changes coloured.)
@Suite struct XLSXTests {
    /// The cells of a sheet by reference (`A1` → text or number), texts resolved through shared strings.
    static func cells(_ archive: ZipArchive, sheet: Int) throws -> [String: String] {
        let strings = try text(archive, "xl/sharedStrings.xml").components("<si><t xml:space=\"preserve\">", "</t></si>")
        let xml = try text(archive, "xl/worksheets/sheet\(sheet).xml")
        var cells: [String: String] = [:]
        for cell in xml.components("<c r=\"", "</c>") {
            let reference = String(cell.prefix { $0 != "\"" })
            guard let value = cell.components("<v>", "</v>").first else { continue }
            cells[reference] = cell.contains("t=\"s\"") ? "s:" + strings[Int(value)!] : "n:" + value
        }
        return cells
    }

    static func text(_ archive: ZipArchive, _ name: String) throws -> String {
        let entry = try #require(archive.entry(named: name))
        return String(decoding: try archive.extract(entry), as: UTF8.self)
    }

    @Test func theBatchWorkbookReadsBack() throws {
        let root = Fixture.temporaryFolder()
        mkdir(root + "/a", 0o755)
        mkdir(root + "/b", 0o755)
        try FileWriter.write(try Fixture.text("nanguan-zfj-2023.txt"), to: root + "/a/zfj.txt")
        try FileWriter.write(try Fixture.text("nanguan-zfj-2024.txt"), to: root + "/b/zfj.txt")
        try FileWriter.write("南关区教育局\n", to: root + "/名单.csv")
        let out = root + "/汇总.xlsx"
        let result = Fixture.run(["--batch", "--roster", root + "/名单.csv", "-o", out, root + "/a", root + "/b"])
        #expect(result.status == .different, "\(result.err)")
        let archive = try ZipArchive(try SourceText.readBytes(path: out))
        let names = Set(archive.entries.map(\.name))
        for part in [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        ] {
            #expect(names.contains(part), "\(part)")
        }
        let sheet = try Self.cells(archive, sheet: 1)
        // Header row in Chinese; zfj's row (warnings: Q2) with 本年新收 5 → 8, +60.0 %; then the totals.
        #expect(sheet["A1"] == "s:状态" && sheet["B1"] == "s:机关")
        #expect(sheet["A2"] == "s:有警告" && sheet["B2"] == "s:南关区执法局")
        let columns = BatchRenderer.table.filter { $0.key != "status" }.map(\.key)
        func column(_ key: String) -> String { XLSXWriter.columnName(columns.firstIndex(of: key)!) }
        #expect(sheet[column("requests_new_old") + "2"] == "n:5" && sheet[column("requests_new_new") + "2"] == "n:8")
        #expect(sheet[column("requests_new_pct") + "2"] == "n:60")
        #expect(sheet[column("old_year") + "2"] == "n:2023")
        #expect(sheet["A3"] == "s:合计")
        let xml = try Self.text(archive, "xl/worksheets/sheet1.xml")
        #expect(xml.contains("state=\"frozen\"") && xml.contains("<autoFilter ref=\"A1:"))
        let others = try Self.cells(archive, sheet: 2)
        #expect(others["A2"] == "s:未报送" && others["B2"] == "s:南关区教育局")
    }

    @Test func columnNamesAndEscaping() {
        #expect(XLSXWriter.columnName(0) == "A" && XLSXWriter.columnName(25) == "Z")
        #expect(XLSXWriter.columnName(26) == "AA" && XLSXWriter.columnName(701) == "ZZ" && XLSXWriter.columnName(702) == "AAA")
        #expect(XLSXWriter.escape("a<b&\"c\u{1}") == "a&lt;b&amp;&quot;c\u{FFFD}")
        #expect(XLSXWriter.sheetName("a/b[c]") == "a_b_c_")
    }

    @Test func theSameSummaryGivesTheSameBytes() {
        let sheet = XLSXSheet(name: "表", headers: ["机关", "数"], rows: [[.init(.text("甲")), .init(.number(3))]])
        #expect(XLSXWriter.workbook([sheet]) == XLSXWriter.workbook([sheet]))
    }
}

extension String {
    /// The texts between each `open` and the next `close`.
    fileprivate func components(_ open: String, _ close: String) -> [String] {
        var result: [String] = []
        var rest = self[...]
        while let start = rest.firstRange(of: open) {
            rest = rest[start.upperBound...]
            guard let end = rest.firstRange(of: close) else { break }
            result.append(String(rest[..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }
}
