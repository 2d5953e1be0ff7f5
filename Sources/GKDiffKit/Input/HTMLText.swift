/// A saved web page turned into a `Document`: each paragraph (`<p>`, `<div>`, `<h1>`, `<br>` …) a
/// paragraph block with the page line it starts on, each `<table>` a grid whose cells sit at the
/// columns `colspan`/`rowspan` give them, `<br>` inside a cell kept as a line break, entities decoded,
/// scripts, styles and the `<head>` dropped. A small tolerant tokenizer over UTF-8 bytes: unclosed tags
/// and a page cut off anywhere still give what was there, and a cell the page ends inside is marked
/// `isCut`. O(n) in the size of the page.
enum HTMLText {
    /// What the conversion gives.
    struct Output {
        /// Paragraphs and tables in page order.
        var blocks: [DocumentBlock]
        /// True when the page ends inside a table cell (a page cut off mid-table).
        var endsInsideCell: Bool
        /// True when `colspan`/`rowspan` asked for more filler cells than `fillerLimit` and the rest
        /// were taken as single cells.
        var spansCapped: Bool
    }

    /// Most grid positions `colspan`/`rowspan` may cover beyond their cells' own (a real report needs a
    /// few hundred), so that a hostile page cannot make the grid many times larger than itself.
    static let fillerLimit = 20_000

    /// Widest `colspan` and tallest `rowspan` honoured; larger values are taken as these.
    static let spanLimit = (columns: 64, rows: 100)
    /// Most columns a converted row may have; cells beyond are dropped.
    static let widthLimit = 1_000

    /// What `<br>` inside a cell becomes: a line break in the cell's text.
    static let cellBreak: UInt8 = 0x0A

    // MARK: Detection

    /// True for a `.html`/`.htm` path, or bytes that start (after a BOM and spaces) with a tag and
    /// name an HTML element early on.
    static func looksLikeHTML(path: String, bytes: [UInt8]) -> Bool {
        let lower = path.lowercased()
        for ext in [".html", ".htm", ".shtml", ".xhtml"] where lower.hasSuffix(ext) { return true }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else { return false }
        let head = lowercasedASCII(bytes[index..<min(bytes.count, index + 2048)])
        for marker in ["<html", "<!doctype html", "<head", "<body", "<meta", "<table", "<div", "<p>", "<p ", "<title"] {
            if contains(head, Array(marker.utf8)) { return true }
        }
        return false
    }

    /// The `charset` a page declares in its first 4 KB (`<meta charset="gb2312">`,
    /// `content="text/html; charset=GBK"`), lowercased; nil when it declares none.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = lowercasedASCII(bytes[0..<min(bytes.count, 4096)])
        let needle = Array("charset".utf8)
        var from = 0
        while let found = find(head, needle, from: from) {
            var index = found + needle.count
            from = index
            while index < head.count, head[index] == 0x20 { index += 1 }
            guard index < head.count, head[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < head.count, head[index] == 0x20 || head[index] == 0x22 || head[index] == 0x27 { index += 1 }
            var name: [UInt8] = []
            while index < head.count, name.count < 40 {
                let byte = head[index]
                guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F else { break }
                name.append(byte)
                index += 1
            }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
        }
        return nil
    }

    // MARK: Conversion

    /// Converts a page (already decoded to a string).
    static func convert(_ html: String) -> Output {
        var converter = Converter(Array(html.utf8))
        converter.run()
        return converter.output()
    }

    /// The scanner: one pass over the bytes, building lines.
    private struct Converter {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var blocks: [DocumentBlock] = []
        /// The paragraph being read outside tables, and the line it started on.
        var paragraph: [UInt8] = []
        var paragraphLine = 1
        var pendingSpace = false
        var inHead = false
        /// Elements whose text is dropped (`noscript`, `svg` …) with their nesting depth.
        var suppressed: [UInt8] = []
        var suppressedDepth = 0
        var table: TableState?
        var nestedTables = 0
        var cell: [UInt8]?
        var cellSpan = (columns: 1, rows: 1)
        var cellPendingSpace = false

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// One table being read: the rows so far, the current row and the columns still covered by
        /// `rowspan`s from above.
        struct TableState {
            var rows: [DocumentRow] = []
            var covered: [Int] = []
            /// How many entries of `covered` are above 0.
            var coveredColumns = 0
            var cells: [GridCell] = []
            var filled: [Bool] = []
            var column = 0
            var open = false
            var line = 1
            var firstLine = 0
        }

        mutating func run() {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    tag()
                } else if byte == UInt8(ascii: "&") {
                    entity()
                } else {
                    textRun()
                }
            }
            // A cell with no end: the page was cut off inside it, and what it held is not known (an
            // empty one may have been about to hold a number).
            endsInsideCell = cell != nil && table != nil
            cellIsCut = endsInsideCell
            closeTable()
            flushParagraph()
        }

        var endsInsideCell = false
        var cellIsCut = false
        var fillerLeft = HTMLText.fillerLimit
        var spansCapped = false

        func output() -> Output {
            Output(blocks: blocks, endsInsideCell: endsInsideCell, spansCapped: spansCapped)
        }

        // MARK: Text

        var dropsText: Bool { inHead || suppressedDepth > 0 }

        /// The text up to the next `<` or `&`, in one pass: spaces and line ends collapse to one space.
        mutating func textRun() {
            var end = index
            var newlines = 0
            while end < bytes.count {
                let byte = bytes[end]
                if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
                if byte == 0x0A { newlines += 1 }
                end += 1
            }
            defer {
                line += newlines
                index = end
            }
            if dropsText { return }
            let inCell = cell != nil
            var buffer: [UInt8] = inCell ? cell! : paragraph
            var space = inCell ? cellPendingSpace : pendingSpace
            if inCell { cell = [] } else { paragraph = [] }
            var firstLine = line
            for position in index..<end {
                let byte = bytes[position]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                    space = !buffer.isEmpty
                    if byte == 0x0A { firstLine += 1 }
                    continue
                }
                if buffer.isEmpty && !inCell { paragraphLine = firstLine }
                if space { buffer.append(0x20) }
                space = false
                buffer.append(byte)
            }
            if inCell {
                cell = buffer
                cellPendingSpace = space
            } else {
                paragraph = buffer
                pendingSpace = space
            }
        }

        mutating func text(_ byte: UInt8) {
            if dropsText { return }
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
            if cell != nil {
                if isSpace {
                    cellPendingSpace = !(cell!.isEmpty)
                } else {
                    if cellPendingSpace { cell!.append(0x20) }
                    cellPendingSpace = false
                    cell!.append(byte)
                }
                return
            }
            if isSpace {
                pendingSpace = !paragraph.isEmpty
                return
            }
            if paragraph.isEmpty { paragraphLine = line }
            if pendingSpace { paragraph.append(0x20) }
            pendingSpace = false
            paragraph.append(byte)
        }

        mutating func text(_ scalar: Unicode.Scalar) {
            for byte in String(scalar).utf8 { text(byte) }
        }

        mutating func flushParagraph() {
            if !paragraph.isEmpty { emit(paragraph, line: paragraphLine) }
            paragraph = []
            pendingSpace = false
        }

        mutating func emit(_ bytes: [UInt8], line: Int) {
            blocks.append(.paragraph(DocumentParagraph(text: String(decoding: bytes, as: UTF8.self), line: line)))
        }

        /// An empty paragraph after a table or a block of text, as a blank line would be in text.
        mutating func blankLine() {
            guard let last = blocks.last else { return }
            if case .paragraph(let paragraph) = last, paragraph.text.isEmpty { return }
            emit([], line: line)
        }

        /// `&nbsp;`, `&amp;`, `&#12288;`, `&#x3000;`; anything else stays as written.
        mutating func entity() {
            var end = index + 1
            while end < bytes.count, end - index <= 12, isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: "#") { end += 1 }
            let name = bytes[(index + 1)..<end]
            let terminated = end < bytes.count && bytes[end] == UInt8(ascii: ";")
            if let scalar = Self.decodeEntity(name), terminated || !name.isEmpty && name.first != UInt8(ascii: "#") {
                index = terminated ? end + 1 : end
                switch scalar.value {
                case 0x09, 0x0A, 0x0D, 0x0C: text(UInt8(0x20))
                case 0..<0x20, 0x7F: break
                default: text(scalar)
                }
                return
            }
            text(UInt8(ascii: "&"))
            index += 1
        }

        static func decodeEntity(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
            guard let first = name.first else { return nil }
            if first == UInt8(ascii: "#") {
                var digits = name.dropFirst()
                var radix: UInt32 = 10
                if let x = digits.first, x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
                    radix = 16
                    digits = digits.dropFirst()
                }
                guard !digits.isEmpty, digits.count <= 8 else { return nil }
                var value: UInt32 = 0
                for byte in digits {
                    let digit: UInt32
                    switch byte {
                    case 0x30...0x39: digit = UInt32(byte - 0x30)
                    case 0x61...0x66 where radix == 16: digit = UInt32(byte - 0x61 + 10)
                    case 0x41...0x46 where radix == 16: digit = UInt32(byte - 0x41 + 10)
                    default: return nil
                    }
                    value = value * radix + digit
                }
                return Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)
            }
            switch String(decoding: name, as: UTF8.self) {
            case "nbsp": return "\u{A0}"
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "apos": return "'"
            case "ensp": return "\u{2002}"
            case "emsp": return "\u{2003}"
            case "thinsp": return "\u{2009}"
            case "ldquo": return "“"
            case "rdquo": return "”"
            case "lsquo": return "‘"
            case "rsquo": return "’"
            case "mdash": return "—"
            case "ndash": return "–"
            case "hellip": return "…"
            case "middot": return "·"
            case "bull": return "•"
            case "times": return "×"
            case "divide": return "÷"
            case "yen": return "¥"
            case "copy": return "©"
            case "reg": return "®"
            case "deg": return "°"
            case "plusmn": return "±"
            case "laquo": return "«"
            case "raquo": return "»"
            case "permil": return "‰"
            default: return nil
            }
        }

        func isNameByte(_ byte: UInt8) -> Bool {
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
        }

        // MARK: Tags

        /// At a `<`: a comment, a declaration, an end tag, a start tag, or a literal `<`.
        mutating func tag() {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                if bytes[index...].starts(with: Array("<!--".utf8)) {
                    skip(past: Array("-->".utf8), from: index + 4)
                } else {
                    skip(past: [UInt8(ascii: ">")], from: index + 2)
                }
                return
            }
            let closing = next == UInt8(ascii: "/")
            var cursor = index + (closing ? 2 : 1)
            let nameStart = cursor
            while cursor < bytes.count,
                isNameByte(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: ":")
            {
                cursor += 1
            }
            guard cursor > nameStart, isLetter(bytes[nameStart]) else {
                text(UInt8(ascii: "<"))
                index += 1
                return
            }
            let name = lowercasedASCII(bytes[nameStart..<cursor])
            // Attributes, up to the `>` outside quotes.
            var colspan = 1
            var rowspan = 1
            var quote: UInt8 = 0
            let attributeStart = cursor
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if byte == 0x0A { line += 1 }
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                cursor += 1
            }
            if !closing && (name == Array("td".utf8) || name == Array("th".utf8)) {
                let attributes = lowercasedASCII(bytes[attributeStart..<cursor])
                colspan = Self.span(in: attributes, named: "colspan", limit: HTMLText.spanLimit.columns)
                rowspan = Self.span(in: attributes, named: "rowspan", limit: HTMLText.spanLimit.rows)
            }
            index = min(cursor + 1, bytes.count)
            if closing { endTag(name) } else { startTag(name, colspan: colspan, rowspan: rowspan) }
        }

        func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) }

        /// `colspan="3"` → 3, clamped to 1…limit.
        static func span(in attributes: [UInt8], named name: String, limit: Int) -> Int {
            guard let found = find(attributes, Array(name.utf8), from: 0) else { return 1 }
            var index = found + name.utf8.count
            while index < attributes.count, attributes[index] == 0x20 || attributes[index] == 0x0A || attributes[index] == 0x09 {
                index += 1
            }
            guard index < attributes.count, attributes[index] == UInt8(ascii: "=") else { return 1 }
            index += 1
            while index < attributes.count, attributes[index] == 0x20 || attributes[index] == 0x22 || attributes[index] == 0x27 {
                index += 1
            }
            var value = 0
            var digits = 0
            while index < attributes.count, (0x30...0x39).contains(attributes[index]), digits < 6 {
                value = value * 10 + Int(attributes[index] - 0x30)
                digits += 1
                index += 1
            }
            return min(max(value, 1), limit)
        }

        /// Moves past `terminator` (searching from `from`), counting lines; to the end when it never comes.
        mutating func skip(past terminator: [UInt8], from: Int) {
            var cursor = min(from, bytes.count)
            while cursor < bytes.count {
                if bytes[cursor] == 0x0A { line += 1 }
                if bytes[cursor] == terminator[0], bytes[cursor...].starts(with: terminator) {
                    index = cursor + terminator.count
                    return
                }
                cursor += 1
            }
            index = bytes.count
        }

        /// Skips the raw text of `<script>`/`<style>` up to its end tag.
        mutating func skipRawText(_ name: [UInt8]) {
            var cursor = index
            while cursor < bytes.count {
                if bytes[cursor] == 0x0A { line += 1 }
                if bytes[cursor] == UInt8(ascii: "<"), cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: "/"),
                    cursor + 2 + name.count <= bytes.count,
                    lowercasedASCII(bytes[(cursor + 2)..<(cursor + 2 + name.count)]) == name
                {
                    index = cursor
                    return
                }
                cursor += 1
            }
            index = bytes.count
        }

        static let blockTags: Set<String> = [
            "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
            "section", "article", "header", "footer", "nav", "aside", "main", "center", "form", "fieldset", "hr",
            "address", "figure", "figcaption", "caption", "body", "html", "tbody", "thead", "tfoot",
        ]
        static let rawTextTags: Set<String> = ["script", "style", "title", "textarea", "xmp"]
        static let suppressedTags: Set<String> = ["noscript", "template", "svg", "math", "iframe", "object", "select"]

        mutating func startTag(_ nameBytes: [UInt8], colspan: Int, rowspan: Int) {
            let name = String(decoding: nameBytes, as: UTF8.self)
            if Self.rawTextTags.contains(name) {
                skipRawText(nameBytes)
                return
            }
            if name == "head" { inHead = true; return }
            if name == "body" { inHead = false }
            if suppressedDepth > 0 {
                if nameBytes == suppressed { suppressedDepth += 1 }
                return
            }
            if Self.suppressedTags.contains(name) {
                suppressed = nameBytes
                suppressedDepth = 1
                return
            }
            if inHead { return }
            switch name {
            case "table":
                if table != nil {
                    nestedTables += 1
                    breakInCell()
                } else {
                    flushParagraph()
                    blankLine()
                    table = TableState()
                }
            case "tr":
                if nestedTables > 0 { breakInCell(); return }
                guard table != nil else { flushParagraph(); return }
                closeCell()
                closeRow()
                flushParagraph()
                table!.open = true
                table!.line = line
                startRow()
            case "td", "th":
                if nestedTables > 0 { cellSpace(); return }
                guard table != nil else { flushParagraph(); return }
                closeCell()
                flushParagraph()
                if !table!.open {
                    table!.open = true
                    table!.line = line
                    startRow()
                }
                cell = []
                cellPendingSpace = false
                cellSpan = (colspan, rowspan)
            default:
                if Self.blockTags.contains(name) {
                    if cell != nil { breakInCell() } else { flushParagraph() }
                }
            }
        }

        mutating func endTag(_ nameBytes: [UInt8]) {
            let name = String(decoding: nameBytes, as: UTF8.self)
            if name == "head" { inHead = false; return }
            if suppressedDepth > 0 {
                if nameBytes == suppressed { suppressedDepth -= 1 }
                return
            }
            if inHead { return }
            switch name {
            case "table":
                if nestedTables > 0 {
                    nestedTables -= 1
                    breakInCell()
                } else {
                    closeTable()
                }
            case "tr":
                if nestedTables > 0 { breakInCell(); return }
                closeCell()
                closeRow()
            case "td", "th":
                if nestedTables > 0 { cellSpace(); return }
                closeCell()
            default:
                if Self.blockTags.contains(name) {
                    if cell != nil { breakInCell() } else { flushParagraph() }
                }
            }
        }

        /// `<br>`, `<p>` inside a cell: a line separator, unless the cell is still empty.
        mutating func breakInCell() {
            guard cell != nil else { return }
            if !cell!.isEmpty && cell!.last != HTMLText.cellBreak { cell!.append(HTMLText.cellBreak) }
            cellPendingSpace = false
        }

        mutating func cellSpace() {
            guard cell != nil else { return }
            cellPendingSpace = !cell!.isEmpty
        }

        // MARK: Table grid

        mutating func startRow() {
            table!.cells = []
            table!.filled = []
            table!.column = 0
            guard table!.coveredColumns > 0 else { return }
            for column in table!.covered.indices where table!.covered[column] > 0 {
                ensure(column)
                table!.filled[column] = true
                table!.covered[column] -= 1
                if table!.covered[column] == 0 { table!.coveredColumns -= 1 }
            }
        }

        mutating func ensure(_ column: Int) {
            while table!.filled.count <= column { table!.filled.append(false) }
        }

        mutating func closeCell() {
            guard let content = cell, table != nil else {
                cell = nil
                return
            }
            cell = nil
            var text = content
            while let last = text.last, last == 0x20 || last == HTMLText.cellBreak { text.removeLast() }
            let filler = cellSpan.columns * cellSpan.rows - 1
            if filler > fillerLeft {
                cellSpan = (1, 1)
                spansCapped = true
            } else {
                fillerLeft -= filler
            }
            var column = table!.column
            while column < table!.filled.count && table!.filled[column] { column += 1 }
            guard column + cellSpan.columns <= HTMLText.widthLimit else { return }
            for offset in 0..<cellSpan.columns {
                ensure(column + offset)
                table!.filled[column + offset] = true
                if cellSpan.rows > 1 {
                    while table!.covered.count <= column + offset { table!.covered.append(0) }
                    if table!.covered[column + offset] == 0 { table!.coveredColumns += 1 }
                    table!.covered[column + offset] = max(table!.covered[column + offset], cellSpan.rows - 1)
                }
            }
            table!.cells.append(
                GridCell(
                    text: String(decoding: text, as: UTF8.self), line: table!.line, column: column,
                    columnSpan: cellSpan.columns, rowSpan: cellSpan.rows, isCut: cellIsCut))
            table!.column = column + cellSpan.columns
        }

        mutating func closeRow() {
            guard table != nil, table!.open else { return }
            table!.open = false
            guard !table!.cells.isEmpty else { return }
            if table!.rows.isEmpty { table!.firstLine = table!.line }
            table!.rows.append(DocumentRow(cells: table!.cells, line: table!.line))
            table!.cells = []
        }

        mutating func closeTable() {
            guard table != nil else { return }
            closeCell()
            closeRow()
            flushParagraph()
            if !table!.rows.isEmpty {
                blocks.append(.table(DocumentTable(rows: table!.rows, line: table!.firstLine)))
            }
            table = nil
            nestedTables = 0
            blankLine()
        }
    }

    // MARK: Bytes

    static func lowercasedASCII(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool { find(haystack, needle, from: 0) != nil }

    static func find(_ haystack: [UInt8], _ needle: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var index = from
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
