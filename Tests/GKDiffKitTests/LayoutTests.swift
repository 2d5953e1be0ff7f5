import GKDiffKit
import Testing

/// The web layouts, HTML pages and traditional characters read to the figures written into them.
@Suite struct LayoutTests {
    @Test(arguments: LayoutCase.all)
    func everyCellMatchesTheFixtureText(layout: LayoutCase) throws {
        let report = try Fixture.report("layouts/" + layout.file)
        #expect(report.template == "2021")
        #expect(report.year == 2024)
        let expected = ZJJ2024.values
        #expect(expected.count == 200)
        for (index, key) in Template.cellKeys.enumerated() {
            let want = layout.differences[key.description] ?? expected[index]
            let cell = report[key]
            if want == "_" {
                #expect(cell.value == .blank, "\(layout) \(key): expected blank, got \(cell.value)")
            } else {
                #expect(cell.number?.description == want, "\(layout) \(key): expected \(want), got \(cell.value)")
                #expect(cell.raw == (layout.raws[key.description] ?? want), "\(layout) \(key) raw")
            }
        }
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(layout): \(errors)")
        #expect(report.sections.map(\.kind) == SectionKind.allCases, "\(layout)")
    }

    @Test func agencyAndTitleOfEachLayout() throws {
        for layout in LayoutCase.all {
            let report = try Fixture.report("layouts/" + layout.file)
            let traditional = layout.file.contains("big5") || layout.file.contains("traditional")
            #expect(
                report.agency == (traditional ? "長春市南關區住房和城鄉建設局" : "长春市南关区住房和城乡建设局"), "\(layout)")
            #expect(report.period == "2024年1月1日起至2024年12月31日止", "\(layout)")
        }
    }

    @Test func aYuanAmountInTheWanYuanColumnIsConvertedAndSaid() throws {
        let report = try Fixture.report("layouts/nanguan-zjj-2024.pipe.txt")
        let fee = report[CellKey(table: .proactive, row: "fees", column: "amount")]
        #expect(fee.number?.description == "25.1")
        #expect(fee.line == 27)
        #expect(fee.note?.contains("251000元") == true)
        let said = try #require(report.diagnostics.first { $0.line == 27 })
        #expect(said.severity == .warning)
        #expect(said.message.contains("251000元") && said.message.contains("25.1"))
    }

    @Test func pipeRowsKeepTheirLineNumbers() throws {
        let report = try Fixture.report("layouts/nanguan-zjj-2024.pipe.txt")
        #expect(report.cell(.proactive, "licensing", "decisions")?.line == 20)
        #expect(report.cell(.requests, "new", "natural_person")?.line == 35)
        #expect(report.cell(.requests, "carried_forward", "total")?.line == 59)
        #expect(report.cell(.appeals, "litigation_after_review", "total")?.line == 66)
    }

    @Test func htmlCellsPointAtThePageLines() throws {
        let report = try Fixture.report("layouts/nanguan-zjj-2024.html")
        #expect(report.cell(.proactive, "regulations", "issued")?.line == 28)
        #expect(report.cell(.proactive, "fees", "amount")?.line == 45)
        #expect(report.cell(.requests, "granted", "natural_person")?.line == 55)
        #expect(report.cell(.requests, "carried_forward", "commercial")?.line == 77)
        #expect(report.cell(.appeals, "review", "upheld")?.line == 85)
        // Paragraphs come out as narrative, without the script, the style, the comment or the head.
        let overview = try #require(report.section(.overview))
        #expect(overview.paragraphs.count == 3)
        #expect(overview.paragraphs[2].text == "（三）政府信息管理。严格落实“三审三校”制度，全年未发生泄密事件。")
        let all = report.sections.map(\.text).joined()
        #expect(!all.contains("这不是正文") && !all.contains("注释里的段落") && !all.contains("color"))
        #expect(report.title == "2024年长春市南关区住房和城乡建设局政府信息公开工作年度报告")
    }

    @Test func theThreeHTMLEncodingsReadAlike() throws {
        let utf8 = try Fixture.report("layouts/nanguan-zjj-2024.html")
        let gbk = try Fixture.report("layouts/nanguan-zjj-2024.gbk.html")
        let big5 = try Fixture.report("layouts/nanguan-zjj-2024.big5.html")
        #expect(gbk.cells.map(\.value) == utf8.cells.map(\.value))
        #expect(big5.cells.map(\.value) == utf8.cells.map(\.value))
        #expect(gbk.sections.map(\.text) == utf8.sections.map(\.text))
        #expect(try SourceText.read(path: Fixture.path("layouts/nanguan-zjj-2024.gbk.html")).encoding.hasPrefix("GB18030"))
        #expect(try SourceText.read(path: Fixture.path("layouts/nanguan-zjj-2024.big5.html")).encoding.hasPrefix("Big5"))
        #expect(try SourceText.read(path: Fixture.path("layouts/nanguan-zjj-2024.html")).format == .html)
    }

    @Test func traditionalAndSimplifiedCompareAsTheSameFigures() throws {
        let simplified = try Fixture.report("layouts/nanguan-zjj-2024.pipe.txt")
        let traditional = try Fixture.report("layouts/nanguan-zjj-2024.traditional.txt")
        let diff = ReportComparator.compare(simplified, traditional)
        #expect(diff.changedCells.isEmpty)
        #expect(!diff.agenciesDiffer)
        // Section titles were found in traditional characters.
        #expect(traditional.section(.requests)?.title == "三、收到和處理政府信息公開申請情況")
    }
}
