/// Turns the text of a report into a `Report`: finds the section headings in any numbering, reads the
/// title, agency, year and statistics period, the narrative, and the three tables against the template.
public enum ReportParser {
    /// Reads and parses a file (or `-` for standard input).
    /// - Throws: `GKDiffError` when the file cannot be read or is not a report.
    public static func read(path: String) throws -> Report {
        try parse(SourceText.read(path: path))
    }

    /// Parses decoded text.
    /// - Throws: `GKDiffError.notAReport` when neither a section heading nor a table row is found.
    public static func parse(_ source: SourceText) throws -> Report {
        var lines: [Line] = []
        var number = 0
        for text in source.text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            lines.append(Line(text: text, number: number))
        }
        if lines.count > 1, lines.last!.text.isEmpty { lines.removeLast() }
        var diagnostics = source.diagnostics

        let headings = findHeadings(lines)
        var sections: [Section] = []
        var cells = Array(repeating: Cell.missing, count: Template.cellKeys.count)
        var tablesFound = 0

        // Section k runs from its heading to the line before the next heading.
        var bounds: [(kind: SectionKind, title: String, start: Int, end: Int)] = []
        let firstHeading = headings.first?.index ?? lines.count
        bounds.append((.preamble, "", 0, firstHeading))
        for (position, heading) in headings.enumerated() {
            let end = position + 1 < headings.count ? headings[position + 1].index : lines.count
            bounds.append((heading.kind, heading.title, heading.index, end))
        }

        for bound in bounds {
            let body = lines[min(bound.start + (bound.kind == .preamble ? 0 : 1), bound.end)..<bound.end]
            let line = bound.kind == .preamble ? (body.first?.number ?? 1) : lines[bound.start].number
            let endLine = bound.end > bound.start ? lines[bound.end - 1].number : line
            var section = Section(
                kind: bound.kind, title: bound.title, line: line, endLine: endLine, paragraphs: [], subsections: [])
            if let table = bound.kind.table {
                let spec = Template.table(table)
                let read = TableReader.read(spec, lines: body, endOfText: bound.end == lines.count)
                let first = Template.firstIndex(of: table)
                cells.replaceSubrange(first..<first + read.cells.count, with: read.cells)
                if read.cells.contains(where: { $0.value != .missing }) { tablesFound += 1 }
                section.paragraphs = read.paragraphs
                diagnostics += read.diagnostics
            } else {
                section.paragraphs = narrative(body)
                section.subsections = section.paragraphs.compactMap(subsectionTitle)
            }
            sections.append(section)
        }

        if headings.isEmpty && tablesFound == 0 { throw GKDiffError.notAReport(source.path) }

        var report = Report(
            path: source.path, agency: "", year: nil, title: "", period: nil, template: "2021",
            sections: sections, cells: cells, diagnostics: [], lineCount: lines.count)
        readMetadata(into: &report, preamble: sections[0], lines: lines, diagnostics: &diagnostics)

        for kind in SectionKind.allCases where kind != .preamble && report.section(kind) == nil {
            diagnostics.append(
                Diagnostic(.warning, line: nil, "没有找到第\(kind.numeral)部分「\(kind.title)」的标题" + (kind.table != nil ? "，其表格记为缺失" : "")))
        }
        report.diagnostics = diagnostics.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        return report
    }

    // MARK: Headings

    private static let headingKinds: [String: SectionKind] = {
        var map: [String: SectionKind] = [:]
        for kind in SectionKind.allCases {
            for variant in kind.titleVariants { map[variant] = kind }
        }
        return map
    }()

    /// Section headings in order; each kind at most once and only after the kinds before it, so that a
    /// table row such as `三、本年度办理结果` or `四、结转下年度继续办理` is never taken for a heading.
    static func findHeadings(_ lines: [Line]) -> [(kind: SectionKind, title: String, index: Int)] {
        var result: [(kind: SectionKind, title: String, index: Int)] = []
        var last = SectionKind.preamble
        for (index, line) in lines.enumerated() where !line.startsWithTab {
            let trimmed = LabelText.trim(line.text)
            guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= 60 else { continue }
            let cleaned = Artefacts.clean(trimmed)
            guard let kind = headingKinds[LabelText.headingKey(cleaned)], kind > last else { continue }
            result.append((kind, cleaned, index))
            last = kind
        }
        return result
    }

    // MARK: Narrative

    /// Paragraphs of a prose section: Word artefacts and page numbers removed, empty lines dropped.
    static func narrative(_ lines: ArraySlice<Line>) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        for line in lines {
            let text = Artefacts.clean(line.text)
            if text.isEmpty || Artefacts.isPageNumber(text) { continue }
            paragraphs.append(Paragraph(text: text, line: line.number))
        }
        return paragraphs
    }

    /// `（一）保障政府信息主动公开质量。一是…` → `（一）保障政府信息主动公开质量`.
    static func subsectionTitle(_ paragraph: Paragraph) -> Paragraph? {
        let scalars = paragraph.text.unicodeScalars
        guard let first = scalars.first, first == "（" || first == "(" else { return nil }
        var index = scalars.index(after: scalars.startIndex)
        var numerals = 0
        while index < scalars.endIndex, LabelText.isNumeral(scalars[index]) {
            numerals += 1
            index = scalars.index(after: index)
        }
        guard numerals > 0, index < scalars.endIndex, scalars[index] == "）" || scalars[index] == ")" else { return nil }
        var end = index
        var length = 0
        while end < scalars.endIndex, scalars[end] != "。", scalars[end] != "：", length < 60 {
            end = scalars.index(after: end)
            length += 1
        }
        return Paragraph(text: String(String.UnicodeScalarView(scalars[..<end])), line: paragraph.line)
    }

    // MARK: Metadata

    /// Title (one line, or two when it breaks), agency and year from it, and the statistics period.
    private static func readMetadata(
        into report: inout Report, preamble: Section, lines: [Line], diagnostics: inout [Diagnostic]
    ) {
        let candidates = preamble.paragraphs.prefix(3)
        if let first = candidates.first {
            if first.text.contains("报告") && first.text.unicodeScalars.count <= 80 {
                report.title = first.text
            } else if candidates.count > 1, first.text.unicodeScalars.count <= 40 {
                let second = candidates[candidates.startIndex + 1]
                if second.text.contains("报告") && second.text.unicodeScalars.count <= 40 {
                    report.title = first.text + second.text
                }
            }
        }
        let searchText = ([preamble] + (report.section(.overview).map { [$0] } ?? [])).map(\.text).joined(separator: "\n")
        report.period = Metadata.period(in: searchText)
        if report.title.isEmpty {
            diagnostics.append(Diagnostic(.warning, line: preamble.line, "没有找到报告标题：机关名称未知"))
        } else {
            report.agency = Metadata.agency(fromTitle: report.title)
            report.year = Metadata.year(in: report.title)
        }
        if report.year == nil, let period = report.period { report.year = Metadata.year(in: period) }
        if report.year == nil {
            diagnostics.append(Diagnostic(.warning, line: preamble.line, "标题和统计期限里都没有找到报告年度"))
        }
    }
}
