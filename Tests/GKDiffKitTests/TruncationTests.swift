import GKDiffKit
import Testing

/// A report cut off mid-table: what is there is read, the rest is missing, and the diagnostics say
/// where the text ended.
@Suite struct TruncationTests {
    /// The pipe text cut inside the row `1.本机关不掌握相关政府信息 | 4 | 1 | 0 | 1 | 0 | 0 | 6`, after
    /// `… | 0 | 1` with no line end (line 47).
    @Test func aTextCutInsideATableRow() throws {
        let report = try Fixture.report("layouts/nanguan-zjj-2024.truncated.txt")
        // Everything before the cut is read.
        #expect(report.cell(.proactive, "fees", "amount")?.number?.description == "25.1")
        #expect(report.cell(.requests, "new", "total")?.number == 57)
        #expect(report.cell(.requests, "denied_inquiry", "natural_person")?.number == 1)
        // The row the text stops in: the cells before the cut are read; the last one, which the
        // cut may have shortened (`1` of what could be `12`), and those after it are missing.
        func notHeld(_ column: String) -> CellValue? { report.cell(.requests, "unable_not_held", column)?.value }
        #expect(notHeld("natural_person") == .number(4))
        #expect(notHeld("commercial") == .number(1))
        #expect(notHeld("research") == .number(0))
        for column in ["social_welfare", "legal_service", "other_org", "total"] { #expect(notHeld(column) == .missing) }
        // Rows and tables never reached are missing, not blank and not 0.
        #expect(report.cell(.requests, "unable_needs_creation", "natural_person")?.value == .missing)
        #expect(report.cell(.requests, "carried_forward", "total")?.value == .missing)
        #expect(report.cell(.appeals, "review", "total")?.value == .missing)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty)

        let at47 = report.diagnostics.filter { $0.line == 47 }.map(\.message)
        #expect(at47.contains { $0.contains("文本在第 47 行中间结束") && $0.contains("「1」") })
        #expect(at47.contains { $0.contains("只读到 3 格，其余 4 格记为缺失") })
        #expect(at47.contains { $0.contains("12 行缺失") })
        #expect(at47.contains { $0.contains("第三部分之中") && $0.contains("四、政府信息公开行政复议、行政诉讼情况") })
        // Said once, not as three "heading not found" warnings.
        #expect(!report.diagnostics.contains { $0.message.contains("没有找到第四部分") })
    }

    /// The HTML page cut inside `<td>2` of the row （一）予以公开 (whose value is 20), page line 55.
    @Test func aPageCutInsideATableCell() throws {
        let report = try Fixture.report("layouts/nanguan-zjj-2024.truncated.html")
        #expect(report.cell(.requests, "new", "natural_person")?.number == 41)
        #expect(report.cell(.requests, "carried_over", "total")?.number == 4)
        // `2` is what is left of `20`: never read as 2.
        for column in Template.table(.requests).columns {
            #expect(report.cell(.requests, "granted", column.key)?.value == .missing)
        }
        #expect(report.cell(.requests, "partially_granted", "total")?.value == .missing)
        let at55 = report.diagnostics.filter { $0.line == 55 }.map(\.message)
        #expect(at55.contains { $0.contains("网页在一个表格单元格中间结束") })
        #expect(at55.contains { $0.contains("「2」可能不完整") })
        #expect(at55.contains { $0.contains("文本在第 55 行") && $0.contains("没有读完") })
    }

    @Test(arguments: [TruncationCase.cellPerLine, .tabRows, .blankLines])
    func eachLayoutCutMidRowKeepsWhatWasRead(layout: TruncationCase) throws {
        let report = try Fixture.parse(layout.text, path: "cut.txt")
        #expect(report.cell(.requests, "new", "natural_person")?.number == 4, "\(layout)")
        #expect(report.cell(.requests, "new", "commercial")?.value == layout.commercial, "\(layout)")
        #expect(report.cell(.requests, "new", "total")?.value == .missing, "\(layout)")
        #expect(report.cell(.requests, "carried_over", "total")?.value == .missing, "\(layout)")
        #expect(report.diagnostics.contains { $0.message.contains("文本在第") && $0.message.contains("没有读完") }, "\(layout)")
    }

    @Test func aCompleteReportWithoutItsLastHeadingIsNotCalledTruncated() throws {
        let text = try Fixture.text("nanguan-zfj-2024.txt").replacingFirst("六、其他需要报告的事项\n", with: "")
        let report = try Fixture.parse(text)
        #expect(!report.diagnostics.contains { $0.message.contains("截断") })
    }
}

/// Table 2 cut after the first row's first cells, in three layouts.
struct TruncationCase: Sendable, CustomStringConvertible {
    let name: String
    let text: String
    /// What 一、本年新收 商业企业 reads as: its `1` is the cut's last cell (missing), or a complete cell.
    let commercial: CellValue

    var description: String { name }

    static let head = "2024年某局政府信息公开工作年度报告\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    /// One cell per line; the text ends after `\t1` without a line end: that `1` may be cut.
    static let cellPerLine = TruncationCase(
        name: "cell per line", text: head + "\t一、本年新收政府信息公开申请数量\n\t4\n\t1", commercial: .missing)
    /// Tab row `label\t4\t1` ending with a line end: both values complete and right after the label,
    /// so they are placed in order and the five columns never reached are missing.
    static let tabRows = TruncationCase(
        name: "tab rows", text: head + "（说明）\t\t\t\t\n一、本年新收政府信息公开申请数量\t4\t1\n", commercial: .number(1))
    /// Paragraph cells; ends with a line end: `1` is complete.
    static let blankLines = TruncationCase(
        name: "blank lines", text: head + "自然人\n\n商业企业\n\n科研机构\n\n社会公益组织\n\n一、本年新收政府信息公开申请数量\n\n4\n\n1\n",
        commercial: .number(1))
}
