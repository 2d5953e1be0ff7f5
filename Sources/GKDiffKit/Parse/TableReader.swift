import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What reading one table gave: its cells in `TableSpec.cells` order, prose met among the rows,
/// and diagnostics.
struct TableRead {
    var cells: [Cell]
    var paragraphs: [Paragraph] = []
    var diagnostics: [Diagnostic] = []
    /// The layout the table was read in.
    var layout: TableLayout = .cellPerLine
}

/// How a table came out as text.
enum TableLayout: String, Sendable {
    /// Word export: each cell on its own line after a tab, an empty line ends a row (seeds 000–002, 004).
    case cellPerLine = "cell_per_line"
    /// One row per line, cells separated by tabs (seed 003, and HTML tables once converted).
    case tabRows = "tab_rows"
    /// Web text with `|`: rows `| 行政许可 | 44 |`, or one cell per line ending in ` |`, or `|` alone
    /// on a line between cells.
    case pipes
    /// Web text with one cell per paragraph, paragraphs separated by blank lines.
    case blankLines = "blank_lines"
    /// One cell per line without tabs or pipes; blank lines carry nothing.
    case plainLines = "plain_lines"
    /// A real table grid (HTML, .docx, PDF): values placed by the grid column they sit in.
    case grid
}

/// What a table's labels are matched against, derived from its spec once (`TableSpec.matchers`)
/// rather than for every table read. A class: passed around and captured by the matching closures
/// with one reference count, not one per array.
final class RowMatchers: Sendable {
    /// The rows' group headings, normalised (`LabelText.key`), each once.
    let groupKeys: [String]
    /// `groupKeys` as bytes.
    let groupWords: WordList
    /// The rows' match texts; `flag`: a label may merely start with it (four or more scalars); `row`:
    /// the row's position in the spec.
    let matchWords: WordList
    /// The header words; `flag`: a label may merely contain it (four or more scalars).
    let headerMatchers: WordList
    /// The header words as written in the spec.
    let headerWords: [String]
    /// True when every header word is `LabelText.isPlain`.
    let plainHeaderWords: Bool
    /// A 4,096-bit filter of the header words' first three bytes (`RowMatchers.triple`); nil when a
    /// header word is shorter than three bytes (then `isHeader` tries every word at every place).
    let headerStarts: [UInt64]?
    /// The same filter of the match words' first three bytes; nil when a match word is shorter.
    let matchStarts: [UInt64]?
    /// The matches of labels met before (`labelMatch(of:)` of bytes, with ambiguity), shared by every
    /// report read with this table's spec.
    let cache = Mutex(LabelCache())

    init(rows: [RowSpec], headerWords: [String]) {
        var groups: [String] = []
        var previous: String?
        for row in rows {
            // Rows of a group stand together: its key is worked out once.
            guard let group = row.group, group != previous else { continue }
            previous = group
            let key = LabelText.key(group)
            if !key.isEmpty && !groups.contains(key) { groups.append(key) }
        }
        self.groupKeys = groups
        var groupWords = WordList()
        groupWords.reserve(groups)
        for key in groups { groupWords.append(key, flag: false, row: 0) }
        self.groupWords = groupWords
        var words = WordList()
        words.reserve(rows.lazy.flatMap(\.match))
        for (position, row) in rows.enumerated() {
            for m in row.match { words.append(m, flag: Self.hasFourScalars(m), row: position) }
        }
        self.matchWords = words
        var headers = WordList()
        headers.reserve(headerWords)
        for word in headerWords { headers.append(word, flag: Self.hasFourScalars(word), row: 0) }
        self.headerMatchers = headers
        self.headerWords = headerWords
        self.plainHeaderWords = headerWords.allSatisfy(LabelText.isPlain)
        self.headerStarts = Self.startFilter(headerWords)
        self.matchStarts = Self.startFilter(rows.lazy.flatMap(\.match))
    }

    /// `word.unicodeScalars.count >= 4`, counting the lead bytes of its UTF-8 no further than four.
    static func hasFourScalars(_ word: String) -> Bool {
        // A scalar is one to four bytes: the byte count mostly decides.
        let size = word.utf8.count
        if size < 4 { return false }
        if size > 12 { return true }
        var count = 0
        for byte in word.utf8 where byte & 0xC0 != 0x80 {
            count += 1
            if count == 4 { return true }
        }
        return false
    }

    /// A 4,096-bit filter of the words' first three bytes (`triple`); nil when a word is shorter.
    /// Small, since it is made for every table at start-up (8 KB zeroed six times cost 50 K
    /// instructions); for the few dozen words a table has it still passes few other places.
    static func startFilter<S: Sequence<String>>(_ words: S) -> [UInt64]? {
        guard words.allSatisfy({ $0.utf8.count >= 3 }) else { return nil }
        // Zeroed in one go (`Array(repeating:count:)` writes the words one by one).
        var filter = [UInt64](unsafeUninitializedCapacity: 64) { buffer, count in
            buffer.initialize(repeating: 0)
            count = 64
        }
        for word in words {
            // The first three bytes, without an array of them all.
            var bytes = word.utf8.makeIterator()
            let hash = triple(bytes.next()!, bytes.next()!, bytes.next()!)
            filter[hash >> 6] |= 1 << UInt64(hash & 63)
        }
        return filter
    }

    /// False when no word can start with `key`'s first three bytes (by `filter`); true when one may.
    @inline(__always)
    static func mayStart(_ key: UnsafeBufferPointer<UInt8>, _ filter: [UInt64]?) -> Bool {
        guard let filter, key.count >= 3 else { return true }
        let hash = triple(key[0], key[1], key[2])
        return filter[hash >> 6] & (1 << UInt64(hash & 63)) != 0
    }

    /// A 12-bit hash of three bytes.
    @inline(__always)
    static func triple(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        (Int(a) &* 961 &+ Int(b) &* 31 &+ Int(c)) & 0xFFF
    }

    /// The row (position in the spec) of the first match word that `key` equals or, for a word that
    /// allows it, starts with; nil for none. Compared as UTF-8 bytes, as `LabelText.hasPrefix` does.
    func matchRow(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        // A word equal to the key or starting it starts as the key does (every word having 3 bytes).
        guard Self.mayStart(key, matchStarts) else { return nil }
        let length = key.count
        return matchWords.withBytes { words in
            for word in 0..<matchWords.count {
                let (start, size) = matchWords.range(of: word)
                guard size == length || matchWords.flags[word] && size < length else { continue }
                if WordList.equal(words, start, size, key, 0) { return matchWords.rows[word] }
            }
            return nil
        }
    }

    /// True when `key` equals a header word or, for a word that allows it, contains one; as bytes.
    /// Each place in the key is looked at once: only where its first three bytes pass the filter of
    /// the words' first three bytes are the words compared (`isHeaderByEveryWord` gives the same).
    func isHeader(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let headerStarts else { return isHeaderByEveryWord(key) }
        let length = key.count
        guard length >= 3 else { return false }  // every word has three bytes or more
        return headerMatchers.withBytes { words in
            headerStarts.withUnsafeBufferPointer { filter in
                for at in 0..<(length - 2) {
                    // A word starts with a lead byte, never inside a scalar.
                    if key[at] & 0xC0 == 0x80 { continue }
                    let (a, b, c) = (key[at], key[at + 1], key[at + 2])
                    let hash = Self.triple(a, b, c)
                    guard filter[hash >> 6] & (1 << UInt64(hash & 63)) != 0 else { continue }
                    for word in 0..<headerMatchers.count {
                        let (start, size) = headerMatchers.range(of: word)
                        guard words[start] == a && words[start + 1] == b && words[start + 2] == c else { continue }
                        if at == 0 && size == length {
                            if WordList.equal(words, start, size, key, 0) { return true }
                        } else if headerMatchers.flags[word] && size < length {
                            if WordList.equal(words, start, size, key, at) { return true }
                        }
                    }
                }
                return false
            }
        }
    }

    /// True when `key` is a header word (`headerWords.contains`, compared as bytes).
    func isHeaderWord(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Self.mayStart(key, headerStarts) else { return false }
        let length = key.count
        return headerMatchers.withBytes { words in
            for word in 0..<headerMatchers.count {
                let (start, size) = headerMatchers.range(of: word)
                if size == length && WordList.equal(words, start, size, key, 0) { return true }
            }
            return false
        }
    }

    /// `isHeader` word by word: each word compared with the key, or looked for in it.
    func isHeaderByEveryWord(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = key.count
        return headerMatchers.withBytes { words in
            for word in 0..<headerMatchers.count {
                let (start, size) = headerMatchers.range(of: word)
                if size == length && WordList.equal(words, start, size, key, 0) { return true }
                guard headerMatchers.flags[word] && size < length else { continue }
                // Candidates by the first two bytes (a CJK word's first bytes are common on their own).
                let first = words[start]
                let second = words[start + 1]
                for at in 0...(length - size) where key[at] == first && key[at + 1] == second {
                    if WordList.equal(words, start, size, key, at) { return true }
                }
            }
            return false
        }
    }
}

/// Words as UTF-8 bytes one after another (word `i` ends at `ends[i]`), each with a flag and a row:
/// compared with a key's bytes without a `String` call per word.
struct WordList: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    private(set) var flags: [Bool] = []
    private(set) var rows: [Int] = []

    var count: Int { ends.count }

    /// Reserves room for `words`, so that appending them does not grow the arrays step by step.
    mutating func reserve<S: Sequence<String>>(_ words: S) {
        var count = 0
        var size = 0
        for word in words {
            count += 1
            size += word.utf8.count
        }
        bytes.reserveCapacity(bytes.count + size)
        ends.reserveCapacity(ends.count + count)
        flags.reserveCapacity(flags.count + count)
        rows.reserveCapacity(rows.count + count)
    }

    mutating func append(_ word: String, flag: Bool, row: Int) {
        bytes += word.utf8
        ends.append(bytes.count)
        flags.append(flag)
        rows.append(row)
    }

    /// Where word `word` starts in `bytes`, and its length.
    func range(of word: Int) -> (start: Int, size: Int) {
        let start = word == 0 ? 0 : ends[word - 1]
        return (start, ends[word] - start)
    }

    /// `body` with the words' bytes.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer(body)
    }

    /// True when the `size` bytes of `words` from `start` stand in `key` at `at`.
    @inline(__always)
    static func equal(
        _ words: UnsafeBufferPointer<UInt8>, _ start: Int, _ size: Int, _ key: UnsafeBufferPointer<UInt8>, _ at: Int
    ) -> Bool {
        guard at + size <= key.count else { return false }
        return size == 0 || memcmp(words.baseAddress! + start, key.baseAddress! + at, size) == 0
    }
}

/// Reads one standard table from the lines of its section, in any of the layouts of `TableLayout`.
/// Each row is found by its label; its cells are taken from that row only. A row whose cells do not
/// fit the template is reported and its cells marked unreadable, never shifted into neighbours.
struct TableReader {
    /// Longest text matched as a label; anything longer is prose.
    static let labelLimit = 80
    /// Most cells a line may split into before it is taken for noise rather than a table row.
    static let cellLimit = 400

    let spec: TableSpec
    var cells: [Cell]
    let groupKeys: [String]
    /// The words labels are matched against (`spec.matchers`).
    let matchers: RowMatchers
    var found: RowSet
    var diagnostics: [Diagnostic] = []
    var paragraphs: [Paragraph] = []
    var sawHeader = false
    var valueRows: [[Token]] = []
    /// The texts the tokens are cut from.
    var store: TokenStore
    var valueRowsCut = false
    var layout = TableLayout.cellPerLine
    /// True when a header says the money column is in 元 rather than 万元.
    var moneyInYuan = false
    var moneyNoted = false
    /// Where the text ended, when it ended inside this table's section.
    var end: TextEnd?
    /// The row `set` last looked up (when `setLooked`), and its first cell: two plain properties, not
    /// an optional tuple that is copied at every call.
    private var setLooked = false
    private var setKey = ""
    private var setFirst: Int?

    init(spec: TableSpec) {
        self.spec = spec
        // Written in place: `Array(repeating:count:)` copies the cell through its generic path.
        let missing = Cell.missing
        let total = spec.cells.count
        self.cells = Array(unsafeUninitializedCapacity: total) { buffer, count in
            for index in 0..<total { (buffer.baseAddress! + index).initialize(to: missing) }
            count = total
        }
        self.groupKeys = spec.matchers.groupKeys
        self.matchers = spec.matchers
        self.store = TokenStore(matchers: spec.matchers)
        self.found = RowSet(spec: spec)
    }

    /// Where the text of a report ended, for a table whose section runs to the end.
    struct TextEnd {
        /// The last line of the text.
        var line: Int
        /// True when the text stops in the middle of a line (no final line end, or an HTML cell left
        /// open): the last cell may itself be cut short.
        var midLine: Bool
    }

    /// Reads the table from the lines between its section heading and the next heading.
    /// `end` is set when the text stopped inside this section (a truncated file).
    static func read(_ spec: TableSpec, lines: ArraySlice<Line>, end: TextEnd? = nil) -> TableRead {
        var reader = TableReader(spec: spec)
        reader.end = end
        reader.store.lines = lines
        var rows = reader.rows(from: lines)
        reader.matchLabels(&rows)
        let lastData = rows.lastIndex { row in row.contains { $0.isFilledValue || $0.value == .blank } }
        reader.takeRows(rows, cutRow: end != nil ? lastData : nil)
        reader.finish(lastLine: lines.last?.number)
        reader.paragraphs.sort { $0.line < $1.line }
        return TableRead(
            cells: reader.cells, paragraphs: reader.paragraphs, diagnostics: reader.diagnostics, layout: reader.layout)
    }

    /// Reads the table; `endOfText` says whether the text stopped inside this section.
    static func read(_ spec: TableSpec, lines: ArraySlice<Line>, endOfText: Bool) -> TableRead {
        read(spec, lines: lines, end: endOfText ? TextEnd(line: lines.last?.number ?? 0, midLine: false) : nil)
    }

    // MARK: Layout → rows of tokens

    /// Splits the lines into rows of tokens, choosing the layout by what most lines look like.
    mutating func rows(from lines: ArraySlice<Line>) -> [[Token]] {
        var tabRows = 0
        var cellLines = 0
        var pipeLines = 0
        var plainLines = 0
        var tableLines = 0
        var blankRuns = 0
        var previousEmpty = false
        var shapes: [LineShape] = []
        shapes.reserveCapacity(lines.count)
        // By index: the lines are looked at in place, not copied (a retain and a release each).
        for index in lines.indices {
            let shape = lines[index].shape
            shapes.append(shape)
            if shape.isEmpty {
                if !previousEmpty && plainLines > 0 { blankRuns += 1 }
                previousEmpty = true
                continue
            }
            previousEmpty = false
            // A tab after the first character: with a leading tab, a second one.
            let leadingTab = shape.startsWithTab
            if shape.tabs > (leadingTab ? 1 : 0) {
                tabRows += 1
            } else if leadingTab {
                cellLines += 1
            } else if Self.hasPipe(lines[index].text) {
                pipeLines += 1
            } else {
                plainLines += 1
                if tableLines < 3 && belongsToTable(lines[index].text) { tableLines += 1 }
            }
        }
        if tabRows >= 2 && tabRows >= cellLines {
            layout = .tabRows
            return tabRowLayout(lines, shapes: shapes)
        }
        // A section with no table lines of its own (prose only) keeps every line as prose.
        if cellLines >= 2 || (cellLines > 0 && pipeLines < 2) || (pipeLines < 2 && tableLines < 3) {
            layout = .cellPerLine
            return cellPerLineLayout(lines, shapes: shapes)
        }
        if pipeLines >= 2 {
            layout = .pipes
            return pipeLayout(lines)
        }
        // Cells as paragraphs when most lines are followed by a blank line.
        layout = plainLines >= 4 && blankRuns * 10 >= plainLines * 6 ? .blankLines : .plainLines
        return streamLayout(lines)
    }

    /// Files the rows: those split from one line (tab rows, pipe rows) as a grid whose columns are the
    /// cells' places on the line and whose width is the one most of the table's data rows have (rows
    /// with a row label, or table 3's unlabelled numbers: Word pads its header lines with extra tabs);
    /// the others (cell per line, streams of cells) by `take`.
    mutating func takeRows(_ rows: [[Token]], cutRow: Int?) {
        var widths: [Int] = []
        for (index, row) in rows.enumerated() where index != cutRow && row.count >= 2 && row[0].column >= 0 {
            if isDataRow(row) { widths.append(row.count) }
        }
        let width = Self.mostCommon(widths)
        for (index, row) in rows.enumerated() {
            guard let width, let first = row.first, first.column >= 0 else {
                take(row, cut: index == cutRow)
                continue
            }
            var row = row
            if index == cutRow, let end, end.midLine, let last = row.last, last.line == end.line {
                row[row.count - 1].isCut = true
            }
            // Empty cells past the table's width (a trailing tab) are not cells of it.
            while row.count > width, row.last?.isEmpty == true { row.removeLast() }
            takeGridRow(row, row: DocumentRow(cells: [], line: first.line), width: width, positions: nil)
        }
    }

    /// The value that occurs most often, the largest of those that tie; nil for none. O(n log n).
    static func mostCommon(_ values: [Int]) -> Int? {
        var best: Int?
        var bestCount = 0
        var sorted = values
        sorted.sort()
        var index = 0
        while index < sorted.count {
            var end = index + 1
            while end < sorted.count && sorted[end] == sorted[index] { end += 1 }
            if end - index >= bestCount {
                best = sorted[index]
                bestCount = end - index
            }
            index = end
        }
        return best
    }

    /// A row with a number, or with a row label that is not also a header word.
    func isDataRow(_ row: [Token]) -> Bool {
        if row.contains(where: \.isFilledValue) { return true }  // header lines hold no numbers
        var labelled = false
        for token in row where token.isLabelCandidate {
            let match = labelMatch(token)
            if match.row >= 0 {
                if match.isAmbiguous { return false }
                labelled = true
            }
            if match.isHeader { return false }
        }
        return labelled
    }

    // MARK: Line shapes

    /// Prose rather than a cell: longer than any label and not a value.
    func isProse(_ text: Substring) -> Bool {
        let trimmed = LabelText.trim(text)
        return !LabelText.isShort(trimmed, limit: 60) && CellText.read(trimmed) == nil
    }

    /// A sentence rather than a fragment of a label: it has a full stop or ends with a colon.
    static func looksLikeSentence(_ text: Substring) -> Bool {
        for scalar in text.unicodeScalars where scalar == "。" { return true }
        return text.unicodeScalars.last == "：" || text.unicodeScalars.last == ":"
    }

    /// A line without a tab is part of the table when it is a label of this table or a bare value.
    func belongsToTable(_ text: Substring) -> Bool {
        let trimmed = LabelText.trim(text)
        if !LabelText.isShort(trimmed, limit: 60) { return false }
        if CellText.read(trimmed) != nil { return true }
        let match = labelMatch(of: trimmed, ambiguity: false)
        return match.row >= 0 || match.isHeader
    }

    mutating func prose(_ line: Line) {
        let text = Artefacts.clean(line.text)
        if !text.isEmpty && !Artefacts.isPageNumber(text) {
            paragraphs.append(Paragraph(text: text, line: line.number))
        }
    }

    mutating func prose(_ token: Token) {
        prose(Line(text: store.text(of: token), number: token.line))
    }

    // MARK: Matching

    /// The row a label names: its normalised text equals a row's, or starts with one of four or more
    /// characters; a group written before it on the same line (`本年度办理结果(一)予以公开`) is skipped.
    func matchRow(_ key: String) -> RowSpec? {
        guard !key.isEmpty else { return nil }
        if let row = matchRowExactly(key) { return row }
        for group in groupKeys where key.utf8.count > group.utf8.count && LabelText.hasPrefix(key, group) {
            let rest = LabelText.stripNumbering(String(key.unicodeScalars.dropFirst(group.unicodeScalars.count)))
            if let row = matchRowExactly(rest) { return row }
        }
        return nil
    }

    func matchRowExactly(_ key: String) -> RowSpec? {
        guard !key.isEmpty else { return nil }
        var key = key
        let matchers = self.matchers
        return key.withUTF8 { matchers.matchRow($0) }.map { spec.rows[$0] }
    }

    func isHeader(_ key: String) -> Bool {
        guard !key.isEmpty else { return false }
        var key = key
        let matchers = self.matchers
        return key.withUTF8 { matchers.isHeader($0) }
    }

    /// A word that is both a column header and a row label (`其他`, `总计`, `行政复议`), written
    /// without the numbering a row label has.
    func isAmbiguous(_ key: String, written: Substring) -> Bool {
        // For plain strings (`LabelText.isPlain`) equality is byte equality, far cheaper than `==`.
        guard LabelText.isPlain(key) && spec.matchers.plainHeaderWords else {
            return spec.headerWords.contains(key) && LabelText.fold(written) == key
        }
        var bytes = key
        let matchers = self.matchers
        guard bytes.withUTF8({ matchers.isHeaderWord($0) }) else { return false }
        let folded = LabelText.fold(written)
        return LabelText.isPlain(folded) ? LabelText.sameBytes(folded, key) : folded == key
    }

    /// A header such as `本年收费金额（单位：元）` says the money column is in 元.
    mutating func noteMoneyUnit(_ key: String) {
        guard LabelText.contains(key, "金额"), LabelText.contains(key, "元") else { return }
        moneyInYuan = !LabelText.contains(key, "万元")
    }

    /// The effect of a header on `moneyInYuan` (`noteMoneyUnit`).
    mutating func noteMoneyUnit(_ match: LabelMatch) {
        if match.money != .none { moneyInYuan = match.money == .yuan }
    }

    /// What a row's cells say it is: header words, values, and the row label (the last cell that names
    /// a row; two cells naming two different rows are a conflict).
    /// Rows are given by their position in the spec (`spec.rows`).
    struct RowScan {
        var headerWords = 0
        var hasValue = false
        var labelIndex: Int?
        /// The label's row.
        var labelRow: Int?
        var labelIsAmbiguous = false
        /// Two rows of different keys that the row names.
        var conflict: (Int, Int)?
    }

    /// Reads a row's cells once: header words (noting a money unit in them), values, its label.
    mutating func scanRow(_ tokens: [Token]) -> RowScan {
        var scan = RowScan()
        for (index, token) in tokens.enumerated() {
            if token.isFilledValue {
                scan.hasValue = true
                continue
            }
            if !token.isLabelCandidate { continue }
            let named = labelMatch(token)
            if named.isHeader {
                scan.headerWords += 1
                noteMoneyUnit(named)
            }
            if named.row >= 0 {
                let ambiguous = named.isAmbiguous
                // Rows of the same key share their canonical position (`TableSpec.rowCanonical`).
                if let label = scan.labelRow, spec.rowCanonical[label] != spec.rowCanonical[named.row], !ambiguous,
                    !scan.labelIsAmbiguous
                {
                    scan.conflict = (label, named.row)
                }
                scan.labelRow = named.row
                scan.labelIndex = index
                scan.labelIsAmbiguous = ambiguous
            }
        }
        return scan
    }

    /// Two row labels in one row: which row the numbers belong to is not known; both rows are
    /// unreadable.
    mutating func twoLabels(_ labels: (RowSpec, RowSpec), line: Int, tokens: [Token]) {
        diagnostics.append(
            Diagnostic(
                .error, line: line,
                "\(spec.kind.label)：一行里有两个行标题「\(labels.0.label)」和「\(labels.1.label)」，不读取（\(preview(tokens))）"))
        for named in [labels.0, labels.1] where !found.contains(named.key) {
            found.insert(named.key)
            for position in spec.columns(ofRow: named.key).indices {
                set(named, position, Cell(value: .unreadable, raw: "", line: line))
            }
        }
    }

    /// Files one row: a header, a labelled data row, a row of bare values, or noise.
    mutating func take(_ row: [Token], cut: Bool) {
        let scan = scanRow(row)
        if let conflict = scan.conflict {
            twoLabels((spec.rows[conflict.0], spec.rows[conflict.1]), line: row.first?.line ?? 0, tokens: row)
            return
        }
        let (headerWords, labelRow, labelIndex) = (scan.headerWords, scan.labelRow, scan.labelIndex)
        if !scan.hasValue && (headerWords >= 2 || (labelRow != nil && scan.labelIsAmbiguous)) {
            sawHeader = true
            return
        }
        if let labelRow, let labelIndex {
            place(
                Array(row[(labelIndex + 1)...]), in: spec.rows[labelRow], at: labelRow, labelLine: row[labelIndex].line,
                cut: cut)
            return
        }
        if headerWords > 0 { sawHeader = true }
        if let (index, rows) = collapsedGroup(row) {
            place(Array(row[(index + 1)...]), in: rows[0], labelLine: row[index].line, cut: cut)
            spread(over: rows, line: row[index].line)
            return
        }
        if let (index, label) = damagedLabel(row) {
            place(Array(row[(index + 1)...]), in: label, labelLine: row[index].line, cut: cut)
            return
        }
        // A row without a label: table 3's values, or numbers nobody can place.
        let suffix = row.reversed().prefix { $0.value != nil }.reversed()
        guard suffix.contains(where: \.isFilledValue) else { return }
        if spec.kind == .appeals && suffix.count == row.count {
            valueRows.append(Array(suffix))
            valueRowsCut = cut && valueRows.count == 1
        } else {
            let line = suffix.first { $0.isFilledValue }!.line
            diagnostics.append(
                Diagnostic(.error, line: line, "\(spec.kind.label)：这些数字没有可识别的行标题，不读取（\(preview(row))）"))
        }
    }

    // MARK: Placing cells

    /// Puts a row's value tokens into the row's cells, or marks them unreadable when they do not fit.
    /// `cut` is set for the last row of a table the text ends in: cells it never reached stay missing.
    /// `at`: the row's position in the spec, when known (then nothing is looked up by its key).
    mutating func place(_ tokens: [Token], in row: RowSpec, at rowPosition: Int? = nil, labelLine: Int, cut: Bool) {
        let columns = rowPosition.map { spec.rowColumns[$0] } ?? spec.columns(ofRow: row.key)
        guard !(rowPosition.map { found.contains(row: $0) } ?? found.contains(row.key)) else {
            diagnostics.append(
                Diagnostic(.warning, line: labelLine, "\(spec.kind.label)「\(row.label)」这一行出现了两次，只读取第一次"))
            return
        }
        if let rowPosition { found.insert(row: rowPosition) } else { found.insert(row.key) }
        let first = rowPosition.map { spec.rowFirstCells[$0] } ?? spec.firstCell[row.key]
        var tokens = tokens
        if cut, let kept = cutShort(&tokens, count: columns.count, what: "「\(row.label)」这一行", line: labelLine) {
            for position in 0..<min(columns.count, kept.count) {
                set(first: first, position, cell(for: kept[position], row: row, columns: columns, at: position))
            }
            return
        }
        guard let fitted = fit(tokens, count: columns.count) else {
            let count = tokens.count
            diagnostics.append(
                Diagnostic(
                    .error, line: labelLine,
                    "\(spec.kind.label)「\(row.label)」这一行有 \(count) 个单元格，应为 \(columns.count) 个：整行不读取，以免数字错位（\(preview(tokens))）"
                ))
            for position in columns.indices { set(first: first, position, Cell(value: .unreadable, raw: "", line: labelLine)) }
            return
        }
        for position in 0..<min(columns.count, fitted.count) {
            set(first: first, position, cell(for: fitted[position], row: row, columns: columns, at: position))
        }
    }

    /// For the row the text ends in: drops a last number the end may have cut short (`508` → `50`)
    /// and, when fewer cells than the row needs are left, returns those that can be placed in order
    /// (the rest stay missing). Nil when the row is complete and is read as usual.
    mutating func cutShort(_ tokens: inout [Token], count: Int, what: String, line: Int) -> [Token]? {
        guard let end else { return nil }
        // A cell the text ends inside is cut, whatever it shows: `5` may be `50`, and nothing may be `3`.
        var dropped = false
        if end.midLine, let last = tokens.last, last.line == end.line, !last.isGap {
            tokens.removeLast()
            dropped = true
            diagnostics.append(
                Diagnostic(
                    .warning, line: last.line,
                    "文本在第 \(end.line) 行中间结束：\(spec.kind.label)\(what)最后一格「\(store.text(of: last))」可能不完整，记为缺失"))
        }
        if !dropped {
            while tokens.count > count, tokens.last?.isEmpty == true { tokens.removeLast() }
        }
        guard tokens.count < count || dropped else { return nil }
        // Cells come in column order in every layout but tab and pipe rows, where a short row's leading
        // empty cells may be merged-cell filler; and a cut row that still has as many cells as the
        // template had more than that before the cut (filler, or junk): then nothing is placed.
        let ordered =
            tokens.count < count
            && (layout != .tabRows && layout != .pipes || spec.padding == .trailing || !tokens.contains(where: \.isEmpty))
        let kept = ordered ? tokens : []
        diagnostics.append(
            Diagnostic(
                .warning, line: line,
                "文本在第 \(end.line) 行结束：\(spec.kind.label)\(what)只读到 \(kept.count) 格，其余 \(count - kept.count) 格记为缺失"
            ))
        return kept
    }

    /// The cell a token gives in column `columns[index]`: its value, with the unit it was written in
    /// checked against the column's (and 元 converted to 万元), or unreadable with a diagnostic. The
    /// column is looked at in its array, not copied out of it.
    mutating func cell(for token: Token, row: RowSpec, columns: [ColumnSpec], at index: Int) -> Cell {
        let raw = store.string(of: token)
        let unit = columns[index].unit
        // Only a diagnostic needs it: built when used, not for every cell.
        var place: String { "\(spec.kind.label)「\(row.label)」「\(columns[index].label)」" }
        guard let reading = token.reading else {
            let what = token.isGap ? "空行数目说不清是否有空单元格" : "写的是「\(raw)」，不是数字"
            diagnostics.append(Diagnostic(.error, line: token.line, "\(place)一格\(what)，不读取"))
            return Cell(value: .unreadable, raw: raw, line: token.line)
        }
        guard case .number(let number) = reading.value else {
            return Cell(value: reading.value, raw: raw, line: token.line)
        }
        if number < 0 && unit != .change || reading.signed && unit != .change {
            diagnostics.append(Diagnostic(.error, line: token.line, "\(place)一格写的是「\(raw)」，本列不应带正负号，不读取"))
            return Cell(value: .unreadable, raw: raw, line: token.line)
        }
        switch (unit, reading.suffix) {
        case (_, nil) where unit == .tenThousandYuan && moneyInYuan:
            return converted(number, from: "元", raw: raw, token: token, place: place, header: true)
        case (_, nil), (.count, .count?), (.change, .count?), (.tenThousandYuan, .tenThousandYuan?):
            return Cell(value: .number(number), raw: raw, line: token.line)
        case (.tenThousandYuan, .yuan?):
            return converted(number, from: "元", raw: raw, token: token, place: place, header: false)
        case (.tenThousandYuan, .hundredMillionYuan?):
            return converted(number, from: "亿元", raw: raw, token: token, place: place, header: false)
        default:
            let kind = reading.suffix?.isMoney == true ? "金额" : "件数"
            diagnostics.append(
                Diagnostic(.error, line: token.line, "\(place)一格写的是\(kind)「\(raw)」，与本列的单位不符，不读取"))
            return Cell(value: .unreadable, raw: raw, line: token.line)
        }
    }

    /// An amount in 元 or 亿元 as 万元, with a note on the cell and a diagnostic that says so.
    mutating func converted(
        _ number: Quantity, from unit: String, raw: String, token: Token, place: String, header: Bool
    ) -> Cell {
        let value = unit == "亿元" ? number * 10_000 : number.tenThousandth
        let note = "原文「\(raw)\(header ? "（表头单位：元）" : "")」，按 1 万元 = 10000 元换算为 \(value) 万元"
        if !header || !moneyNoted {
            let message =
                header
                ? "\(place)表头写明单位为元：本列数字已按 1 万元 = 10000 元换算为万元（如「\(raw)」→ \(value)）"
                : "\(place)一格写的是「\(raw)」：按 1 万元 = 10000 元换算为 \(value)（万元）"
            diagnostics.append(Diagnostic(.warning, line: token.line, message))
            if header { moneyNoted = true }
        }
        return Cell(value: .number(value), raw: raw, line: token.line, note: note)
    }

    /// Drops the empty filler that merged Word cells leave in a row, on the side the table puts it;
    /// nil when the row cannot be made to fit without moving a value.
    func fit(_ tokens: [Token], count: Int) -> [Token]? {
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

    /// Sets the cell at `position` among the row's columns (`spec.columns(ofRow:)` order).
    mutating func set(_ row: RowSpec, _ position: Int, _ cell: Cell) {
        // A row's cells are set one after another: its first cell is looked up once, not per cell.
        if !setLooked || setKey != row.key {
            setLooked = true
            setKey = row.key
            setFirst = spec.firstCell[row.key]
        }
        if let first = setFirst { cells[first + position] = cell }
    }

    /// Sets the cell at `position` among the columns of the row whose first cell is `first` (none:
    /// nothing is set).
    mutating func set(first: Int?, _ position: Int, _ cell: Cell) {
        if let first { cells[first + position] = cell }
    }

    // MARK: Finishing

    mutating func finish(lastLine: Int?) {
        if spec.kind == .appeals { placeAppeals() }
        let missingRows = spec.rows.indices.filter { !found.contains(row: $0) }.map { spec.rows[$0] }
        if missingRows.isEmpty { return }
        if found.isEmpty && spec.kind == .appeals && sawHeader && end == nil {
            // The header is there and the section ends without a data row: the agency left table 3 empty.
            for index in cells.indices { cells[index] = Cell(value: .blank, raw: "", line: nil) }
            diagnostics.append(
                Diagnostic(.note, line: lastLine, "\(spec.kind.label)只有表头，没有数据行：按未填写（空白）处理，不当作 0"))
            return
        }
        if let end {
            let names = missingRows.map(\.label).prefix(3).joined(separator: "、")
            diagnostics.append(
                Diagnostic(
                    .warning, line: end.line,
                    "文本在第 \(end.line) 行结束，\(spec.kind.label)没有读完：\(missingRows.count) 行缺失（\(names)\(missingRows.count > 3 ? "…" : "")）"
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
    mutating func placeAppeals() {
        guard var first = valueRows.first else { return }
        let width = spec.columns.count
        let total = width * spec.rows.count
        var groups: [[Token]] = []
        if valueRowsCut, valueRows.count == 1,
            let kept = cutShort(&first, count: total, what: "的数据行", line: first.first?.line ?? 0)
        {
            groups = stride(from: 0, to: kept.count, by: width).map { Array(kept[$0..<min($0 + width, kept.count)]) }
        } else if let row = fit(first, count: total) {
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
            for row in spec.rows where !found.contains(row.key) {
                found.insert(row.key)
                for position in spec.columns(ofRow: row.key).indices {
                    set(row, position, Cell(value: .unreadable, raw: "", line: first.first?.line))
                }
            }
            diagnostics.append(
                Diagnostic(
                    .error, line: first.first?.line,
                    "\(spec.kind.label)的数据行有 \(first.count) 个单元格，应为 \(total) 个：不读取，以免数字错位（\(preview(first))）"
                ))
            return
        }
        // Rows by their position in the spec (`found` and the first cells kept by position), not by key.
        for (index, tokens) in groups.prefix(spec.rows.count).enumerated() where !found.contains(row: index) {
            found.insert(row: index)
            let row = spec.rows[index]
            let first = spec.rowFirstCells[index]
            for position in 0..<min(spec.columns.count, tokens.count) {
                set(first: first, position, cell(for: tokens[position], row: row, columns: spec.columns, at: position))
            }
        }
    }

    func preview(_ tokens: [Token]) -> String {
        let shown = tokens.prefix(10).map { $0.isGap ? "？" : $0.isEmpty ? "空" : String(store.text(of: $0).prefix(12)) }
        return shown.joined(separator: " | ") + (tokens.count > 10 ? " …" : "")
    }
}
