/// A report file as the structure its format already has: paragraphs and table grids, in document
/// order. Every reader (text layouts, HTML, .docx, PDF) turns bytes into one of these; the parser
/// (`ReportParser.parse(_: Document)`) finds the sections in its paragraphs and matches its tables
/// against the template, so that a table read from Word, HTML or a PDF is placed by one piece of code.
///
/// Locations are "lines" in the document's own numbering: the file's line for text and HTML; a running
/// number for .docx (each paragraph and each table row is one line, in reading order) and for PDF (the
/// lines of all pages in order, `pageStarts` telling where each page begins).
public struct Document: Sendable {
    /// The blocks in reading order.
    public var blocks: [DocumentBlock]
    /// What the bytes were.
    public var format: SourceFormat
    /// The encoding the text was in, for text and HTML (`UTF-8`, `GB18030` …); the format's name otherwise.
    public var encoding: String
    /// Problems with the file that did not stop reading it (a truncated character, a broken part).
    public var diagnostics: [Diagnostic]
    /// True when the file stops in the middle of something (no final line end, a cell left open): the
    /// last value in it may be cut short.
    public var endsMidLine: Bool
    /// For PDF: the line number at which each page starts (page 1 first); nil for other formats.
    public var pageStarts: [Int]?
    /// Set by the parser when the text ran together in a few long lines and was cut before its section
    /// headings (a crawler's dump): its tables cannot be read safely.
    public var isRunTogether = false

    public init(
        blocks: [DocumentBlock], format: SourceFormat, encoding: String = "", diagnostics: [Diagnostic] = [],
        endsMidLine: Bool = false, pageStarts: [Int]? = nil
    ) {
        self.blocks = blocks
        self.format = format
        self.encoding = encoding
        self.diagnostics = diagnostics
        self.endsMidLine = endsMidLine
        self.pageStarts = pageStarts
    }

    /// The page (1-based) a line is on, for a PDF; nil for other formats.
    public func page(ofLine line: Int) -> Int? {
        guard let pageStarts, !pageStarts.isEmpty else { return nil }
        var page = 0
        for (index, start) in pageStarts.enumerated() where start <= line { page = index + 1 }
        return max(page, 1)
    }
}

/// One block of a document: a paragraph of text or a table.
public enum DocumentBlock: Sendable {
    case paragraph(DocumentParagraph)
    case table(DocumentTable)
}

/// A paragraph (or, for text files, one line) with its location. Text files keep every line, empty
/// ones and leading tabs included: the text table layouts are read from the lines themselves.
public struct DocumentParagraph: Sendable, Hashable {
    /// The text, without the line end.
    public var text: String
    /// Where it is (see `Document`).
    public var line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// A table as a grid: rows of cells, each cell at the grid column where it starts, with its spans.
/// A grid is what the file says about columns (HTML `colspan`/`rowspan`, Word `w:gridSpan`/`w:vMerge`,
/// PDF x-positions under the header words): the parser places a value by the column its cell sits in,
/// never by its position in a list.
public struct DocumentTable: Sendable, Hashable {
    /// The rows, top to bottom.
    public var rows: [DocumentRow]
    /// Where the table starts.
    public var line: Int

    public init(rows: [DocumentRow], line: Int) {
        self.rows = rows
        self.line = line
    }

    /// Number of grid columns: the right edge of the widest row.
    public var width: Int { rows.reduce(0) { max($0, $1.width) } }
}

/// One table row: the cells that start in it, in column order.
public struct DocumentRow: Sendable, Hashable {
    /// Cells that start in this row, ordered by `column`. A position covered by a cell from a row above
    /// (`rowSpan` > 1) has no cell here. A value column left empty is an empty cell, not an absent one:
    /// an absent cell is a row that lacks a cell.
    public var cells: [GridCell]
    /// Where the row is.
    public var line: Int
    /// Set by a reader that could not read the row safely (a PDF number under no column, say): the
    /// parser marks the row's cells unreadable and reports this reason with the row's line.
    public var problem: String?

    public init(cells: [GridCell], line: Int, problem: String? = nil) {
        self.cells = cells
        self.line = line
        self.problem = problem
    }

    /// The right edge of the row: one past the last grid column a cell of it covers.
    public var width: Int { cells.reduce(0) { max($0, $1.column + $1.columnSpan) } }
}

/// One table cell at its place in the grid.
public struct GridCell: Sendable, Hashable {
    /// The cell's text; paragraphs or `<br>` inside the cell joined with `\n`.
    public var text: String
    /// Where the cell is (its row's line, or the line of its own text when that differs).
    public var line: Int
    /// The 0-based grid column where the cell starts.
    public var column: Int
    /// How many grid columns it covers (≥ 1).
    public var columnSpan: Int
    /// How many rows it covers, its own included (≥ 1).
    public var rowSpan: Int
    /// True when the file ends inside this cell (a page cut off): its text may be cut short, so a
    /// number in it is not a number.
    public var isCut: Bool

    public init(text: String, line: Int, column: Int, columnSpan: Int = 1, rowSpan: Int = 1, isCut: Bool = false) {
        self.text = text
        self.line = line
        self.column = column
        self.columnSpan = max(1, columnSpan)
        self.rowSpan = max(1, rowSpan)
        self.isCut = isCut
    }
}
