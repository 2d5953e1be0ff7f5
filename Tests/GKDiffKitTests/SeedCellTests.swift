import GKDiffKit
import Testing

/// Every one of the 200 cells of the five real seeds, against values read by eye (SeedExpectations.swift).
@Suite struct SeedCellTests {
    @Test(arguments: SeedExpectation.all.map(\.file))
    func everyCellMatchesWhatAPersonRead(file: String) throws {
        let expected = SeedExpectation.all.first { $0.file == file }!
        let report = try Fixture.report(file)
        #expect(report.agency == expected.agency)
        #expect(report.year == expected.year)

        var wanted: [String] = expected.proactive.split(separator: " ").map(String.init)
        for row in expected.requests + expected.appeals {
            wanted += row.split(separator: " ").map(String.init)
        }
        #expect(wanted.count == 200)
        for (index, key) in Template.cellKeys.enumerated() {
            let cell = report.cells[index]
            let want = wanted[index]
            if want == "_" {
                #expect(cell.value == .blank, "\(file) \(key): expected blank, got \(cell.value)")
            } else {
                #expect(cell.value.state == "number", "\(file) \(key): expected \(want), got \(cell.value)")
                #expect(cell.number?.description == want, "\(file) \(key)")
                #expect(cell.raw == want, "\(file) \(key)")
            }
        }
        for (key, line) in expected.lines {
            let index = Template.cellKeys.firstIndex { $0.description == key }!
            #expect(report.cells[index].line == line, "\(file) \(key) line")
        }
    }

    @Test(arguments: SeedExpectation.all.map(\.file))
    func seedsHaveNoErrorDiagnostics(file: String) throws {
        let report = try Fixture.report(file)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        #expect(report.sections.map(\.kind) == SectionKind.allCases)
    }

    @Test func blankIsNotZeroInSeed003() throws {
        let report = try Fixture.report("huzhu-cgj-2024.txt")
        #expect(report.cell(.requests, "new", "total")?.value == .blank)
        #expect(report.cell(.appeals, "review", "total")?.value == .blank)
        #expect(report.cell(.proactive, "fees", "amount")?.number?.description == "250.83")
        #expect(report.cell(.proactive, "regulations", "issued")?.value == .blank)
    }

    @Test func titlesThatBreakOverTwoLines() throws {
        let sthj = try Fixture.report("nanguan-sthj-2024.txt")
        #expect(sthj.title == "2024年长春市生态环境局南关区分局政府信息公开工作年度报告")
        let zsj = try Fixture.report("nanguan-zsj-2023.txt")
        #expect(zsj.title == "2023年南关区政务服务和数字化建设管理局政府信息公开工作年度报告")
    }

    @Test func statisticsPeriod() throws {
        #expect(try Fixture.report("nanguan-zfj-2024.txt").period == "2024年1月1日起至2024年12月31日止")
        // Seed 002 writes `…至2024年12月31日编制。`: the period stops at the date.
        #expect(try Fixture.report("nanguan-sthj-2024.txt").period == "2024年1月1日起至2024年12月31日")
    }

    @Test func sectionsAndLinesOfSeed000() throws {
        let report = try Fixture.report("nanguan-zfj-2024.txt")
        let lines = report.sections.map { "\($0.kind.rawValue):\($0.line)-\($0.endLine)" }
        // Headings read from the file: 一 at 3, 二 at 9, `3、 收到…` at 55, `4、 政府…` at 353, 五 at 398, 六 at 402.
        #expect(
            lines == [
                "preamble:1-2", "overview:3-8", "proactive:9-54", "requests:55-352", "appeals:353-397",
                "problems:398-401", "other:402-405",
            ])
        #expect(report.section(.requests)?.title == "3、 收到和处理政府信息公开申请情况")
        #expect(
            report.section(.overview)?.subsections.map(\.text) == [
                "（一）保障政府信息主动公开质量", "（二）四个“第一”处理依申请公开", "（三）政府信息公开平台建设", "（四）监督保障情况",
            ])
        // The trailing page number `2` (line 404) is not part of section 六.
        #expect(report.section(.other)?.text == "2024年全年未收取信息处理费。")
    }

    @Test func wordArtefactsDoNotLeakIntoTheNarrative() throws {
        let zsj = try Fixture.report("nanguan-zsj-2023.txt")
        #expect(!zsj.sections.contains { $0.text.contains("[bookmark") })
        let huzhu = try Fixture.report("huzhu-cgj-2024.txt")
        let problems = try #require(huzhu.section(.problems)).text
        #expect(!problems.contains("**"))
        #expect(problems.contains("一是公开信息的时效性不够强"))
    }
}
