/// Turns the text of a report into a `Report`: finds the section headings in any numbering, reads the
/// title, agency, year and statistics period, the narrative, and the three tables against the template.
public enum ReportParser {
    /// Reads and parses a file (or `-` for standard input) of any format `DocumentReader` reads.
    /// - Throws: `GKDiffError` when the file cannot be read or is not a report.
    public static func read(path: String) throws -> Report {
        try reading(path: path) { try parse($0, path: path) }
    }

    /// `identify(_:path:)` of the file at `path`, with `read(path:)`'s second try for Big5.
    /// - Throws: `GKDiffError` as `read(path:)`.
    public static func identify(path: String) throws -> (agency: String, year: Int?) {
        try reading(path: path) { try identify($0, path: path) }
    }

    /// Runs `body` on the file's document; when that finds no report in text decoded as GB18030,
    /// once more on the bytes read as Big5 (Big5 text without a charset mark decodes as GB18030 into
    /// other characters).
    static func reading<T>(path: String, _ body: (Document) throws -> T) throws -> T {
        try reading(SourceText.readBytes(path: path), path: path, body)
    }

    /// `reading(path:_:)` on bytes already read. The bytes are kept for the second try only when it
    /// can happen (text decoded as GB18030); otherwise they are let go before `body` runs, which for
    /// a large report is as much memory as the file.
    static func reading<T>(_ bytes: consuming [UInt8], path: String, _ body: (Document) throws -> T) throws -> T {
        let document = try DocumentReader.read(bytes, path: path)
        let retry: [UInt8]
        if document.encoding == "GB18030" {
            retry = bytes
        } else {
            retry = []
            _ = consume bytes
        }
        do {
            return try body(document)
        } catch let error as GKDiffError where document.encoding == "GB18030" {
            guard let big5 = try? DocumentReader.document(from: SourceText.decodeAsBig5(retry, path: path)),
                let result = try? body(big5)
            else { throw error }
            return result
        }
    }

    /// Parses decoded text (plain text, or an HTML page).
    /// - Throws: `GKDiffError.notAReport` when neither a section heading nor a table row is found.
    public static func parse(_ source: SourceText) throws -> Report {
        try parse(DocumentReader.document(from: source), path: source.path)
    }

    /// The paragraphs of a document as lines, and its tables with the number of lines before each.
    static func layout(of document: Document) -> (lines: [Line], grids: [(index: Int, table: DocumentTable)]) {
        var lines: [Line] = []
        var grids: [(index: Int, table: DocumentTable)] = []
        lines.reserveCapacity(document.blocks.count)
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                // A line break inside a paragraph (Word's `w:br`) starts a line of its own, as `<br>` does.
                let text = Substring(paragraph.text)
                if !DocumentReader.hasLineFeed(paragraph.text) {
                    lines.append(Line(text: text, number: paragraph.line))
                } else {
                    for piece in Line.pieces(of: text, separator: 0x0A) {
                        lines.append(Line(text: piece, number: paragraph.line))
                    }
                }
            case .table(let table): grids.append((lines.count, table))
            }
        }
        return (lines, grids)
    }

    /// Parses a document: sections from its paragraphs, the template's tables from its grids (or, for
    /// text, from the lines of the table sections).
    /// - Throws: `GKDiffError.notAReport` when neither a section heading nor a table row is found.
    public static func parse(_ document: Document, path: String) throws -> Report {
        let (lines, grids) = layout(of: document)
        var diagnostics = document.diagnostics

        let headings = findHeadings(lines)
        var sections: [Section] = []
        var tablesFound = 0
        let bounds = sectionBounds(lines, headings: headings)

        let gridTexts = grids.flatMap { $0.table.rows.flatMap { $0.cells.map(\.text) } }
        let (edition, editionNote) = detectEdition(lines, headings: headings, gridTexts: gridTexts)
        if let editionNote { diagnostics.append(editionNote) }
        // Each cell made afresh: `Array(repeating:count:)` copies `Cell.missing` through outlined
        // value-witness copies, over a hundred instructions a cell.
        var cells: [Cell] = []
        let cellCount = edition.cellCount
        cells.reserveCapacity(cellCount)
        for _ in 0..<cellCount { cells.append(Cell(value: .missing, raw: "", line: nil)) }
        let lastLine = max(lines.last?.number ?? 0, grids.last.map { $0.table.rows.last?.line ?? $0.table.line } ?? 0)

        for (position, bound) in bounds.enumerated() {
            var section = emptySection(bound, lines: lines)
            let body = self.body(of: bound, in: lines)
            let owned = grids.filter { owner(of: $0.index, in: bounds) == position }.map(\.table)
            if let table = bound.kind.table {
                let spec = edition.table(table)
                let end = position == bounds.count - 1 ? TableReader.TextEnd(line: lastLine, midLine: document.endsMidLine) : nil
                let read = TableReader.read(spec, lines: body, grids: owned, end: end)
                let first = edition.firstIndex(of: table)
                if first + read.cells.count <= cells.count {
                    // Cell by cell: `replaceSubrange` copies the new cells and destroys the old ones
                    // through value witnesses, a few hundred instructions a cell.
                    for offset in read.cells.indices { cells[first + offset] = read.cells[offset] }
                } else {
                    cells.replaceSubrange(first..<first + read.cells.count, with: read.cells)
                }
                if read.cells.contains(where: { $0.value != .missing }) { tablesFound += 1 }
                section.paragraphs = read.paragraphs
                diagnostics += read.diagnostics
            } else {
                section = proseSection(bound, lines: lines, grids: owned)
            }
            sections.append(section)
        }

        if headings.isEmpty && tablesFound == 0 {
            // A crawler's dump: the whole report on one line (or a few). Cut it before each section
            // heading and read that; its tables cannot be cut into cells safely.
            if let split = runTogether(document) { return try parse(split, path: path) }
            throw GKDiffError.notAReport(path)
        }
        if document.isRunTogether {
            for index in cells.indices where cells[index].value == .missing {
                cells[index] = Cell(value: .unreadable, raw: "", line: nil)
            }
            diagnostics.append(
                Diagnostic(
                    .error, line: nil,
                    "全文只在很少几行里（各部分连成一行）：已按章节标题分段；表格的数字连在一起（如「数量713000074」），分不清各格，不读取"))
        }

        var cutAfter: SectionKind?
        if let last = bounds.last, last.kind.table != nil, lines.count > 0 {
            // The text stops inside a table section: say where, once, for whatever follows is missing.
            cutAfter = last.kind
            let after = SectionKind.allCases.filter { $0 > last.kind }.map { "\($0.numeral)、\($0.title)" }
            diagnostics.append(
                Diagnostic(
                    .warning, line: lastLine,
                    "文本在第 \(lastLine) 行（第\(last.kind.numeral)部分之中）结束，文件可能被截断：其后的\(after.joined(separator: "、"))都没有读到"))
        }

        var report = Report(
            path: path, agency: "", year: nil, title: "", period: nil, template: edition.rawValue,
            sections: sections, cells: cells, diagnostics: [], lineCount: max(lines.count, lastLine))
        readMetadata(into: &report, preamble: sections[0], lines: lines, diagnostics: &diagnostics)

        for kind in SectionKind.allCases where kind != .preamble && report.section(kind) == nil {
            if let cutAfter, kind > cutAfter { continue }  // said once by the truncation warning
            diagnostics.append(
                Diagnostic(
                    .warning, line: nil, "没有找到第\(kind.numeral)部分「\(kind.title)」的标题" + (kind.table != nil ? "，其表格记为缺失" : "")))
        }
        report.diagnostics = diagnostics.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        return report
    }

    /// Who wrote the report and for which year (`Report.agency`, `Report.year`), without reading its
    /// tables: what batch review needs to pair files. Gives what `parse` gives for these two, and throws
    /// when `parse` throws.
    /// - Throws: `GKDiffError.notAReport` as `parse` does.
    public static func identify(_ document: Document, path: String) throws -> (agency: String, year: Int?) {
        let lines = layout(of: document).lines
        let headings = findHeadings(lines)
        // Without headings, whether this is a report at all depends on its tables: read everything.
        if headings.isEmpty {
            let report = try parse(document, path: path)
            return (report.agency, report.year)
        }
        let bounds = sectionBounds(lines, headings: headings)
        var sections = [proseSection(bounds[0], lines: lines)]
        if let overview = bounds.first(where: { $0.kind == .overview }) {
            sections.append(proseSection(overview, lines: lines))
        }
        var report = Report(
            path: path, agency: "", year: nil, title: "", period: nil, template: "", sections: sections,
            cells: [], diagnostics: [], lineCount: 0)
        var diagnostics: [Diagnostic] = []
        readMetadata(into: &report, preamble: sections[0], lines: lines, diagnostics: &diagnostics)
        return (report.agency, report.year)
    }

    // MARK: Lines and sections

    /// A section's lines, `start..<end` of the lines, with its kind and title; for a heading as
    /// `findHeadings` finds it, `start` is the heading's line and `end` the line after it. (One type for
    /// both: each type of array has its metadata made at run time.)
    struct Bound {
        let kind: SectionKind
        let title: String
        let start: Int
        let end: Int

        init(_ kind: SectionKind, _ title: String, _ start: Int, _ end: Int) {
            self.kind = kind
            self.title = title
            self.start = start
            self.end = end
        }

        /// The heading's line.
        var index: Int { start }
    }

    /// Section k runs from its heading to the line before the next heading; the preamble from the
    /// first line to the first heading.
    static func sectionBounds(_ lines: [Line], headings: [Bound]) -> [Bound] {
        var bounds: [Bound] = []
        let firstHeading = headings.first?.index ?? lines.count
        bounds.append(Bound(.preamble, "", 0, firstHeading))
        for (position, heading) in headings.enumerated() {
            let end = position + 1 < headings.count ? headings[position + 1].index : lines.count
            bounds.append(Bound(heading.kind, heading.title, heading.index, end))
        }
        return bounds
    }

    /// The numbered section titles looked for inside run-together lines: `一、总体情况` … `六、其他需要报告`.
    static let runTogetherMarks: [(mark: String, kind: SectionKind)] = SectionKind.allCases.dropFirst().flatMap {
        kind in
        [kind.numeral + "、", "\(kind.order)、", "\(kind.order)、 "].map { ($0 + String(kind.title.prefix(4)), kind) }
    }

    /// A document whose text runs together in a few long lines, cut before each numbered section
    /// heading found inside them; nil when fewer than two are found (then it is not a report at all).
    static func runTogether(_ document: Document) -> Document? {
        var blocks: [DocumentBlock] = []
        var found = 0
        for block in document.blocks {
            guard case .paragraph(let paragraph) = block, paragraph.text.utf8.count > 600 else {
                blocks.append(block)
                continue
            }
            var pieces: [Substring] = []
            var rest = Substring(paragraph.text)
            var cut = true
            while cut {
                cut = false
                // The earliest heading mark after the start of what is left.
                var earliest: (range: Range<Substring.Index>, kind: SectionKind)?
                for (mark, kind) in runTogetherMarks {
                    if let range = rest.dropFirst().firstRange(of: mark),
                        range.lowerBound < (earliest?.range.lowerBound ?? rest.endIndex)
                    {
                        earliest = (range, kind)
                    }
                }
                if let (range, kind) = earliest {
                    pieces.append(rest[..<range.lowerBound])
                    // The heading itself: up to the end of the longest title variant it starts with.
                    let numbered = rest[range.lowerBound...].drop { $0 != "、" }.dropFirst().drop { $0 == " " }
                    let variant = kind.titleVariants.filter { numbered.hasPrefix($0) }.max { $0.count < $1.count }
                    let end = variant.map { numbered.index(numbered.startIndex, offsetBy: $0.count) } ?? range.upperBound
                    pieces.append(rest[range.lowerBound..<end])
                    rest = rest[end...]
                    found += 1
                    cut = true
                }
            }
            pieces.append(rest)
            for piece in pieces { blocks.append(.paragraph(DocumentParagraph(text: String(piece), line: paragraph.line))) }
        }
        guard found >= 2 else { return nil }
        var split = document
        split.blocks = blocks
        split.isRunTogether = true
        return split
    }

    /// The section a grid placed before line `index` belongs to: the last one whose heading comes
    /// before it (the preamble when none does).
    static func owner(of index: Int, in bounds: [Bound]) -> Int {
        bounds.lastIndex { $0.start < index && $0.kind != .preamble } ?? 0
    }

    /// The lines of a section below its heading.
    static func body(of bound: Bound, in lines: [Line]) -> ArraySlice<Line> {
        lines[min(bound.start + (bound.kind == .preamble ? 0 : 1), bound.end)..<bound.end]
    }

    /// A section with its place in the text and nothing in it yet.
    static func emptySection(_ bound: Bound, lines: [Line]) -> Section {
        let body = self.body(of: bound, in: lines)
        let line = bound.kind == .preamble ? (body.first?.number ?? 1) : lines[bound.start].number
        let endLine = bound.end > bound.start ? lines[bound.end - 1].number : line
        return Section(kind: bound.kind, title: bound.title, line: line, endLine: endLine, paragraphs: [], subsections: [])
    }

    /// A section without a table: its paragraphs (a grid's cells read as paragraphs, a row to a line)
    /// and the subsection titles among them.
    static func proseSection(_ bound: Bound, lines: [Line], grids: [DocumentTable] = []) -> Section {
        var section = emptySection(bound, lines: lines)
        section.paragraphs = narrative(body(of: bound, in: lines))
        if !grids.isEmpty {
            for grid in grids {
                for row in grid.rows {
                    let text = row.cells.map { Artefacts.clean(Substring($0.text)) }.filter { !$0.isEmpty }.joined(separator: " ")
                    if !text.isEmpty { section.paragraphs.append(Paragraph(text: text, line: row.line)) }
                }
            }
            section.paragraphs.sort { $0.line < $1.line }
        }
        section.subsections = section.paragraphs.compactMap(subsectionTitle)
        return section
    }

    // MARK: Template

    /// Header words only one template uses, normalised (`LabelText.fold`): what `markerSearch` and
    /// `markerIn2019` (ReportParser+Tables.swift) are made from.
    static let markers: [(TemplateEdition, String)] = [
        (.y2019, "本年新制作数量"), (.y2019, "本年新公开数量"), (.y2019, "对外公开总数量"), (.y2019, "上一年项目数量"),
        (.y2019, "其他对外管理服务事项"), (.y2019, "政府集中采购"), (.y2019, "采购项目数量"), (.y2019, "采购总金额"),
        (.y2019, "第二十条第(九)项"),
        (.y2021, "本年制发件数"), (.y2021, "本年废止件数"), (.y2021, "现行有效件数"), (.y2021, "本年处理决定数量"),
        (.y2021, "本年收费金额"), (.y2021, "逾期不补正"), (.y2021, "逾期未按收费通知要求缴纳费用"),
    ]

    /// Which template the tables follow, from header words only one of them has (searched in the
    /// normalised text of the table sections, so that `本年新\n制作数量` counts); 2021 unless the
    /// 2019 words win. A note when it is 2019, a warning when both appear.
    static func detectEdition(
        _ lines: [Line], headings: [Bound], gridTexts: [String] = []
    ) -> (TemplateEdition, Diagnostic?) {
        var start = 0
        var end = lines.count
        if let first = headings.firstIndex(where: { $0.kind == .proactive || $0.kind == .requests }) {
            start = headings[first].index
            let after = headings.firstIndex { $0.kind > .requests } ?? headings.count
            if after < headings.count { end = headings[after].index }
        }
        var search = markerSearch
        for line in lines[start..<max(start, end)] where LabelText.isShort(line.text, limit: 200) {
            search.feed(line.text)
        }
        for cell in gridTexts where LabelText.isShort(Substring(cell), limit: 200) { search.feed(Substring(cell)) }
        var old = 0
        var new = 0
        for (in2019, found) in zip(markerIn2019, search.finish()) where found {
            if in2019 { old += 1 } else { new += 1 }
        }
        let edition: TemplateEdition = old > new ? .y2019 : .y2021
        if old > 0 && new > 0 {
            return (
                edition,
                Diagnostic(
                    .warning, line: lines.isEmpty ? nil : lines[start].number,
                    "表格里同时有 2019 年版和 2021 年版模板的表头（\(old) 处和 \(new) 处）：按 \(edition.rawValue) 年版（\(edition.document)）读取")
            )
        }
        if edition == .y2019 {
            return (
                edition,
                Diagnostic(
                    .note, line: lines.isEmpty ? nil : lines[start].number,
                    "表格按 2019 年版模板（\(edition.document)）读取：表一的行和列与 2021 年版不同，表二「（六）其他处理」只有一行")
            )
        }
        return (edition, nil)
    }

    /// Which of a few words occur in the folded text of pieces fed one after another (as if they were
    /// joined, so that a word broken over two lines is found), without joining them: each piece is
    /// folded into a buffer that keeps only the tail a word could start in. O(n) in the text fed.
    struct MarkerSearch {
        /// The words' UTF-8 bytes, one after another; word `i` ends at `ends[i]`.
        private var words: [UInt8] = []
        private var ends: [Int] = []
        /// The first scalar of each word, and a 1024-bit filter of them (bit `value & 1023`).
        private var firsts: [UInt32] = []
        private var filter: [UInt64]
        /// The tail of the text fed so far, then the piece being searched.
        private var window: [UInt8] = []
        private var keep = 0
        /// The ASCII bytes the words hold, one bit each: text of other ASCII bytes only can be no part
        /// of a word, so a piece of it needs no search.
        private var wordASCII: (UInt64, UInt64) = (0, 0)
        /// Whether the text after the last search may hold a word (it holds a byte some word holds).
        private var pending = false
        /// Whether each word has been found, as far as searched.
        private var found: [Bool]

        /// Words already folded (`LabelText.fold`), each starting with a scalar of three bytes.
        init(_ markers: [String]) {
            filter = Array(repeating: 0, count: 16)
            for marker in markers {
                words += marker.utf8
                ends.append(words.count)
                let start = words.count - marker.utf8.count
                let v = UInt32(words[start] & 0x0F) << 12 | UInt32(words[start + 1] & 0x3F) << 6 | UInt32(words[start + 2] & 0x3F)
                firsts.append(v)
                filter[Int(v & 1023) >> 6] |= 1 << UInt64(v & 63)
                keep = max(keep, marker.utf8.count - 1)
                for byte in marker.utf8 where byte < 0x80 {
                    if byte < 64 { wordASCII.0 |= 1 << UInt64(byte) } else { wordASCII.1 |= 1 << UInt64(byte - 64) }
                }
            }
            found = Array(repeating: false, count: markers.count)
        }

        /// The search `init(_:)` makes, from its tables written out (ReportParser+Tables.swift).
        init(words: [UInt8], ends: [Int], firsts: [UInt32], filter: [UInt64], keep: Int, wordASCII: (UInt64, UInt64)) {
            self.words = words
            self.ends = ends
            self.firsts = firsts
            self.filter = filter
            self.keep = keep
            self.wordASCII = wordASCII
            found = Array(repeating: false, count: ends.count)
        }

        /// True when the two searches have the same word tables (and have found the same words).
        func hasSameTables(as other: MarkerSearch) -> Bool {
            words == other.words && ends == other.ends && firsts == other.firsts && filter == other.filter
                && keep == other.keep && wordASCII == other.wordASCII && found == other.found
        }

        /// Whether each word occurs in the text fed.
        mutating func finish() -> [Bool] {
            if pending { search() }
            pending = false
            return found
        }

        /// Folds `text` onto the end of the text fed so far. The words are searched for once a
        /// kilobyte or so has gathered (and by `finish`), not piece by piece: each search also reads
        /// the tail kept from before, which for short pieces is most of what it reads.
        mutating func feed(_ text: Substring) {
            switch asciiOnly(text) {
            case .nothing: return
            case .barrier:
                // A byte no word holds stands for the piece: no word runs across it.
                window.append(0)
                searchWhenLong()
                return
            case .other: break
            }
            let carried = window.count
            let appended: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { out in
                    let count = LabelText.fold(bytes, into: out)
                    window.append(contentsOf: UnsafeBufferPointer(rebasing: out[..<count]))
                }
            }
            if appended == nil { window += LabelText.fold(text).utf8 }
            if window.count == carried { return }
            // A piece of ASCII no word holds (`0`, `12`) adds no match: nothing to search.
            var couldMatch = false
            for byte in window[carried...] {
                if byte >= 0x80 || (byte < 64 ? wordASCII.0 >> UInt64(byte) : wordASCII.1 >> UInt64(byte - 64)) & 1 != 0 {
                    couldMatch = true
                    break
                }
            }
            if couldMatch { pending = true }
            searchWhenLong()
        }

        /// Searches the window when it has grown long, then keeps only the tail a word could start in.
        private mutating func searchWhenLong() {
            guard window.count >= 1024 else { return }
            if pending { search() }
            pending = false
            window.removeFirst(window.count - keep)
        }

        /// What a piece of ASCII only (a number, a blank line) does to the search, decided without
        /// folding it: folding keeps its bytes but spaces, tabs, line ends, quotes and `*`; when it
        /// keeps none, `nothing`; when it keeps some and no word holds any of them, `barrier`: no
        /// word runs into or across the piece. `other` for anything else (the piece is folded).
        private enum Piece { case nothing, barrier, other }

        private func asciiOnly(_ text: Substring) -> Piece {
            let wordASCII = self.wordASCII
            return text.utf8.withContiguousStorageIfAvailable { bytes -> Piece in
                var kept = false
                for byte in bytes {
                    switch byte {
                    case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x2A: continue
                    case 0x80...: return .other
                    default:
                        if (byte < 64 ? wordASCII.0 >> UInt64(byte) : wordASCII.1 >> UInt64(byte - 64)) & 1 != 0 { return .other }
                        kept = true
                    }
                }
                return kept ? .barrier : .nothing
            } ?? .other
        }

        private mutating func search() {
            let words = self.words
            let ends = self.ends
            let firsts = self.firsts
            let filter = self.filter
            var found = self.found
            window.withUnsafeBufferPointer { w in
                var i = 0
                while i + 2 < w.count {
                    let lead = w[i]
                    guard lead >= 0xE0 && lead < 0xF0 else {
                        i += 1
                        continue
                    }
                    let v = UInt32(lead & 0x0F) << 12 | UInt32(w[i + 1] & 0x3F) << 6 | UInt32(w[i + 2] & 0x3F)
                    if filter[Int(v & 1023) >> 6] & (1 << UInt64(v & 63)) != 0 {
                        for word in firsts.indices where firsts[word] == v && !found[word] {
                            let start = word == 0 ? 0 : ends[word - 1]
                            let length = ends[word] - start
                            guard i + length <= w.count else { continue }
                            var k = 3
                            while k < length && w[i + k] == words[start + k] { k += 1 }
                            if k == length { found[word] = true }
                        }
                    }
                    i += 3
                }
            }
            self.found = found
        }
    }

    // MARK: Headings

    private static let headingKinds: [String: SectionKind] = {
        var map: [String: SectionKind] = [:]
        for kind in SectionKind.allCases {
            for variant in kind.titleVariants { map[variant] = kind }
        }
        return map
    }()

    /// The title variants' UTF-8 bytes one after another, for `headingKind(of:)`: variant `i` ends at
    /// `ends[i]` and names `kinds[i]`. Written out as `headingVariantBytes`, `headingVariantEnds` and
    /// `headingVariantKinds` (ReportParser+Tables.swift), which are read instead.
    static func makeHeadingVariants() -> (bytes: [UInt8], ends: [Int], kinds: [SectionKind]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var kinds: [SectionKind] = []
        for kind in SectionKind.allCases {
            for variant in kind.titleVariants {
                bytes += variant.utf8
                ends.append(bytes.count)
                kinds.append(kind)
            }
        }
        return (bytes, ends, kinds)
    }

    /// The section a trimmed line's heading key names (`headingKinds[LabelText.headingKey(…)]`), nil
    /// for none. Lines without `*` or `[` (which `Artefacts.clean` would change) whose key is plain are
    /// decided on their bytes, with no `String` made; the rest as before. O(n).
    static func headingKind(of trimmed: Substring) -> SectionKind? {
        let fast = trimmed.utf8.withContiguousStorageIfAvailable { bytes -> SectionKind?? in
            for byte in bytes where byte == 0x2A || byte == 0x5B { return .none }
            if !mayEndHeading(bytes) { return .some(nil) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { out -> SectionKind?? in
                guard let length = LabelText.plainHeadingKey(bytes, into: out) else { return .none }
                let variantBytes = headingVariantBytes
                let variantEnds = headingVariantEnds
                // The last variant with these bytes, as the dictionary keeps the last one written.
                var index = variantEnds.count - 1
                while index >= 0 {
                    let end = variantEnds[index]
                    let start = index == 0 ? 0 : variantEnds[index - 1]
                    if end - start == length {
                        var same = true
                        for k in 0..<length where variantBytes[start + k] != out[k] {
                            same = false
                            break
                        }
                        if same { return .some(SectionKind(order: Int(headingVariantKinds[index]))) }
                    }
                    index -= 1
                }
                return .some(nil)
            }
        }
        if case .some(.some(let decided)) = fast { return decided }
        return headingKinds[LabelText.headingKey(Artefacts.clean(trimmed))]
    }

    /// The scalars a heading key can end with: the last scalar of each title variant, and the
    /// traditional characters `LabelText.fold` turns into one of them. Written out as `headingEnds`
    /// (ReportParser+Tables.swift), which is read instead.
    static func makeHeadingEnds() -> [UInt32] {
        var ends: [UInt32] = []
        for kind in SectionKind.allCases {
            for variant in kind.titleVariants {
                if let last = variant.unicodeScalars.last, !ends.contains(last.value) { ends.append(last.value) }
            }
        }
        for (traditional, simplified) in zip(Traditional.sortedKeys, Traditional.sortedValues) where ends.contains(simplified) {
            ends.append(traditional)
        }
        return ends
    }

    /// False when the bytes of a line cannot fold to a heading key: the last scalar that folding and
    /// `headingKey` keep is one of `isPlain`'s (so that only equal bytes make equal keys) and ends no
    /// title variant. True when it may (then the key is worked out). Looks at the end of the line only.
    static func mayEndHeading(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = bytes.count
        while end > 0 {
            var lead = end - 1
            while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            var index = lead
            var v = LabelText.decode(bytes, at: &index)
            end = lead
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII, as `fold` reads it
            switch v {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x2002...0x200B, 0x2028, 0x2029, 0xFEFF: continue  // spaces
            case 0x22, 0x27, 0x2A, 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F: continue  // quotes, *
            case 0x3001, 0x2C, 0x3A, 0x3002, 0x2E, 0x3B: continue  // `headingKey`'s punctuation
            default: break
            }
            if headingEnds.contains(v) { return true }
            switch v {
            case 0...0x7F, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF: return false
            default: return true
            }
        }
        return true
    }

    /// Section headings in order; each kind at most once and only after the kinds before it, so that a
    /// table row such as `三、本年度办理结果` or `四、结转下年度继续办理` is never taken for a heading; and
    /// only at the template's level (`三、`, `3、` or no number): a subsection such as `(二)依申请公开情况`
    /// or `1.主动公开情况` inside 一、总体情况 is not a section.
    static func findHeadings(_ lines: [Line]) -> [Bound] {
        var result: [Bound] = []
        var last = SectionKind.preamble
        for (index, line) in lines.enumerated() where !line.startsWithTab {
            // Most lines are ruled out on their bytes: empty, longer than 60 scalars, or ending in a
            // scalar no heading key ends with (`mayEndHeading`); the rest are read as before.
            let candidate = line.text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                let (from, to) = LabelText.trimmedRange(bytes)
                guard from < to else { return false }
                let trimmed = UnsafeBufferPointer(rebasing: bytes[from..<to])
                if trimmed.count > 60 {
                    guard trimmed.count <= 240 else { return false }
                    var scalars = 0
                    for byte in trimmed where byte & 0xC0 != 0x80 { scalars += 1 }
                    guard scalars <= 60 else { return false }
                }
                for byte in trimmed where byte == 0x2A || byte == 0x5B { return true }
                return mayEndHeading(trimmed)
            }
            if candidate == false { continue }
            let trimmed = LabelText.trim(line.text)
            guard !trimmed.isEmpty, LabelText.isShort(trimmed, limit: 60) else { continue }
            guard let kind = headingKind(of: trimmed), kind > last else { continue }
            let cleaned = Artefacts.clean(trimmed)
            guard !LabelText.startsWithSubsectionNumbering(cleaned) else { continue }
            result.append(Bound(kind, cleaned, index, index + 1))
            last = kind
        }
        return result
    }

    // MARK: Narrative

    /// Paragraphs of a prose section: Word artefacts and page numbers removed, empty lines dropped.
    static func narrative(_ lines: ArraySlice<Line>) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(lines.count)  // at most a paragraph a line
        for line in lines {
            let text = Artefacts.clean(line.text)
            if text.isEmpty || Artefacts.isPageNumber(text) { continue }
            paragraphs.append(Paragraph(text: text, line: line.number))
        }
        return paragraphs
    }

    /// `（一）保障政府信息主动公开质量。一是…` → `（一）保障政府信息主动公开质量`.
    static func subsectionTitle(_ paragraph: Paragraph) -> Paragraph? {
        // Native text is read on its UTF-8 bytes (the same scalars, with no index checks).
        var text = paragraph.text
        let end = text.withUTF8 { bytes -> Int? in
            var index = 0
            guard index < bytes.count else { return nil }
            let first = LabelText.decode(bytes, at: &index)
            guard first == 0xFF08 || first == 0x28 else { return nil }  // （ (
            var numerals = 0
            var scalar: UInt32 = 0
            var next = index
            while next < bytes.count {
                index = next
                scalar = LabelText.decode(bytes, at: &next)
                guard let value = Unicode.Scalar(scalar), LabelText.isNumeral(value) else { break }
                numerals += 1
                index = next
            }
            guard numerals > 0, index < bytes.count else { return nil }
            next = index
            scalar = LabelText.decode(bytes, at: &next)
            guard scalar == 0xFF09 || scalar == 0x29 else { return nil }  // ） )
            var length = 0
            while index < bytes.count && length < 60 {
                next = index
                scalar = LabelText.decode(bytes, at: &next)
                if scalar == 0x3002 || scalar == 0xFF1A { break }  // 。 ：
                index = next
                length += 1
            }
            return index
        }
        if let end {
            return Paragraph(
                text: String(paragraph.text[..<paragraph.text.utf8.index(paragraph.text.utf8.startIndex, offsetBy: end)]),
                line: paragraph.line)
        }
        return nil
    }

    // MARK: Metadata

    /// Title (one line, or two when it breaks), agency and year from it, and the statistics period.
    private static func readMetadata(
        into report: inout Report, preamble: Section, lines: [Line], diagnostics: inout [Diagnostic]
    ) {
        // The title is among the first paragraphs; a saved web page may put navigation text before it.
        // First choice: one line that reads as a report title and has a year; then a title broken over
        // two lines (`…政府信息` / `公开工作年度报告`) whose halves together have one; then the first
        // line that reads as a report title at all.
        let candidates = Array(preamble.paragraphs.prefix(12))
        func isReport(_ text: String) -> Bool {
            LabelText.isShort(text, limit: 80) && !LabelText.contains(text, "。") && LabelText.contains(LabelText.fold(text), "报告")
        }
        var titleAgency: String?  // `Metadata.agency(fromTitle: report.title)`, when already worked out
        if let position = candidates.firstIndex(where: { isReport($0.text) && Metadata.year(in: $0.text) != nil }) {
            report.title = candidates[position].text
            titleAgency = Metadata.agency(fromTitle: report.title)
            // `洪泽区人民政府` on the line above `2023年政府信息公开工作年度报告`: the agency's line is
            // part of the title.
            if titleAgency?.isEmpty == true, position > 0 {
                let above = candidates[position - 1].text
                if LabelText.isShort(above, limit: 30), !isReport(above), !LabelText.contains(above, "。"),
                    Metadata.year(in: above) == nil
                {
                    report.title = above + report.title
                    titleAgency = nil
                }
            }
        } else {
            for position in candidates.indices.dropLast() {
                let first = candidates[position].text
                let second = candidates[position + 1].text
                if LabelText.isShort(first, limit: 40), LabelText.isShort(second, limit: 40), !isReport(first), isReport(second),
                    Metadata.year(in: first + second) != nil
                {
                    report.title = first + second
                    break
                }
            }
            if report.title.isEmpty, let any = candidates.prefix(3).first(where: { isReport($0.text) }) {
                report.title = any.text
            }
        }
        // The preamble's paragraphs and the overview's, searched as if joined by line feeds (the two
        // `Section.text`s joined by one) without joining them; a section without paragraphs is one
        // empty text, so that the line feed after or before it is still there.
        var texts = preamble.paragraphs.isEmpty ? [""] : preamble.paragraphs.map(\.text)
        if let overview = report.section(.overview) {
            texts += overview.paragraphs.isEmpty ? [""] : overview.paragraphs.map(\.text)
        }
        report.period = Metadata.period(inParagraphs: texts)
        if report.title.isEmpty {
            diagnostics.append(Diagnostic(.warning, line: preamble.line, "没有找到报告标题：机关名称未知"))
        } else {
            report.agency = titleAgency ?? Metadata.agency(fromTitle: report.title)
            report.year = Metadata.year(in: report.title)
        }
        if report.year == nil, let period = report.period { report.year = Metadata.year(in: period) }
        if report.year == nil {
            diagnostics.append(Diagnostic(.warning, line: preamble.line, "标题和统计期限里都没有找到报告年度"))
        }
    }
}
