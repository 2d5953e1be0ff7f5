#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a file into a `Document`, choosing the reader by what the bytes are, not by the file's name:
/// a ZIP holding `word/document.xml` is a Word document, `%PDF` a PDF, `D0 CF 11 E0` an old binary
/// Word/WPS file, anything else text (plain, or an HTML page).
public enum DocumentReader {
    /// Reads a file (or `-` for standard input).
    /// - Throws: `GKDiffError` naming the path when the file cannot be read or is of a kind gkdiff
    ///   does not read.
    public static func read(path: String) throws -> Document {
        try read(SourceText.readBytes(path: path), path: path)
    }

    /// Reads the bytes of a file.
    /// - Throws: `GKDiffError` as `read(path:)`.
    public static func read(_ bytes: [UInt8], path: String) throws -> Document {
        let document: Document
        switch Kind(of: bytes) {
        case .zip:
            document = try docx(bytes, path: path)
        case .pdf:
            document = try pdf(bytes, path: path)
        case .legacyWord:
            document = try legacyWord(bytes, path: path)
        case .text:
            // Counted before decoding: 31 MB of one-character lines would otherwise take gigabytes.
            // (In UTF-16 text a character may hold a 0x0A byte too: an upper bound there.)
            let lineFeeds = bytes.withUnsafeBufferPointer { Line.count(of: 0x0A, in: $0, upTo: lineLimit + 1) }
            guard lineFeeds <= lineLimit else { throw GKDiffError.tooManyLines(path, lineLimit) }
            // Plain UTF-8 text straight from the bytes; anything else decoded first.
            document = try plainUTF8(bytes, path: path) ?? Self.document(from: SourceText.decode(bytes, path: path))
        }
        guard document.blocks.count <= lineLimit else { throw GKDiffError.tooManyLines(path, lineLimit) }
        return document
    }

    /// The most lines (paragraphs and tables) a report is read with. A real report has a few hundred;
    /// a file with more is not one, and reading it would cost memory in proportion to its lines.
    public static let lineLimit = 200_000

    /// The document of decoded text: an HTML page as paragraphs and grids, plain text as one paragraph
    /// per line (empty lines and tabs kept, for the text table layouts are read from the lines).
    public static func document(from source: SourceText) -> Document {
        switch source.format {
        case .html:
            return html(source)
        default:
            return text(source)
        }
    }

    /// Plain text, and Markdown as converters write it: a line per paragraph, `#` heading marks
    /// dropped, and an HTML `<table>` written into the text read as the grid it is.
    static func text(_ source: SourceText) -> Document {
        if let blocks = plainTextBlocks(source.text) {
            return Document(
                blocks: blocks, format: source.format, encoding: source.encoding, diagnostics: source.diagnostics,
                endsMidLine: source.endsMidLine)
        }
        var blocks: [DocumentBlock] = []
        var diagnostics = source.diagnostics
        let lines = Line.pieces(of: Substring(source.text), separator: 0x0A)
        var index = 0
        while index < lines.count {
            let text = lines[index]
            if startsWithTag(text, "<table") {
                // Up to the line that closes it (or the end): the lines between are one HTML fragment.
                var end = index
                while end < lines.count - 1 && !contains(lines[end], "</table") { end += 1 }
                let fragment = lines[index...end].joined(separator: "\n")
                let page = HTMLText.convert(fragment)
                for block in page.blocks { blocks.append(shifted(block, by: index)) }
                if page.endsInsideCell {
                    diagnostics.append(Diagnostic(.warning, line: end + 1, "表格在一个单元格中间结束，文件可能被截断"))
                }
                index = end + 1
                continue
            }
            blocks.append(.paragraph(DocumentParagraph(text: String(withoutHeadingMarks(text)), line: index + 1)))
            index += 1
        }
        if blocks.count > 1, case .paragraph(let last) = blocks.last!, last.text.isEmpty { blocks.removeLast() }
        return Document(
            blocks: blocks, format: source.format, encoding: source.encoding, diagnostics: diagnostics,
            endsMidLine: source.endsMidLine)
    }

    /// The blocks `text(_:)` makes of text without an HTML table, made on the text's bytes: each
    /// line's paragraph string copied straight from them (no `Substring` per line). Nil when a line
    /// starts with `<table` (then `text(_:)` reads the fragment). O(n).
    static func plainTextBlocks(_ text: String) -> [DocumentBlock]? {
        var text = text
        return text.withUTF8 { bytes -> [DocumentBlock]? in
            var blocks: [DocumentBlock] = []
            var start = 0
            var offset = 0
            var number = 0
            let count = bytes.count
            var lastEmpty = false
            while true {
                // To the end of the line: a line feed, unless right after a carriage return.
                while offset < count && !(bytes[offset] == 0x0A && !(offset > 0 && bytes[offset - 1] == 0x0D)) { offset += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<offset])
                if startsWithTable(line) { return nil }
                number += 1
                let from = headingMarksLength(line)
                let paragraph = String(decoding: UnsafeBufferPointer(rebasing: line[from...]), as: UTF8.self)
                lastEmpty = paragraph.isEmpty
                blocks.append(.paragraph(DocumentParagraph(text: paragraph, line: number)))
                if offset >= count { break }
                offset += 1
                start = offset
            }
            if blocks.count > 1 && lastEmpty { blocks.removeLast() }
            return blocks
        }
    }

    /// How many bytes `withoutHeadingMarks` drops from the start of a line: one to six `#`, then
    /// spaces and tabs; 0 when the line does not start so.
    static func headingMarksLength(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = line.first, first == UInt8(ascii: "#") else { return 0 }
        var marks = 0
        while marks < line.count && line[marks] == UInt8(ascii: "#") { marks += 1 }
        guard marks <= 6, marks < line.count, line[marks] == 0x20 || line[marks] == 0x09 else { return 0 }
        var from = marks
        while from < line.count && (line[from] == 0x20 || line[from] == 0x09) { from += 1 }
        return from
    }

    /// `startsWithTag(line, "<table")` on a line's bytes.
    static func startsWithTable(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < line.count && (line[index] == 0x20 || line[index] == 0x09) { index += 1 }
        guard index < line.count, line[index] == UInt8(ascii: "<") else { return false }
        for expected in "<table".utf8 {
            guard index < line.count, line[index] | 0x20 == expected | 0x20 else { return false }
            index += 1
        }
        return true
    }

    /// `## 一、总体情况` → `一、总体情况`: one to six `#` and a space at the start of a line.
    static func withoutHeadingMarks(_ line: Substring) -> Substring {
        guard line.utf8.first == UInt8(ascii: "#") else { return line }
        let marks = line.utf8.prefix { $0 == UInt8(ascii: "#") }.count
        let rest = line.utf8.dropFirst(marks)
        guard marks <= 6, let space = rest.first, space == 0x20 || space == 0x09 else { return line }
        return Substring(rest.drop { $0 == 0x20 || $0 == 0x09 })
    }

    /// True when the line starts (after spaces) with `tag`, ASCII case ignored.
    static func startsWithTag(_ line: Substring, _ tag: String) -> Bool {
        var index = line.utf8.startIndex
        while index < line.utf8.endIndex, line.utf8[index] == 0x20 || line.utf8[index] == 0x09 {
            index = line.utf8.index(after: index)
        }
        // Almost every line starts with something else: decided on its first byte.
        guard index < line.utf8.endIndex, line.utf8[index] == UInt8(ascii: "<") else { return false }
        var tagBytes = tag.utf8.makeIterator()
        while let expected = tagBytes.next() {
            guard index < line.utf8.endIndex, line.utf8[index] | 0x20 == expected | 0x20 else { return false }
            index = line.utf8.index(after: index)
        }
        return true
    }

    static func contains(_ line: Substring, _ needle: String) -> Bool {
        HTMLText.contains(HTMLText.lowercasedASCII(ArraySlice(line.utf8)), Array(needle.utf8))
    }

    /// A block of an HTML fragment that started on line `offset + 1` of the file, with file lines.
    static func shifted(_ block: DocumentBlock, by offset: Int) -> DocumentBlock {
        switch block {
        case .paragraph(var paragraph):
            paragraph.line += offset
            return .paragraph(paragraph)
        case .table(var table):
            table.line += offset
            for row in table.rows.indices {
                table.rows[row].line += offset
                for cell in table.rows[row].cells.indices { table.rows[row].cells[cell].line += offset }
            }
            return .table(table)
        }
    }

    // MARK: Kinds

    /// What the first bytes say a file is.
    enum Kind {
        case zip, pdf, legacyWord, text

        init(of bytes: [UInt8]) {
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
                self = .zip
            } else if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
                self = .legacyWord
            } else if Self.hasPDFMark(bytes) {
                self = .pdf
            } else {
                self = .text
            }
        }

        /// `%PDF-` within the first 1024 bytes, where the PDF standard lets readers look for it.
        static func hasPDFMark(_ bytes: [UInt8]) -> Bool {
            let limit = min(bytes.count, 1024)
            return bytes.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress, limit >= 5 else { return false }
                // From one `%` to the next (`memchr`): most files have none.
                var start = 0
                while start <= limit - 5, let found = memchr(base + start, 0x25, limit - 4 - start) {
                    start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if all[start + 1] == 0x50 && all[start + 2] == 0x44 && all[start + 3] == 0x46 && all[start + 4] == 0x2D {
                        return true
                    }
                    start += 1
                }
                return false
            }
        }
    }

    // MARK: Formats

    static func html(_ source: SourceText) -> Document {
        let page = HTMLText.convert(source.text)
        var diagnostics = source.diagnostics
        if page.spansCapped {
            diagnostics.append(
                Diagnostic(
                    .warning, line: nil,
                    "网页表格的合并单元格（colspan/rowspan）多得不像年度报告：超过 \(HTMLText.fillerLimit) 个之后的合并按单个单元格读取"))
        }
        if page.endsInsideCell {
            diagnostics.append(Diagnostic(.warning, line: lastLine(of: page.blocks), "网页在一个表格单元格中间结束，文件可能被截断"))
        }
        return Document(
            blocks: page.blocks, format: .html, encoding: source.encoding, diagnostics: diagnostics,
            endsMidLine: page.endsInsideCell)
    }

    static func lastLine(of blocks: [DocumentBlock]) -> Int? {
        switch blocks.last {
        case .paragraph(let paragraph): return paragraph.line
        case .table(let table): return table.rows.last?.line ?? table.line
        case nil: return nil
        }
    }

    static func docx(_ bytes: [UInt8], path: String) throws -> Document {
        try DocxReader.read(bytes, path: path)
    }

    /// A PDF, through poppler's `pdftotext` (`PDFReader`).
    static func pdf(_ bytes: [UInt8], path: String) throws -> Document {
        try onDisk(bytes, path: path, name: "input.pdf") { try PDFReader.read(path: $0) }
    }

    /// An old binary Word or WPS file, turned into .docx by LibreOffice and read natively.
    static func legacyWord(_ bytes: [UInt8], path: String) throws -> Document {
        let docx = try onDisk(bytes, path: path, name: "input.doc") { try LegacyWord.convertWithLibreOffice(path: $0) }
        return try DocxReader.read(docx, path: path)
    }

    /// Runs `body` on a file holding `bytes`: the file itself, or for standard input a copy in a
    /// private temporary folder (the helper programs read files, not pipes).
    static func onDisk<T>(_ bytes: [UInt8], path: String, name: String, _ body: (String) throws -> T) throws -> T {
        if path != "-" { return try body(path) }
        guard let folder = TemporaryFolder(prefix: "gkdiff-stdin") else {
            throw GKDiffError.unreadable(path, "无法建立临时文件夹")
        }
        defer { folder.remove() }
        let copy = folder.path + "/" + name
        guard FileSystem.writeWhole(bytes, to: copy) else { throw GKDiffError.unreadable(path, "无法写入临时文件") }
        do {
            return try body(copy)
        } catch var error as GKDiffError {
            error.path = path
            throw error
        }
    }
}
