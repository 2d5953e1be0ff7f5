/// Reading a table from a real grid (an HTML `<table>`, a Word table, a PDF table placed by the x
/// positions of its header words): a row is found by its label as in the text layouts, and each value
/// is taken from the grid column the template's column sits in — from the header when the header names
/// every column once, otherwise from the table's edge on the side the template puts its values. A row
/// whose cells do not sit in those columns (a cell missing, a cell across two value columns, a number
/// under no column) is unreadable with a diagnostic; it is never filled from the left.
extension TableReader {
    /// Reads a table section that holds grids: the grids' rows against the template, the section's
    /// lines as prose. `end` is set when the file ended inside this section.
    static func read(_ spec: TableSpec, lines: ArraySlice<Line>, grids: [DocumentTable], end: TextEnd?) -> TableRead {
        guard !grids.isEmpty else { return read(spec, lines: lines, end: end) }
        var reader = TableReader(spec: spec)
        reader.end = end
        reader.layout = .grid
        for line in lines where !line.isEmpty { reader.prose(line) }
        var lastLine = lines.last?.number
        for grid in grids {
            reader.readGrid(grid)
            lastLine = max(lastLine ?? 0, grid.rows.last?.line ?? grid.line)
        }
        reader.finish(lastLine: lastLine)
        reader.paragraphs.sort { $0.line < $1.line }
        return TableRead(
            cells: reader.cells, paragraphs: reader.paragraphs, diagnostics: reader.diagnostics, layout: .grid)
    }

    /// Files every row of one grid.
    mutating func readGrid(_ table: DocumentTable) {
        var rows: [[Token]] = []
        rows.reserveCapacity(table.rows.count)
        for row in table.rows {
            var tokens: [Token] = []
            tokens.reserveCapacity(row.cells.count)
            for cell in row.cells {
                var token = store.token(Substring(cell.text), line: cell.line)
                token.column = cell.column
                token.span = cell.columnSpan
                token.isCut = cell.isCut
                tokens.append(token)
            }
            rows.append(tokens)
        }
        matchLabels(&rows)
        // The width most data rows reach: one row with a cell too many must not make every other row
        // look one cell short.
        var widths: [Int] = []
        for (row, tokens) in zip(table.rows, rows) where isDataRow(tokens) && !tokens.contains(where: \.isCut) {
            widths.append(row.width)
        }
        let width = Self.mostCommon(widths) ?? table.width
        let positions = headerPositions(table)
        var below: [Int] = Array(repeating: 0, count: width)  // rows still covered, per column
        for (row, tokens) in zip(table.rows, rows) {
            var fromAbove = CoveredColumns()
            for column in below.indices where below[column] > 0 {
                fromAbove.insert(column)
                below[column] -= 1
            }
            for cell in row.cells where cell.rowSpan > 1 && cell.column < width {
                for column in cell.column..<min(width, cell.column + cell.columnSpan) {
                    below[column] = max(below[column], cell.rowSpan - 1)
                }
            }
            takeGridRow(tokens, row: row, width: width, positions: positions, fromAbove: fromAbove)
        }
    }

    /// The grid column of each of the template's columns, when the header rows (those above the first
    /// row with a value) name each of them exactly once in a cell one column wide, left to right.
    /// Only for tables whose values stand at the right edge (table 2): table 1 repeats its headers per
    /// group, and table 3's two header levels are read from the edge.
    func headerPositions(_ table: DocumentTable) -> [Int]? {
        guard spec.padding == .leading, spec.kind != .appeals else { return nil }
        var found: [[GridCell]] = Array(repeating: [], count: spec.columns.count)
        let keys = spec.columns.map { LabelText.key($0.label) }
        rows: for row in table.rows {
            for cell in row.cells {
                let trimmed = LabelText.trim(Substring(cell.text))
                if let reading = CellText.read(trimmed: trimmed), reading.value != .blank { break rows }
            }
            for cell in row.cells {
                let key = LabelText.key(Substring(cell.text))
                for (index, column) in keys.enumerated() where column == key { found[index].append(cell) }
            }
        }
        var positions: [Int] = []
        for cells in found {
            guard cells.count == 1, cells[0].columnSpan == 1 else { return nil }
            if let last = positions.last, cells[0].column <= last { return nil }
            positions.append(cells[0].column)
        }
        return positions
    }

    /// Files one grid row: a header, a labelled row placed by column, table 3's values, or noise.
    /// `fromAbove` holds the columns that cells of rows above cover in this row.
    mutating func takeGridRow(
        _ tokens: [Token], row: DocumentRow, width: Int, positions: [Int]?, fromAbove: CoveredColumns = CoveredColumns()
    ) {
        let scan = scanRow(tokens)
        let (headerWords, labelRow, labelIndex) = (scan.headerWords, scan.labelRow, scan.labelIndex)
        if let conflict = scan.conflict, row.problem == nil {
            twoLabels((spec.rows[conflict.0], spec.rows[conflict.1]), line: row.line, tokens: tokens)
            return
        }
        if let problem = row.problem {
            diagnostics.append(Diagnostic(.error, line: row.line, "\(spec.kind.label)：\(problem)"))
            if let labelRow, case let label = spec.rows[labelRow], !found.contains(label.key) {
                found.insert(label.key)
                for position in spec.columns(ofRow: label.key).indices {
                    set(label, position, Cell(value: .unreadable, raw: "", line: row.line))
                }
            }
            return
        }
        if !scan.hasValue && (headerWords >= 2 || (labelRow != nil && scan.labelIsAmbiguous)) {
            sawHeader = true
            return
        }
        if let labelRow, let labelIndex {
            placeGrid(
                tokens, labelIndex: labelIndex, in: spec.rows[labelRow], at: labelRow, width: width, positions: positions,
                fromAbove: fromAbove)
            return
        }
        if headerWords > 0 { sawHeader = true }
        if let (index, rows) = collapsedGroup(tokens) {
            placeGrid(tokens, labelIndex: index, in: rows[0], width: width, positions: positions, fromAbove: fromAbove)
            spread(over: rows, line: tokens[index].line)
            return
        }
        if let (index, row) = damagedLabel(tokens) {
            placeGrid(tokens, labelIndex: index, in: row, width: width, positions: positions, fromAbove: fromAbove)
            return
        }
        guard tokens.contains(where: \.isFilledValue) else { return }
        if spec.kind == .appeals {
            let total = spec.columns.count * spec.rows.count
            let edge = tokens.count >= total ? total : spec.columns.count
            let wanted = Array(max(0, width - edge)..<width)
            switch gridValues(tokens, from: 0, positions: wanted, width: width, fromAbove: fromAbove) {
            case .values(let values):
                valueRows.append(values)
            case .cut(let values, _):
                valueRows.append(values)
                valueRowsCut = valueRows.count == 1
            case .misfit(let reason):
                diagnostics.append(
                    Diagnostic(.error, line: row.line, "\(spec.kind.label)的数据行\(reason)：不读取，以免数字错位（\(preview(tokens))）"))
                for row in spec.rows where !found.contains(row.key) {
                    found.insert(row.key)
                    for position in spec.columns(ofRow: row.key).indices {
                        set(row, position, Cell(value: .unreadable, raw: "", line: tokens.first?.line))
                    }
                }
            }
            return
        }
        diagnostics.append(
            Diagnostic(.error, line: row.line, "\(spec.kind.label)：这些数字没有可识别的行标题，不读取（\(preview(tokens))）"))
    }

    /// Puts a labelled grid row's values into the row's cells by column, or marks them unreadable.
    /// `at`: the row's position in the spec, when known (then nothing is looked up by its key).
    mutating func placeGrid(
        _ tokens: [Token], labelIndex: Int, in row: RowSpec, at rowPosition: Int? = nil, width: Int, positions: [Int]?,
        fromAbove: CoveredColumns
    ) {
        let columns = rowPosition.map { spec.rowColumns[$0] } ?? spec.columns(ofRow: row.key)
        let labelLine = tokens[labelIndex].line
        guard !(rowPosition.map { found.contains(row: $0) } ?? found.contains(row.key)) else {
            diagnostics.append(
                Diagnostic(.warning, line: labelLine, "\(spec.kind.label)「\(row.label)」这一行出现了两次，只读取第一次"))
            return
        }
        if let rowPosition { found.insert(row: rowPosition) } else { found.insert(row.key) }
        let first = rowPosition.map { spec.rowFirstCells[$0] } ?? spec.firstCell[row.key]
        let label = tokens[labelIndex]
        let start = label.column + label.span
        var width = width
        var positions = positions
        // Text rows of table 1, whose filler follows the values, may also be written short, the label
        // followed by exactly its values (`行政许可 | 44` beside `| 行政处罚 | 31 | | |`): that row is its
        // own width. Not in table 2, whose filler comes before the values (a short row there may have
        // lost a value), nor in a real grid, where a row that stops early has lost a cell.
        let reach = tokens.last.map { $0.column + $0.span } ?? start
        if layout != .grid, spec.padding == .trailing, reach == start + columns.count,
            tokens.count - labelIndex - 1 == columns.count
        {
            width = reach
            positions = nil
        }
        let wanted: [Int]
        if spec.padding == .leading {
            // A label that reaches past the table's usual width leaves no room: a misfit below.
            let lower = max(start, width - columns.count)
            wanted = positions ?? (lower < width ? Array(lower..<width) : [])
        } else {
            wanted = contiguousPositions(tokens, after: labelIndex, count: columns.count)
        }
        // Not an optional `GridValues`, whose generic value witnesses cost a thousand instructions a row.
        let result =
            wanted.count == columns.count
            ? gridValues(tokens, from: start, positions: wanted, width: width, fromAbove: fromAbove)
            : .misfit("只有 \(max(0, width - start)) 列，放不下 \(columns.count) 个数")
        switch result {
        case .values(let values):
            for position in 0..<min(columns.count, values.count) {
                set(first: first, position, cell(for: values[position], row: row, columns: columns, at: position))
            }
        case .cut(let values, let cut):
            diagnostics.append(
                Diagnostic(
                    .warning, line: cut.line,
                    "文本在第 \(cut.line) 行中间结束：\(spec.kind.label)「\(row.label)」这一行最后一格「\(store.text(of: cut))」可能不完整，记为缺失；只读到 \(values.count) 格，其余 \(columns.count - values.count) 格记为缺失"
                ))
            for position in 0..<min(columns.count, values.count) {
                set(first: first, position, cell(for: values[position], row: row, columns: columns, at: position))
            }
        case .misfit(let reason):
            diagnostics.append(
                Diagnostic(
                    .error, line: labelLine,
                    "\(spec.kind.label)「\(row.label)」这一行\(reason)：整行不读取，以免数字错位（\(preview(Array(tokens[(labelIndex + 1)...])))）"
                ))
            for position in columns.indices { set(first: first, position, Cell(value: .unreadable, raw: "", line: labelLine)) }
        }
    }

    /// For a table whose values follow the label (table 1): the columns of the `count` cells right after
    /// the label, each starting where the one before ends. Fewer when the row stops or a cell is out of
    /// place, which makes the row a misfit.
    func contiguousPositions(_ tokens: [Token], after labelIndex: Int, count: Int) -> [Int] {
        var positions: [Int] = []
        var next = tokens[labelIndex].column + tokens[labelIndex].span
        var index = labelIndex + 1
        while positions.count < count, index < tokens.count, tokens[index].column == next {
            positions.append(next)
            next += tokens[index].span
            index += 1
        }
        return positions
    }

    /// The columns of a row that cells of rows above cover (`rowSpan`).
    struct CoveredColumns {
        private var flags: [Bool] = []

        mutating func insert(_ column: Int) {
            if column >= flags.count { flags += Array(repeating: false, count: column + 1 - flags.count) }
            flags[column] = true
        }

        func contains(_ column: Int) -> Bool { column >= 0 && column < flags.count && flags[column] }
    }

    /// What a grid row gives in the wanted columns.
    enum GridValues {
        /// One token per wanted column, in order.
        case values([Token])
        /// The file ended inside this row: the tokens of the columns before the cut (the rest missing),
        /// and the cell it ended in.
        case cut([Token], Token)
        /// The cells do not sit in the wanted columns; the reason, to follow the row's name.
        case misfit(String)
    }

    /// The tokens that start at each wanted column (each covering no other wanted column); every other
    /// cell from `start` on must be empty, and the row must reach the table's right edge without a gap
    /// (a row that stops short has lost a cell somewhere, and which one is not known). A cell the file
    /// ended inside ends the row there.
    func gridValues(
        _ tokens: [Token], from start: Int, positions: [Int], width: Int, fromAbove: CoveredColumns
    ) -> GridValues {
        var values: [Token] = []
        values.reserveCapacity(positions.count)
        var reach = start
        for token in tokens where token.column >= start {
            if token.isCut { return .cut(values, token) }
            while reach < token.column {
                guard fromAbove.contains(reach) else { return .misfit("在第 \(reach + 1) 列少了一个单元格") }
                reach += 1
            }
            reach = max(reach, token.column + token.span)
            // `positions` ascend, and the columns before `values.count` are taken: a wanted column not
            // yet taken is one at or after it.
            if let wanted = positions.firstIndex(of: token.column), wanted >= values.count {
                guard wanted == values.count else {
                    return .misfit("的单元格次序不对")
                }
                let next = values.count + 1 < positions.count ? positions[values.count + 1] : width
                if token.column + token.span > next {
                    return .misfit("有一格（「\(store.text(of: token))」）横跨了两列")
                }
                values.append(token)
            } else if !token.isEmpty {
                return .misfit("有一格「\(store.text(of: token))」不在任何一列之下")
            }
        }
        if values.count < positions.count {
            let lacking = positions.count - values.count
            return .misfit("少了 \(lacking) 个单元格（表格共 \(width) 列）")
        }
        while reach < width {
            guard fromAbove.contains(reach) else { return .misfit("比表格少了 \(width - reach) 列（表格共 \(width) 列）") }
            reach += 1
        }
        return .values(values)
    }
}

// MARK: A group written as one row

extension TableReader {
    /// A row labelled only by a group of the template (`（六）其他处理` written as one row, the 2019
    /// template's way, inside a 2021 table) with values: the label's index and the group's rows, none
    /// of them read yet.
    func collapsedGroup(_ tokens: [Token]) -> (index: Int, rows: [RowSpec])? {
        // Table 2's groups only: table 1's group headings (`第二十条第（六）项`) stand over their rows.
        guard spec.kind == .requests, tokens.contains(where: \.isFilledValue) else { return nil }
        for (index, token) in tokens.enumerated() where token.value == nil && token.isLabelSized {
            let key = store.key(of: token)
            guard !key.isEmpty else { continue }
            let rows = spec.rows.filter { $0.group.map(LabelText.key) == key }
            if rows.count >= 2, !rows.contains(where: { found.contains($0.key) }) { return (index, rows) }
        }
        return nil
    }

    /// After a collapsed group's values were placed in its first row: each column's value stands for
    /// the sum of the group's rows. A sum of 0 makes every row 0 (counts are never negative), a blank
    /// leaves every row blank, and any other sum cannot be split: those cells are unreadable.
    mutating func spread(over rows: [RowSpec], line: Int) {
        guard let first = spec.firstCell[rows[0].key] else { return }
        let columns = spec.columns(ofRow: rows[0].key)
        var unsplit: [String] = []
        for (position, column) in columns.enumerated() {
            let sum = cells[first + position]
            for row in rows {
                var cell = sum
                switch sum.value {
                case .number(let value) where value == 0:
                    cell.note = "原表「\(row.group ?? "")」只有一行，合计为 0，本行也是 0"
                case .number:
                    cell = Cell(value: .unreadable, raw: sum.raw, line: sum.line)
                default:
                    break
                }
                set(row, position, cell)
            }
            if case .number(let value) = sum.value, value != 0 { unsplit.append("\(column.label) \(sum.raw)") }
            for row in rows { found.insert(row.key) }
        }
        let group = rows[0].group ?? ""
        diagnostics.append(
            Diagnostic(
                unsplit.isEmpty ? .note : .warning, line: line,
                "\(spec.kind.label)「\(group)」只有一行，没有分成模板的 \(rows.count) 行：合计为 0 的列各行都记为 0"
                    + (unsplit.isEmpty ? "" : "；合计不为 0 的列（\(unsplit.joined(separator: "、"))）分不出各行，记为无法读取")))
    }
}

// MARK: A label with a character or two lost

extension TableReader {
    /// The one unread row whose label the written one is a shortened copy of (`2.其他法律行政止公开`
    /// for `其他法律行政法规禁止公开`: its characters in order, at least six of them and seven tenths
    /// of the template's), with a warning that says which row it was read as; nil when no row or more
    /// than one fits.
    mutating func damagedLabel(_ tokens: [Token]) -> (index: Int, row: RowSpec)? {
        guard tokens.contains(where: \.isFilledValue) else { return nil }
        for (index, token) in tokens.enumerated() where token.value == nil && token.isLabelSized {
            var key = store.key(of: token)
            for group in groupKeys where key.utf8.count > group.utf8.count && LabelText.hasPrefix(key, group) {
                key = String(key.unicodeScalars.dropFirst(group.unicodeScalars.count))
            }
            let written = Array(LabelText.stripNumbering(key).unicodeScalars)
            guard written.count >= 6 else { continue }
            var fits: [RowSpec] = []
            for row in spec.rows where !found.contains(row.key) {
                let matches = row.match.contains { match in
                    let template = Array(match.unicodeScalars)
                    return written.count * 10 >= template.count * 7 && written.count < template.count
                        && Self.isSubsequence(written, of: template)
                }
                if matches { fits.append(row) }
            }
            guard fits.count == 1 else { continue }
            diagnostics.append(
                Diagnostic(
                    .warning, line: token.line,
                    "\(spec.kind.label)的行标题「\(store.text(of: token))」与模板的「\(fits[0].label)」不完全相同（少了几个字），按这一行读取"))
            return (index, fits[0])
        }
        return nil
    }

    /// True when `short` is `long` with some scalars left out.
    static func isSubsequence(_ short: [Unicode.Scalar], of long: [Unicode.Scalar]) -> Bool {
        var position = 0
        for scalar in long where position < short.count && short[position] == scalar { position += 1 }
        return position == short.count
    }
}
