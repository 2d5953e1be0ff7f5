import Testing

@testable import GKDiffKit

/// What real files that nobody here wrote showed (DOMAIN.md, "What files a supervisor actually
/// holds"), each on a small report or a fixture copy edited the way the real file was.
@Suite struct RealVariantTests {
    static let head = "2024年某局政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"

    func report(_ table1: String, tail: String = "\n五、存在的主要问题及改进情况\n无。\n") throws -> Report {
        try Fixture.parse(Self.head + table1 + tail)
    }

    /// The pipe fixture as a PDF converter writes Markdown: `#` headings, pipe tables, and table 3 as
    /// an HTML `<table>` inside the text (Fixtures/README.md says how the file was made).
    @Test func markdownWithHeadingMarksAndAnHTMLTableReadsAsThePipeFixture() throws {
        let markdown = try Fixture.report("layouts/nanguan-zjj-2024.md")
        let pipe = try Fixture.report("layouts/nanguan-zjj-2024.pipe.txt")
        #expect(markdown.sections.map(\.kind) == SectionKind.allCases)
        #expect(markdown.sections[5].title == "五、存在的主要问题及改进情况")
        #expect(markdown.title == "2024年长春市南关区住房和城乡建设局政府信息公开工作年度报告")
        for (index, key) in pipe.cellKeys.enumerated() {
            #expect(markdown.cells[index].value == pipe.cells[index].value, "\(key)")
        }
        // Table 3 came from the HTML table: 行政复议 2 1 0 1 4 as written in the file.
        #expect(markdown.cell(.appeals, "review", "total")?.number == 4)
        #expect(markdown.cell(.appeals, "review", "total")?.line == 67)
        #expect(!markdown.diagnostics.contains { $0.severity == .error })
    }

    @Test func aLabelAndItsValueSeparatedByOneSpace() throws {
        let r = try report("信息内容 本年处理决定数量\n行政许可 97\n行政处罚 12\n行政强制 0\n")
        #expect(r.cell(.proactive, "licensing", "decisions")?.number == 97)
        #expect(r.cell(.proactive, "penalties", "decisions")?.number == 12)
        #expect(r.cell(.proactive, "enforcement", "decisions")?.number == 0)
    }

    @Test func headingVariantsAndATypoInTheAppealsHeading() throws {
        let text = try Fixture.text("nanguan-zfj-2024.txt")
            .replacingOccurrences("五、存在的主要问题及改进情况", with: "五、存在的主要问题及整改措施")
            .replacingOccurrences("4、 政府信息公开行政复议、行政诉讼情况", with: "4、 政府信息公开行政法复议、行政诉讼情况")
        let r = try Fixture.parse(text)
        #expect(r.sections.map(\.kind) == SectionKind.allCases)
        #expect(r.section(.problems)?.title == "五、存在的主要问题及整改措施")
        #expect(r.cell(.appeals, "review", "total")?.number == 0)
        #expect(r.cell(.requests, "new", "total")?.number == 8)
    }

    @Test func theInForceHeaderWithACommentAndTheShortRowLabel() throws {
        let r = try report(
            "第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数 (历史累计)\n规章\t0\t0\t3\n规范性文件\t2\t1\t15\n")
        #expect(r.cell(.proactive, "normative_documents", "in_force")?.number == 15)
        #expect(r.cell(.proactive, "normative_documents", "issued")?.number == 2)
        #expect(r.cell(.proactive, "regulations", "in_force")?.number == 3)
    }

    /// A crawler's dump: the whole report on one line. The sections are found; the tables cannot be
    /// read safely and say so — it is never "not an annual report".
    @Test func aReportSavedAsOneLongLineIsStillAReport() throws {
        let text = try Fixture.text("nanguan-zfj-2024.txt")
        let oneLine = text.split(separator: "\n").map { String($0).replacingOccurrences("\t", with: "") }.joined()
        let r = try Fixture.parse(oneLine)
        #expect(r.sections.count >= 4)
        #expect(!r.cells.contains { if case .number = $0.value { return true } else { return false } })
        #expect(r.diagnostics.contains { $0.message.contains("一行") })
    }
}

extension String {
    /// Every occurrence of `target` replaced (FoundationEssentials-free, for test edits).
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

/// A Big5 text file with no charset mark (Fixtures/layouts/nanguan-zjj-2024.big5.txt: the Traditional
/// fixture through `iconv -t BIG5-HKSCS`) reads like its UTF-8 original.
@Suite struct Big5TextTests {
    @Test func big5WithoutACharsetMarkIsRead() throws {
        let big5 = try Fixture.report("layouts/nanguan-zjj-2024.big5.txt")
        let utf8 = try Fixture.report("layouts/nanguan-zjj-2024.traditional.txt")
        #expect(big5.agency == "長春市南關區住房和城鄉建設局")
        #expect(big5.cells.map(\.value) == utf8.cells.map(\.value))
        #expect(big5.sections.map(\.kind) == SectionKind.allCases)
        #expect(try ReportParser.identify(path: Fixture.path("layouts/nanguan-zjj-2024.big5.txt")).year == 2024)
    }
}
