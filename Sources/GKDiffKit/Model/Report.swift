/// One parsed annual report: metadata, sections, every cell of its template (200 for the 2021
/// template, 198 for the 2019 one) and what the parser noticed.
public struct Report: Sendable {
    /// The path it was read from (`-` for standard input).
    public var path: String
    /// Agency name taken from the title, e.g. `南关区执法局`; empty when no title was found.
    public var agency: String
    /// The year the report covers, from the title or the statistics period.
    public var year: Int?
    /// The title as written (two title lines joined).
    public var title: String
    /// The statistics period as written, e.g. `2024年1月1日起至2024年12月31日止`.
    public var period: String?
    /// Which template the tables follow: `2021` or `2019` (see `edition`).
    public var template: String
    /// Sections in the order found; at most one per kind.
    public var sections: [Section]
    /// The cells in `cellKeys` order (`Template.cellKeys` for a 2021-template report).
    public var cells: [Cell]
    /// Warnings and errors found while reading, in line order.
    public var diagnostics: [Diagnostic]
    /// Number of lines in the source text.
    public var lineCount: Int

    /// The template the report follows, as a value.
    /// (Any name but `2019` reads as 2021: asked on every cell lookup, so one small-string compare
    /// instead of `TemplateEdition(rawValue:)`'s string switch.)
    public var edition: TemplateEdition { template == TemplateEdition.y2019.rawValue ? .y2019 : .y2021 }

    /// The keys of `cells`, in order: the cells of the report's template.
    public var cellKeys: [CellKey] { edition.cellKeys }

    /// The cell at a key; `missing` for a key the report's template does not have (a 2021-only
    /// cell of a 2019-template report). O(1).
    public subscript(key: CellKey) -> Cell {
        guard let index = edition.index(of: key), index < cells.count else { return .missing }
        return cells[index]
    }

    /// The cell at (table, row, column); nil when the report's template has no such cell.
    public func cell(_ table: TableKind, _ row: String, _ column: String) -> Cell? {
        guard let index = edition.index(of: CellKey(table: table, row: row, column: column)), index < cells.count else {
            return nil
        }
        return cells[index]
    }

    /// The section of a kind, if the report has it.
    public func section(_ kind: SectionKind) -> Section? {
        sections.first { $0.kind == kind }
    }
}

/// A part of the report under one of the template's headings.
public struct Section: Sendable {
    /// Which template section.
    public var kind: SectionKind
    /// The heading as written, e.g. `3、 收到和处理政府信息公开申请情况`; empty for the preamble.
    public var title: String
    /// Line of the heading (or the first line of the preamble).
    public var line: Int
    /// Last line that belongs to the section.
    public var endLine: Int
    /// The prose of the section, one entry per source paragraph, with Word artefacts removed.
    public var paragraphs: [Paragraph]
    /// Subsection titles such as `（一）保障政府信息主动公开质量`.
    public var subsections: [Paragraph]

    /// All prose joined by newlines. (A loop: `joined(separator:)` is not specialised here and looks its
    /// element type up at run time, ~0.1 M instructions the first time.)
    public var text: String {
        var text = ""
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { text += "\n" }
            text += paragraph.text
        }
        return text
    }
}

/// A line of prose with the line it came from.
public struct Paragraph: Sendable, Hashable {
    public var text: String
    public var line: Int
}

/// One template cell as read from a report.
public struct Cell: Sendable, Hashable {
    /// What the cell holds.
    public var value: CellValue
    /// The text as written (after trimming), empty for a blank or missing cell.
    public var raw: String
    /// The source line, nil when the cell was not found.
    public var line: Int?
    /// How the number was derived when it is not the text as written: a unit converted
    /// (`251000元` read as 25.1 万元) or a sum of several cells (a 2019 row against 2021 rows).
    public var note: String? = nil

    /// A cell the report does not have.
    public static let missing = Cell(value: .missing, raw: "", line: nil)

    /// The number, when the cell holds one.
    public var number: Quantity? {
        if case .number(let value) = value { return value }
        return nil
    }
}

/// The state of a cell. A blank is never a zero.
public enum CellValue: Sendable, Hashable {
    /// A number as written (counts and 万元 amounts; exact decimal).
    case number(Quantity)
    /// Nothing written: the agency left the cell empty.
    case blank
    /// `/`, `—`, `-`, `无`: the agency marked the cell as not applicable.
    case notApplicable
    /// The row or table was not found at all.
    case missing
    /// The row was found but this cell could not be read (text where a number must be, or a row
    /// whose cells do not fit the template); see the diagnostic on its line.
    case unreadable

    /// The canonical state name used in JSON and CSV.
    public var state: String {
        switch self {
        case .number: return "number"
        case .blank: return "blank"
        case .notApplicable: return "not_applicable"
        case .missing: return "missing"
        case .unreadable: return "unreadable"
        }
    }

    /// True for `missing` and `unreadable`: gkdiff did not read the cell (as against a blank or a
    /// not-applicable mark the agency wrote).
    public var wasNotRead: Bool { self == .missing || self == .unreadable }

    /// A short Chinese word for people: `空`, `不适用`, `缺失`, `无法读取`; the number itself otherwise.
    public var display: String {
        switch self {
        case .number(let value): return value.description
        case .blank: return "空"
        case .notApplicable: return "不适用"
        case .missing: return "缺失"
        case .unreadable: return "无法读取"
        }
    }
}

/// Something the parser noticed, tied to a line.
public struct Diagnostic: Sendable, Hashable {
    /// How much it matters.
    public enum Severity: String, Sendable, Comparable {
        case note, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }
    public var severity: Severity
    /// 1-based source line, nil for the file as a whole.
    public var line: Int?
    /// A sentence a supervisor understands (Chinese).
    public var message: String

    public init(_ severity: Severity, line: Int?, _ message: String) {
        self.severity = severity
        self.line = line
        self.message = message
    }
}
