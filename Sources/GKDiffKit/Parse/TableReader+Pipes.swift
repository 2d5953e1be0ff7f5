/// Web text with pipes: `| 行政许可 | 44 |` rows, one cell per line ending in ` |`, `|` alone between
/// cells, Markdown separators and box-drawing borders.
extension TableReader {
    /// Web text with pipes. A line that splits into two or more cells is a row; otherwise the text
    /// between pipes is one cell, so that `行政许可 |` / `44 |` lines and `|`-only separator lines
    /// both give one cell per stretch, and `|` twice in a row gives an empty cell. Rows are then found
    /// by their labels in that stream of cells.
    mutating func pipeLayout(_ lines: ArraySlice<Line>) -> [[Token]] {
        var rows: [[Token]] = []
        var stream: [Token] = []
        var content: [Line] = []  // lines of the cell being read
        var lastLine = lines.first?.number ?? 0
        func closeCell(at line: Int) {
            stream += cellTokens(content, emptyAt: line)
            content = []
        }
        func endStream() {
            if !content.isEmpty { closeCell(at: lastLine) }
            if !stream.isEmpty { rows += segment(stream) }
            stream = []
        }
        for line in lines {
            lastLine = line.number
            if line.isEmpty || Self.isBorder(line.text) { continue }
            guard Self.hasPipe(line.text) else {
                if isProse(line.text) {
                    endStream()
                    prose(line)
                } else {
                    content.append(line)
                }
                continue
            }
            guard let parts = Self.pipeCells(line.text) else {
                endStream()
                prose(line)
                continue
            }
            if parts.cells.count >= 2 {
                endStream()
                rows.append(
                    parts.cells.enumerated().map { column, piece in
                        var token = store.token(piece, line: line.number)
                        token.column = column
                        return token
                    })
                continue
            }
            let text = parts.cells.first.map { LabelText.trim($0) } ?? ""
            if text.isEmpty {
                // `|` alone: the end of a cell, an empty one when nothing came since the last pipe.
                closeCell(at: line.number)
                continue
            }
            if parts.leading && !content.isEmpty { closeCell(at: line.number) }
            content.append(Line(text: text, number: line.number))
            if parts.trailing { closeCell(at: line.number) }
        }
        endStream()
        return rows
    }

    /// The tokens of one cell's lines: one empty token for none, the lines joined when all are text
    /// (a label broken over lines), each line on its own when any holds a value.
    mutating func cellTokens(_ content: [Line], emptyAt line: Int) -> [Token] {
        if content.isEmpty { return [store.token("", line: line)] }
        if content.count == 1 { return [store.token(content[0].text, line: content[0].number)] }
        var tokens: [Token] = []
        for line in content { tokens.append(store.token(line.text, line: line.number)) }
        if tokens.allSatisfy({ $0.value == nil && $0.isLabelSized }) {
            let joined = tokens.map { store.text(of: $0) }.joined()
            return [store.token(Substring(joined), line: content[0].number)]
        }
        return tokens
    }

    /// `|`, `｜` or a box-drawing vertical bar.
    static func isPipe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "|", "｜", "│", "┃", "║": return true
        default: return false
        }
    }

    static func hasPipe(_ text: Substring) -> Bool {
        // On a native string's bytes: `|` is 7C, `｜` EF BD 9C, `│` E2 94 82, `┃` E2 94 83, `║` E2 95 91
        // (EF and E2 are lead bytes only, so a match is a whole scalar).
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == 0x7C { return true }
                if (byte == 0xEF || byte == 0xE2) && index + 2 < count {
                    let b1 = bytes[index + 1]
                    let b2 = bytes[index + 2]
                    if byte == 0xEF && b1 == 0xBD && b2 == 0x9C { return true }
                    if byte == 0xE2 && (b1 == 0x94 && (b2 == 0x82 || b2 == 0x83) || b1 == 0x95 && b2 == 0x91) { return true }
                }
                index += 1
            }
            return false
        }
        if let found { return found }
        for scalar in text.unicodeScalars where isPipe(scalar) { return true }
        return false
    }

    /// A Markdown separator (`|---|:--:|`) or a box-drawing border line: no cells.
    static func isBorder(_ text: Substring) -> Bool {
        var dashes = 0
        var any = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "-", "─", "━", "═", "=", "+", "┼", "├", "┤", "┌", "┐", "└", "┘", "┬", "┴", "╪", "╞", "╡", "╔", "╗",
                "╚", "╝", "╠", "╣", "╦", "╩", "╬", "┏", "┓", "┗", "┛", "┣", "┫", "┳", "┻", "╋":
                dashes += 1
                any = true
            case ":": any = true
            default:
                if isPipe(scalar) || LabelText.isSpace(scalar) { continue }
                return false
            }
        }
        return any && dashes >= 3
    }

    /// The cells between the pipes of a line, without the empty ones outside a leading or trailing
    /// pipe; nil when the line has more than `cellLimit` pipes.
    static func pipeCells(_ text: Substring) -> (cells: [Substring], leading: Bool, trailing: Bool)? {
        var cells: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if isPipe(scalars[index]) {
                cells.append(Substring(scalars[start..<index]))
                if cells.count > cellLimit { return nil }
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        cells.append(Substring(scalars[start..<scalars.endIndex]))
        let leading = cells.count > 1 && LabelText.trim(cells[0]).isEmpty
        let trailing = cells.count > 1 && LabelText.trim(cells[cells.count - 1]).isEmpty
        if leading { cells.removeFirst() }
        if trailing && !cells.isEmpty { cells.removeLast() }
        return (cells, leading, trailing)
    }
}
