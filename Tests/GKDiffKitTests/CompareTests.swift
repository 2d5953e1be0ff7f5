import Testing

@testable import GKDiffKit

/// Comparisons of fixture pairs; every expected value was read from the fixture files
/// (e.g. `grep -n 行政许可 Fixtures/nanguan-zfj-2023.txt` → `行政许可→463→→` on line 16).
@Suite struct CompareTests {
    func diff(_ old: String, _ new: String) throws -> ReportDiff {
        ReportComparator.compare(try Fixture.report(old), try Fixture.report(new))
    }

    func cell(_ diff: ReportDiff, _ table: TableKind, _ row: String, _ column: String) -> CellChange {
        diff.cells.first { $0.key == CellKey(table: table, row: row, column: column) }!
    }

    @Test func cellsWithChangeAndPercent() throws {
        let d = try diff("nanguan-zfj-2023.txt", "nanguan-zfj-2024.txt")
        // 行政许可 463 (2023 line 16) → 508 (2024 line 33): +45, 45/463 = 9.72 %.
        let licensing = cell(d, .proactive, "licensing", "decisions")
        #expect(licensing.status == .increased)
        #expect(licensing.changeText == "+45")
        #expect(licensing.percentText == "+9.7%")
        #expect(licensing.old.line == 16 && licensing.new.line == 33)
        // 行政处罚 227 → 195: −32, −14.10 %.
        #expect(cell(d, .proactive, "penalties", "decisions").percentText == "-14.1%")
        // 行政强制 4 → 0: −100.0 %.
        let enforcement = cell(d, .proactive, "enforcement", "decisions")
        #expect(enforcement.status == .decreased && enforcement.percentText == "-100.0%")
        // 8.属于行政查询事项 自然人 0 → 1: 新增, no per cent (zero base).
        let inquiry = cell(d, .requests, "denied_inquiry", "natural_person")
        #expect(inquiry.status == .added && inquiry.percentTenths == nil && inquiry.changeText == "+1")
        // Both 0: unchanged.
        #expect(cell(d, .requests, "denied_state_secret", "total").status == .unchanged)
    }

    @Test func feeDecimalAndBlankSide() throws {
        let d = try diff("huzhu-cgj-2023.txt", "huzhu-cgj-2024.txt")
        // 行政事业性收费 236.40 (2023 line 38) → 250.83 (2024 line 36): +14.43, 14.43/236.40 = 6.10 %.
        let fee = cell(d, .proactive, "fees", "amount")
        #expect(fee.changeText == "+14.43")
        #expect(fee.percentText == "+6.1%")
        // 行政强制 2 (2023 line 35) → blank (2024 line 33): no arithmetic, the states are shown.
        let enforcement = cell(d, .proactive, "enforcement", "decisions")
        #expect(enforcement.status == .stateChanged)
        #expect(enforcement.change == nil && enforcement.percentTenths == nil)
        #expect(enforcement.new.value == .blank)
        let text = DiffTextRenderer.render(d, all: false, color: false)
        let line = try #require(text.split(separator: "\n").first { $0.contains("行政强制") })
        #expect(line.contains("2  →") && line.hasSuffix("空"))
        // The fee as the report writes it.
        #expect(text.contains("236.40  →  250.83  +14.43   +6.1%"))
        #expect(!text.contains("inf") && !text.contains("nan") && !text.contains("NaN"))
    }

    @Test func sentencesAddedRemovedEditedAndNumbersOnly() throws {
        let d = try diff("nanguan-zfj-2023.txt", "nanguan-zfj-2024.txt")
        let overview = try #require(d.sections.first { $0.kind == .overview })
        let added = overview.sentences.filter { $0.status == .added }.compactMap { $0.new?.text }
        #expect(added.contains("新增“国务院我来说”板块，拓宽与群众对话渠道。"))
        let removed = overview.sentences.filter { $0.status == .removed }.compactMap { $0.old?.text }
        #expect(removed.contains("全年组织政务公开业务培训2次，参训人员40余人次。"))
        // 共发布信息21条 → 17条: numbers only, the number as one token.
        let count = try #require(overview.sentences.first { $0.new?.text.contains("共发布信息17条") == true })
        #expect(count.status == .numbersOnly)
        #expect(count.pieces.contains(.removed("21")) && count.pieces.contains(.added("17")))
        // 94.7% → 96.8% is one token each.
        let rate = try #require(overview.sentences.first { $0.new?.text.contains("96.8%") == true })
        #expect(rate.status == .numbersOnly && rate.pieces.contains(.removed("94.7%")) && rate.pieces.contains(.added("96.8%")))
        // （二）依法规范处理依申请公开。 → （二）四个“第一”处理依申请公开。 is an edit.
        let title = try #require(overview.sentences.first { $0.new?.text == "（二）四个“第一”处理依申请公开。" })
        #expect(title.status == .edited)
        #expect(title.old?.text == "（二）依法规范处理依申请公开。")
    }

    @Test func aSectionCarriedOverWordForWordIs100Percent() throws {
        // Section 五 of nanguan-zfj: 2024's lines 399–401 equal 2023's lines 62–64 except 2023→2024, 2024→2025.
        let d = try diff("nanguan-zfj-2023.txt", "nanguan-zfj-2024.txt")
        let problems = try #require(d.sections.first { $0.kind == .problems })
        #expect(problems.carriedSentences == 1.0)
        #expect(problems.carriedCharacters == 1.0)
        // The year moving forward alone is no change at all.
        #expect(!problems.hasChanges)
        #expect(d.findings.contains { $0.rule.id == "Q2" })
    }

    @Test func givenNewestFirstItComparesInYearOrderAndSaysSo() throws {
        let d = try diff("nanguan-zfj-2024.txt", "nanguan-zfj-2023.txt")
        #expect(d.swapped)
        #expect(d.old.year == 2023 && d.new.year == 2024)
        #expect(d.notes.contains { $0.contains("新年度在前") })
        #expect(cell(d, .proactive, "licensing", "decisions").changeText == "+45")
    }

    @Test(arguments: [
        "nanguan-zfj-2024.txt", "encodings/nanguan-zfj-2024.gb18030.txt", "encodings/nanguan-zfj-2024.utf16le.txt",
        "encodings/nanguan-zfj-2024.crlf.txt",
    ])
    func aReportAgainstItselfOrItsEncodedCopyHasNoChange(copy: String) throws {
        let result = Fixture.run([Fixture.path("nanguan-zfj-2024.txt"), Fixture.path(copy)])
        #expect(result.status == .same, "\(result.out)")
        #expect(result.err.isEmpty)
    }

    @Test func agencies() {
        #expect(Agency.same("长春市南关区城市管理行政执法局", "南关区执法局"))
        #expect(!Agency.same("南关区执法局", "南关区政数局"))
        #expect(Agency.same("南关区新春街道", "南关区新春街道"))
    }

    @Test func differentAgenciesAreSaidFirstAndStillCompared() throws {
        let d = try diff("nanguan-zsj-2023.txt", "nanguan-zfj-2024.txt")
        #expect(d.agenciesDiffer)
        let text = DiffTextRenderer.render(d, all: false, color: false)
        let lines = text.split(separator: "\n")
        #expect(lines[3].contains("机关名称不同"))
        #expect(text.contains("行政许可"))
    }

    @Test func shortEqualitiesBetweenChangesAreFolded() {
        let folded = NarrativeComparator.cleanUp([.same("政务公开"), .change("标准", "强"), .same("化"), .change("规范化水平", "服务效能")])
        #expect(folded == [.same("政务公开"), .change("标准化规范化水平", "强化服务效能")])
        // A longer equality stays.
        let kept: [NarrativeComparator.Segment] = [.change("21", "17"), .same("条，内容"), .change("a", "b")]
        #expect(NarrativeComparator.cleanUp(kept) == kept)
    }

    @Test func percentRounding() {
        func tenths(_ a: Int, _ b: Int) -> Int? { Quantity.tenthsOfPercent(.init(b - a), of: .init(a)) }
        #expect(tenths(412, 508) == 233)  // +23.30 %
        #expect(tenths(8, 9) == 125)  // +12.5 % exactly
        #expect(tenths(3, 1) == -667)  // −66.67 %
        #expect(tenths(16, 15) == -63)  // −6.25 % rounds away from zero to −6.3
    }

    @Test func colourOnlyWhenAsked() throws {
        let old = Fixture.path("nanguan-zfj-2023.txt")
        let new = Fixture.path("nanguan-zfj-2024.txt")
        #expect(!Fixture.run([old, new]).out.contains("\u{1B}["))
        #expect(Fixture.run(["--color=always", old, new]).out.contains("\u{1B}[31m"))
        let terminal = Console(outputIsTerminal: true, environment: ["TERM": "xterm"])
        _ = GKDiff.run([old, new], console: terminal)
        #expect(terminal.out.contains("\u{1B}["))
        let noColor = Console(outputIsTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"])
        _ = GKDiff.run([old, new], console: noColor)
        #expect(!noColor.out.contains("\u{1B}["))
        #expect(!Fixture.run(["--color=always", "--format", "csv", old, new]).out.contains("\u{1B}["))
    }

    @Test func hugeEverythingChangedInputStaysBounded() throws {
        // 6,000 distinct sentences against 6,000 others: over the sentence cost limit, so the coarse
        // alignment is used and the output says so.
        func report(_ tag: String, year: Int) throws -> Report {
            var text = "\(year)年测试局政府信息公开工作年度报告\n一、总体情况\n"
            for i in 0..<6_000 { text += "第\(tag)\(i)项工作按计划完成情况良好\(tag)。\n" }
            text += "五、存在的主要问题及改进情况\n无\n"
            return try Fixture.parse(text, path: "\(tag).txt")
        }
        let d = ReportComparator.compare(try report("甲", year: 2023), try report("乙", year: 2024))
        let overview = try #require(d.sections.first { $0.kind == .overview })
        #expect(overview.degraded)
        #expect(overview.count(.added) + overview.count(.edited) + overview.count(.numbersOnly) == 6_000)
        #expect(d.notes.contains { $0.contains("粗略") })
    }
}
