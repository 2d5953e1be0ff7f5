import Testing

@testable import GKDiffKit

/// How a 2019-template report against a 2021 one is shown: the summed （六） row, the unmatched cells.
/// Values read from Fixtures/layouts: nanguan-mzj-2020.txt lines 316–323 (（六）其他处理: 2 1 0 0 0 0 3),
/// nanguan-mzj-2021.txt lines 51–53 (1.: 1 … 1, 2.: all 0, 3.其他: 2 … 2).
@Suite struct TemplateRenderTests {
    func diff() throws -> ReportDiff {
        ReportComparator.compare(
            try Fixture.report("layouts/nanguan-mzj-2020.txt"), try Fixture.report("layouts/nanguan-mzj-2021.txt"))
    }

    @Test func textMarksTheSumAndListsTheUnmatched() throws {
        let text = DiffTextRenderer.render(try diff(), all: false, color: false)
        let line = try #require(text.split(separator: "\n").first { $0.contains("（六）其他处理［") && $0.contains("自然人") })
        #expect(line.contains("三行之和"))
        #expect(line.split(separator: " ").suffix(5) == ["2", "→", "3", "+1", "+50.0%"])
        #expect(text.contains("只有一方模板有，不比较"))
        #expect(text.contains("本年新制作数量") && text.contains("上年（2019 年版）"))
    }

    @Test func csvCarriesSumOfAndUnmatchedRows() throws {
        let d = try diff()
        let records = try CSVTests.read(String(DiffCSVRenderer.render(d, all: false).dropFirst()))
        let index = Dictionary(uniqueKeysWithValues: DiffCSVRenderer.columns.enumerated().map { ($1, $0) })
        let summed = try #require(records.first { $0[index["row"]!] == "other" && $0[index["column"]!] == "natural_person" })
        #expect(summed[index["old"]!] == "2" && summed[index["new"]!] == "3")
        #expect(
            summed[index["sum_of"]!]
                == "requests.other_no_correction.natural_person+requests.other_unpaid_fee.natural_person+requests.other_other.natural_person"
        )
        let unmatched = records.filter { $0[0] == "unmatched" }
        #expect(unmatched.count == d.unmatched.count && !unmatched.isEmpty)
        #expect(
            unmatched.contains { $0[index["status"]!] == "only_old" } && unmatched.contains { $0[index["status"]!] == "only_new" }
        )
    }

    @Test func showPrintsA2019ReportWithItsOwnKeys() throws {
        let report = try Fixture.report("layouts/nanguan-mzj-2020.txt")
        let json = ReportRenderer.json(report)
        #expect(json.contains("\"template\": \"2019\""))
        #expect(json.contains("\"column\": \"created\""))
        #expect(!json.contains("\"row\": \"other_other\""))
        #expect(ReportRenderer.text(report).contains("国办公开办函〔2019〕60号"))
    }
}
