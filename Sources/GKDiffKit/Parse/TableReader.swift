/// One source line: its text (without the line end) and its 1-based number.
struct Line: Sendable {
    var text: Substring
    var number: Int

    /// True when the line holds nothing but spaces (a tab-only line is not empty: it is an empty cell).
    var isEmpty: Bool { text.unicodeScalars.allSatisfy { $0 != "\t" && LabelText.isSpace($0) } }
    var startsWithTab: Bool { text.unicodeScalars.first == "\t" }
}

/// A cell of text as it came out of the layout, before it is matched to the template.
struct Token {
    var text: Substring
    var line: Int
    /// The value it reads as, or nil when it is text (a label or a sentence).
    var value: CellValue?

    init(_ text: Substring, line: Int) {
        self.text = LabelText.trim(text)
        self.line = line
        self.value = CellText.value(self.text)
    }

    var isEmpty: Bool { text.isEmpty }
    var isFilledValue: Bool {
        if case .blank = value { return false }
        return value != nil
    }
}

/// What reading one table gave: its cells in `TableSpec.cells` order, prose met among the rows,
/// and diagnostics.
struct TableRead {
    var cells: [Cell]
    var paragraphs: [Paragraph] = []
    var diagnostics: [Diagnostic] = []
}

/// Reads one standard table from the lines of its section, in either seed layout: one cell per line
/// (a tab-only line is an empty cell, an empty line ends a row) or one row per line with tab-separated
/// cells. Each row is found by its label; its cells are taken from that row only. A row whose cells do
/// not fit the template is reported and its cells marked unreadable, never shifted into neighbours.
struct TableReader {
    let spec: TableSpec
    private var cells: [Cell]
    private var found: Set<String> = []
    private var diagnostics: [Diagnostic] = []
    private var paragraphs: [Paragraph] = []
    private var sawHeader = false
    private var valueRows: [[Token]] = []

    init(spec: TableSpec) {
        self.spec = spec
        self.cells = Array(repeating: .missing, count: spec.cells.count)
    }

    /// Reads the table from the lines between its section heading and the next heading.
    /// `endOfText` says whether the text stopped inside this section (a truncated file).
    static func read(_ spec: TableSpec, lines: ArraySlice<Line>, endOfText: Bool) -> TableRead {
        var reader = TableReader(spec: spec)
        let rows = reader.rows(from: lines)
        for row in rows { reader.take(row) }
        reader.finish(lastLine: lines.last?.number, endOfText: endOfText)
        return TableRead(cells: reader.cells, paragraphs: reader.paragraphs, diagnostics: reader.diagnostics)
    }

    // MARK: Layout → rows of tokens

    /// Splits the lines into rows of tokens, choosing the layout by what most lines look like.
    private mutating func rows(from lines: ArraySlice<Line>) -> [[Token]] {
        var tabRows = 0
        var cellLines = 0
        for line in lines where !line.isEmpty {
            let body = line.startsWithTab ? line.text.dropFirst() : line.text
            if body.contains("\t") { tabRows += 1 } else if line.startsWithTab { cellLines += 1 }
        }
        let tabRowLayout = tabRows >= 2 && tabRows >= cellLines
        var rows: [[Token]] = []
        var current: [Token] = []
        func flush() {
            if !current.isEmpty { rows.append(current) }
            current = []
        }
        for line in lines {
            if line.isEmpty {
                flush()
                continue
            }
            if tabRowLayout {
                if line.text.contains("\t") {
                    rows.append(line.text.split(separator: "\t", omittingEmptySubsequences: false).map { Token($0, line: line.number) })
                } else if belongsToTable(line.text) {
                    rows.append([Token(line.text, line: line.number)])
                } else {
                    prose(line)
                }
            } else if line.startsWithTab {
                for part in line.text.dropFirst().split(separator: "\t", omittingEmptySubsequences: false) {
                    current.append(Token(part, line: line.number))
                }
            } else if belongsToTable(line.text) {
                current.append(Token(line.text, line: line.number))
            } else {
                flush()
                prose(line)
            }
        }
        flush()
        return rows
    }

    /// A line without a tab is part of the table when it is a label of this table or a bare value.
    private func belongsToTable(_ text: Substring) -> Bool {
        let trimmed = LabelText.trim(text)
        if trimmed.unicodeScalars.count > 60 { return false }
        if CellText.value(trimmed) != nil { return true }
        let key = LabelText.key(trimmed)
        return matchRow(key) != nil || isHeader(key)
    }

    private mutating func prose(_ line: Line) {
        let text = Artefacts.clean(line.text)
        if !text.isEmpty && !Artefacts.isPageNumber(text) {
            paragraphs.append(Paragraph(text: text, line: line.number))
        }
    }

    // MARK: Matching

    private func matchRow(_ key: String) -> RowSpec? {
        guard !key.isEmpty else { return nil }
        for row in spec.rows {
            for m in row.match where key == m || (m.unicodeScalars.count >= 4 && key.hasPrefix(m)) {
                return row
            }
        }
        return nil
    }

    private func isHeader(_ key: String) -> Bool {
        guard !key.isEmpty else { return false }
        for word in spec.headerWords where key == word || (word.unicodeScalars.count >= 4 && key.contains(word)) {
            return true
        }
        return false
    }

    /// Files one row: a header, a labelled data row, a row of bare values, or noise.
    private mutating func take(_ row: [Token]) {
        var headerWords = 0
        var hasValue = false
        var labelIndex: Int?
        var label: RowSpec?
        for (index, token) in row.enumerated() {
            if token.isFilledValue { hasValue = true; continue }
            if token.value != nil { continue }
            let key = LabelText.key(token.text)
            if isHeader(key) { headerWords += 1 }
            if let match = matchRow(key) {
                label = match
                labelIndex = index
            }
        }
        if !hasValue && headerWords >= 2 {
            sawHeader = true
            return
        }
        if let label, let labelIndex {
            place(Array(row[(labelIndex + 1)...]), in: label, labelLine: row[labelIndex].line)
            return
        }
        if headerWords > 0 { sawHeader = true }
        // A row without a label: table 3's values, or numbers nobody can place.
        let suffix = row.reversed().prefix { $0.value != nil }.reversed()
        guard suffix.contains(where: \.isFilledValue) else { return }
        if spec.kind == .appeals && suffix.count == row.count {
            valueRows.append(Array(suffix))
        } else {
            let line = suffix.first { $0.isFilledValue }!.line
            diagnostics.append(
                Diagnostic(.error, line: line, "\(spec.kind.label)：这些数字没有可识别的行标题，不读取（\(preview(row))）"))
        }
    }

    // MARK: Placing cells

    /// Puts a row's value tokens into the row's cells, or marks them unreadable when they do not fit.
    private mutating func place(_ tokens: [Token], in row: RowSpec, labelLine: Int) {
        let columns = spec.columns(ofRow: row.key)
        guard !found.contains(row.key) else {
            diagnostics.append(
                Diagnostic(.warning, line: labelLine, "\(spec.kind.label)「\(row.label)」这一行出现了两次，只读取第一次"))
            return
        }
        found.insert(row.key)
        guard let fitted = fit(tokens, count: columns.count) else {
            let count = tokens.count
            diagnostics.append(
                Diagnostic(
                    .error, line: labelLine,
                    "\(spec.kind.label)「\(row.label)」这一行有 \(count) 个单元格，应为 \(columns.count) 个：整行不读取，以免数字错位（\(preview(tokens))）"
                ))
            for column in columns { set(row, column, Cell(value: .unreadable, raw: "", line: labelLine)) }
            return
        }
        for (column, token) in zip(columns, fitted) {
            if let value = token.value {
                set(row, column, Cell(value: value, raw: String(token.text), line: token.line))
            } else {
                diagnostics.append(
                    Diagnostic(
                        .error, line: token.line,
                        "\(spec.kind.label)「\(row.label)」「\(column.label)」一格写的是「\(token.text)」，不是数字，不读取"))
                set(row, column, Cell(value: .unreadable, raw: String(token.text), line: token.line))
            }
        }
    }

    /// Drops the empty filler that merged Word cells leave in a row, on the side the table puts it;
    /// nil when the row cannot be made to fit without moving a value.
    private func fit(_ tokens: [Token], count: Int) -> [Token]? {
        if tokens.count == count { return tokens }
        if tokens.count < count { return nil }
        let surplus = tokens.count - count
        let leadingEmpty = tokens.prefix(surplus).allSatisfy(\.isEmpty)
        let trailingEmpty = tokens.suffix(surplus).allSatisfy(\.isEmpty)
        switch (spec.padding, leadingEmpty, trailingEmpty) {
        case (.leading, true, _), (.trailing, true, false): return Array(tokens.dropFirst(surplus))
        case (_, _, true): return Array(tokens.dropLast(surplus))
        default: return nil
        }
    }

    private mutating func set(_ row: RowSpec, _ column: ColumnSpec, _ cell: Cell) {
        if let index = spec.cells.firstIndex(where: { $0.row.key == row.key && $0.column.key == column.key }) {
            cells[index] = cell
        }
    }

    // MARK: Finishing

    private mutating func finish(lastLine: Int?, endOfText: Bool) {
        if spec.kind == .appeals { placeAppeals() }
        let missingRows = spec.rows.filter { !found.contains($0.key) }
        if missingRows.isEmpty { return }
        if found.isEmpty && spec.kind == .appeals && sawHeader && !endOfText {
            // The header is there and the section ends without a data row: the agency left table 3 empty.
            for index in cells.indices { cells[index] = Cell(value: .blank, raw: "", line: nil) }
            diagnostics.append(
                Diagnostic(.note, line: lastLine, "\(spec.kind.label)只有表头，没有数据行：按未填写（空白）处理，不当作 0"))
            return
        }
        if endOfText {
            diagnostics.append(
                Diagnostic(
                    .warning, line: lastLine,
                    "文本在第 \(lastLine ?? 0) 行结束，\(spec.kind.label)没有读完：\(missingRows.count) 行缺失（\(missingRows.map(\.label).prefix(3).joined(separator: "、"))…）"
                ))
        } else if found.isEmpty {
            diagnostics.append(Diagnostic(.warning, line: lastLine, "没有找到\(spec.kind.label)的数据：全部单元格记为缺失"))
        } else {
            for row in missingRows {
                diagnostics.append(Diagnostic(.warning, line: lastLine, "\(spec.kind.label)缺少「\(row.label)」这一行：其单元格记为缺失"))
            }
        }
    }

    /// Table 3 has no row labels: one row of 15 values (or three rows of 5) in template order.
    private mutating func placeAppeals() {
        guard let first = valueRows.first else { return }
        let width = spec.columns.count
        var groups: [[Token]] = []
        if let row = fit(first, count: width * spec.rows.count) {
            groups = stride(from: 0, to: row.count, by: width).map { Array(row[$0..<$0 + width]) }
            if valueRows.count > 1 {
                diagnostics.append(
                    Diagnostic(.warning, line: valueRows[1].first?.line, "\(spec.kind.label)有多余的数字行，只读取第一行"))
            }
        } else if valueRows.count >= spec.rows.count,
            let rows = Optional(valueRows.prefix(spec.rows.count).compactMap({ fit($0, count: width) })),
            rows.count == spec.rows.count
        {
            groups = rows
        } else {
            for row in spec.rows { found.insert(row.key) }
            for index in cells.indices { cells[index] = Cell(value: .unreadable, raw: "", line: first.first?.line) }
            diagnostics.append(
                Diagnostic(
                    .error, line: first.first?.line,
                    "\(spec.kind.label)的数据行有 \(first.count) 个单元格，应为 \(width * spec.rows.count) 个：不读取，以免数字错位（\(preview(first))）"
                ))
            return
        }
        for (row, tokens) in zip(spec.rows, groups) {
            found.insert(row.key)
            for (column, token) in zip(spec.columns, tokens) {
                set(row, column, Cell(value: token.value ?? .unreadable, raw: String(token.text), line: token.line))
            }
        }
    }

    private func preview(_ tokens: [Token]) -> String {
        let shown = tokens.prefix(10).map { $0.text.isEmpty ? "空" : String($0.text.prefix(12)) }
        return shown.joined(separator: " | ") + (tokens.count > 10 ? " …" : "")
    }
}
