/// Reads a Word document (`.docx`, Office Open XML) into a `Document`, natively: the ZIP archive
/// (`ZipArchive`), its `word/document.xml` expanded (`Inflate`) and scanned byte by byte (`DocxScanner`).
///
/// Paragraphs come from `w:p` (text of `w:t`; `w:tab` a tab; `w:br`/`w:cr` a line break inside the
/// paragraph; page breaks ignored), tables from `w:tbl`/`w:tr`/`w:tc` with `w:gridSpan`, `w:vMerge`,
/// `w:gridBefore`. Tracked changes read as accepted, field codes are dropped and their results kept, a
/// text box's `mc:AlternateContent` is read once. Each body paragraph and each table row is one "line".
/// Only the `w:` prefix Word, WPS and LibreOffice write is understood; headers, footers, footnotes and
/// comments (other parts) are not read.
public enum DocxReader {
    /// Reads the bytes of a .docx file; `path` only names the file in errors.
    public static func read(_ bytes: [UInt8], path: String) throws -> Document {
        do {
            let archive = try ZipArchive(bytes)
            guard let entry = try mainPart(of: archive) else { throw GKDiffError.noWordDocument(path) }
            let xml = try archive.extract(entry)
            var scanner = DocxScanner(xml: utf8(xml))
            scanner.scan()
            return Document(
                blocks: scanner.blocks, format: .docx, encoding: "DOCX", diagnostics: scanner.diagnostics,
                endsMidLine: scanner.endsMidLine)
        } catch ZipError.broken(let detail) {
            throw GKDiffError.brokenArchive(path, detail)
        } catch ZipError.unsupported(let detail) {
            throw GKDiffError.unsupportedArchive(path, detail)
        } catch ZipError.bomb(let detail) {
            throw GKDiffError.zipBomb(path, detail)
        }
    }

    /// The document's main part: `word/document.xml`, or the part `_rels/.rels` names as the office
    /// document when a writer called it otherwise.
    static func mainPart(of archive: ZipArchive) throws -> ZipEntry? {
        if let entry = archive.entry(named: "word/document.xml") { return entry }
        for entry in archive.entries where entry.name.replacingBackslashes == "word/document.xml" { return entry }
        guard let rels = archive.entry(named: "_rels/.rels") else { return nil }
        let xml = try archive.extract(rels, limit: 1 << 20)
        guard var target = officeDocumentTarget(xml) else { return nil }
        if target.hasPrefix("/") { target.removeFirst() }
        guard target.hasSuffix(".xml") else { return nil }
        return archive.entry(named: target)
    }

    /// The `Target` of the relationship whose `Type` ends in `/officeDocument`.
    static func officeDocumentTarget(_ xml: [UInt8]) -> String? {
        var index = 0
        while let open = xml[index...].firstIndex(of: UInt8(ascii: "<")) {
            guard let close = xml[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            let tag = xml[open..<close]
            if let type = DocxScanner.attribute("Type", in: tag), type.hasSuffix("/officeDocument"),
                let target = DocxScanner.attribute("Target", in: tag)
            {
                return target
            }
            index = close + 1
        }
        return nil
    }

    /// UTF-8 bytes of the part: UTF-16 (with its byte order mark) converted, UTF-8 as it is.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 2 else { return bytes }
        let littleEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): littleEndian = true
        case (0xFE, 0xFF): littleEndian = false
        default: return bytes
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}

extension String {
    fileprivate var replacingBackslashes: String { String(map { $0 == "\\" ? "/" : $0 }) }
}

/// The elements of `word/document.xml` the scanner acts on.
enum DocxTag {
    case paragraph, run, text, tab, lineBreak, noBreakHyphen
    case table, row, cell, gridSpan, verticalMerge, gridBefore
    /// Tracked deletion (`w:del`): dropped; self-closing in a row's properties it deletes the row.
    case deletion
    /// Content never read: deleted text, moved-away text, field instructions, old properties of a change.
    case dropped
    case alternateContent, alternative

    /// The names, by their length in bytes (`StaticString` and the enum are trivial: no reference
    /// counting while comparing).
    static let byLength: [[(name: StaticString, tag: DocxTag)]] = {
        let names: [(StaticString, DocxTag)] = [
            ("w:p", .paragraph), ("w:r", .run), ("w:t", .text), ("w:tab", .tab), ("w:ptab", .tab), ("w:br", .lineBreak),
            ("w:cr", .lineBreak), ("w:noBreakHyphen", .noBreakHyphen), ("w:tbl", .table), ("w:tr", .row), ("w:tc", .cell),
            ("w:gridSpan", .gridSpan), ("w:vMerge", .verticalMerge), ("w:gridBefore", .gridBefore), ("w:del", .deletion),
            ("w:delText", .dropped), ("w:delInstrText", .dropped), ("w:moveFrom", .dropped), ("w:instrText", .dropped),
            ("w:pPrChange", .dropped), ("w:rPrChange", .dropped), ("w:tcPrChange", .dropped), ("w:trPrChange", .dropped),
            ("w:tblPrChange", .dropped), ("w:tblPrExChange", .dropped), ("w:sectPrChange", .dropped),
            ("w:tblGridChange", .dropped), ("w:numberingChange", .dropped),
            ("mc:AlternateContent", .alternateContent), ("mc:Choice", .alternative), ("mc:Fallback", .alternative),
        ]
        var table = [[(name: StaticString, tag: DocxTag)]](repeating: [], count: 20)
        for (name, tag) in names { table[name.utf8CodeUnitCount].append((name, tag)) }
        return table
    }()

    /// The tag named by `xml[range]`, nil for every other element. O(length of the name).
    static func identify(_ xml: [UInt8], _ range: Range<Int>) -> DocxTag? {
        let start = range.lowerBound
        guard range.count >= 3, range.count < 20, xml[start + 1] == UInt8(ascii: ":") || xml[start + 2] == UInt8(ascii: ":")
        else { return nil }
        for (name, tag) in byLength[range.count] {
            let same = name.withUTF8Buffer { bytes in
                for offset in 0..<bytes.count where bytes[offset] != xml[start + offset] { return false }
                return true
            }
            if same { return tag }
        }
        return nil
    }
}

/// One pass over `word/document.xml`, building the blocks as the elements open and close.
///
/// Only the outermost table is a grid; a table inside one of its cells gives its paragraphs to that
/// cell, and a table inside a paragraph (in a text box) gives them to the paragraph's text-box text.
/// Tolerant of malformed XML: unbalanced tags lose text, never trap. O(n) in the size of the part.
struct DocxScanner {
    let xml: [UInt8]
    private(set) var blocks: [DocumentBlock] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var endsMidLine = false

    /// The running line number: one per body paragraph and per row of a grid table.
    private var line = 0
    /// > 0 while inside an element whose content is not read; counts the open elements in it.
    private var skipDepth = 0
    /// For each open `mc:AlternateContent`: whether one of its alternatives was already taken.
    private var alternates: [Bool] = []
    /// Open paragraphs, outermost first (a text box puts a paragraph inside a paragraph's run).
    private var paragraphs: [OpenParagraph] = []
    /// Paragraphs of text boxes inside the open outermost paragraph, given out after it.
    private var innerParagraphs: [String] = []
    private var runDepth = 0
    private var inText = false
    /// Open tables, outermost first: true for the grid table, false for one read as text only.
    private var tables: [Bool] = []
    private var grid: GridBuilder?

    private struct OpenParagraph {
        var text: [UInt8] = []
        var outerRunDepth: Int
    }

    private enum Merge { case none, restart, continued }

    private struct CellBuilder {
        var paragraphs: [String] = []
        var span = 1
        var merge = Merge.none
    }

    private struct RowBuilder {
        var cells: [CellBuilder] = []
        var line: Int
        var gridBefore = 0
        var deleted = false
    }

    /// The grid table being read; changed in place (`grid?.endRow()`) so that its rows are never copied.
    private struct GridBuilder {
        var rows: [RowBuilder] = []
        var row: RowBuilder?
        var cell: CellBuilder?

        mutating func startRow(line: Int) {
            endRow()
            row = RowBuilder(line: line)
        }

        mutating func startCell() {
            endCell()
            cell = CellBuilder()
        }

        mutating func endCell() {
            guard let cell else { return }
            row?.cells.append(cell)
            self.cell = nil
        }

        mutating func endRow() {
            endCell()
            guard let row else { return }
            if !row.deleted { rows.append(row) }
            self.row = nil
        }
    }

    /// Largest `w:gridSpan` and `w:gridBefore` honoured (a report table has 15 columns).
    static let spanLimit = 1_000

    init(xml: [UInt8]) { self.xml = xml }

    /// Reads the whole part.
    mutating func scan() {
        let count = xml.count
        var index = 0
        while index < count {
            guard xml[index] == UInt8(ascii: "<") else {
                var end = index
                while end < count, xml[end] != UInt8(ascii: "<") { end += 1 }
                if inText, skipDepth == 0 { appendText(index..<end) }
                index = end
                continue
            }
            if index + 1 < count, xml[index + 1] == UInt8(ascii: "!") {
                if matches("<![CDATA[", at: index) {
                    let end = find("]]>", from: index + 9) ?? count
                    if inText, skipDepth == 0, !paragraphs.isEmpty {
                        paragraphs[paragraphs.count - 1].text.append(contentsOf: xml[(index + 9)..<end])
                    }
                    index = min(count, end + 3)
                } else if matches("<!--", at: index) {
                    index = min(count, (find("-->", from: index + 4) ?? count) + 3)
                } else {
                    index = min(count, (find(">", from: index) ?? count) + 1)
                }
                continue
            }
            if index + 1 < count, xml[index + 1] == UInt8(ascii: "?") {
                index = min(count, (find("?>", from: index) ?? count) + 2)
                continue
            }
            // An element tag: up to the `>` outside quotes.
            var end = index + 1
            var quote: UInt8 = 0
            while end < count {
                let byte = xml[end]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                end += 1
            }
            guard end < count else { break }
            let closing = xml[index + 1] == UInt8(ascii: "/")
            let nameStart = closing ? index + 2 : index + 1
            var nameEnd = nameStart
            while nameEnd < end {
                switch xml[nameEnd] {
                case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"): break
                default:
                    nameEnd += 1
                    continue
                }
                break
            }
            let selfClosing = !closing && xml[end - 1] == UInt8(ascii: "/")
            let tag = DocxTag.identify(xml, nameStart..<nameEnd)
            if closing {
                close(tag)
            } else {
                open(tag, attributes: nameEnd..<end, selfClosing: selfClosing)
            }
            index = end + 1
        }
        finish()
    }

    // MARK: Elements

    private mutating func open(_ tag: DocxTag?, attributes: Range<Int>, selfClosing: Bool) {
        if skipDepth > 0 {
            if !selfClosing { skipDepth += 1 }
            return
        }
        guard let tag else { return }
        switch tag {
        case .paragraph:
            paragraphs.append(OpenParagraph(outerRunDepth: runDepth))
            runDepth = 0
            if selfClosing { endParagraph() }
        case .run:
            if !selfClosing { runDepth += 1 }
        case .text:
            if !selfClosing { inText = true }
        case .tab: appendInRun(0x09)
        case .lineBreak:
            // A page or column break is layout, not a line of the text (it often starts a heading).
            switch value("w:type", in: attributes) {
            case "page", "column": break
            default: appendInRun(0x0A)
            }
        case .noBreakHyphen: appendInRun(UInt8(ascii: "-"))
        case .table:
            guard !selfClosing else { return }
            let isGrid = tables.isEmpty && paragraphs.isEmpty
            tables.append(isGrid)
            if isGrid { grid = GridBuilder() }
        case .row:
            guard atGridLevel, grid != nil else { return }
            line += 1
            let rowLine = line
            grid?.startRow(line: rowLine)
            if selfClosing { grid?.endRow() }
        case .cell:
            guard atGridLevel, grid?.row != nil else { return }
            grid?.startCell()
            if selfClosing { grid?.endCell() }
        case .gridSpan:
            guard atGridLevel, grid?.cell != nil else { return }
            let span = max(1, number(in: attributes) ?? 1)
            grid?.cell?.span = span
        case .verticalMerge:
            guard atGridLevel, grid?.cell != nil else { return }
            let merge: Merge = value("w:val", in: attributes) == "restart" ? .restart : .continued
            grid?.cell?.merge = merge
        case .gridBefore:
            guard atGridLevel, grid?.row != nil, grid?.cell == nil else { return }
            let skipped = max(0, number(in: attributes) ?? 0)
            grid?.row?.gridBefore = skipped
        case .deletion:
            if selfClosing {
                // `w:trPr/w:del`: the row itself was deleted.
                if atGridLevel, grid?.row != nil, grid?.cell == nil { grid?.row?.deleted = true }
            } else {
                skipDepth = 1
            }
        case .dropped:
            if !selfClosing { skipDepth = 1 }
        case .alternateContent:
            if !selfClosing { alternates.append(false) }
        case .alternative:
            guard !selfClosing, let taken = alternates.last else { return }
            if taken {
                skipDepth = 1
            } else {
                alternates[alternates.count - 1] = true
            }
        }
    }

    private mutating func close(_ tag: DocxTag?) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let tag else { return }
        switch tag {
        case .paragraph: endParagraph()
        case .run: runDepth = max(0, runDepth - 1)
        case .text: inText = false
        case .table: endTable()
        case .row:
            if atGridLevel { grid?.endRow() }
        case .cell:
            if atGridLevel { grid?.endCell() }
        case .alternateContent:
            if !alternates.isEmpty { alternates.removeLast() }
        default: break
        }
    }

    /// True where an element belongs to the grid table itself (not to a table nested in it or to a
    /// paragraph inside a cell).
    private var atGridLevel: Bool { tables.count == 1 && grid != nil && paragraphs.isEmpty }

    private mutating func appendInRun(_ byte: UInt8) {
        guard runDepth > 0, !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].text.append(byte)
    }

    private mutating func endParagraph() {
        guard let paragraph = paragraphs.popLast() else { return }
        inText = false
        runDepth = paragraph.outerRunDepth
        let text = String(decoding: paragraph.text, as: UTF8.self)
        guard paragraphs.isEmpty else {
            innerParagraphs.append(text)
            return
        }
        let texts = [text] + innerParagraphs
        innerParagraphs = []
        if grid != nil {
            grid?.cell?.paragraphs.append(contentsOf: texts)
        } else {
            for text in texts {
                line += 1
                blocks.append(.paragraph(DocumentParagraph(text: text, line: line)))
            }
        }
    }

    private mutating func endTable() {
        guard let isGrid = tables.popLast(), isGrid, var builder = grid else { return }
        grid = nil
        builder.endRow()
        let rows = Self.gridRows(builder.rows)
        guard let first = rows.first else { return }
        blocks.append(.table(DocumentTable(rows: rows, line: first.line)))
    }

    /// The rows as grid cells: columns from `w:gridBefore` and the spans to the left; a `w:vMerge`
    /// continuation cell adds one to the `rowSpan` of the cell that starts at its column in the row
    /// above and is left out. (Text in a continuation cell, which Word does not show, is added to the
    /// merged cell so that nothing is lost.) A continuation with nothing of its width above it to merge
    /// with is a cell of its own, so that no two cells ever cover one grid position.
    private static func gridRows(_ builders: [RowBuilder]) -> [DocumentRow] {
        var rows: [DocumentRow] = []
        rows.reserveCapacity(builders.count)
        var open: [Int: (row: Int, cell: Int)] = [:]
        for builder in builders {
            var cells: [GridCell] = []
            var nextOpen: [Int: (row: Int, cell: Int)] = [:]
            var column = min(builder.gridBefore, spanLimit)
            for cell in builder.cells {
                let span = min(cell.span, spanLimit)
                let text = cell.paragraphs.joined(separator: "\n")
                if cell.merge == .continued, let origin = open[column], rows[origin.row].cells[origin.cell].columnSpan == span {
                    rows[origin.row].cells[origin.cell].rowSpan += 1
                    if !text.isEmpty {
                        let above = rows[origin.row].cells[origin.cell].text
                        rows[origin.row].cells[origin.cell].text = above.isEmpty ? text : above + "\n" + text
                    }
                    nextOpen[column] = origin
                } else {
                    cells.append(GridCell(text: text, line: builder.line, column: column, columnSpan: span))
                    nextOpen[column] = (rows.count, cells.count - 1)
                }
                column += span
            }
            rows.append(DocumentRow(cells: cells, line: builder.line))
            open = nextOpen
        }
        return rows
    }

    /// At the end of the part: whatever is still open is closed, and the document marked as cut short.
    private mutating func finish() {
        guard !paragraphs.isEmpty || !tables.isEmpty else { return }
        endsMidLine = true
        diagnostics.append(Diagnostic(.warning, line: line + 1, "Word 文档正文在一个段落或表格中间结束，文件可能被截断"))
        skipDepth = 0
        while !paragraphs.isEmpty { endParagraph() }
        while !tables.isEmpty { endTable() }
    }

    // MARK: Bytes

    /// Appends the text in `range` to the open paragraph, with entities decoded.
    private mutating func appendText(_ range: Range<Int>) {
        guard !paragraphs.isEmpty else { return }
        var text = paragraphs[paragraphs.count - 1].text
        paragraphs[paragraphs.count - 1].text = []
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = xml[index]
            if byte == UInt8(ascii: "&"), let (scalar, next) = entity(at: index, end: range.upperBound) {
                text.append(contentsOf: String(Character(scalar)).utf8)
                index = next
            } else {
                text.append(byte)
                index += 1
            }
        }
        paragraphs[paragraphs.count - 1].text = text
    }

    /// The character an entity at `index` stands for and the index after its `;`; nil when it is not
    /// one of the five named entities or a valid character reference.
    private func entity(at index: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var semicolon = index + 1
        while semicolon < end, semicolon - index <= 10, xml[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        guard semicolon < end, xml[semicolon] == UInt8(ascii: ";"), semicolon > index + 1 else { return nil }
        let name = xml[(index + 1)..<semicolon]
        let next = semicolon + 1
        switch Array(name) {
        case Array("lt".utf8): return ("<", next)
        case Array("gt".utf8): return (">", next)
        case Array("amp".utf8): return ("&", next)
        case Array("quot".utf8): return ("\"", next)
        case Array("apos".utf8): return ("'", next)
        default: break
        }
        guard name.first == UInt8(ascii: "#") else { return nil }
        var digits = name.dropFirst()
        var radix: UInt32 = 10
        if digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            let number: UInt32
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): number = UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: number = UInt32(digit - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: number = UInt32(digit - UInt8(ascii: "A")) + 10
            default: return nil
            }
            value = value * radix + number
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, next)
    }

    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= xml.count else { return false }
        return literal.withUTF8Buffer { bytes in
            for offset in 0..<count where bytes[offset] != xml[index + offset] { return false }
            return true
        }
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        guard let first = literal.withUTF8Buffer({ $0.first }) else { return nil }
        var index = start
        while index < xml.count {
            if xml[index] == first, matches(literal, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The `w:val` number in the tag's attributes, nil when absent or not a number.
    private func number(in attributes: Range<Int>) -> Int? {
        guard let text = value("w:val", in: attributes) else { return nil }
        var result = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), result < Self.spanLimit else { return nil }
            result = result * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return text.isEmpty ? nil : result
    }

    private func value(_ name: String, in attributes: Range<Int>) -> String? {
        Self.attribute(name, in: xml[attributes])
    }

    /// The value of attribute `name` in a tag's bytes (entities not decoded), nil when absent.
    static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
        let key = Array(name.utf8)
        var index = tag.startIndex
        while index + key.count < tag.endIndex {
            // The name must follow a space and be followed by `=` (after optional spaces).
            let before = index > tag.startIndex ? tag[index - 1] : 0x20
            guard before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D, tag[index] == key[0],
                tag[index..<(index + key.count)].elementsEqual(key)
            else {
                index += 1
                continue
            }
            var cursor = index + key.count
            while cursor < tag.endIndex, tag[cursor] == 0x20 || tag[cursor] == 0x09 { cursor += 1 }
            guard cursor < tag.endIndex, tag[cursor] == UInt8(ascii: "=") else {
                index += 1
                continue
            }
            cursor += 1
            while cursor < tag.endIndex, tag[cursor] == 0x20 || tag[cursor] == 0x09 { cursor += 1 }
            guard cursor < tag.endIndex else { return nil }
            let quote = tag[cursor]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            let start = cursor + 1
            guard let stop = tag[start...].firstIndex(of: quote) else { return nil }
            return String(decoding: tag[start..<stop], as: UTF8.self)
        }
        return nil
    }
}
