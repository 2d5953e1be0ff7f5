import Testing

@testable import GKDiffKit

/// The CSV read back with an RFC 4180 reader written here.
@Suite struct CSVTests {
    /// Parses RFC 4180: quoted fields with doubled quotes, CRLF records. Fails on a bare LF or a stray quote.
    static func read(_ text: String) throws -> [[String]] {
        struct Malformed: Error { var reason: String }
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false
        var fieldStarted = false
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard !fieldStarted else { throw Malformed(reason: "quote inside an unquoted field") }
                quoted = true
                fieldStarted = true
            case ",":
                record.append(field); field = ""; fieldStarted = false
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Malformed(reason: "CR without LF") }
                record.append(field); records.append(record); record = []; field = ""; fieldStarted = false
            case "\n":
                throw Malformed(reason: "bare LF")
            default:
                field.unicodeScalars.append(c)
                fieldStarted = true
            }
        }
        guard record.isEmpty && field.isEmpty else { throw Malformed(reason: "last record without CRLF") }
        return records
    }

    func csv() throws -> String {
        let result = Fixture.run(["--format", "csv", Fixture.path("nanguan-zfj-2023.txt"), Fixture.path("nanguan-zfj-2024.txt")])
        #expect(result.status == .different)
        return result.out
    }

    /// The positions rows are filled by are the documented columns' (a row is no longer filled by name).
    @Test func columnPositionsAreTheColumns() {
        typealias C = DiffCSVRenderer.Column
        let positions: [(String, Int)] = [
            ("kind", C.kind), ("section", C.section), ("table", C.table), ("row", C.row), ("column", C.column),
            ("row_label", C.rowLabel), ("column_label", C.columnLabel), ("old", C.old), ("new", C.new),
            ("change", C.change), ("change_pct", C.changePercent), ("status", C.status),
            ("status_label", C.statusLabel), ("old_line", C.oldLine), ("new_line", C.newLine),
            ("old_text", C.oldText), ("new_text", C.newText), ("similarity", C.similarity),
            ("carried_sentences", C.carriedSentences), ("carried_chars", C.carriedCharacters), ("rule", C.rule),
            ("severity", C.severity), ("message", C.message), ("note", C.note), ("sum_of", C.sumOf),
            ("file", C.file), ("line", C.line),
        ]
        #expect(positions.count == DiffCSVRenderer.columns.count)
        for (name, position) in positions { #expect(DiffCSVRenderer.columns[position] == name) }
    }

    @Test func headerBOMAndRowCounts() throws {
        let text = try csv()
        #expect(text.unicodeScalars.first == "\u{FEFF}")
        let records = try Self.read(String(text.dropFirst()))
        #expect(records[0] == DiffCSVRenderer.columns)
        #expect(records.allSatisfy { $0.count == DiffCSVRenderer.columns.count })
        let kinds = records.dropFirst().map { $0[0] }
        // 27 changed cells (4 + 21 + 2, see CompareTests and the text output checked by hand).
        #expect(kinds.filter { $0 == "cell" }.count == 27)
        #expect(kinds.filter { $0 == "section" }.count == 4)
        #expect(kinds.contains("sentence") && kinds.contains("check"))
    }

    @Test func numbersAreNumbersAndTextIsSafe() throws {
        let records = try Self.read(String(try csv().dropFirst()))
        let index = Dictionary(uniqueKeysWithValues: DiffCSVRenderer.columns.enumerated().map { ($1, $0) })
        let licensing = try #require(records.first { $0[0] == "cell" && $0[index["row"]!] == "licensing" })
        #expect(licensing[index["old"]!] == "463" && licensing[index["new"]!] == "508")
        #expect(licensing[index["change"]!] == "45" && licensing[index["change_pct"]!] == "9.7")
        let inquiry = try #require(records.first { $0[index["row"]!] == "denied_inquiry" && $0[index["column"]!] == "total" })
        #expect(inquiry[index["change_pct"]!] == "" && inquiry[index["status"]!] == "added")
        for record in records.dropFirst() {
            for column in ["old", "new", "change", "change_pct"] {
                let value = record[index[column]!]
                #expect(value.isEmpty || Double(value) != nil, "\(column)=\(value)")
            }
            for column in ["row_label", "old_text", "new_text", "message"] {
                let first = record[index[column]!].unicodeScalars.first
                #expect(first.map { !["=", "+", "-", "@"].contains($0) } ?? true)
            }
        }
    }

    @Test func aSentenceWithACommaAndANewlineIsQuoted() throws {
        let old = "2023年测试局政府信息公开工作年度报告\n一、总体情况\n旧的一句。\n"
        let new = "2024年测试局政府信息公开工作年度报告\n一、总体情况\n旧的一句。\n=SUM(A1),\"新\"句。\n"
        let diff = ReportComparator.compare(try Fixture.parse(old), try Fixture.parse(new))
        let text = DiffCSVRenderer.render(diff, all: false)
        #expect(text.contains("\"'=SUM(A1),\"\"新\"\"句。\""))
        let records = try Self.read(String(text.dropFirst()))
        let sentence = try #require(records.first { $0[0] == "sentence" })
        #expect(sentence.contains("'=SUM(A1),\"新\"句。"))
    }

    /// Sentences come from single lines, so a field with a newline is written through the writer itself.
    @Test func aFieldWithANewlineAndACommaRoundTrips() throws {
        var writer = CSVWriter(columns: ["kind", "old_text", "old"])
        writer.row(["kind": "sentence", "old_text": "第一行，\n第二行\r\n“引号\"”"], numbers: ["old": "-3.5"])
        let records = try Self.read(String(writer.output.dropFirst()))
        #expect(records == [["kind", "old_text", "old"], ["sentence", "第一行，\n第二行\r\n“引号\"”", "-3.5"]])
        #expect(CSVWriter.field("@user") == "'@user")
        #expect(CSVWriter.field("+1") == "'+1")
    }
}
