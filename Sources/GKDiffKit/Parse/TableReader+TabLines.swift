/// The layouts of Word's text export, where a tab separates cells: one cell per line (seeds 000–002,
/// 004) and one row per line (seed 003).
extension TableReader {
    /// Seeds 000–002, 004: a tab-started line is a cell, an empty line ends a row. `shapes`: each
    /// line's `Line.shape`, in order.
    mutating func cellPerLineLayout(_ lines: ArraySlice<Line>, shapes: [LineShape]) -> [[Token]] {
        var rows: [[Token]] = []
        var current: [Token] = []
        func flush() {
            if !current.isEmpty { rows.append(current) }
            current = []
        }
        // By index: the lines are looked at in place, not copied (a retain and a release each).
        for index in lines.indices {
            let shape = shapes[index - lines.startIndex]
            if shape.isEmpty {
                flush()
            } else if shape.startsWithTab {
                // The cells after the tab, straight onto the row (`split(line, separator: 9, dropFirst: true)`).
                let number = lines[index].number
                guard store.appendLine(at: index, skip: 1, separator: 9, limit: Self.cellLimit - 1, to: &current) else {
                    diagnostics.append(
                        Diagnostic(.warning, line: number, "这一行有 \(Self.cellLimit) 个以上的单元格，不像表格行，按正文处理"))
                    flush()
                    prose(lines[index])
                    continue
                }
            } else if belongsToTable(lines[index].text) {
                current.append(store.token(lines[index].text, line: lines[index].number))
            } else {
                flush()
                prose(lines[index])
            }
        }
        flush()
        return rows
    }

    /// Seed 003 and converted HTML: one row per line, cells separated by tabs. `shapes`: each line's
    /// `Line.shape`, in order.
    mutating func tabRowLayout(_ lines: ArraySlice<Line>, shapes: [LineShape]) -> [[Token]] {
        var rows: [[Token]] = []
        // By index: the lines are looked at in place, not copied (a retain and a release each).
        for index in lines.indices where !shapes[index - lines.startIndex].isEmpty {
            if shapes[index - lines.startIndex].tabs > 0 {
                if let parts = split(lines[index], at: index, separator: 9, dropFirst: false) {
                    rows.append(parts)
                } else {
                    prose(lines[index])
                }
            } else if belongsToTable(lines[index].text) {
                rows.append([store.token(lines[index].text, line: lines[index].number)])
            } else {
                prose(lines[index])
            }
        }
        return rows
    }

    /// The cells of a line split at `separator`; nil when the line has more than `cellLimit` of them.
    /// Each cell's column is its place on the line.
    /// `index`: the line's index in `store.lines`.
    mutating func split(_ line: Line, at index: Int, separator: UInt8, dropFirst: Bool) -> [Token]? {
        // `dropFirst` is set for lines that start with a tab (`cellPerLineLayout`): the tab is dropped
        // by one UTF-8 index, and counts as one of the line's separators when it is one.
        let droppedTab = dropFirst && line.startsWithTab
        let text = droppedTab ? line.textAfterTab : dropFirst ? line.text.dropFirst() : line.text
        let dropped =
            droppedTab
            ? (separator == 0x09 ? 1 : 0)
            : line.text.utf8.prefix(line.text.utf8.count - text.utf8.count).reduce(0) { $0 + ($1 == separator ? 1 : 0) }
        // More than `cellLimit` separators on the line: noise, not a table row.
        var tokens: [Token] = []
        // The line's own text, or the tab after it, is cut in place; a text without its first character
        // is kept on its own.
        let appended =
            droppedTab || !dropFirst
            ? store.appendLine(
                at: index, skip: droppedTab ? 1 : 0, separator: separator, limit: Self.cellLimit - dropped, to: &tokens)
            : store.append(text, separator: separator, line: line.number, limit: Self.cellLimit - dropped, to: &tokens)
        guard appended else {
            diagnostics.append(
                Diagnostic(.warning, line: line.number, "这一行有 \(Self.cellLimit) 个以上的单元格，不像表格行，按正文处理"))
            return nil
        }
        for column in tokens.indices { tokens[column].column = dropFirst ? -1 : column }
        return tokens
    }
}
