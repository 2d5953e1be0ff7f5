/// Web text without tabs or pipes: a stream of cells, one per line or per paragraph, cut into rows by
/// their labels.
extension TableReader {
    /// Web text without tabs or pipes: one cell per line, or per paragraph when paragraphs are
    /// separated by blank lines. In the blank-line layout a longer run of blank lines than the usual
    /// separator stands for empty cells; a run that fits no whole number of them is a gap, which makes
    /// the row it falls in unreadable.
    mutating func streamLayout(_ lines: ArraySlice<Line>) -> [[Token]] {
        let paragraphs = layout == .blankLines
        var separator = 1
        if paragraphs {
            var runs: [Int: Int] = [:]
            var run = 0
            var started = false
            for line in lines {
                if line.isEmpty {
                    run += 1
                } else {
                    if started && run > 0 { runs[run, default: 0] += 1 }
                    started = true
                    run = 0
                }
            }
            separator = runs.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 1
        }
        var rows: [[Token]] = []
        var stream: [Token] = []
        var content: [Line] = []
        var blankRun = 0
        func closeParagraph() {
            if !content.isEmpty { stream += cellTokens(content, emptyAt: content[0].number) }
            content = []
        }
        func endStream() {
            closeParagraph()
            if !stream.isEmpty { rows += segment(stream) }
            stream = []
        }
        for line in lines {
            if line.isEmpty {
                if paragraphs { closeParagraph() }
                blankRun += 1
                continue
            }
            if paragraphs && blankRun > 0 && !stream.isEmpty {
                let extra = blankRun - separator
                if extra > 0 {
                    for _ in 0..<(extra / (separator + 1)) { stream.append(store.token("", line: line.number - 1)) }
                    if extra % (separator + 1) != 0 { stream.append(TokenStore.gap(line: line.number - 1)) }
                }
            }
            blankRun = 0
            if isProse(line.text) {
                endStream()
                prose(line)
            } else if paragraphs {
                content.append(line)
            } else {
                stream += labelAndValue(line) ?? [store.token(line.text, line: line.number)]
            }
        }
        endStream()
        return rows
    }

    /// `行政许可 97`: a row label and one value on a line, separated by spaces, as two cells; nil when
    /// the line is not exactly that (the text before the last space must name a row by itself).
    mutating func labelAndValue(_ line: Line) -> [Token]? {
        let text = LabelText.trim(line.text)
        guard let space = text.lastIndex(where: { $0 == " " || $0 == "\u{3000}" }) else { return nil }
        let value = store.token(text[text.index(after: space)...], line: line.number)
        guard value.isFilledValue else { return nil }
        let label = store.token(text[..<space], line: line.number)
        guard label.value == nil, label.isLabelSized, matchRow(store.key(of: label)) != nil else { return nil }
        return [label, value]
    }

    /// Finds rows in a stream of cells: a label starts a row and takes every cell up to the next label,
    /// header or prose; cells before any label are kept together (table 3's run of 15 values).
    mutating func segment(_ tokens: [Token]) -> [[Token]] {
        var rows: [[Token]] = []
        var current: [Token] = []
        var currentRow: RowSpec?
        var orphans: [Token] = []
        var textRun: [Token] = []
        func expected(_ row: RowSpec) -> Int { spec.columns(ofRow: row.key).count }
        func closeRow() {
            if currentRow != nil && current.count > 1 { rows.append(current) }
            current = []
            currentRow = nil
        }
        func closeOrphans() {
            if !orphans.isEmpty { rows.append(orphans) }
            orphans = []
        }
        for index in tokens.indices {
            let token = tokens[index]
            if token.isGap {
                if let row = currentRow, current.count - 1 < expected(row) { current.append(token) } else { closeRow() }
                continue
            }
            if token.value != nil {
                textRun = []
                if currentRow != nil { current.append(token) } else { orphans.append(token) }
                continue
            }
            guard token.isLabelSized else {
                closeRow()
                closeOrphans()
                textRun = []
                prose(token)
                continue
            }
            let named = labelMatch(token)
            var match = named.row >= 0 ? spec.rows[named.row] : nil
            var label = token
            if match == nil, !textRun.isEmpty {
                let joined = textRun.suffix(3).map { store.text(of: $0) }.joined() + store.text(of: token)
                if let row = matchRow(LabelText.key(joined)) {
                    match = row
                    label = store.token(Substring(joined), line: textRun.suffix(3).first!.line)
                }
            }
            if match != nil
                && (named.row >= 0 ? named.isAmbiguous : isAmbiguous(store.key(of: token), written: store.text(of: token)))
                && !(index + 1 < tokens.count && tokens[index + 1].isFilledValue)
            {
                match = nil
            }
            if let match {
                closeRow()
                closeOrphans()
                currentRow = match
                current = [label]
                textRun = []
                continue
            }
            if named.isHeader {
                closeRow()
                closeOrphans()
                sawHeader = true
                noteMoneyUnit(named)
                textRun.append(token)
                continue
            }
            if let row = currentRow, current.count > 1, current.count - 1 < expected(row) {
                current.append(token)  // text where a number must be: an unreadable cell of this row
                continue
            }
            if currentRow != nil && current.count == 1 { continue }  // the rest of a label broken over lines
            closeRow()
            closeOrphans()
            if Self.looksLikeSentence(store.text(of: token)) { prose(token) }
            textRun.append(token)
        }
        closeRow()
        closeOrphans()
        return rows
    }
}
