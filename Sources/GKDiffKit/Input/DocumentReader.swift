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
        switch Kind(of: bytes) {
        case .zip:
            return try docx(bytes, path: path)
        case .pdf:
            return try pdf(bytes, path: path)
        case .legacyWord:
            return try legacyWord(bytes, path: path)
        case .text:
            return document(from: try SourceText.decode(bytes, path: path))
        }
    }

    /// The document of decoded text: an HTML page as paragraphs and grids, plain text as one paragraph
    /// per line (empty lines and tabs kept, for the text table layouts are read from the lines).
    public static func document(from source: SourceText) -> Document {
        switch source.format {
        case .html:
            return html(source)
        default:
            var blocks: [DocumentBlock] = []
            var number = 0
            for text in Line.pieces(of: Substring(source.text), separator: 0x0A) {
                number += 1
                blocks.append(.paragraph(DocumentParagraph(text: String(text), line: number)))
            }
            if blocks.count > 1, case .paragraph(let last) = blocks.last!, last.text.isEmpty { blocks.removeLast() }
            return Document(
                blocks: blocks, format: source.format, encoding: source.encoding, diagnostics: source.diagnostics,
                endsMidLine: source.endsMidLine)
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
            let mark: [UInt8] = Array("%PDF-".utf8)
            let limit = min(bytes.count, 1024)
            guard limit >= mark.count else { return false }
            for start in 0...(limit - mark.count) where bytes[start] == mark[0] {
                if bytes[start..<start + mark.count].elementsEqual(mark) { return true }
            }
            return false
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

    static func pdf(_ bytes: [UInt8], path: String) throws -> Document {
        throw GKDiffError(path: path, reason: "是 PDF 文件，这一版还不能读取：请用 .docx、网页或文本文件（PDF）")
    }

    static func legacyWord(_ bytes: [UInt8], path: String) throws -> Document {
        throw GKDiffError(
            path: path, reason: "是旧版 Word/WPS 文件（.doc/.wps），不能直接读取：请在 WPS 或 Word 中另存为 .docx（legacy .doc/.wps）")
    }
}
