import Testing

@testable import GKDiffKit

/// Issue 11: say what was not read, and say only what is true. Each test reads a copy of a fixture
/// edited the way real files are; the edit is written next to the test, and the values asserted were
/// read off the fixture text.
@Suite struct HonestTests {
    /// The fixture's lines with some replaced (`[line: text]`, 1-based) and some inserted after a line
    /// (`after: [line: [texts]]`).
    static func edited(_ file: String, _ edits: [Int: String] = [:], after inserts: [Int: [String]] = [:]) throws -> String {
        let lines = try Fixture.text(file).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        for (index, line) in lines.enumerated() {
            out.append(edits[index + 1] ?? line)
            out += inserts[index + 1] ?? []
        }
        return out.joined(separator: "\n")
    }

    /// Writes text to a file of the given name in a fresh folder; returns its path.
    static func file(_ name: String, _ text: String) -> String {
        Fixture.temporaryFile(name, Array(text.utf8))
    }

    // MARK: 1. Read problems are findings

    /// nanguan-zsj-2024 line 78 is `\t7`, 一、本年新收 自然人; made `\t7件？` as a careless edit leaves it.
    static func zsjWithAnUnreadableCell() throws -> String {
        try edited("nanguan-zsj-2024.txt", [78: "\t7件？"])
    }

    @Test func anUnreadableRowIsAnErrorFindingWithFileLineAndCell() throws {
        let report = try Fixture.parse(try Self.zsjWithAnUnreadableCell(), path: "zsj-2024.txt")
        let key = CellKey(table: .requests, row: "new", column: "natural_person")
        #expect(report[key].value == .unreadable)
        let p1 = Checker.check(report).filter { $0.rule.id == "P1" }
        #expect(p1.count == 1)
        let finding = try #require(p1.first)
        #expect(finding.severity == .error)
        #expect(finding.file == "zsj-2024.txt")
        #expect(finding.line == 78)
        #expect(finding.cells.map(\.key) == [key])
        #expect(finding.message.contains("7件？"))
    }

    @Test func anUnreadableRowMakesTextSayIncompleteCheckExit1AndTheCellUnreadable() throws {
        let path = Self.file("nanguan-zsj-2024.txt", try Self.zsjWithAnUnreadableCell())
        let compared = Fixture.run([Fixture.path("nanguan-zsj-2023.txt"), path])
        #expect(compared.status == .different)
        let summary = compared.out.components(separatedBy: "表一")[0]
        #expect(summary.contains("读取不完整"))
        #expect(summary.contains("不完整"))
        // The cell is said to be unread, with no change: 2023 has 5 there (line 78 of the 2023 file).
        let line = try #require(compared.out.split(separator: "\n").first { $0.contains("一、本年新收") && $0.contains("自然人") })
        #expect(line.contains("无法读取"))
        #expect(!line.contains("+") && !line.contains("-"))
        #expect(compared.out.contains("\(path):78: 错误: [P1 读取不完整]"))

        let check = Fixture.run(["check", path])
        #expect(check.status == .different)
        #expect(check.out.contains("[P1 读取不完整]"))

        let csv = Fixture.run(["--format", "csv", Fixture.path("nanguan-zsj-2023.txt"), path]).out
        #expect(csv.contains(",P1,error,"))
        let json = Fixture.run(["--format", "json", Fixture.path("nanguan-zsj-2023.txt"), path]).out
        #expect(json.contains("\"rule\": \"P1\""))
    }

    @Test func aRowMadeUnreadableMakesTheBatchPairIncomplete() throws {
        let old = Fixture.temporaryFolder()
        let new = Fixture.temporaryFolder()
        try FileWriter.write(try Fixture.text("nanguan-zsj-2023.txt"), to: old + "/zsj-2023.txt")
        try FileWriter.write(try Self.zsjWithAnUnreadableCell(), to: new + "/zsj-2024.txt")
        let summary = try Batch.run(Batch.Options(oldFolder: old, newFolder: new))
        let rows = summary.rows
        #expect(rows.map(\.status) == [.incomplete])
        #expect(Batch.status(rows) == .different)
        #expect(BatchRenderer.csv(summary).contains("\r\nincomplete,读取不完整,"))
    }

    @Test func aTruncatedFileIsAFindingOfItsOwn() throws {
        let findings = Checker.check(try Fixture.report("layouts/nanguan-zjj-2024.truncated.txt")).filter { $0.rule.id == "P1" }
        // The text ends at line 47, inside table 2; table 3 was never reached.
        #expect(findings.contains { $0.line == 47 && $0.message.contains("截断") })
        #expect(findings.contains { $0.message.hasPrefix("表三 复议诉讼没有读到") && $0.message.contains("15 格") })
    }

    // MARK: 2. Headings by the template's structure

    /// nanguan-zfj-2024 with subsection lines inside 一、总体情况 (after line 4) that repeat section
    /// names, as real reports have them.
    @Test func subsectionLinesInsideSection1AreNotSections() throws {
        let text = try Self.edited(
            "nanguan-zfj-2024.txt",
            after: [4: ["1.主动公开情况", "(二)依申请公开情况", "（三）收到和处理政府信息公开申请情况", "2．政府信息公开行政复议、行政诉讼情况"]])
        let original = try Fixture.report("nanguan-zfj-2024.txt")
        let report = try Fixture.parse(text, path: "zfj.txt")
        #expect(report.sections.map(\.kind) == [.preamble, .overview, .proactive, .requests, .appeals, .problems, .other])
        #expect(report.section(.proactive)?.title == "二、主动公开政府信息情况")
        let first = report.edition.firstIndex(of: .proactive)
        let table1 = report.cells[first..<first + 10]
        #expect(table1.allSatisfy { $0.number != nil })
        #expect(table1.map(\.number) == original.cells[first..<first + 10].map(\.number))
        // 行政许可 508 and 行政处罚 195 (lines 33 and 41 of the fixture, 4 lines later in the copy).
        #expect(report[CellKey(table: .proactive, row: "licensing", column: "decisions")].number == 508)
        #expect(report[CellKey(table: .proactive, row: "licensing", column: "decisions")].line == 37)
        #expect(report[CellKey(table: .proactive, row: "penalties", column: "decisions")].number == 195)
        #expect(
            report.cells
                == original.cells.map { cell in
                    var cell = cell
                    cell.line = cell.line.map { $0 + 4 }
                    return cell
                })
    }

    @Test func theRealShapeOfSubsectionHeadings() throws {
        let text = """
            南关区执法局2024年政府信息公开工作年度报告
            一、总体情况
            (二)依申请公开情况
            全年收到申请8件。
            1.主动公开情况
            全年发布信息17条。
            二、主动公开政府信息情况
            3、 收到和处理政府信息公开申请情况
            """
        let report = try Fixture.parse(text, path: "shape.txt")
        #expect(report.sections.map(\.kind) == [.preamble, .overview, .proactive, .requests])
        #expect(report.sections.map(\.line) == [1, 2, 7, 8])
        #expect(LabelText.startsWithSubsectionNumbering("（二）依申请公开情况"))
        #expect(LabelText.startsWithSubsectionNumbering("1．主动公开情况"))
        #expect(!LabelText.startsWithSubsectionNumbering("3、 收到和处理政府信息公开申请情况"))
        #expect(!LabelText.startsWithSubsectionNumbering("四、政府信息公开行政复议、行政诉讼情况"))
    }

    // MARK: 3. Every finding carries its file

    /// Two copies of nanguan-zsj-2024 (both 2024, as a resubmitted report against the original): in
    /// `a.txt` 一、本年新收 自然人 7 → 8 (line 78) and 总计 10 → 11 (line 84) break R1; in `b.txt`
    /// （一）予以公开 总计 4 → 5 (line 116) and 1.本机关不掌握 总计 2 → 1 (line 225) break R2.
    @Test func twoReportsOfTheSameYearKeepTheirFindingsApart() throws {
        let a = try Fixture.parse(try Self.edited("nanguan-zsj-2024.txt", [78: "\t8", 84: "\t11"]), path: "a.txt")
        let b = try Fixture.parse(try Self.edited("nanguan-zsj-2024.txt", [116: "\t5", 225: "\t1"]), path: "b.txt")
        #expect(a.year == 2024 && b.year == 2024)
        let diff = ReportComparator.compare(a, b)
        let errors = diff.findings.filter { $0.severity == .error }
        #expect(errors.filter { $0.rule.id == "R1" }.allSatisfy { $0.file == "a.txt" })
        #expect(errors.filter { $0.rule.id == "R2" }.allSatisfy { $0.file == "b.txt" })
        #expect(errors.filter { $0.rule.id == "R1" }.count == 2)
        #expect(errors.filter { $0.rule.id == "R2" }.count == 2)
        let text = DiffTextRenderer.render(diff, all: false, color: false)
        #expect(text.contains("a.txt:78: 错误: [R1"))
        #expect(text.contains("b.txt:116: 错误: [R2"))
        #expect(!text.contains("b.txt:78: 错误: [R1"))
        let csv = DiffCSVRenderer.render(diff, all: false)
        #expect(DiffCSVRenderer.columns.suffix(2) == ["file", "line"])
        #expect(
            csv.contains(",R1,error,")
                && csv.split(separator: "\r\n").filter { $0.contains(",R1,error,") }.allSatisfy {
                    $0.hasSuffix(",a.txt,78") || $0.hasSuffix(",a.txt,84")
                })
        #expect(csv.split(separator: "\r\n").filter { $0.contains(",R2,error,") }.allSatisfy { $0.contains(",b.txt,") })
        let json = DiffJSONRenderer.render(diff, all: false)
        #expect(json.contains("\"file\": \"a.txt\",\n      \"line\": 78,"))
    }

    @Test func aCrossYearFindingNamesTheOlderCell() throws {
        // X1: nanguan-zsj-2024 二、上年结转 商业企业 is 0 (line 88), as is zsj-2023's 四、结转下年度继续办理
        // 商业企业 (line 348). Set this year's to 3.
        let new = try Fixture.parse(try Self.edited("nanguan-zsj-2024.txt", [88: "\t3"]), path: "new.txt")
        let old = try Fixture.parse(try Fixture.text("nanguan-zsj-2023.txt"), path: "old.txt")
        let diff = ReportComparator.compare(old, new)
        let x1 = try #require(diff.findings.first { $0.rule.id == "X1" && $0.severity == .error })
        #expect(x1.file == "new.txt")
        #expect(x1.line == 88)
        #expect(x1.cells.map(\.cell.line) == [88, 348])
        #expect(x1.cells.map(\.file) == ["new.txt", "old.txt"])
        #expect(DiffTextRenderer.render(diff, all: false, color: false).contains("new.txt:88: 错误: [X1"))
    }

    // MARK: 4. Arithmetic never traps

    @Test func perCentOfAnyAcceptedValueNeverTraps() throws {
        func cell(_ text: String) -> Cell { Cell(value: .number(Quantity(string: text)!), raw: text, line: 1) }
        let key = CellKey(table: .proactive, row: "fees", column: "amount")
        let tiny = CellChange(key: key, old: cell("0.000001"), new: cell("999999999999"))
        #expect(tiny.status == .increased)
        #expect(tiny.percentTenths == nil)
        let large = CellChange(key: key, old: cell("1"), new: cell("999999999999"))
        #expect(large.percentTenths == 999_999_999_998_000)
        #expect(CellText.value("9300000000000000") == .unreadable)
        #expect(CellText.value("6222021234567890123") == .unreadable)
        #expect(CellText.value("999999999999") == .number(999_999_999_999))
        #expect(CellText.value("1000000000000件") == .unreadable)
        // Seven decimal places are more than a cell is read with: never a rounded number.
        #expect(CellText.value("0.0000001") == nil)
        #expect(CellText.value("0.000001") == .number(Quantity(1, decimals: 6)))
    }

    /// nanguan-zfj-2024 line 33 is `\t508`, 行政许可; an account number typed over it.
    static func zfjWithAnAccountNumber() throws -> String {
        try edited("nanguan-zfj-2024.txt", [33: "\t9300000000000000"])
    }

    @Test func aNumberTooLargeForACountIsAFindingAndExit1() throws {
        let path = Self.file("nanguan-zfj-2024.txt", try Self.zfjWithAnAccountNumber())
        let result = Fixture.run([Fixture.path("nanguan-zfj-2023.txt"), path])
        #expect(result.status == .different)
        #expect(result.out.contains("\(path):33: 错误: [P1 读取不完整]"))
        #expect(result.out.contains("数字过大"))
        let check = Fixture.run(["check", path])
        #expect(check.status == .different)
    }

    @Test func oneTrapPairAmongFiveGivesFiveRows() throws {
        let old = Fixture.temporaryFolder()
        let new = Fixture.temporaryFolder()
        for agency in ["nanguan-zfj", "nanguan-xinchun", "nanguan-sthj", "huzhu-cgj", "nanguan-zsj"] {
            try FileWriter.write(try Fixture.text("\(agency)-2023.txt"), to: "\(old)/\(agency)-2023.txt")
            let text = agency == "nanguan-zfj" ? try Self.zfjWithAnAccountNumber() : try Fixture.text("\(agency)-2024.txt")
            try FileWriter.write(text, to: "\(new)/\(agency)-2024.txt")
        }
        let summary = try Batch.run(Batch.Options(oldFolder: old, newFolder: new))
        let rows = summary.rows
        #expect(rows.count == 5)
        #expect(rows.filter { $0.status == .incomplete }.map(\.newFile) == ["\(new)/nanguan-zfj-2024.txt"])
        #expect(rows.allSatisfy { $0.cellsChanged != nil })
        #expect(BatchRenderer.csv(summary).split(separator: "\r\n").count == 7)  // header, five rows, totals
    }

    // MARK: 5. Normalise before comparing prose

    static func sentenceChanges(_ diff: ReportDiff) -> [SentenceChange] {
        diff.sections.flatMap(\.sentences).filter { $0.status != .unchanged }
    }

    @Test(arguments: ["layouts/nanguan-zjj-2024.pipe.txt", "layouts/nanguan-zjj-2024.html", "layouts/nanguan-zjj-2024.big5.html"])
    func aTraditionalCopyHasNoEditedSentence(simplified: String) throws {
        // The same report in Traditional characters (the Big5 mirror's text) against its simplified
        // text; the web pages also carry a breadcrumb and a `版权所有… 打印本页 关闭窗口` footer.
        let diff = ReportComparator.compare(
            try Fixture.report(simplified), try Fixture.report("layouts/nanguan-zjj-2024.traditional.txt"))
        #expect(Self.sentenceChanges(diff).isEmpty)
        #expect(diff.sections.allSatisfy { $0.carriedSentences == 1 })
    }

    @Test func twoEncodingsOfOneReportShowNoEditedSentence() throws {
        let diff = ReportComparator.compare(
            try Fixture.report("nanguan-zfj-2024.txt"), try Fixture.report("encodings/nanguan-zfj-2024.gb18030.txt"))
        #expect(Self.sentenceChanges(diff).isEmpty)
    }

    /// nanguan-zfj-2024 retyped the way copies of it come: line 4 with full-width digits and
    /// half-width commas and hard-wrapped after its 30th character, and a web page's `字号：大 中 小`,
    /// `来源：` and `日期：` lines after the title and `打印本页` at the end.
    @Test func widthsWrapsAndPageChromeAreNoEdits() throws {
        let lines = try Fixture.text("nanguan-zfj-2024.txt").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        var line4 = String(
            String.UnicodeScalarView(
                lines[3].unicodeScalars.map { scalar in
                    switch scalar {
                    case "0"..."9": return Unicode.Scalar(scalar.value + 0xFEE0)!
                    case "，": return ","
                    default: return scalar
                    }
                }))
        let wrap = line4.index(line4.startIndex, offsetBy: 30)
        #expect(!"。！？；".contains(line4[line4.index(before: wrap)]))
        line4 = line4[..<wrap] + "\n" + line4[wrap...]
        #expect(line4.hasPrefix("２０２４年度,南关区执法局"))
        var edited = lines
        edited[3] = line4
        edited.insert(contentsOf: ["字号：大 中 小", "来源：南关区人民政府", "日期：2025-01-20"], at: 1)
        edited.append("打印本页")
        let copy = try Fixture.parse(edited.joined(separator: "\n"), path: "copy.txt")
        let diff = ReportComparator.compare(try Fixture.report("nanguan-zfj-2024.txt"), copy)
        #expect(Self.sentenceChanges(diff).isEmpty)
        // What is shown is the text as written: the copy's sentence keeps its full-width digits.
        #expect(diff.sections[1].sentences.first?.new?.text.hasPrefix("２０２４年度,南关区执法局") == true)
    }

    /// nanguan-zfj-2024 line 399 starts `回顾2024年`; in 2023 the same sentence said `回顾2023年`. A copy
    /// that kept `回顾2023年` carried last year's year into this year's report.
    static func zfjKeepingLastYearsYear(agency: String? = nil) throws -> Report {
        var text = try Fixture.text("nanguan-zfj-2024.txt").replacingFirst("回顾2024年", with: "回顾2023年")
        if let agency { text = text.replacingFirst("2024年南关区执法局", with: "2024年\(agency)") }
        return try Fixture.parse(text, path: "zfj-2024.txt")
    }

    @Test func q3FiresOnceForAYearCarriedOverAndShowsNoFalseEdit() throws {
        let new = try Self.zfjKeepingLastYearsYear()
        let diff = ReportComparator.compare(try Fixture.report("nanguan-zfj-2023.txt"), new)
        let q3 = diff.findings.filter { $0.rule.id == "Q3" }
        #expect(q3.count == 1)
        #expect(q3.first?.file == "zfj-2024.txt")
        #expect(q3.first?.line == 399)
        let text = DiffTextRenderer.render(diff, all: false, color: false)
        #expect(!text.contains("[-2023-]{+2023+}"))
        // The original pair: the year moved forward, no Q3.
        let original = ReportComparator.compare(
            try Fixture.report("nanguan-zfj-2023.txt"), try Fixture.report("nanguan-zfj-2024.txt"))
        #expect(original.findings.filter { $0.rule.id == "Q3" }.isEmpty)
    }

    @Test func q3NeverFiresBetweenTwoAgencies() throws {
        let new = try Self.zfjKeepingLastYearsYear(agency: "南关区政数局")
        let diff = ReportComparator.compare(try Fixture.report("nanguan-zfj-2023.txt"), new)
        #expect(diff.agenciesDiffer)
        #expect(diff.findings.filter { $0.rule.id == "Q3" }.isEmpty)
    }

    /// nanguan-zfj-2024 with the year taken out of its title (line 1, `2024年南关区执法局…`) and its
    /// statistics period (line 2): the year is only in the prose.
    @Test func aYearFoundOnlyInTheTextStillMasksYears() throws {
        var text = try Self.edited("nanguan-zfj-2024.txt")
        text = text.replacingFirst("2024年南关区执法局", with: "南关区执法局")
        text = text.replacingFirst("统计期限自2024年1月1日起至2024年12月31日止", with: "统计期限为本年度")
        let new = try Fixture.parse(text, path: "zfj.txt")
        #expect(new.year == nil)
        let diff = ReportComparator.compare(try Fixture.report("nanguan-zfj-2023.txt"), new)
        // Section 五 is the 2023 text with every year moved on by one.
        let problems = try #require(diff.sections.first { $0.kind == .problems })
        #expect(!problems.hasChanges)
    }

    @Test func theReadmeCSVSampleHeaderIsTheProgramsHeader() throws {
        let readme = try SourceText.read(path: Fixture.root + "/README.md").text
        let header = DiffCSVRenderer.columns.joined(separator: ",")
        #expect(readme.split(separator: "\n").contains { $0 == header })
        let csv = DiffCSVRenderer.render(
            ReportComparator.compare(try Fixture.report("nanguan-zfj-2023.txt"), try Fixture.report("nanguan-zfj-2024.txt")),
            all: false)
        #expect(csv.hasPrefix("\u{FEFF}" + header + "\r\n"))
        // The sample's check row, as the program writes it.
        #expect(
            readme.contains(
                "check,,,,,,,,,,,across_years,跨年度,,398,,,,,,Q2,warning,第五部分「存在的主要问题及改进情况」与上年报告逐字相同（年份除外）,,,Fixtures/nanguan-zfj-2024.txt,398"
            ))
        #expect(csv.contains(",Q2,warning,第五部分「存在的主要问题及改进情况」与上年报告逐字相同（年份除外）,,,\(Fixture.path("nanguan-zfj-2024.txt")),398\r\n"))
    }

    // MARK: 6. Honest summaries

    @Test func aTableLeftBlankThisYearIsOneLine() throws {
        // huzhu-cgj-2024 (real) fills no cell of tables 2 and 3; huzhu-cgj-2023 fills them.
        let diff = ReportComparator.compare(try Fixture.report("huzhu-cgj-2023.txt"), try Fixture.report("huzhu-cgj-2024.txt"))
        let text = DiffTextRenderer.render(diff, all: false, color: false)
        #expect(text.contains("表二 今年留空（175 格）"))
        #expect(text.contains("表三 今年留空（15 格）"))
        #expect(!text.contains("0  →  空"))
        // Table 1: 行政许可 38 → 44, 行政处罚 45 → 31, 行政强制 2 → 空, 收费 236.40 → 250.83.
        #expect(text.contains("表格：200 格中 4 格有变化"))
        let all = DiffTextRenderer.render(diff, all: true, color: false)
        #expect(all.split(separator: "\n").filter { $0.contains("→  空") || $0.contains("→ 空") }.count >= 175)
    }

    @Test func aNarrativeOnlyPairSaysTheTablesWereNotCompared() throws {
        let text = { (year: Int) in
            "南关区执法局\(year)年政府信息公开工作年度报告\n一、总体情况\n本年度共发布信息17条。\n五、存在的主要问题及改进情况\n人员不足。\n六、其他需要报告的事项\n无。\n"
        }
        let diff = ReportComparator.compare(
            try Fixture.parse(text(2023), path: "a.txt"), try Fixture.parse(text(2024), path: "b.txt"))
        let out = DiffTextRenderer.render(diff, all: false, color: false)
        #expect(out.contains("表格：未比较（两份报告都没有读到表格）"))
        #expect(!out.contains("格有变化"))
        #expect(out.contains("（未比较：两份报告都没有读到这张表）"))
    }

    @Test func aFallIsSaidAsAFall() throws {
        // nanguan-zfj-2024 line 33 行政许可 508 → 50: below a fifth of 2023's 463.
        let new = try Fixture.parse(try Self.edited("nanguan-zfj-2024.txt", [33: "\t50"]), path: "new.txt")
        let diff = ReportComparator.compare(try Fixture.report("nanguan-zfj-2023.txt"), new)
        let q4 = try #require(diff.findings.first { $0.rule.id == "Q4" && $0.message.contains("行政许可") })
        #expect(q4.message.contains("不足 0.2 倍"))
        #expect(!q4.message.contains("超过 5 倍"))
    }

    @Test func q2IsNotDefeatedByChangingOneCharacter() throws {
        // nanguan-zfj-2024's section 五 is 2023's with the years moved on; `核心思想` → `中心思想` in line 399.
        let text = try Fixture.text("nanguan-zfj-2024.txt").replacingFirst("核心思想", with: "中心思想")
        let diff = ReportComparator.compare(
            try Fixture.report("nanguan-zfj-2023.txt"), try Fixture.parse(text, path: "zfj-2024.txt"))
        let problems = try #require(diff.sections.first { $0.kind == .problems })
        #expect(problems.hasChanges)
        let q2 = try #require(diff.findings.first { $0.rule.id == "Q2" })
        #expect(q2.message.contains("基本相同"))
        #expect(q2.file == "zfj-2024.txt")
    }

    @Test func aMissingSection5Or6IsAWarning() throws {
        // nanguan-zsj-2024 without its section 六 heading and text (the last lines of the file).
        let text = try Fixture.text("nanguan-zsj-2024.txt")
        let kept = text.components(separatedBy: "\n六、其他需要报告的事项")
        #expect(kept.count == 2)
        let report = try Fixture.parse(kept[0], path: "zsj.txt")
        let q6 = Checker.check(report).filter { $0.rule.id == "Q6" }
        #expect(q6.count == 1)
        #expect(q6.first?.severity == .warning)
        #expect(q6.first?.message.contains("第六部分") == true)
    }
}
