/// Reads a PDF report through poppler's `pdftotext -tsv` (word boxes with page and position) into a
/// `Document`: the lines outside tables as paragraphs, each table as a grid whose values sit under the
/// header they are printed under (see `PDFTable`).
public enum PDFReader {
    /// How long `pdftotext` may run, in seconds.
    static let timeout = 60.0
    /// The most output accepted from `pdftotext`, in bytes.
    static let outputLimit = 64 * 1_048_576

    /// Reads the PDF at `path` by running `pdftotext -tsv PATH -`.
    public static func read(path: String) throws -> Document {
        try read(path: path, program: "pdftotext")
    }

    /// `read(path:)` with another program in place of `pdftotext` (tests use a missing one).
    static func read(path: String, program: String) throws -> Document {
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(program, ["-tsv", path, "-"], timeout: timeout, outputLimit: outputLimit)
        } catch {
            throw GKDiffError.helper(path, error, missing: "读取 PDF 需要安装 poppler-utils（pdftotext）")
        }
        guard result.status == 0 else { throw GKDiffError.helperExit(path, "pdftotext", result) }
        return try document(fromTSV: String(decoding: result.output, as: UTF8.self), path: path)
    }

    /// The document of a `pdftotext -tsv` output (the unit tests read committed TSV files with this).
    public static func document(fromTSV tsv: String, path: String) throws -> Document {
        let (words, pages) = parseTSV(tsv)
        guard !words.isEmpty else { throw GKDiffError(path: path, reason: "扫描件，没有文字层，无法读取") }
        let (lines, pageStarts) = PDFLayout.lines(words, pages: pages)
        guard !lines.isEmpty else { throw GKDiffError(path: path, reason: "扫描件，没有文字层，无法读取") }
        // First the tables, then the prose between them, joined against the prose's own right margin
        // (a table may be wider than the text).
        var pieces: [Piece] = []
        var index = 0
        while index < lines.count {
            if PDFLayout.opensTable(lines[index]) {
                var end = index + 1
                while end < lines.count && !PDFLayout.closesTable(lines[end]) { end += 1 }
                if let table = PDFTable.read(Array(lines[index..<end])) {
                    pieces.append(.table(table))
                    index = end
                    continue
                }
            }
            if case .prose(let prose)? = pieces.last {
                pieces[pieces.count - 1] = .prose(prose + [lines[index]])
            } else {
                pieces.append(.prose([lines[index]]))
            }
            index += 1
        }
        var margin = 0.0
        for case .prose(let prose) in pieces { margin = prose.reduce(margin) { max($0, $1.right) } }
        var blocks: [DocumentBlock] = []
        for piece in pieces {
            switch piece {
            case .table(let table): blocks.append(.table(table))
            case .prose(let prose): blocks += PDFLayout.paragraphs(prose, rightMargin: margin).map { .paragraph($0) }
            }
        }
        return Document(blocks: blocks, format: .pdf, encoding: "PDF", pageStarts: pageStarts)
    }

    private enum Piece {
        case prose([PDFLine])
        case table(DocumentTable)
    }

    /// The word boxes (level 5) and the pages (level 1) of the TSV, the pages stacked top to bottom.
    static func parseTSV(_ tsv: String) -> (words: [PDFWord], pages: [(top: Double, height: Double)]) {
        var words: [PDFWord] = []
        var pageHeights: [Int: Double] = [:]
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            guard fields.count >= 12, let level = Int(fields[0]), let page = Int(fields[1]), page >= 1,
                let left = Double(fields[6]), let top = Double(fields[7]), let width = Double(fields[8]),
                let height = Double(fields[9])
            else { continue }
            if level == 1 {
                pageHeights[page] = height
                continue
            }
            let text = fields[11].trimmingSpaces()
            guard level == 5, !text.isEmpty, width >= 0, height >= 0 else { continue }
            words.append(
                PDFWord(page: page, left: left, right: left + width, top: top, bottom: top + height, text: text))
        }
        let pageCount = max(pageHeights.keys.max() ?? 0, words.map(\.page).max() ?? 0)
        var pages: [(top: Double, height: Double)] = []
        var offset = 0.0
        for page in 1...max(pageCount, 1) {
            let height = pageHeights[page] ?? 842
            pages.append((offset, height))
            offset += height
        }
        for index in words.indices {
            let top = pages[words[index].page - 1].top
            words[index].top += top
            words[index].bottom += top
        }
        return (words, pages)
    }
}

extension Substring {
    /// Without leading and trailing spaces (ASCII and ideographic) and carriage returns.
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\r" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
