/// Builds one `DocumentTable` from the lines of a PDF table: header rows give the columns (an x-range
/// under each header), every value box goes into the column whose range holds its centre, in the row of
/// the values it shares a baseline with; labels wrapped over lines are joined and given to the nearest
/// row. What cannot be placed safely marks its row with a `problem` naming the page — a value is never
/// placed by its order in the row.
struct PDFTable {
    /// A header cell: words stacked or run together in one printed cell (`社会公益` / `组织`).
    private struct HeaderCell {
        var words: [PDFWord]
        var left: Double { words.reduce(.infinity) { min($0, $1.left) } }
        var right: Double { words.reduce(-.infinity) { max($0, $1.right) } }
        var top: Double { words.reduce(.infinity) { min($0, $1.top) } }
        var bottom: Double { words.reduce(-.infinity) { max($0, $1.bottom) } }
        var centerY: Double { (top + bottom) / 2 }
        var centerX: Double { (left + right) / 2 }
        var text: String { PDFTable.text(of: words) }
        var line: Int { words.map(\.line).min() ?? 0 }
        func overlapX(left: Double, right: Double) -> Double { min(self.right, right) - max(self.left, left) }
    }

    /// A value column of the current header: the x-range its values fall in and where it sits in the grid.
    struct Column {
        var header: String
        var low: Double
        var high: Double
        var grid: Int
        var span: Int
    }

    /// The rows made so far.
    private(set) var rows: [DocumentRow] = []
    /// The table's own columns: those of its first header with values under it.
    private var mainColumns: [Column] = []
    /// The columns of the header read last.
    private var columns: [Column] = []
    /// 1 when the table has a label column at the left (tables 1 and 2), 0 when it has none (table 3).
    private var labelOffset = 1
    /// The left edge of the table's words.
    private var left = 0.0
    private var gridWidth: Int { labelOffset + max(mainColumns.count, 1) }

    /// Reads a table from its lines (in reading order, possibly over several pages); nil when no header
    /// with columns was found in them.
    static func read(_ lines: [PDFLine]) -> DocumentTable? {
        var table = PDFTable()
        table.left = lines.flatMap(\.words).map(\.left).min() ?? 0
        var header: [PDFLine] = []
        var body: [PDFLine] = []
        var inBody = false
        for line in lines {
            if line.hasValue {
                if !inBody {
                    table.readHeader(header, all: lines)
                    header = []
                    inBody = true
                }
                body.append(line)
            } else if !inBody {
                if startsRow(line) && table.headerHasColumns(header) {
                    // A table left blank: its first row label ends the header.
                    table.readHeader(header, all: lines)
                    header = []
                    inBody = true
                    body.append(line)
                } else {
                    header.append(line)
                }
            } else if table.startsHeader(line) {
                table.readBody(body)
                body = []
                inBody = false
                header.append(line)
            } else {
                body.append(line)
            }
        }
        if !header.isEmpty { table.readHeader(header, all: lines) }
        if !body.isEmpty { table.readBody(body) }
        guard !table.mainColumns.isEmpty, let first = lines.first else { return nil }
        return DocumentTable(rows: table.rows, line: first.number)
    }

    /// A line without values that starts a new header inside the table: a title (`第二十条第（五）项`) or
    /// a word over the value columns.
    private func startsHeader(_ line: PDFLine) -> Bool {
        guard let low = columns.first?.low else { return true }
        return line.words.contains { PDFTable.isTitle($0.text) || $0.centerX >= low && !$0.isValue }
    }

    /// A line that starts like a row label: `一、`, `（三）`, `1.`, or a table-1 row name.
    private static func startsRow(_ line: PDFLine) -> Bool {
        let text = LabelText.fold(line.text)
        if PDFLayout.startsWithNumeral(text) { return true }
        return rowNames.contains { text.hasPrefix($0) }
    }

    private static let rowNames = [
        "规章", "行政规范性文件", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购",
        "其他对外管理服务事项",
    ]

    private static func isTitle(_ text: String) -> Bool { LabelText.fold(text).hasPrefix("第二十条") }

    private static func isLabelHeader(_ text: String) -> Bool {
        let key = LabelText.fold(text)
        return key.hasPrefix("信息内容") || key.contains("本列数据") || key == "项目"
    }

    private func headerHasColumns(_ lines: [PDFLine]) -> Bool {
        !PDFTable.leaves(of: PDFTable.cells(of: lines.flatMap(\.words))).isEmpty
    }

    // MARK: Headers

    /// Header words joined into cells: a word goes with the cell it sits right under (a wrapped header)
    /// or, when one of them is a single character, with the cell it touches on its line (`总` `计`).
    private static func cells(of words: [PDFWord]) -> [HeaderCell] {
        var cells: [HeaderCell] = []
        for word in words.sorted(by: { ($0.centerY, $0.left) < ($1.centerY, $1.left) }) {
            let stacked = cells.lastIndex { cell in
                guard let lowest = cell.words.max(by: { $0.centerY < $1.centerY }) else { return false }
                let rise = word.centerY - lowest.centerY
                guard !lowest.sharesLine(with: word), rise > 0, cell.overlapX(left: word.left, right: word.right) > 0 else {
                    return false
                }
                return rise <= stackLimit(cell.text, word.text) * max(word.height, lowest.height)
            }
            if let stacked {
                cells[stacked].words.append(word)
                continue
            }
            let touching = cells.lastIndex { cell in
                cell.words.contains { other in
                    let gap = word.left - other.right
                    guard other.sharesLine(with: word), gap >= -1, gap <= 1.5 * max(word.em, other.em) else { return false }
                    if word.text.unicodeScalars.count == 1 || other.text.unicodeScalars.count == 1 {
                        return gap <= max(word.em, other.em)
                    }
                    return splitHeader(other.text, word.text)
                }
            }
            if let touching {
                cells[touching].words.append(word)
            } else {
                cells.append(HeaderCell(words: [word]))
            }
        }
        return cells
    }

    /// How far below a header cell (in line heights) a word may sit and still continue it: far when together
    /// they are part of a template header (`社会公益` / `组织`), never when either is a whole header already
    /// (`申请人情况` over `法人或其他组织`, `未经复议直接起诉` over `其他`), a line and a half otherwise.
    private static func stackLimit(_ cell: String, _ word: String) -> Double {
        let upper = LabelText.fold(cell)
        let lower = LabelText.fold(word)
        let joined = upper + lower
        if headerWords.contains(where: { $0.contains(joined) }) { return 3 }
        let whole = { (text: String) in headerWords.contains(text) || text.hasPrefix("第二十条") }
        return whole(upper) || whole(lower) ? 0 : 1.5
    }

    /// Two words on one line that are the halves of one header pdftotext split at a space (`结果 维持`): together
    /// they are part of a template header and neither is a whole header by itself.
    private static func splitHeader(_ first: String, _ second: String) -> Bool {
        let left = LabelText.fold(first)
        let right = LabelText.fold(second)
        guard !headerWords.contains(left), !headerWords.contains(right) else { return false }
        let joined = left + right
        return headerWords.contains { $0.contains(joined) }
    }

    /// The column and group headers of both templates, folded.
    static let headerWords: Set<String> = [
        "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额(单位:万元)", "本年收费金额(万元)", "自然人",
        "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结",
        "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "申请人情况", "法人或其他组织", "本年新制作数量", "本年新公开数量",
        "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量", "采购项目数量", "采购总金额", "采购总金额(万元)", "信息内容",
    ]

    /// The value headers with no other header under them, left to right.
    private static func leaves(of cells: [HeaderCell]) -> [HeaderCell] {
        let values = cells.filter { !isTitle($0.text) && !isLabelHeader($0.text) }
        return values.filter { cell in
            !values.contains { other in
                other.top > cell.centerY && other.overlapX(left: cell.left, right: cell.right) > 0
            }
        }.sorted { $0.left < $1.left }
    }

    /// Reads a header: its title rows, group rows and the row of leaf headers, and the columns for the
    /// rows below it.
    private mutating func readHeader(_ lines: [PDFLine], all: [PDFLine]) {
        guard !lines.isEmpty else { return }
        let cells = PDFTable.cells(of: lines.flatMap(\.words))
        let leaves = PDFTable.leaves(of: cells)
        guard !leaves.isEmpty else {
            for title in cells {
                rows.append(DocumentRow(cells: [gridCell(title.text, title.line, 0, gridWidth)], line: title.line))
            }
            return
        }
        var bounds: [(low: Double, high: Double)] = []
        for (index, leaf) in leaves.enumerated() {
            let width = leaf.right - leaf.left
            let low =
                index == 0 ? leaf.left - min(width / 2, 12) : (leaves[index - 1].right + leaf.left) / 2
            let high =
                index == leaves.count - 1 ? leaf.right + min(width / 2, 12) : (leaf.right + leaves[index + 1].left) / 2
            bounds.append((low, high))
        }
        if mainColumns.isEmpty {
            let low = bounds[0].low
            let hasLabels = all.contains { line in
                line.words.contains { $0.centerX < low && !PDFTable.isTitle($0.text) }
            }
            labelOffset = hasLabels ? 1 : 0
            mainColumns = leaves.indices.map { index in
                Column(
                    header: leaves[index].text, low: bounds[index].low, high: bounds[index].high,
                    grid: labelOffset + index, span: 1)
            }
            columns = mainColumns
        } else if leaves.count == mainColumns.count {
            columns = leaves.indices.map { index in
                Column(
                    header: leaves[index].text, low: bounds[index].low, high: bounds[index].high,
                    grid: labelOffset + index, span: 1)
            }
        } else if leaves.count == 1 {
            columns = [
                Column(
                    header: leaves[0].text, low: bounds[0].low, high: bounds[0].high, grid: labelOffset,
                    span: mainColumns.count)
            ]
        } else {
            // Fewer columns than the table's own: each sits under the main column nearest its centre.
            var grids = leaves.map { leaf in
                mainColumns.min { abs(($0.low + $0.high) / 2 - leaf.centerX) < abs(($1.low + $1.high) / 2 - leaf.centerX) }!
                    .grid
            }
            for index in grids.indices.dropFirst() where grids[index] <= grids[index - 1] {
                grids[index] = grids[index - 1] + 1
            }
            columns = leaves.indices.map { index in
                let end = index + 1 < grids.count ? grids[index + 1] : labelOffset + mainColumns.count
                return Column(
                    header: leaves[index].text, low: bounds[index].low, high: bounds[index].high, grid: grids[index],
                    span: max(1, end - grids[index]))
            }
        }
        emitHeaderRows(cells: cells, leaves: leaves)
    }

    private func gridCell(_ text: String, _ line: Int, _ column: Int, _ span: Int = 1) -> GridCell {
        GridCell(text: text, line: line, column: column, columnSpan: span)
    }

    /// Title rows (`第二十条第（一）项` over the whole table), then one row per level of group headers
    /// (`申请人情况`, `法人或其他组织`), then the leaf row with the label column's header at column 0.
    private mutating func emitHeaderRows(cells: [HeaderCell], leaves: [HeaderCell]) {
        let leafWords = Set(leaves.flatMap(\.words))
        for title in cells where PDFTable.isTitle(title.text) {
            rows.append(DocumentRow(cells: [gridCell(title.text, title.line, 0, gridWidth)], line: title.line))
        }
        var groups = cells.filter {
            !PDFTable.isTitle($0.text) && !PDFTable.isLabelHeader($0.text) && !leafWords.contains($0.words[0])
        }
        groups.sort { $0.centerY < $1.centerY }
        var levels: [[HeaderCell]] = []
        for group in groups {
            if let last = levels.indices.last, abs(levels[last][0].centerY - group.centerY) < 0.5 * (group.bottom - group.top) {
                levels[last].append(group)
            } else {
                levels.append([group])
            }
        }
        // Spans from the lowest level up: a group above never splits the columns of a group below it.
        var spans: [[Range<Int>?]] = Array(repeating: [], count: levels.count)
        var below: [Range<Int>] = []
        for number in levels.indices.reversed() {
            levels[number].sort { $0.left < $1.left }
            spans[number] = PDFTable.runs(of: levels[number], over: leaves, lowest: number == levels.count - 1, below: below)
            below += spans[number].compactMap { $0 }
        }
        for (level, runs) in zip(levels, spans) {
            var row: [GridCell] = []
            for (group, run) in zip(level, runs) {
                guard let run, run.lowerBound < columns.count, run.upperBound <= columns.count else { continue }
                let first = columns[run.lowerBound]
                let last = columns[run.upperBound - 1]
                if let previous = row.last, previous.column + previous.columnSpan > first.grid { continue }
                row.append(gridCell(group.text, group.line, first.grid, last.grid + last.span - first.grid))
            }
            if !row.isEmpty { rows.append(DocumentRow(cells: row, line: row.map(\.line).min()!)) }
        }
        var row: [GridCell] = []
        let labels = cells.filter { PDFTable.isLabelHeader($0.text) }
        if labelOffset == 1, !labels.isEmpty {
            row.append(gridCell(labels.map(\.text).joined(), labels.map(\.line).min()!, 0))
        }
        for (leaf, column) in zip(leaves, columns) {
            row.append(gridCell(leaf.text, leaf.line, column.grid, column.span))
        }
        rows.append(DocumentRow(cells: row, line: row.map(\.line).min()!))
    }

    /// The leaves under each group header of one level, as index ranges. A group's printed text is
    /// centred over its cell, or starts where its first column starts: the groups take consecutive runs
    /// of leaves, each run centred under its group (or starting at its left edge), covering as many
    /// leaves as possible. Directly above the leaves, a run holds only leaves of one height (a leaf that
    /// reaches up beside the group, like 自然人 beside 法人或其他组织, is not under it). Falls back to the
    /// leaves a group's words lie over when no such runs exist.
    private static func runs(
        of level: [HeaderCell], over leaves: [HeaderCell], lowest: Bool, below: [Range<Int>]
    ) -> [Range<Int>?] {
        let widths = leaves.map { $0.right - $0.left }.sorted()
        let heights = leaves.map { $0.bottom - $0.top }.sorted()
        let tolerance = max(4, 0.6 * widths[widths.count / 2])
        let sameHeight = 0.3 * heights[heights.count / 2]
        /// How far the run is from sitting under the group (nil: too far, or of mixed heights).
        func cost(_ run: Range<Int>, _ group: HeaderCell) -> Double? {
            let first = leaves[run.lowerBound]
            let last = leaves[run.upperBound - 1]
            let distance = min(abs((first.left + last.right) / 2 - group.centerX), abs(first.left - group.left))
            guard distance <= tolerance else { return nil }
            // A run holds each lower group's columns whole or not at all.
            if below.contains(where: { $0.overlaps(run) && !($0.lowerBound >= run.lowerBound && $0.upperBound <= run.upperBound) }
            ) {
                return nil
            }
            guard lowest else { return distance }
            let centres = leaves[run].map(\.centerY)
            return centres.max()! - centres.min()! <= sameHeight ? distance : nil
        }
        // Most leaves covered; then, right above the leaves, runs of like length (sibling groups have as many
        // columns); then closest.
        var best: (covered: Int, imbalance: Int, cost: Double, runs: [Range<Int>])?
        func search(_ index: Int, from start: Int, _ chosen: [Range<Int>], _ total: Double) {
            if index == level.count {
                let covered = chosen.reduce(0) { $0 + $1.count }
                let lengths = chosen.map(\.count)
                let imbalance = (lengths.max() ?? 0) - (lengths.min() ?? 0)
                if let best {
                    if covered != best.covered {
                        if covered < best.covered { return }
                    } else if lowest && imbalance != best.imbalance {
                        if imbalance > best.imbalance { return }
                    } else if total >= best.cost {
                        return
                    }
                }
                best = (covered, imbalance, total, chosen)
                return
            }
            guard start < leaves.count else { return }
            for end in (start + 1)...leaves.count {
                if let cost = cost(start..<end, level[index]) {
                    search(index + 1, from: end, chosen + [start..<end], total + cost)
                }
            }
        }
        if level.count <= 4 && leaves.count <= 24 {
            for start in leaves.indices { search(0, from: start, [], 0) }
        }
        if let best { return best.runs }
        return level.map { group in
            let covered = leaves.indices.filter { leaves[$0].overlapX(left: group.left, right: group.right) > 0 }
            guard let first = covered.first, let last = covered.last else { return nil }
            return first..<(last + 1)
        }
    }

    // MARK: Body

    /// A row being built: its values (and any text printed among them) and its label words.
    private struct Band {
        var values: [PDFWord] = []
        var labels: [PDFWord] = []
        var centerY: Double
        var height: Double
    }

    /// Reads body lines: values are grouped into rows by baseline, labels joined to the nearest row.
    private mutating func readBody(_ lines: [PDFLine]) {
        guard let low = columns.first?.low, !lines.isEmpty else { return }
        let words = lines.flatMap(\.words)
        var bands: [Band] = []
        for word in words.filter({ $0.centerX >= low }).sorted(by: { $0.centerY < $1.centerY }) {
            if let index = bands.firstIndex(where: { abs($0.centerY - word.centerY) <= 0.5 * max($0.height, word.height) }) {
                bands[index].values.append(word)
            } else if word.isValue {
                bands.append(Band(values: [word], centerY: word.centerY, height: word.height))
            }
        }
        // Text over the value columns that shares no baseline with a value is not a value: ignored.
        bands = bands.map { band in
            var band = band
            let values = band.values
            band.values.removeAll { word in !word.isValue && !values.contains { $0.isValue && $0.sharesLine(with: word) } }
            return band
        }
        let labelWords = PDFTable.withoutVerticalText(words.filter { $0.centerX < low })
        var orphans: [PDFWord] = []
        var bandOf: [PDFWord: Int] = [:]
        var firstValue: [Int: Double] = [:]
        for word in words where word.isValue { firstValue[word.page] = min(firstValue[word.page] ?? .infinity, word.top) }
        // A word touching one to its left on its line (`3.` `补正后…`) goes with it.
        let leftNeighbour: [PDFWord: PDFWord] = Dictionary(
            labelWords.compactMap { word in
                labelWords.filter { other in
                    other.sharesLine(with: word) && other.left < word.left
                        && word.left - other.right <= 0.7 * min(word.em, other.em)
                }.max { $0.left < $1.left }.map { (word, $0) }
            }, uniquingKeysWith: { first, _ in first })
        for word in labelWords.sorted(by: { ($0.centerY, $0.left) < ($1.centerY, $1.left) }) {
            if let neighbour = leftNeighbour[word] {
                if let band = bandOf[neighbour] {
                    bands[band].labels.append(word)
                    bandOf[word] = band
                    continue
                }
            }
            // A wrapped line of a label goes where the line above it in the same printed cell went.
            var above = labelWords.filter { other in
                other.centerY < word.centerY && !other.sharesLine(with: word) && other.overlapX(word) > 0
                    && word.centerY - other.centerY <= 1.5 * max(word.height, other.height)
            }.max { $0.centerY < $1.centerY }
            // A row split by a page break: words above the first values of a page continue the last label of
            // the page before.
            if above == nil, word.bottom <= firstValue[word.page] ?? .infinity {
                above = labelWords.filter { $0.page == word.page - 1 && $0.overlapX(word) > 0 }.max { $0.centerY < $1.centerY }
            }
            let startsLabel =
                PDFLayout.startsWithNumeral(word.text) || PDFTable.rowNames.contains { LabelText.fold(word.text).hasPrefix($0) }
            if let above, leftNeighbour[word] == nil, !startsLabel {
                if let band = bandOf[above] {
                    bands[band].labels.append(word)
                    bandOf[word] = band
                } else {
                    orphans.append(word)
                }
                continue
            }
            let nearest = bands.indices.min { abs(bands[$0].centerY - word.centerY) < abs(bands[$1].centerY - word.centerY) }
            // A group label in a merged cell (`（六）其他处理`) may sit far from every row, but between two.
            let between =
                bands.contains { $0.centerY < word.centerY && !$0.values.isEmpty }
                && bands.contains { $0.centerY > word.centerY && !$0.values.isEmpty } && !PDFTable.isRowLabel(word, labelWords)
            if let nearest, between || abs(bands[nearest].centerY - word.centerY) <= 2 * max(bands[nearest].height, word.height) {
                bands[nearest].labels.append(word)
                bandOf[word] = nearest
            } else {
                orphans.append(word)
            }
        }
        // A row printed blank beside a row with values: its label, numbered like the row's own, is a row of
        // its own (with empty cells), not part of the neighbour's label.
        var blank: [Band] = []
        for index in bands.indices {
            let (kept, split) = PDFTable.splitLabels(bands[index])
            bands[index].labels = kept
            blank += split.map { Band(labels: $0, centerY: $0.map(\.centerY).min()!, height: $0[0].height) }
        }
        bands += blank
        // Labels with no values beside them (a blank row): one row per label, wrapped lines joined.
        let firstBlank = bands.count
        for word in orphans.sorted(by: { ($0.centerY, $0.left) < ($1.centerY, $1.left) }) {
            let startsRow = PDFTable.startsRow(PDFLine(words: [word], number: 0))
            // A merged group cell wraps its label beside the rows (`（三）不` beside `4.保护…`, `予公开` beside
            // `5.…`): a line that starts no row continues the label printed right above it in its own cell.
            let cell =
                startsRow
                ? nil
                : (firstBlank..<bands.count).last { index in
                    bands[index].labels.contains { above in
                        above.overlapX(word) > 0 && above.centerY < word.centerY && !above.sharesLine(with: word)
                            && word.centerY - above.centerY <= 2 * max(word.height, above.height)
                    }
                }
            if let cell {
                bands[cell].labels.append(word)
            } else if let last = bands.indices.last, bands[last].values.isEmpty, !PDFTable.isRowLabel(word, labelWords),
                bands[last].labels.contains(where: { $0.sharesLine(with: word) && !(startsRow && word.left < $0.left) })
                    || !startsRow && word.centerY - bands[last].centerY <= 2 * word.height
            {
                bands[last].labels.append(word)
            } else {
                // A numbered label in the rightmost label column always starts its own row, and so does a
                // row's start printed left of the labels on its line (a group's label beside its first row).
                bands.append(Band(labels: [word], centerY: word.centerY, height: word.height))
            }
        }
        bands.sort { ($0.centerY, $0.labels.map(\.left).min() ?? 0) < ($1.centerY, $1.labels.map(\.left).min() ?? 0) }
        for band in bands { rows.append(row(of: band)) }
    }

    /// A label word that starts a numbered row label (`2.重复申请`) in the rightmost column of labels.
    private static func isRowLabel(_ word: PDFWord, _ labels: [PDFWord]) -> Bool {
        guard PDFLayout.startsWithNumeral(lineText(of: word, in: labels)) else { return false }
        let rightmost = labels.filter { PDFLayout.startsWithNumeral(lineText(of: $0, in: labels)) }.map(\.left).max() ?? word.left
        return abs(word.left - rightmost) <= 2
    }

    /// The text of the word's line among `words`, from the word on: `1.` + `属于国家秘密`.
    private static func lineText(of word: PDFWord, in words: [PDFWord]) -> String {
        words.filter { $0.sharesLine(with: word) && $0.left >= word.left - 0.5 }.sorted { $0.left < $1.left }.map(\.text)
            .joined()
    }

    /// A band's labels without the rows printed blank beside it: when two lines starting with a row number
    /// begin at the same x (`1.信访举报投诉类申请` over `2.重复申请`), the one nearest the band's values keeps
    /// the band; each other starts a label of its own, with the lines wrapped under it.
    private static func splitLabels(_ band: Band) -> (kept: [PDFWord], split: [[PDFWord]]) {
        let starts = band.labels.filter { PDFLayout.startsWithNumeral(lineText(of: $0, in: band.labels)) }
        // Group the row-number starts by their left edge; only an edge with two or more starts splits.
        var byEdge: [[PDFWord]] = []
        for word in starts.sorted(by: { $0.left < $1.left }) {
            if let last = byEdge.indices.last, abs(byEdge[last][0].left - word.left) <= 2 {
                byEdge[last].append(word)
            } else {
                byEdge.append([word])
            }
        }
        guard let column = byEdge.first(where: { $0.count >= 2 }), !band.values.isEmpty else { return (band.labels, []) }
        let ordered = column.sorted { $0.centerY < $1.centerY }
        let keep = ordered.min { abs($0.centerY - band.centerY) < abs($1.centerY - band.centerY) }!
        var kept = band.labels
        var split: [[PDFWord]] = []
        for (index, start) in ordered.enumerated() where start != keep {
            let next = index + 1 < ordered.count ? ordered[index + 1] : nil
            // The start's lines: from its line down to the next start's line, in its column and to its right.
            let part = band.labels.filter { word in
                guard word.left >= start.left - 2 else { return false }
                guard word.sharesLine(with: start) || word.centerY > start.centerY else { return false }
                guard let next else { return true }
                return word.centerY < next.centerY && !word.sharesLine(with: next)
            }
            guard !part.isEmpty else { continue }
            kept.removeAll { part.contains($0) }
            split.append(part)
        }
        return (kept, split)
    }

    /// The table row of a band: the label at column 0, one cell per value column (empty where nothing is
    /// printed), and a problem when a value fits no column, two share one, or values have no label.
    private func row(of band: Band) -> DocumentRow {
        let line = (band.values.isEmpty ? band.labels : band.values).map(\.line).min() ?? 0
        let page = (band.values.first ?? band.labels.first)?.page ?? 1
        var cells: [GridCell] = []
        var problems: [String] = []
        // A number in the right half of the label column is a value printed beside its column: never part
        // of the label, never placed.
        let middle = (left + (columns.first?.low ?? left)) / 2
        let stray = band.labels.filter { $0.isValue && $0.centerX > middle && $0.text.contains(where: \.isNumber) }
        for word in stray { problems.append("第 \(page) 页：数字「\(word.text)」不在任何一列之下") }
        let label = PDFTable.labelText(band.labels.filter { !stray.contains($0) })
        if labelOffset == 1 {
            cells.append(gridCell(label, line, 0))
            if label.isEmpty && !band.values.isEmpty { problems.append("第 \(page) 页：这一行数字没有行标签") }
        }
        var placed = [[PDFWord]](repeating: [], count: columns.count)
        for word in band.values.sorted(by: { $0.left < $1.left }) {
            if let index = columns.firstIndex(where: { word.centerX >= $0.low && word.centerX < $0.high }) {
                placed[index].append(word)
            } else if word.isValue {
                problems.append("第 \(page) 页：数字「\(word.text)」不在任何一列之下")
            }
        }
        for (index, column) in columns.enumerated() {
            let values = placed[index].filter(\.isValue)
            if values.count > 1 {
                let listed = values.map { "「\($0.text)」" }.joined()
                problems.append("第 \(page) 页：「\(column.header)」一列有两个数字\(listed)")
            }
            let own = placed[index].map(\.line).min() ?? line
            cells.append(gridCell(PDFLayout.join(placed[index]), own, column.grid, column.span))
        }
        return DocumentRow(cells: cells, line: line, problem: problems.isEmpty ? nil : problems.joined(separator: "；"))
    }

    /// A label's words joined: words that overlap across lines or touch on a line are one printed cell
    /// (read top to bottom); cells are read left to right (`（四）无法提供` then `2.没有现成信息…`).
    static func labelText(_ words: [PDFWord]) -> String {
        var groups: [[PDFWord]] = []
        for word in words.sorted(by: { ($0.centerY, $0.left) < ($1.centerY, $1.left) }) {
            let matches = groups.indices.filter { index in
                groups[index].contains { other in
                    if other.sharesLine(with: word) {
                        // `（三）` and `4.保护…` side by side are two cells; `…只计这一情` `形，不` are one.
                        let right = word.left > other.left ? word : other
                        let gap = max(word.left, other.left) - min(word.right, other.right)
                        return gap <= 0.7 * min(word.em, other.em) && !PDFLayout.startsWithNumeral(right.text)
                    }
                    return other.overlapX(word) > 0
                }
            }
            if let first = matches.first {
                groups[first].append(word)
                for index in matches.dropFirst().reversed() {
                    groups[first] += groups[index]
                    groups.remove(at: index)
                }
            } else {
                groups.append([word])
            }
        }
        return groups.sorted { $0.map(\.left).min()! < $1.map(\.left).min()! }.map { text(of: $0) }.joined()
    }

    /// Words of one printed cell in reading order, joined without spaces.
    static func text(of words: [PDFWord]) -> String {
        var lines: [[PDFWord]] = []
        for word in words.sorted(by: { $0.centerY < $1.centerY }) {
            if let last = lines.indices.last, lines[last].contains(where: { $0.sharesLine(with: word) }) {
                lines[last].append(word)
            } else {
                lines.append([word])
            }
        }
        return lines.map { $0.sorted { $0.left < $1.left }.map(\.text).joined() }.joined()
    }

    /// Label words without the characters of a group label printed vertically (`三` `、本` `年` `度办` …,
    /// one or two characters a box, stacked): they would otherwise be spread over the rows beside them.
    static func withoutVerticalText(_ words: [PDFWord]) -> [PDFWord] {
        let short = words.filter { word in
            let scalars = word.text.unicodeScalars
            return scalars.count <= 2 && scalars.allSatisfy { $0.value >= 0x3000 }
        }.sorted { $0.top < $1.top }
        var drop: Set<PDFWord> = []
        var used: Set<PDFWord> = []
        for start in short where !used.contains(start) {
            var chain = [start]
            for word in short where !used.contains(word) && word != start {
                let last = chain[chain.count - 1]
                if abs(word.left - last.left) <= 2, word.top > last.top, word.top - last.bottom <= 0.6 * last.height {
                    chain.append(word)
                }
            }
            if chain.count >= 3 {
                drop.formUnion(chain)
                used.formUnion(chain)
            }
        }
        return words.filter { !drop.contains($0) }
    }
}
