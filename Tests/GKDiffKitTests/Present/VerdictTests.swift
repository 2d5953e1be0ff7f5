import Testing

@testable import GKDiffKit

/// The verdict every format starts with, computed once (issue 13, bullets 1 and 2).
@Suite struct VerdictTests {
    @Test func aTableLeftBlankIsCountedOnce() throws {
        // huzhu-cgj-2024 left tables 2 and 3 blank; table 1 has 4 changed cells (行政许可 38 → 44,
        // 行政处罚 45 → 31, 行政强制 2 → 空, 收费 236.40 → 250.83). Checks: 5 warnings (Q1 ×4, Q2).
        let diff = ReportComparator.compare(try Fixture.report("huzhu-cgj-2023.txt"), try Fixture.report("huzhu-cgj-2024.txt"))
        let verdict = Verdict(diff: diff)
        #expect(verdict.isComplete)
        #expect(verdict.blankedTables == [.requests, .appeals])
        #expect(verdict.comparedCells == 200 && verdict.changedCells == 4)
        #expect(verdict.changedByTable == [.proactive: 4])
        #expect(verdict.errors == 0 && verdict.warnings == 5)
    }

    @Test func aReportCutShortIsTheFirstThingSaid() throws {
        // nanguan-zsj-2024 cut after line 130, inside table 2.
        let text = try Fixture.text("nanguan-zsj-2024.txt")
        let cut = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(130).joined(separator: "\n")
        let diff = ReportComparator.compare(try Fixture.report("nanguan-zsj-2023.txt"), try Fixture.parse(cut, path: "cut.txt"))
        let verdict = Verdict(diff: diff)
        #expect(!verdict.isComplete)
        #expect(verdict.unread.map(\.side) == [.new])
        #expect(verdict.unreadText.hasPrefix("本年报告 "))
        #expect(verdict.unreadCells == diff.unreadCells.count && verdict.unreadCells > 0)
        #expect(verdict.notComparedTables == [.appeals])
        let html = DiffHTMLRenderer.render(diff, all: false)
        #expect(html.contains("<p class=\"bad\">！ 读取不完整：本年报告 "))
        #expect(html.contains("class=\"unread"))
    }
}
