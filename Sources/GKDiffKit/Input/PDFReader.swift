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
            result = try Subprocess.run(
                program, ["-tsv", Subprocess.argument(path), "-"], timeout: timeout, outputLimit: outputLimit)
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
    /// Scans the UTF-8 bytes once; lines of other levels are skipped by their first byte. O(n).
    static func parseTSV(_ tsv: String) -> (words: [PDFWord], pages: [PDFPage]) {
        var words: [PDFWord] = []
        var pageSizes: [Int: (width: Double, height: Double)] = [:]
        var tsv = tsv
        tsv.withUTF8 { bytes in
            var tabs: [Int] = []
            tabs.reserveCapacity(11)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                let level = bytes[start]
                guard level == UInt8(ascii: "1") || level == UInt8(ascii: "5"), end - start > 2, bytes[start + 1] == 0x09 else {
                    continue
                }
                tabs.removeAll(keepingCapacity: true)
                var index = start
                while index < end && tabs.count < 11 {
                    if bytes[index] == 0x09 { tabs.append(index) }
                    index += 1
                }
                guard tabs.count == 11 else { continue }
                func number(_ field: Int) -> Double? {
                    Double(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[(tabs[field - 1] + 1)..<tabs[field]]), as: UTF8.self)
                    )
                }
                guard let page = number(1).map(Int.init), page >= 1, let left = number(6), let top = number(7),
                    let width = number(8), let height = number(9)
                else { continue }
                if level == UInt8(ascii: "1") {
                    pageSizes[page] = (width, height)
                    continue
                }
                var first = tabs[10] + 1
                var last = end
                while first < last && (bytes[first] == 0x20 || bytes[first] == 0x0D) { first += 1 }
                while last > first && (bytes[last - 1] == 0x20 || bytes[last - 1] == 0x0D) { last -= 1 }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
                    .trimmingSpaces()
                guard !text.isEmpty, width >= 0, height >= 0 else { continue }
                words.append(PDFWord(page: page, left: left, right: left + width, top: top, bottom: top + height, text: text))
            }
        }
        let pageCount = max(pageSizes.keys.max() ?? 0, words.map(\.page).max() ?? 0)
        var pages: [PDFPage] = []
        var offset = 0.0
        for page in 1...max(pageCount, 1) {
            let size = pageSizes[page] ?? (595, 842)
            pages.append(PDFPage(top: offset, width: size.width, height: size.height))
            offset += size.height
        }
        for index in words.indices {
            let top = pages[words[index].page - 1].top
            words[index].top += top
            words[index].bottom += top
        }
        return (words, pages)
    }
}

extension String {
    /// Without leading and trailing ideographic and no-break spaces (rare in pdftotext's words).
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" }
        guard let first = self.first, let last = self.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
