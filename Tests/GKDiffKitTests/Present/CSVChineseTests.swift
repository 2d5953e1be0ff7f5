import Testing

@testable import GKDiffKit

/// `--csv-header zh` and the key-indicator rows of the CSV (issue 13, bullets 3 and 6).
@Suite struct CSVChineseTests {
    static let old = Fixture.path("nanguan-zsj-2023.txt")
    static let new = Fixture.path("nanguan-zsj-2024.txt")

    @Test func chineseHeaderAndWordsOnlyWhenAsked() throws {
        let zh = Fixture.run(["--format", "csv", "--csv-header", "zh", Self.old, Self.new])
        #expect(zh.status == .different)
        let records = try CSVTests.read(String(zh.out.dropFirst()))
        #expect(records[0] == DiffCSVRenderer.columns.map { DiffCSVRenderer.chineseColumns[$0]! })
        #expect(records[0].prefix(3) == ["类别", "章节", "表"])
        let kinds = Set(records.dropFirst().map { $0[0] })
        #expect(kinds == ["关键指标", "单元格", "章节", "句子", "勾稽校验"])
        let status = DiffCSVRenderer.columns.firstIndex(of: "status")!
        let severity = DiffCSVRenderer.columns.firstIndex(of: "severity")!
        #expect(records.contains { $0[0] == "单元格" && $0[status] == "新增" })
        #expect(records.contains { $0[0] == "勾稽校验" && $0[severity] == "警告" })
        // Every row as wide as the header.
        #expect(records.allSatisfy { $0.count == DiffCSVRenderer.columns.count })
        // The default stays the documented English keys.
        let en = Fixture.run(["--format", "csv", Self.old, Self.new])
        #expect(en.out.hasPrefix("\u{FEFF}kind,section,table,"))
        #expect(Fixture.run(["--format", "csv", "--csv-header", "en", Self.old, Self.new]).out == en.out)
    }

    @Test func indicatorRowsCarryTheRatesAndPoints() throws {
        let csv = Fixture.run(["--format", "csv", Self.old, Self.new]).out
        let records = try CSVTests.read(String(csv.dropFirst()))
        let index = Dictionary(uniqueKeysWithValues: DiffCSVRenderer.columns.enumerated().map { ($1, $0) })
        let rate = try #require(records.first { $0[0] == "indicator" && $0[index["row"]!] == "disclosure_rate" })
        // 2023: 4 ÷ 5 = 80.0 %; 2024: (4 + 1) ÷ 8 = 62.5 %; −17.5 percentage points.
        #expect(rate[index["old"]!] == "80.0" && rate[index["new"]!] == "62.5" && rate[index["change"]!] == "-17.5")
        #expect(rate[index["status"]!] == "rate_pct")
        // 复议纠错率 2023: 总计 0, no rate: the number is empty and the text says why.
        let review = try #require(records.first { $0[0] == "indicator" && $0[index["row"]!] == "review_correction_rate" })
        #expect(review[index["old"]!] == "" && review[index["old_text"]!] == "无（分母为 0）")
    }

    @Test func csvHeaderIsRefusedWhereItMeansNothing() {
        for arguments in [
            ["--csv-header", "zh", Self.old, Self.new],
            ["--csv-header", "fr", "--format", "csv", Self.old, Self.new],
            ["check", "--csv-header", "zh", Self.new],
        ] {
            let result = Fixture.run(arguments)
            #expect(result.status == .trouble)
            #expect(result.err.contains("--csv-header"))
        }
    }
}
