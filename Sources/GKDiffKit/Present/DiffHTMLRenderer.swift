/// The comparison as one self-contained HTML page in Chinese, to print on A4 for the review meeting:
/// verdict, key indicators, the three tables with both years in each cell, the narrative with
/// insertions and deletions marked, and the findings with their cells highlighted in the tables.
///
/// Inline CSS only: no script, no image, no font or style sheet fetched from anywhere. Everything
/// that comes from a report is escaped (`&`, `<`, `>`, quotes) and its control characters dropped.
public enum DiffHTMLRenderer {
    /// The page for a comparison; `all` also lists unchanged sentences.
    public static func render(_ diff: ReportDiff, all: Bool) -> String {
        var text: [UInt8] = []
        render(diff, all: all, chunkSize: .max, deliverUTF8: { text.append(contentsOf: $0) })
        return String(decoding: text, as: UTF8.self)
    }

    /// `render(_:all:)` handed to `deliver` in pieces of about `chunkSize` bytes or more, so that a
    /// long comparison is never held whole.
    static func render(_ diff: ReportDiff, all: Bool, chunkSize: Int, deliver: (String) -> Void) {
        render(diff, all: all, chunkSize: chunkSize, deliverUTF8: { deliver(String(decoding: $0, as: UTF8.self)) })
    }

    /// `render(_:all:chunkSize:deliver:)` with each piece as UTF-8 bytes. The page is built as bytes
    /// (`TextBytes`), every text from a report escaped as it is appended.
    static func render(
        _ diff: ReportDiff, all: Bool, chunkSize: Int, deliverUTF8 deliver: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let agency = diff.new.agency.isEmpty ? diff.old.agency : diff.new.agency
        let years = "\(DiffTextRenderer.yearText(diff.old)) → \(DiffTextRenderer.yearText(diff.new))"
        var out = TextBytes(capacity: 1 << 16)
        func pass(_ out: inout TextBytes) {
            out.bytes.withUnsafeBufferPointer(deliver)
            out.bytes.removeAll(keepingCapacity: true)
        }
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        out.append("<title>")
        escape(agency, into: &out)
        out.append(" 政府信息公开工作年度报告对比 ")
        escape(years, into: &out)
        out.append("</title>\n")
        out.append("<style>\n")
        out.append(css)
        out.append("</style>\n</head>\n<body>\n")
        out.append("<header>\n<h1>")
        escape(agency.isEmpty ? "（机关名称不明）" : agency, into: &out)
        out.append("</h1>\n")
        out.append("<p class=\"sub\">政府信息公开工作年度报告对比　")
        escape(years, into: &out)
        out.append("</p>\n")
        out.append("<table class=\"files\"><tbody>\n")
        out.append("<tr><th>上年</th><td>")
        escape(diff.old.path, into: &out)
        out.append("</td><td>")
        escape(diff.old.title, into: &out)
        out.append("</td></tr>\n")
        out.append("<tr><th>本年</th><td>")
        escape(diff.new.path, into: &out)
        out.append("</td><td>")
        escape(diff.new.title, into: &out)
        out.append("</td></tr>\n")
        out.append("</tbody></table>\n</header>\n")
        out.append(verdict(diff))
        let numbered = findingNumbersByCell(diff)
        indicators(diff, into: &out)
        tables(diff, numbers: numbered, into: &out)
        out.append(unmatched(diff))
        narrative(diff, all: all, into: &out) { out in
            if out.count >= chunkSize { pass(&out) }
        }
        out.append(findings(diff))
        out.append("<footer>由 gkdiff ")
        out.append(GKDiff.version)
        out.append(" 生成。标记：<span class=\"inc\">增加</span> ")
        out.append("<span class=\"dec\">减少</span> <span class=\"state\">状态变化</span> ")
        out.append("<span class=\"unread\">无法读取</span> <span class=\"hit\">勾稽校验涉及</span>；")
        out.append("正文中 <del>删去的文字</del> <ins>新增的文字</ins>。</footer>\n")
        out.append("</body>\n</html>\n")
        pass(&out)
    }

    // MARK: Parts

    static func verdict(_ diff: ReportDiff) -> String {
        let verdict = Verdict(diff: diff)
        var out = "<section class=\"verdict\">\n<h2>结论</h2>\n"
        if verdict.isComplete {
            out += "<p class=\"good\">两份报告都已读全。</p>\n"
        } else {
            out += "<p class=\"bad\">！ 读取不完整：\(escape(verdict.unreadText))没有读全（见勾稽校验 P1）；"
            out += "没有读到的 \(verdict.unreadCells) 格不作比较，标为「无法读取」。</p>\n"
        }
        let (errors, warnings) = (verdict.errors, verdict.warnings)
        out += "<p class=\"\(errors > 0 ? "bad" : warnings > 0 ? "warn" : "good")\">勾稽校验：错误 \(errors) 项，警告 \(warnings) 项"
        out += errors + warnings > 0 ? "（见文末）。</p>\n" : "。</p>\n"
        for note in diff.notes { out += "<p class=\"warn\">！ \(escape(note))</p>\n" }
        out += "<p>表格：\(verdict.comparedCells) 格中 \(verdict.changedCells) 格有变化"
        if !verdict.blankedTables.isEmpty {
            let names = verdict.blankedTables.map { $0.label.split(separator: " ").first.map(String.init) ?? "" }
            out += "（另有\(names.joined(separator: "、"))今年整张留空）"
        }
        out += "。正文："
        var parts: [String] = []
        for section in diff.sections {
            var counts: [String] = []
            for status in [SentenceStatus.added, .removed, .edited, .numbersOnly] where section.count(status) > 0 {
                counts.append("\(status.label) \(section.count(status)) 句")
            }
            let name = DiffTextRenderer.sectionName(section)
            parts.append("\(name) \(counts.isEmpty ? "无变化" : counts.joined(separator: "、"))")
        }
        out += escape(parts.joined(separator: "；")) + "。</p>\n</section>\n"
        return out
    }

    static func indicators(_ diff: ReportDiff) -> String {
        var out = TextBytes()
        indicators(diff, into: &out)
        return out.string
    }

    /// `indicators(_:)` appended to `out`.
    static func indicators(_ diff: ReportDiff, into out: inout TextBytes) {
        out.append("<section>\n<h2>关键指标</h2>\n<table class=\"kpi\">\n<thead><tr><th>指标</th>")
        out.append("<th>")
        DiffTextRenderer.appendYear(diff.old.year, &out)
        out.append("</th><th></th><th>")
        DiffTextRenderer.appendYear(diff.new.year, &out)
        out.append("</th>")
        out.append("<th>变化</th><th>算法</th></tr></thead>\n<tbody>\n")
        for change in diff.keyIndicators {
            let arrow: String
            let kind: String
            if let points = change.pointsTenths {
                (arrow, kind) = points > 0 ? ("▲", "inc") : points < 0 ? ("▼", "dec") : ("＝", "")
            } else if let delta = change.change {
                (arrow, kind) = delta > 0 ? ("▲", "inc") : delta < 0 ? ("▼", "dec") : ("＝", "")
            } else {
                (arrow, kind) = ("→", "")
            }
            out.append("<tr><th>")
            escape(change.label, into: &out)
            out.append("</th>")
            out.append("<td class=\"num\">")
            escape(cellText(change.old), into: &out)
            out.append("</td><td class=\"arrow\">→</td>")
            out.append("<td class=\"num\">")
            escape(cellText(change.new), into: &out)
            out.append("</td>")
            out.append("<td class=\"num ")
            out.append(kind)
            out.append("\">")
            out.append(arrow)
            out.append(" ")
            escape(change.changeText ?? "", into: &out)
            out.append("</td>")
            out.append("<td class=\"formula\">")
            escape(change.new.formula, into: &out)
            for side in 0..<2 {
                if case .unavailable(let reason, _) = (side == 0 ? change.old : change.new).value {
                    out.append("<br><span class=\"bad\">")
                    DiffTextRenderer.appendYear(side == 0 ? diff.old.year : diff.new.year, &out)
                    out.append("无法计算：")
                    escape(reason, into: &out)
                    out.append("</span>")
                }
            }
            out.append("</td></tr>\n")
        }
        out.append("</tbody>\n</table>\n")
        out.append("<p class=\"small\">比率的变化以个百分点计；分母为 0 时没有比率；所需单元格留空、不适用或没有读到时无法计算，括号内为原因。</p>\n")
        out.append("</section>\n")
    }

    /// A key indicator's value in its table cell: the value, `无（分母为 0）`, or `无法计算` (the reason
    /// stands in the last column).
    static func cellText(_ indicator: KeyIndicator) -> String {
        if case .unavailable = indicator.value { return "无法计算" }
        return indicator.display
    }

    /// Finding numbers (1-based, in the order listed) by the cells they involve.
    static func findingNumbers(_ diff: ReportDiff) -> [CellKey: [Int]] {
        var numbers: [CellKey: [Int]] = [:]
        for (index, finding) in sortedFindings(diff).enumerated() {
            for cell in finding.cells where !(numbers[cell.key]?.contains(index + 1) ?? false) {
                numbers[cell.key, default: []].append(index + 1)
            }
        }
        return numbers
    }

    /// `findingNumbers(diff)` by position in `diff.cells` (every cell with a key a finding involves),
    /// found by comparing keys: no dictionary keyed by `CellKey`.
    static func findingNumbersByCell(_ diff: ReportDiff) -> [[Int]] {
        var numbers = Array(repeating: [Int](), count: diff.cells.count)
        for (number, findingIndex) in sortedFindingIndices(diff).enumerated() {
            for cell in diff.findings[findingIndex].cells {
                for index in diff.cells.indices where diff.cells[index].key == cell.key {
                    if numbers[index].last != number + 1 { numbers[index].append(number + 1) }
                }
            }
        }
        return numbers
    }

    /// The findings, errors first, then warnings, then notes, each in the order found.
    static func sortedFindings(_ diff: ReportDiff) -> [Finding] {
        sortedFindingIndices(diff).map { diff.findings[$0] }
    }

    /// The positions in `diff.findings` of `sortedFindings(diff)` (no copies of the findings).
    static func sortedFindingIndices(_ diff: ReportDiff) -> [Int] {
        var indices: [Int] = []
        indices.reserveCapacity(diff.findings.count)
        for severity in 0..<3 {
            for index in diff.findings.indices {
                let rank: Int
                switch diff.findings[index].severity {
                case .error: rank = 0
                case .warning: rank = 1
                case .note: rank = 2
                }
                if rank == severity { indices.append(index) }
            }
        }
        return indices
    }

    /// Each table as a grid: one row per template row, one column per template column; a cell shows
    /// this year's value, and last year's before it when they differ.
    static func tables(_ diff: ReportDiff, numbers: [[Int]]) -> String {
        var out = TextBytes()
        tables(diff, numbers: numbers, into: &out)
        return out.string
    }

    /// `tables(_:numbers:)` appended to `out`; `numbers` by position in `diff.cells`.
    static func tables(_ diff: ReportDiff, numbers: [[Int]], into out: inout TextBytes) {
        // The cells of each table by position in `diff.cells`, in one pass (no copies of the cells).
        var byTable = Array(repeating: [Int](), count: TableKind.allCases.count)
        for index in diff.cells.indices {
            if let position = TableKind.allCases.firstIndex(of: diff.cells[index].key.table) { byTable[position].append(index) }
        }
        for (position, table) in TableKind.allCases.enumerated() {
            let cells = byTable[position]
            out.append("<section class=\"table\">\n<h2>")
            escape(table.label, into: &out)
            out.append("</h2>\n")
            if cells.isEmpty {
                out.append("<p>（两份报告都没有这张表的单元格）</p>\n</section>\n")
                continue
            }
            if diff.tableNotCompared(table) { out.append("<p class=\"bad\">未比较：有一方没有读到这张表。</p>\n") }
            if diff.tableBlankedThisYear(table) {
                out.append("<p class=\"warn\">今年这张表一格也没有填（")
                out.append(cells.count)
                out.append(" 格留空）。</p>\n")
            }
            // Rows and columns in order of first appearance (each row's first cell, each column's
            // label); cells by row and column as positions in `diff.cells`, -1 for none.
            var rowKeys: [String] = []
            var rowFirst: [Int] = []
            var columnKeys: [String] = []
            var columnLabels: [String] = []
            var rowPosition: [String: Int] = [:]
            var columnPosition: [String: Int] = [:]
            var grid: [[Int]] = []
            for index in cells {
                let key = diff.cells[index].key
                let row: Int
                if let known = rowPosition[key.row] {
                    row = known
                } else {
                    row = rowKeys.count
                    rowPosition[key.row] = row
                    rowKeys.append(key.row)
                    rowFirst.append(index)
                    grid.append(Array(repeating: -1, count: columnKeys.count))
                }
                let column: Int
                if let known = columnPosition[key.column] {
                    column = known
                } else {
                    column = columnKeys.count
                    columnPosition[key.column] = column
                    columnKeys.append(key.column)
                    columnLabels.append(key.columnSpec.label)
                    for line in grid.indices { grid[line].append(-1) }
                }
                grid[row][column] = index  // the last cell of a key wins, as in a dictionary
            }
            out.append("<table class=\"grid\">\n<thead><tr><th class=\"label\">项目</th>")
            for label in columnLabels {
                out.append("<th>")
                escape(label, into: &out)
                out.append("</th>")
            }
            out.append("</tr></thead>\n<tbody>\n")
            for (row, line) in grid.enumerated() {
                let first = rowFirst[row]
                out.append("<tr><th class=\"label\">")
                escape(diff.cells[first].key.rowSpec.fullLabel, into: &out)
                if let sum = diff.cells[first].sum {
                    escape("［", into: &out)
                    escape(sum.label, into: &out)
                    escape("］", into: &out)
                }
                out.append("</th>")
                for index in line {
                    guard index >= 0 else {
                        out.append("<td class=\"none\"></td>")
                        continue
                    }
                    cellHTML(diff.cells[index], findings: numbers[index], into: &out)
                }
                out.append("</tr>\n")
            }
            out.append("</tbody>\n</table>\n</section>\n")
        }
    }

    static func cellHTML(_ cell: CellChange, findings: [Int]) -> String {
        var out = TextBytes()
        cellHTML(cell, findings: findings, into: &out)
        return out.string
    }

    /// One table cell: this year's value, and last year's struck through before it when they differ.
    static func cellHTML(_ cell: CellChange, findings: [Int], into out: inout TextBytes) {
        var classes = ""
        switch cell.status {
        case .unchanged: break
        case .increased, .added: classes = "inc"
        case .decreased: classes = "dec"
        case .stateChanged: classes = "state"
        case .unreadable: classes = "unread"
        }
        if !findings.isEmpty { classes += classes.isEmpty ? "hit" : " hit" }
        let old = DiffTextRenderer.shown(cell.old)
        let new = DiffTextRenderer.shown(cell.new)
        out.append("<td")
        if !classes.isEmpty {
            out.append(" class=\"")
            out.append(classes)
            out.append("\"")
        }
        out.append(" title=\"上年 ")
        escape(old, into: &out)
        out.append("（第 ")
        if let line = cell.old.line { out.append(line) } else { out.append("–") }
        out.append(" 行），本年 ")
        escape(new, into: &out)
        out.append("（第 ")
        if let line = cell.new.line { out.append(line) } else { out.append("–") }
        out.append(" 行）\">")
        if cell.status == .unchanged {
            escape(new, into: &out)
        } else {
            // Last year's value struck through as replaced; not when this year's was not read (nothing replaced it).
            out.append(cell.status == .unreadable ? "<span class=\"was\">" : "<span class=\"old\">")
            escape(old, into: &out)
            out.append("</span>→<b>")
            escape(new, into: &out)
            out.append("</b>")
            if let percent = cell.percentText {
                out.append("<span class=\"pct\">")
                escape(percent, into: &out)
                out.append("</span>")
            } else if cell.status == .added {
                out.append("<span class=\"pct\">新增</span>")
            }
        }
        if !findings.isEmpty {
            out.append("<sup>")
            for number in findings {
                out.append("[")
                out.append(number)
                out.append("]")
            }
            out.append("</sup>")
        }
        out.append("</td>")
    }

    static func unmatched(_ diff: ReportDiff) -> String {
        guard !diff.unmatched.isEmpty else { return "" }
        var out = "<section>\n<h2>只有一方模板有，不比较</h2>\n<table class=\"list\">\n"
        out += "<thead><tr><th>表</th><th>行</th><th>列</th><th>哪一方</th><th>值</th></tr></thead>\n<tbody>\n"
        for item in diff.unmatched {
            let side = item.side == .old ? "上年（\(item.template.rawValue) 年版）" : "本年（\(item.template.rawValue) 年版）"
            out += "<tr><td>\(escape(item.key.table.label))</td><td>\(escape(item.key.rowSpec.fullLabel))</td>"
            out += "<td>\(escape(item.key.columnSpec.label))</td><td>\(escape(side))</td>"
            out += "<td class=\"num\">\(escape(DiffTextRenderer.shown(item.cell)))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    static func narrative(_ diff: ReportDiff, all: Bool) -> String {
        var out = TextBytes()
        narrative(diff, all: all, into: &out) { _ in }
        return out.string
    }

    /// The narrative appended to `out`; `pass` is called after each sentence with what has gathered
    /// (and may hand it on and empty it).
    static func narrative(_ diff: ReportDiff, all: Bool, into out: inout TextBytes, pass: (inout TextBytes) -> Void) {
        out.append("<section class=\"prose\">\n<h2>正文逐句</h2>\n")
        if diff.sections.isEmpty { out.append("<p>（两份报告都没有读到正文）</p>\n") }
        for section in diff.sections {
            out.append("<h3>")
            escape(DiffTextRenderer.sectionName(section), into: &out)
            out.append("</h3>\n")
            out.append("<p class=\"small\">")
            escape(DiffTextRenderer.carriedText(section), into: &out)
            out.append("</p>\n")
            let shown = section.sentences.indices.filter { all || section.sentences[$0].status != .unchanged }
            if shown.isEmpty {
                out.append("<p class=\"small\">（与上年相同，没有变化的句子）</p>\n")
                continue
            }
            out.append("<ol class=\"sentences\">\n")
            for index in shown {
                let change = section.sentences[index]
                out.append("<li class=\"")
                out.append(change.status.rawValue)
                out.append("\"><span class=\"tag\">")
                escape(change.status.label, into: &out)
                out.append("</span> ")
                out.append("<span class=\"where\">旧")
                if let old = change.old { out.append(old.line) } else { out.append("–") }
                out.append("/新")
                if let new = change.new { out.append(new.line) } else { out.append("–") }
                out.append("行</span> ")
                switch change.status {
                case .added:
                    out.append("<ins>")
                    escape(change.new?.text ?? "", into: &out)
                    out.append("</ins>")
                case .removed:
                    out.append("<del>")
                    escape(change.old?.text ?? "", into: &out)
                    out.append("</del>")
                case .unchanged: escape(change.new?.text ?? "", into: &out)
                case .edited, .numbersOnly:
                    for piece in change.pieces {
                        switch piece {
                        case .same(let text): escape(text, into: &out)
                        case .removed(let text):
                            out.append("<del>")
                            escape(text, into: &out)
                            out.append("</del>")
                        case .added(let text):
                            out.append("<ins>")
                            escape(text, into: &out)
                            out.append("</ins>")
                        }
                    }
                }
                out.append("</li>\n")
                pass(&out)
            }
            out.append("</ol>\n")
        }
        out.append("</section>\n")
    }

    static func findings(_ diff: ReportDiff) -> String {
        let errors = diff.findings.filter { $0.severity == .error }.count
        let warnings = diff.findings.filter { $0.severity == .warning }.count
        var out = "<section class=\"findings\">\n<h2>勾稽校验（错误 \(errors) 项，警告 \(warnings) 项）</h2>\n"
        let sorted = sortedFindings(diff)
        if sorted.isEmpty { return out + "<p class=\"good\">全部通过。</p>\n</section>\n" }
        out += "<table class=\"list\">\n<thead><tr><th>#</th><th>级别</th><th>规则</th><th>说明</th><th>位置</th></tr></thead>\n<tbody>\n"
        for (index, finding) in sorted.enumerated() {
            let severity = ReportRenderer.severityWord(finding.severity)
            let place = finding.line.map { "\(finding.file):\($0)" } ?? finding.file
            out += "<tr class=\"\(finding.severity.rawValue)\"><td>\(index + 1)</td><td>\(severity)</td>"
            out += "<td>\(escape(finding.rule.id)) \(escape(finding.rule.name))</td><td>\(escape(finding.message))</td>"
            out += "<td class=\"where\">\(escape(place))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    // MARK: Escaping and style

    /// Text for HTML: `&`, `<`, `>`, `"` and `'` escaped; control characters other than tab and line
    /// feed dropped (they are not allowed in HTML).
    static func escape(_ text: String) -> String {
        var plain = true
        var copy = text
        copy.withUTF8 { plain = isPlain($0) }
        return plain ? text : escapedScalars(text)
    }

    /// `escape(text)` appended to `out`: the bytes as they are when nothing is escaped or dropped.
    static func escape(_ text: String, into out: inout TextBytes) {
        var text = text
        let plain = text.withUTF8 { utf8 in
            guard isPlain(utf8) else { return false }
            out.bytes.append(contentsOf: utf8)
            return true
        }
        if !plain { out.append(escapedScalars(text)) }
    }

    /// True when `escape` leaves the text as it is, decided on the UTF-8 bytes: no `&<>"'`, no C0 but
    /// tab and line feed, no DEL, no C1 (`C2 80`…`C2 9F`). Eight bytes at a time: a word with no byte
    /// below 0x28 (`&'"` and C0 are), no `<`, `>`, DEL or `C2` is passed whole.
    static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func anyZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        var previous: UInt8 = 0
        while index < utf8.count {
            if index + 8 <= utf8.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let below28 = (word &- ones &* 0x28) & ~word & highs != 0
                if !below28 && !anyZero(word ^ (ones &* 0x3C)) && !anyZero(word ^ (ones &* 0x3E))
                    && !anyZero(word ^ (ones &* 0x7F)) && !anyZero(word ^ (ones &* 0xC2))
                {
                    previous = UInt8(truncatingIfNeeded: word >> 56)
                    index += 8
                    continue
                }
            }
            let stop = min(index + 8, utf8.count)
            while index < stop {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x7F:
                    return false
                case 0x09, 0x0A:
                    break
                case 0x00...0x1F:
                    return false
                case 0x80...0x9F where previous == 0xC2:
                    return false
                default:
                    break
                }
                previous = byte
                index += 1
            }
        }
        return true
    }

    /// `escape(text)` scalar by scalar.
    private static func escapedScalars(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let css = """
        @page { size: A4; margin: 14mm 12mm; }
        body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", SimSun, sans-serif;
          font-size: 10pt; line-height: 1.45; color: #111; max-width: 190mm; margin: 0 auto; }
        h1 { font-size: 16pt; margin: 0 0 2pt; }
        h2 { font-size: 12.5pt; border-bottom: 1.5pt solid #333; margin: 14pt 0 5pt; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 10.5pt; margin: 10pt 0 3pt; break-after: avoid; page-break-after: avoid; }
        .sub { margin: 0 0 6pt; font-size: 11pt; }
        table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
        thead { display: table-header-group; }
        tr, li { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.6pt solid #888; padding: 2pt 3pt; vertical-align: top; }
        th { background: #eee; font-weight: bold; }
        table.files th, table.files td { border: none; padding: 0 6pt 0 0; background: none; font-size: 9pt; }
        .grid { font-size: 8.5pt; }
        .grid td { text-align: right; white-space: nowrap; }
        .grid th.label { text-align: left; font-weight: normal; background: #f6f6f6; width: 38%; }
        .num { text-align: right; white-space: nowrap; }
        .arrow { text-align: center; border-left: none; border-right: none; }
        .kpi .formula { font-size: 8pt; color: #555; }
        .kpi th:first-child { width: 16%; } .kpi td.num { width: 13%; } .kpi td.arrow { width: 3%; }
        .old { color: #666; text-decoration: line-through; margin-right: 1pt; }
        .was { color: #666; margin-right: 1pt; }
        .pct { display: block; font-size: 7.5pt; color: #444; }
        td.inc { background: #dff0d8; }
        td.dec { background: #fde2cf; }
        td.state { background: #fff3b0; }
        td.unread { background: repeating-linear-gradient(45deg, #ddd 0 3px, #f4f4f4 3px 6px); color: #555; }
        td.none { background: #fafafa; }
        td.hit, span.hit { outline: 1.6pt solid #c00; outline-offset: -2pt; }
        span.inc { background: #dff0d8; } span.dec { background: #fde2cf; }
        span.state { background: #fff3b0; } span.unread { background: #ddd; }
        .kpi td.inc { color: #075; background: none; } .kpi td.dec { color: #b30; background: none; }
        sup { color: #c00; font-weight: bold; }
        .verdict p { margin: 3pt 0; }
        .good { color: #075; } .warn { color: #8a5a00; } .bad { color: #b00; font-weight: bold; }
        .small { font-size: 8.5pt; color: #444; margin: 0 0 3pt; }
        ol.sentences { padding-left: 16pt; margin: 2pt 0; }
        ol.sentences li { margin: 2pt 0; }
        .tag { font-size: 7.5pt; border: 0.5pt solid #999; border-radius: 2pt; padding: 0 2pt; }
        .where { font-size: 7.5pt; color: #666; white-space: nowrap; }
        ins { background: #c8f0c8; text-decoration: underline; }
        del { background: #f8c8c8; text-decoration: line-through; }
        tr.error td { color: #900; }
        footer { margin-top: 12pt; font-size: 8pt; color: #555; border-top: 0.5pt solid #aaa; padding-top: 3pt; }
        @media print { body { max-width: none; } }

        """
}
