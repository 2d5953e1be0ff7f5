import GKDiffKit
import Testing

/// Small web-text tables, one behaviour each: rows are found by label in every layout, never by
/// position, and what cannot be placed is said with its line.
@Suite struct WebLayoutTests {
    static let head = "2024年某局政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"

    func report(_ table1: String) throws -> Report { try Fixture.parse(Self.head + table1 + "\n五、存在的主要问题及改进情况\n无。\n") }
    func licensing(_ report: Report) -> CellValue? { report.cell(.proactive, "licensing", "decisions")?.value }
    func penalties(_ report: Report) -> CellValue? { report.cell(.proactive, "penalties", "decisions")?.value }

    @Test func pipeRowsInAnyOrderAreReadByLabel() throws {
        let r = try report("| 行政处罚 | 31 |||\n|:---|---:|\n| 信息内容 | 本年处理决定数量 |||\n行政许可 | 44\n")
        #expect(licensing(r) == .number(44))
        #expect(penalties(r) == .number(31))
    }

    @Test func cellsBetweenPipeOnlyLinesWithAnEmptyOne() throws {
        let r = try report("信息内容\n|\n本年处理决定数量\n|\n行政许可\n|\n44\n|\n行政处罚\n|\n|\n行政强制\n|\n2\n")
        #expect(licensing(r) == .number(44))
        #expect(penalties(r) == .blank)
        #expect(r.cell(.proactive, "enforcement", "decisions")?.value == .number(2))
    }

    @Test func boxDrawingTables() throws {
        let r = try report("┌──────┬────┐\n│行政许可│ 44 │\n├──────┼────┤\n│行政处罚│ 31 │\n└──────┴────┘\n")
        #expect(licensing(r) == .number(44))
        #expect(penalties(r) == .number(31))
    }

    @Test func aRowWithAnExtraCellIsUnreadableNotShifted() throws {
        let r = try report("| 行政许可 | 44 | 45 |\n| 行政处罚 | 31 |\n")
        #expect(licensing(r) == .unreadable)
        #expect(penalties(r) == .number(31))
        let error = try #require(r.diagnostics.first { $0.severity == .error })
        #expect(error.line == 5)
        #expect(error.message.contains("「45」不在任何一列之下"))
    }

    @Test func aBlankLineRunThatFitsNoWholeCellIsAGap() throws {
        // Cells are separated by one blank line; two blank lines between 行政许可 and 44 are neither
        // a separator nor a separator plus an empty cell.
        let cells = "信息内容\n\n本年处理决定数量\n\n行政许可\n\n\n44\n\n行政处罚\n\n31\n\n行政强制\n\n\n\n第二十条第（八）项"
        let r = try report(cells)
        #expect(licensing(r) == .unreadable)
        #expect(penalties(r) == .number(31))
        #expect(r.cell(.proactive, "enforcement", "decisions")?.value == .blank)  // three blank lines: one empty cell
    }

    @Test func numbersWithoutALabelAreNeverPlaced() throws {
        let r = try report("行政许可\n44\n55\n66\n")
        #expect(licensing(r) == .unreadable)
        let r2 = try report("信息内容\n本年处理决定数量\n77\n行政处罚\n31\n")
        #expect(licensing(r2) == .missing)
        #expect(penalties(r2) == .number(31))
        #expect(r2.diagnostics.contains { $0.severity == .error && $0.line == 7 && $0.message.contains("没有可识别的行标题") })
    }

    @Test func aGroupAndItsFirstRowOnOneLine() throws {
        let text =
            Self.head + "三、收到和处理政府信息公开申请情况\n"
            + "自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n"
            + "三、本年度办理结果 (一)予以公开\n1\n2\n3\n4\n5\n6\n21\n（三）不予公开 1.属于国家秘密\n0\n0\n0\n0\n0\n0\n0\n3.其他\n0\n1\n0\n0\n0\n0\n1\n"
        let r = try Fixture.parse(text)
        #expect(r.cell(.requests, "granted", "total")?.number == 21)
        #expect(r.cell(.requests, "granted", "natural_person")?.number == 1)
        #expect(r.cell(.requests, "denied_state_secret", "total")?.number == 0)
        // `其他` in the header is a column, `3.其他` below is the row.
        #expect(r.cell(.requests, "other_other", "commercial")?.number == 1)
    }

    @Test func traditionalLabels() throws {
        let r = try report("| 行政許可 | 44 |\n| 行政處罰 | 31 |\n| 行政事業性收費 | 2.5 |\n")
        #expect(licensing(r) == .number(44))
        #expect(penalties(r) == .number(31))
        #expect(r.cell(.proactive, "fees", "amount")?.number?.description == "2.5")
    }
}

extension WebLayoutTests {
    @Test func aTableSectionWithOnlyProseKeepsItAll() throws {
        let r = try report("本年度没有制发规章\n详见附件\n")
        #expect(r.section(.proactive)?.paragraphs.map(\.text) == ["本年度没有制发规章", "详见附件"])
        #expect(licensing(r) == .missing)
    }
}
