import Testing

@testable import GKDiffKit

/// The 2019 template (2019 and 2020 reports) and comparing it with the 2021 one.
@Suite struct Template2019Tests {
    /// `Fixtures/layouts/nanguan-mzj-2020.txt`, values as written there (2019 template, 198 cells).
    static let proactive2020 = "0 0 0 2 2 15 12 -1 86 7 0 153 3 1 9 2 0 1 1 0 14 5125.11"
    static let requests2020 = [
        "30 5 0 1 0 2 38", "1 0 0 0 0 0 1", "15 2 0 1 0 1 19", "3 1 0 0 0 0 4",
        "0 0 0 0 0 0 0", "1 0 0 0 0 0 1", "0 0 0 0 0 0 0", "1 0 0 0 0 0 1", "0 0 0 0 0 0 0", "2 0 0 0 0 0 2",
        "0 0 0 0 0 0 0", "0 0 0 0 0 0 0",
        "3 1 0 0 0 0 4", "1 0 0 0 0 0 1", "0 0 0 0 0 0 0",
        "1 0 0 0 0 0 1", "0 0 0 0 0 1 1", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0",
        "2 1 0 0 0 0 3",  // （六）其他处理, one row
        "29 5 0 1 0 2 37", "2 0 0 0 0 0 2",
    ]
    static let appeals2020 = ["1 0 0 0 1", "0 0 0 1 1", "0 0 0 0 0"]

    @Test func theTemplateHasItsOwnTable1AndOneOtherRow() {
        let edition = TemplateEdition.y2019
        #expect(edition.cellKeys.count == 198)
        #expect(edition.table(.proactive).cells.count == 22)
        #expect(edition.table(.requests).rows.count == 23)
        #expect(edition.table(.requests).row("other")?.label == "（六）其他处理")
        #expect(edition.table(.requests).row("other_other") == nil)
        #expect(edition.table(.proactive).row("procurement")?.group == "第二十条第（九）项")
        #expect(
            edition.table(.proactive).columns(ofRow: "licensing").map(\.key) == ["items_last_year", "items_change", "decisions"])
        #expect(TemplateEdition.y2021.cellKeys == Template.cellKeys)
        // A key only the 2019 template has still has labels.
        #expect(CellKey(table: .requests, row: "other", column: "total").rowSpec.label == "（六）其他处理")
        #expect(CellKey(table: .proactive, row: "procurement", column: "procurement_amount").columnSpec.unit == .tenThousandYuan)
    }

    @Test func a2020ReportIsReadWithThe2019Template() throws {
        let report = try Fixture.report("layouts/nanguan-mzj-2020.txt")
        #expect(report.template == "2019")
        #expect(report.edition == .y2019)
        #expect(report.agency == "长春市南关区民政局")
        #expect(report.year == 2020)
        #expect(report.cells.count == 198)
        var wanted = Self.proactive2020.split(separator: " ").map(String.init)
        for row in Self.requests2020 + Self.appeals2020 { wanted += row.split(separator: " ").map(String.init) }
        #expect(wanted.count == 198)
        for (index, key) in report.cellKeys.enumerated() {
            #expect(
                report[key].number?.description == wanted[index], "\(key): expected \(wanted[index]), got \(report[key].value)")
        }
        #expect(report.cell(.proactive, "licensing", "items_change")?.raw == "-1")
        #expect(report.cell(.proactive, "licensing", "items_change")?.line == 34)
        #expect(report.cell(.proactive, "penalties", "items_change")?.raw == "+1")
        #expect(report.cell(.proactive, "procurement", "procurement_amount")?.line == 77)
        #expect(report.cell(.requests, "other", "natural_person")?.number == 2)
        // 2021-only cells are not in a 2019 report.
        #expect(report.cell(.requests, "other_other", "total") == nil)
        #expect(report[CellKey(table: .proactive, row: "fees", column: "amount")].value == .missing)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        #expect(report.diagnostics.contains { $0.severity == .note && $0.message.contains("2019 年版模板") })
    }

    @Test func itsArithmeticChecksWithItsOwnRows() throws {
        let findings = Checker.check(try Fixture.report("layouts/nanguan-mzj-2020.txt"))
        #expect(findings.filter { $0.severity != .note }.isEmpty, "\(findings.map(\.message))")
    }

    @Test func a2021ReportOfTheSameAgencyIsReadWithThe2021Template() throws {
        let report = try Fixture.report("layouts/nanguan-mzj-2021.txt")
        #expect(report.template == "2021")
        #expect(report.cell(.proactive, "normative_documents", "in_force")?.number == 16)
        #expect(report.cell(.requests, "other_other", "natural_person")?.number == 2)
        #expect(report.cell(.requests, "other_other", "natural_person")?.line == 53)
        #expect(report.cell(.requests, "results_total", "total")?.number == 42)
        #expect(report.cell(.requests, "carried_forward", "total")?.number == 1)
    }

    @Test(arguments: [false, true])
    func comparing2020With2021GivesTheMappedCellsAndListsTheRest(newestFirst: Bool) throws {
        let old = try Fixture.report("layouts/nanguan-mzj-2020.txt")
        let new = try Fixture.report("layouts/nanguan-mzj-2021.txt")
        let diff = newestFirst ? ReportComparator.compare(new, old) : ReportComparator.compare(old, new)
        #expect(diff.swapped == newestFirst)
        #expect(diff.templatesDiffer)
        // 22 shared rows × 7 + 3 table-1 cells + 15 of table 3 + 7 sums.
        #expect(diff.cells.count == 179)
        #expect(diff.notes.contains { $0.contains("模板不同") && $0.contains("179") && $0.contains("26") })

        func change(_ table: TableKind, _ row: String, _ column: String) -> CellChange? {
            diff.cells.first { $0.key == CellKey(table: table, row: row, column: column) }
        }
        // The one 2019 row against the sum of the three 2021 rows, marked as a sum.
        let np = try #require(change(.requests, "other", "natural_person"))
        #expect(np.old.number == 2 && np.new.number == 3)  // 2021: 1 + 0 + 2
        #expect(np.status == .increased && np.percentText == "+50.0%")
        let sum = try #require(np.sum)
        #expect(sum.side == .new)
        #expect(sum.keys.map(\.row) == ["other_no_correction", "other_unpaid_fee", "other_other"])
        #expect(sum.cells.map(\.number) == [1, 0, 2])
        #expect(np.new.note?.contains("三行之和") == true)
        #expect(np.old.line == 317 && np.new.line == 51)
        let commercial = try #require(change(.requests, "other", "commercial"))
        #expect(commercial.old.number == 1 && commercial.new.number == 0 && commercial.status == .decreased)
        #expect(change(.requests, "other", "total")?.status == .unchanged)
        #expect(diff.cells.filter { $0.sum != nil }.count == 7)
        #expect(change(.requests, "other_other", "total") == nil)

        // Cells that mean the same are compared directly.
        #expect(change(.proactive, "licensing", "decisions")?.old.number == 86)
        #expect(change(.proactive, "licensing", "decisions")?.new.number == 92)
        #expect(change(.requests, "new", "total")?.change == 3)
        #expect(change(.appeals, "review", "total")?.new.number == 3)

        // What has no counterpart is listed with its value, not compared.
        #expect(diff.unmatched.count == 26)
        let oldOnly = diff.unmatched.filter { $0.side == .old }
        let newOnly = diff.unmatched.filter { $0.side == .new }
        #expect(oldOnly.count == 19 && newOnly.count == 7)
        #expect(oldOnly.allSatisfy { $0.template == .y2019 } && newOnly.allSatisfy { $0.template == .y2021 })
        let amount = try #require(oldOnly.first { $0.key.row == "procurement" && $0.key.column == "procurement_amount" })
        #expect(amount.cell.number?.description == "5125.11")
        #expect(oldOnly.contains { $0.key.description == "proactive.other_services.decisions" && $0.cell.number == 153 })
        #expect(oldOnly.contains { $0.key.description == "proactive.regulations.created" })
        #expect(newOnly.contains { $0.key.description == "proactive.normative_documents.in_force" && $0.cell.number == 16 })
        #expect(newOnly.contains { $0.key.description == "proactive.fees.amount" && $0.cell.number == 0 })
        #expect(!diff.unmatched.contains { $0.key.table != .proactive })

        // X1 across the templates: 2021 二、上年结转 = 2020 四、结转下年度 in every column.
        #expect(!diff.findings.contains { $0.rule.id == "X1" && $0.severity == .error })
    }

    @Test func aSumWithABlankPartIsNotANumber() {
        let parts = [
            Cell(value: .number(1), raw: "1", line: 3), Cell(value: .blank, raw: "", line: 4),
            Cell(value: .number(0), raw: "0", line: 5),
        ]
        let sum = ReportComparator.sum(parts, label: "三行之和")
        #expect(sum.value == .blank)
        #expect(sum.note == "三行之和：1+空+0，不全是数字，不求和")
        #expect(ReportComparator.sum(parts.filter { $0.number != nil }, label: "x").number == 1)
    }

    @Test func twoReportsOfOneTemplateHaveNoUnmatchedCells() throws {
        let diff = ReportComparator.compare(
            try Fixture.report("layouts/nanguan-mzj-2020.txt"), try Fixture.report("layouts/nanguan-mzj-2020.txt"))
        #expect(!diff.templatesDiffer)
        #expect(diff.cells.count == 198)
        #expect(diff.unmatched.isEmpty)
        #expect(diff.changedCells.isEmpty)
    }
}
