import Testing

@testable import GKDiffKit

/// What a cell's text reads as: numbers with separators, signs and units; everything else is not a
/// number and is never guessed at.
@Suite struct CellTextTests {
    @Test func numbersAndSeparators() {
        #expect(CellText.read("1,234")?.value == .number(1234))
        #expect(CellText.read("5125.11")?.value.state == "number")
        #expect(
            CellText.value("5125.11").map { if case .number(let n) = $0 { return n.description } else { return "" } } == "5125.11"
        )
        #expect(CellText.read("１２")?.value == .number(12))
        #expect(CellText.read("1234,567") == nil)
        #expect(CellText.read("12,34") == nil)
        #expect(CellText.read("1.2.3") == nil)
        #expect(CellText.read("")?.value == .blank)
        #expect(CellText.read("—")?.value == .notApplicable)
        #expect(CellText.read("無")?.value == .notApplicable)
        #expect(CellText.read("-")?.value == .notApplicable)
    }

    @Test func signsAndUnits() {
        #expect(CellText.read("-1") == CellReading(value: .number(-1), signed: true))
        #expect(CellText.read("+3") == CellReading(value: .number(3), signed: true))
        #expect(CellText.read("251000元") == CellReading(value: .number(251000), suffix: .yuan))
        let wan = CellText.read("25.1 万元")
        #expect(wan?.suffix == .tenThousandYuan && wan?.signed == false)
        if case .number(let value)? = wan?.value { #expect(value.description == "25.1") } else { Issue.record("not a number") }
        #expect(CellText.read("1亿元") == CellReading(value: .number(1), suffix: .hundredMillionYuan))
        #expect(CellText.read("44件") == CellReading(value: .number(44), suffix: .count))
        #expect(CellText.read("见附件") == nil)
        #expect(CellText.read("约44件") == nil)
        #expect(CellText.read(String(repeating: "1", count: 100)) == nil)
    }

    /// Units against the column: counts accept 件, a 万元 column converts 元, nothing else is read.
    @Test func unitsAgainstTheColumn() throws {
        func table1(_ licensing: String, _ fee: String, header: String = "本年收费金额（单位：万元）") throws -> Report {
            try Fixture.parse(
                """
                2024年某局政府信息公开工作年度报告
                二、主动公开政府信息情况
                信息内容\t本年处理决定数量
                行政许可\t\(licensing)
                行政处罚\t-2
                信息内容\t\(header)
                行政事业性收费\t\(fee)

                """)
        }
        let a = try table1("44件", "251000元")
        #expect(a.cell(.proactive, "licensing", "decisions")?.number == 44)
        #expect(a.cell(.proactive, "fees", "amount")?.number?.description == "25.1")
        #expect(a.cell(.proactive, "penalties", "decisions")?.value == .unreadable)  // no sign in a count
        #expect(a.diagnostics.contains { $0.severity == .error && $0.message.contains("正负号") })
        let b = try table1("44元", "25.1万元")
        #expect(b.cell(.proactive, "licensing", "decisions")?.value == .unreadable)  // money in a count column
        #expect(b.cell(.proactive, "fees", "amount")?.number?.description == "25.1")
        // A header that says the column is in 元 converts the bare numbers, and says so once.
        let c = try table1("44", "251000", header: "本年收费金额（单位：元）")
        #expect(c.cell(.proactive, "fees", "amount")?.number?.description == "25.1")
        #expect(c.cell(.proactive, "fees", "amount")?.raw == "251000")
        #expect(c.diagnostics.filter { $0.message.contains("表头写明单位为元") }.count == 1)
        let d = try table1("44", "3亿元")
        #expect(d.cell(.proactive, "fees", "amount")?.number == 30000)
    }
}
