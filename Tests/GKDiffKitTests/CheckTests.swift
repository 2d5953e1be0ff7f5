import GKDiffKit
import Testing

/// 勾稽 rules: each broken once in a copy of a fixture (the edits are listed with their lines), and the
/// fixtures as they are.
@Suite struct CheckTests {
    /// The fixture with the given lines' cells replaced (`[line: "value"]`, each line a `\tvalue` cell).
    func edited(_ file: String, _ edits: [Int: String]) throws -> Report {
        var lines = try Fixture.text(file).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (line, value) in edits {
            #expect(lines[line - 1].hasPrefix("\t"), "line \(line) is not a cell")
            lines[line - 1] = "\t" + value
        }
        return try Fixture.parse(lines.joined(separator: "\n"), path: file)
    }

    func errors(_ findings: [Finding]) -> [Finding] { findings.filter { $0.severity == .error } }

    @Test(arguments: SeedExpectation.all.map(\.file))
    func theSeedsAsTheyAreHaveNoErrorFinding(file: String) throws {
        #expect(errors(Checker.check(try Fixture.report(file))).isEmpty)
    }

    @Test func seed003GivesTheBlankTableFindingAndNoError() throws {
        let findings = Checker.check(try Fixture.report("huzhu-cgj-2024.txt"))
        #expect(errors(findings).isEmpty)
        #expect(findings.contains { $0.rule.id == "Q1" && $0.message.hasPrefix("表二留空 175 处") })
        #expect(findings.contains { $0.rule.id == "R1" && $0.severity == .note })
    }

    @Test func aFixtureBreakingNothingGivesNoFinding() throws {
        #expect(Checker.check(try Fixture.report("nanguan-zsj-2024.txt")).isEmpty)
        let diff = ReportComparator.compare(
            try Fixture.report("nanguan-zsj-2023.txt"), try Fixture.report("nanguan-zsj-2024.txt"))
        // Only last year's section 五 `无` (a quality warning) remains.
        #expect(diff.findings.map(\.rule.id) == ["Q2"])
    }

    @Test func r1() throws {
        // nanguan-zsj-2024: 一、本年新收 自然人 7 → 8 (line 78) and 总计 10 → 11 (line 84): rows still add up,
        // but 一+二 = 8 against （七）总计+四 = 6+1 = 7 in 自然人, 11 against 8+2 = 10 in 总计.
        let findings = errors(Checker.check(try edited("nanguan-zsj-2024.txt", [78: "8", 84: "11"])))
        #expect(findings.map(\.rule.id) == ["R1", "R1"])
        let naturalPerson = try #require(findings.first { $0.cells.first?.key.column == "natural_person" })
        #expect(naturalPerson.difference == 1)
        #expect(naturalPerson.cells.map { $0.cell.number } == [8, 0, 6, 1])
        #expect(naturalPerson.cells.map(\.key.row) == ["new", "carried_over", "results_total", "carried_forward"])
        #expect(naturalPerson.line == 78)
    }

    @Test func r2() throws {
        // （一）予以公开 总计 4 → 5 (line 116), 1.本机关不掌握 总计 2 → 1 (line 225): the 总计 column still
        // sums (5+1+1+1 = 8), but each row's 总计 no longer equals its applicants (3+1 = 4, 2).
        let findings = errors(Checker.check(try edited("nanguan-zsj-2024.txt", [116: "5", 225: "1"])))
        #expect(findings.map(\.rule.id) == ["R2", "R2"])
        #expect(findings.map(\.cells[0].key.row) == ["granted", "unable_not_held"])
        #expect(findings.map(\.difference) == [1, -1])
    }

    @Test func r3() throws {
        // （七）总计 自然人 6 → 7 (339) and 总计 8 → 9 (345), 四、结转 自然人 1 → 0 (348) and 总计 2 → 1 (354):
        // R1 and R2 still hold, but （七）总计 is no longer the sum of the result rows (6 and 8).
        let findings = errors(Checker.check(try edited("nanguan-zsj-2024.txt", [339: "7", 345: "9", 348: "0", 354: "1"])))
        #expect(findings.map(\.rule.id) == ["R3", "R3"])
        #expect(findings.map(\.cells[0].key.column) == ["natural_person", "total"])
        #expect(findings.allSatisfy { $0.difference == 1 })
    }

    @Test func r4() throws {
        // 行政复议 总计 1 → 2 (line 389) while 尚未审结 is 1 and the others 0.
        let findings = errors(Checker.check(try edited("nanguan-zsj-2024.txt", [389: "2"])))
        #expect(findings.map(\.rule.id) == ["R4"])
        #expect(findings[0].cells[0].key == CellKey(table: .appeals, row: "review", column: "total"))
        #expect(findings[0].difference == 1 && findings[0].line == 389)
    }

    @Test func x1OnANonTotalColumn() throws {
        // nanguan-zsj-2023 made to carry 1 商业企业 application forward, kept consistent inside 2023:
        // 一、本年新收 商业企业 0 → 1 (78), 总计 5 → 6 (83), 四、结转 商业企业 0 → 1 (348), 总计 0 → 1 (353).
        // nanguan-zsj-2024's 二、上年结转 stays 0.
        let old = try edited("nanguan-zsj-2023.txt", [78: "1", 83: "6", 348: "1", 353: "1"])
        #expect(errors(Checker.check(old)).isEmpty)
        let diff = ReportComparator.compare(old, try Fixture.report("nanguan-zsj-2024.txt"))
        let x1 = diff.findings.filter { $0.rule.id == "X1" }
        #expect(x1.map(\.cells[0].key.column) == ["commercial", "total"])
        #expect(x1.allSatisfy { $0.severity == .error && $0.difference == -1 })
        #expect(x1[0].cells.map(\.year) == [2024, 2023])
        #expect(x1[0].cells[1].cell.line == 348)
    }

    @Test func x2() throws {
        // 行政规范性文件 现行有效件数 1 → 3 in 2024 (line 29): 0 + 1 − 0 = 1 expected.
        let diff = ReportComparator.compare(
            try Fixture.report("nanguan-zsj-2023.txt"), try edited("nanguan-zsj-2024.txt", [29: "3"]))
        let x2 = diff.findings.filter { $0.rule.id == "X2" }
        #expect(x2.count == 1)
        #expect(x2[0].severity == .warning && x2[0].difference == 2)
        #expect(x2[0].message.contains("应为 1"))
    }

    @Test func aYearGapOtherThanOneIsSaidAndCrossRulesAreNotApplied() throws {
        let old = try edited("nanguan-zsj-2023.txt", [78: "1", 83: "6", 348: "1", 353: "1"])
        var new = try Fixture.report("nanguan-zsj-2024.txt")
        new.year = 2026
        let findings = ReportComparator.compare(old, new).findings
        #expect(!findings.contains { $0.rule.id == "X1" })
        #expect(findings.contains { $0.rule.id == "Q5" && $0.message.contains("相隔 3 年") })
    }

    @Test func aFiveFoldJumpIsAWarning() throws {
        // 行政许可 463 → 2500 (nanguan-zfj-2024 line 33).
        var lines = try Fixture.text("nanguan-zfj-2024.txt").split(separator: "\n", omittingEmptySubsequences: false)
        lines[32] = "\t2500"
        let diff = ReportComparator.compare(
            try Fixture.report("nanguan-zfj-2023.txt"), try Fixture.parse(lines.joined(separator: "\n")))
        let q4 = diff.findings.filter { $0.rule.id == "Q4" }
        #expect(q4.count == 1 && q4[0].cells[0].key.row == "licensing" && q4[0].severity == .warning)
    }

    @Test func aYearThatDidNotMoveForward() throws {
        let old = "2023年测试局政府信息公开工作年度报告\n一、总体情况\n2023年度，我局发布信息17条。\n"
        let new = "2024年测试局政府信息公开工作年度报告\n一、总体情况\n2023年度，我局发布信息17条。\n"
        let diff = ReportComparator.compare(try Fixture.parse(old), try Fixture.parse(new))
        #expect(diff.findings.contains { $0.rule.id == "Q3" && $0.message.contains("2023") })
    }

    @Test func checkCommandExitStatus() {
        #expect(Fixture.run(["check", Fixture.path("nanguan-zfj-2024.txt")]).status == .same)
        let result = Fixture.run(["check", "--format", "json", Fixture.path("huzhu-cgj-2024.txt")])
        #expect(result.status == .same)
        #expect(result.out.contains("\"rule\": \"Q1\""))
    }
}
