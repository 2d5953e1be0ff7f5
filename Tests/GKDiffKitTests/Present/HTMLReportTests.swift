import Testing

@testable import GKDiffKit

/// `--format html` (issue 13, bullet 5): one self-contained, well-formed page that references nothing
/// outside itself and escapes what comes from the reports.
@Suite struct HTMLReportTests {
    static func diff(_ name: String) throws -> ReportDiff {
        let pair = try #require(ExpectedOutputTests.pairs.first { $0.name == name })
        return ReportComparator.compare(try Fixture.report(pair.old), try Fixture.report(pair.new))
    }

    /// The open and close tags, in order, balanced: every `</x>` closes the innermost open `<x>`;
    /// `meta` and `br` are void. Returns the first problem, or nil.
    static func tagProblem(_ html: String) -> String? {
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return "a < without >" }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }
            if tag.contains("<") { return "a < inside a tag: \(tag)" }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                guard let top = stack.popLast() else { return "</\(name)> with nothing open" }
                if top != name { return "</\(name)> closes <\(top)>" }
            } else {
                let name = String(tag.prefix { $0 != " " && $0 != "/" })
                if ["meta", "br"].contains(name) || tag.hasSuffix("/") { continue }
                stack.append(name)
            }
        }
        return stack.isEmpty ? nil : "left open: \(stack)"
    }

    @Test(arguments: ExpectedOutputTests.pairs.map(\.name))
    func wellFormedSelfContainedAndComplete(name: String) throws {
        let diff = try Self.diff(name)
        let html = DiffHTMLRenderer.render(diff, all: false)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(Self.tagProblem(html) == nil, "\(name): \(Self.tagProblem(html) ?? "")")
        // Nothing fetched: no script, source, link, import or url(); no address in any attribute or
        // in the head (a report's prose may name its website: that is text, escaped, not a reference).
        for reference in ["<script", "src=", "href=", "<link", "@import", "url(", "<img", "<iframe"] {
            #expect(!html.contains(reference), "\(name): \(reference)")
        }
        let head = try #require(html.split(separator: "</head>").first)
        #expect(!head.contains("http"))
        #expect(!html.contains("=\"http"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("break-inside: avoid"))
        // Every changed cell is marked, every finding listed, every key indicator shown.
        let marked =
            html.components(separatedBy: "<td class=\"inc").count + html.components(separatedBy: "<td class=\"dec").count
            + html.components(separatedBy: "<td class=\"state").count - 3
        #expect(marked == diff.changedCells.count, "\(name)")
        let findingRows = ["error", "warning", "note"].map { html.components(separatedBy: "<tr class=\"\($0)\">").count - 1 }
        #expect(findingRows.reduce(0, +) == diff.findings.count)
        for indicator in diff.keyIndicators { #expect(html.contains("<th>\(indicator.label)</th>")) }
        for section in diff.sections { #expect(html.contains("<h3>\(DiffTextRenderer.sectionName(section))</h3>")) }
    }

    @Test func findingCellsAreHighlighted() throws {
        // nanguan-zsj-2024 with 二、上年结转 商业企业 set to 3 (line 88): X1 against 2023's 0 (and R1, R2).
        var lines = try Fixture.text("nanguan-zsj-2024.txt").split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        lines[87] = "\t3"
        let new = try Fixture.parse(lines.joined(separator: "\n"), path: "new.txt")
        let diff = ReportComparator.compare(try Fixture.report("nanguan-zsj-2023.txt"), new)
        #expect(diff.findings.contains { $0.rule.id == "X1" })
        let html = DiffHTMLRenderer.render(diff, all: false)
        #expect(html.contains("class=\"inc hit\""))
        #expect(html.contains("<sup>[1]"))
    }

    @Test func reportTextIsEscaped() throws {
        let text = { (year: Int) in
            "南关区执法局\(year)年政府信息公开工作年度报告\n一、总体情况\n本年度共发布<script>alert(\"x\")</script>信息\(year)条，网址 https://example.gov.cn/a?b=1&c=2。\n五、存在的主要问题及改进情况\n人员不足\u{07}。\n六、其他需要报告的事项\n无。\n"
        }
        let diff = ReportComparator.compare(
            try Fixture.parse(text(2023), path: "a<b>.txt"), try Fixture.parse(text(2024), path: "b&c.txt"))
        let html = DiffHTMLRenderer.render(diff, all: true)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("a&lt;b&gt;.txt") && html.contains("b&amp;c.txt"))
        #expect(html.contains("b=1&amp;c=2"))
        #expect(!html.contains("\u{07}"))
        #expect(Self.tagProblem(html) == nil)
    }

    @Test func htmlIsChosenByTheOutputExtensionAndRefusedWhereItMeansNothing() throws {
        let folder = Fixture.temporaryFolder()
        let result = Fixture.run([
            "-o", folder + "/审阅.html", Fixture.path("nanguan-zsj-2023.txt"), Fixture.path("nanguan-zsj-2024.txt"),
        ])
        #expect(result.status == .different)
        let page = String(decoding: try SourceText.readBytes(path: folder + "/审阅.html"), as: UTF8.self)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        for arguments in [
            ["check", "--format", "html", Fixture.path("nanguan-zsj-2024.txt")],
            ["check", "--format", "csv", Fixture.path("nanguan-zsj-2024.txt")],
            ["show", "--format", "html", Fixture.path("nanguan-zsj-2024.txt")],
        ] {
            let refused = Fixture.run(arguments)
            #expect(refused.status == .trouble)
            #expect(refused.err.contains("只支持 text 或 json"))
        }
    }
}
