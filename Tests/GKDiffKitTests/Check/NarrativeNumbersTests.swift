import Testing

@testable import GKDiffKit

/// Rule N1 (issue 13, bullet 4): the prose against the tables, on fixture copies with a narrative number
/// changed, and sentences that must not be compared.
@Suite struct NarrativeNumbersTests {
    /// The fixture's text with one phrase replaced (it must be there exactly once).
    static func edited(_ name: String, _ phrase: String, _ replacement: String) throws -> Report {
        let text = try Fixture.text(name)
        #expect(text.components(separatedBy: phrase).count == 2, "\(phrase) not once in \(name)")
        return try Fixture.parse(text.replacingFirst(phrase, with: replacement), path: name)
    }

    static func n1(_ report: Report) -> [Finding] { Checker.check(report).filter { $0.rule.id == "N1" } }

    @Test func theFixturesAsWrittenAgreeWithTheirTables() throws {
        // zsj-2024 line 12 says 受理…申请10件 (table 10), 结转下年度继续办理2件 (2), 行政复议1件 (1);
        // xinchun-2023 line 18 says 收到…申请2件 (2), 予以公开1件 (1); sthj-2023 line 9 收到…申请2件 (2);
        // zfj-2023 line 6 上年结转1件 (1).
        for name in [
            "nanguan-zsj-2024.txt", "nanguan-xinchun-2023.txt", "nanguan-sthj-2023.txt", "nanguan-zfj-2023.txt",
            "nanguan-zsj-2023.txt", "nanguan-zfj-2024.txt", "huzhu-cgj-2023.txt", "huzhu-cgj-2024.txt",
        ] {
            #expect(Self.n1(try Fixture.report(name)).isEmpty, "\(name)")
        }
    }

    @Test func aChangedRequestCountIsReportedWithBothLinesAndNumbers() throws {
        let report = try Self.edited("nanguan-zsj-2024.txt", "共受理政府信息公开申请10件", "共受理政府信息公开申请9件")
        let findings = Self.n1(report)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.line == 12)
        #expect(finding.cells.map(\.key) == [CellKey(table: .requests, row: "new", column: "total")])
        #expect(finding.difference == -1)
        let tableLine = try #require(finding.cells.first?.cell.line)
        #expect(
            finding.message
                == "正文第 12 行写「受理政府信息公开申请9件」，表二「一、本年新收政府信息公开申请数量·总计」（第 \(tableLine) 行）是 10：相差 -1")
    }

    @Test func grantedCarriedForwardAndReviewAreEachOneCell() throws {
        let granted = Self.n1(try Self.edited("nanguan-xinchun-2023.txt", "其中予以公开1件", "其中予以公开2件"))
        #expect(granted.map(\.cells.first?.key.row) == ["granted"])
        #expect(granted.first?.line == 18)
        let forward = Self.n1(try Self.edited("nanguan-zsj-2024.txt", "结转下年度继续办理2件", "结转下年度继续办理5件"))
        #expect(forward.map(\.cells.first?.key.row) == ["carried_forward"])
        let review = Self.n1(try Self.edited("nanguan-zsj-2024.txt", "被申请行政复议1件", "被申请行政复议3件"))
        #expect(review.map(\.cells.first?.key) == [CellKey(table: .appeals, row: "review", column: "total")])
        #expect(review.first?.difference == 2)
        let carried = Self.n1(try Self.edited("nanguan-zfj-2023.txt", "其中上年结转1件", "其中上年结转2件"))
        #expect(carried.map(\.cells.first?.key.row) == ["carried_over"])
    }

    @Test func aRealDisagreementIsFound() throws {
        // layouts/nanguan-zjj-2024.pipe.txt line 8: 上年结转3件; its table's 二、上年结转 总计 is 4 (自然人 3,
        // 商业企业 1): the prose counted only people.
        let findings = Self.n1(try Fixture.report("layouts/nanguan-zjj-2024.pipe.txt"))
        #expect(findings.count == 1)
        #expect(findings.first?.line == 8 && findings.first?.difference == -1)
    }

    @Test func aWiderScopeOrAnotherYearIsNotCompared() throws {
        // 全区 makes it the district's figure, not the agency's table.
        let wide = try Self.edited("nanguan-zsj-2024.txt", "2024年共受理政府信息公开申请10件", "2024年全区共受理政府信息公开申请99件")
        #expect(Self.n1(wide).isEmpty)
        let filed = try Self.edited("nanguan-zsj-2024.txt", "被申请行政复议1件", "备案审查行政复议9件")
        #expect(Self.n1(filed).isEmpty)
        // Last year's figure quoted in this year's report.
        let lastYear = try Self.edited("nanguan-zsj-2024.txt", "2024年共受理政府信息公开申请10件", "2023年共受理政府信息公开申请5件")
        #expect(Self.n1(lastYear).isEmpty)
    }

    @Test func onlyAPhraseWithOneSubjectIsRead() {
        func number(_ text: String, _ keyword: String) -> String? {
            let pattern = NarrativeNumbers.patterns.first { $0.keyword == keyword }!
            return NarrativeNumbers.statedNumber(text, pattern).map { "\($0.0)" }
        }
        #expect(number("共收到信息公开申请2件", "收到") == "2")
        #expect(number("收到群众来信2件", "收到") == nil)  // not 申请
        #expect(number("因政府信息公开申请行政复议、行政诉讼2件", "行政复议") == nil)
        #expect(number("行政复议和行政诉讼2件", "行政复议") == nil)
        #expect(number("予以公开，共3件", "予以公开") == nil)
        #expect(number("不予以公开1件", "予以公开") == nil)
        #expect(number("予以公开1.5件", "予以公开") == nil)
        #expect(number("制发行政规范性文件5件", "制发") == "5")
        #expect(number("主动公开信息143条", "收到") == nil)
    }
}

/// `CellGrid` reaches every cell `TemplateEdition.index(of:)` does, at the same index, and no other.
@Suite struct CellGridTests {
    @Test(arguments: TemplateEdition.allCases) func gridMatchesTheTemplateIndex(edition: TemplateEdition) {
        for table in edition.tables {
            for row in table.rows {
                for column in table.columns {
                    let key = CellKey(table: table.kind, row: row.key, column: column.key)
                    #expect(CellGrid.index(of: key, in: edition) == edition.index(of: key) ?? -1, "\(key)")
                }
            }
        }
        for (index, key) in edition.cellKeys.enumerated() {
            #expect(CellGrid.index(of: key, in: edition) == index, "\(key)")
        }
        #expect(CellGrid.index(of: CellKey(table: .requests, row: "no_such_row", column: "total"), in: edition) == -1)
    }
}
