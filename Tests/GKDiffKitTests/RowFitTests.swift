import GKDiffKit
import Testing

/// A row whose cells do not fit the template is reported with its line and never shifted.
@Suite struct RowFitTests {
    /// Seed 000 with line `n` (1-based) removed.
    func seedWithout(line n: Int) throws -> String {
        var lines = try Fixture.text("nanguan-zfj-2024.txt").split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: n - 1)
        return lines.joined(separator: "\n")
    }

    @Test func aRowWithOneCellMissingIsReportedNotShifted() throws {
        // Line 75 is the 商业企业 cell (0) of 一、本年新收 (label on line 73, values on 74–80: 8 0 0 0 0 0 8).
        let report = try Fixture.parse(seedWithout(line: 75))
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.line == 73)
        #expect(error.message.contains("6 个单元格，应为 7 个"))
        for column in Template.table(.requests).columns {
            #expect(report.cell(.requests, "new", column.key)?.value == .unreadable)
        }
        // The next row is untouched.
        #expect(report.cell(.requests, "carried_over", "total")?.number == 0)
        #expect(report.cell(.requests, "results_total", "total")?.number == 8)
    }

    @Test func aRowWithOneCellTooManyIsReportedNotShifted() throws {
        var lines = try Fixture.text("nanguan-zfj-2024.txt").split(separator: "\n", omittingEmptySubsequences: false)
        lines.insert("\t3", at: 105)  // after `（一）予以公开` (line 105): 8 cells, the first a 3
        let report = try Fixture.parse(lines.joined(separator: "\n"))
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.line == 105)
        #expect(error.message.contains("8 个单元格，应为 7 个"))
        #expect(report.cell(.requests, "granted", "natural_person")?.value == .unreadable)
        #expect(report.cell(.requests, "partially_granted", "natural_person")?.number == 0)
    }

    @Test func textWhereANumberMustBeIsMarkedInItsOwnCell() throws {
        let text = try Fixture.text("nanguan-zfj-2024.txt").replacingFirst("\t508\n", with: "\t见附件\n")
        let report = try Fixture.parse(text)
        #expect(report.cell(.proactive, "licensing", "decisions")?.value == .unreadable)
        #expect(report.cell(.proactive, "licensing", "decisions")?.raw == "见附件")
        #expect(report.cell(.proactive, "penalties", "decisions")?.number == 195)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.line == 33)
    }

    @Test func anAbsentTableIsMissingAndTheRestIsRead() throws {
        // Drop table 2 entirely: lines 56–351 (everything under `3、 收到…` up to `4、 政府…`).
        var lines = try Fixture.text("nanguan-zfj-2024.txt").split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeSubrange(55..<351)
        let report = try Fixture.parse(lines.joined(separator: "\n"))
        #expect(report.cell(.requests, "new", "total")?.value == .missing)
        #expect(report.cell(.requests, "carried_forward", "natural_person")?.value == .missing)
        #expect(report.cell(.proactive, "licensing", "decisions")?.number == 508)
        #expect(report.cell(.appeals, "review", "total")?.number == 0)
        #expect(report.diagnostics.contains { $0.message.contains("没有找到表二") })
    }

    @Test func aMissingSectionHeadingIsSaid() throws {
        let text = try Fixture.text("nanguan-zfj-2024.txt").replacingFirst("六、其他需要报告的事项\n", with: "")
        let report = try Fixture.parse(text)
        #expect(report.section(.other) == nil)
        #expect(report.diagnostics.contains { $0.message.contains("其他需要报告的事项") })
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced (tests only).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
