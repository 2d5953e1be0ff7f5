/// The comparison as one self-contained HTML page in Chinese, to print on A4 for the review meeting:
/// verdict, key indicators, the three tables with both years in each cell, the narrative with
/// insertions and deletions marked, and the findings with their cells highlighted in the tables.
///
/// Inline CSS only: no script, no image, no font or style sheet fetched from anywhere. Everything
/// that comes from a report is escaped (`&`, `<`, `>`, quotes) and its control characters dropped.
public enum DiffHTMLRenderer {
    /// The page for a comparison; `all` also lists unchanged sentences.
    public static func render(_ diff: ReportDiff, all: Bool) -> String {
        var text = ""
        render(diff, all: all, chunkSize: .max) { text += $0 }
        return text
    }

    /// `render(_:all:)` handed to `deliver` in pieces of about `chunkSize` bytes or more, so that a
    /// long comparison is never held whole.
    static func render(_ diff: ReportDiff, all: Bool, chunkSize: Int, deliver: (String) -> Void) {
        let agency = diff.new.agency.isEmpty ? diff.old.agency : diff.new.agency
        let years = "\(DiffTextRenderer.yearText(diff.old)) → \(DiffTextRenderer.yearText(diff.new))"
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(escape(agency)) 政府信息公开工作年度报告对比 \(escape(years))</title>\n"
        out += "<style>\n\(css)</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>\(escape(agency.isEmpty ? "（机关名称不明）" : agency))</h1>\n"
        out += "<p class=\"sub\">政府信息公开工作年度报告对比　\(escape(years))</p>\n"
        out += "<table class=\"files\"><tbody>\n"
        out += "<tr><th>上年</th><td>\(escape(diff.old.path))</td><td>\(escape(diff.old.title))</td></tr>\n"
        out += "<tr><th>本年</th><td>\(escape(diff.new.path))</td><td>\(escape(diff.new.title))</td></tr>\n"
        out += "</tbody></table>\n</header>\n"
        out += verdict(diff)
        let numbered = findingNumbers(diff)
        out += indicators(diff)
        out += tables(diff, numbers: numbered)
        out += unmatched(diff)
        narrative(diff, all: all, into: &out) { out in
            guard out.utf8.count >= chunkSize else { return }
            deliver(out)
            out = ""
        }
        out += findings(diff, numbers: numbered)
        out += "<footer>由 gkdiff \(GKDiff.version) 生成。标记：<span class=\"inc\">增加</span> "
        out += "<span class=\"dec\">减少</span> <span class=\"state\">状态变化</span> "
        out += "<span class=\"unread\">无法读取</span> <span class=\"hit\">勾稽校验涉及</span>；"
        out += "正文中 <del>删去的文字</del> <ins>新增的文字</ins>。</footer>\n"
        out += "</body>\n</html>\n"
        deliver(out)
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
        var out = "<section>\n<h2>关键指标</h2>\n<table class=\"kpi\">\n<thead><tr><th>指标</th>"
        out += "<th>\(DiffTextRenderer.yearText(diff.old))</th><th></th><th>\(DiffTextRenderer.yearText(diff.new))</th>"
        out += "<th>变化</th><th>算法</th></tr></thead>\n<tbody>\n"
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
            out += "<tr><th>\(escape(change.label))</th>"
            out += "<td class=\"num\">\(escape(cellText(change.old)))</td><td class=\"arrow\">→</td>"
            out += "<td class=\"num\">\(escape(cellText(change.new)))</td>"
            out += "<td class=\"num \(kind)\">\(arrow) \(escape(change.changeText ?? ""))</td>"
            var note = escape(change.new.formula)
            for (year, indicator) in [(diff.old.year, change.old), (diff.new.year, change.new)] {
                if case .unavailable(let reason, _) = indicator.value {
                    note += "<br><span class=\"bad\">\(DiffTextRenderer.yearText(year))无法计算：\(escape(reason))</span>"
                }
            }
            out += "<td class=\"formula\">\(note)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<p class=\"small\">比率的变化以个百分点计；分母为 0 时没有比率；所需单元格留空、不适用或没有读到时无法计算，括号内为原因。</p>\n"
        return out + "</section>\n"
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

    static func sortedFindings(_ diff: ReportDiff) -> [Finding] {
        diff.findings.enumerated().sorted { ($0.element.severity, -$0.offset) > ($1.element.severity, -$1.offset) }.map(
            \.element)
    }

    /// Each table as a grid: one row per template row, one column per template column; a cell shows
    /// this year's value, and last year's before it when they differ.
    static func tables(_ diff: ReportDiff, numbers: [CellKey: [Int]]) -> String {
        var out = ""
        // The cells of each table by position in `diff.cells`, in one pass (no copies of the cells).
        var byTable = Array(repeating: [Int](), count: TableKind.allCases.count)
        for index in diff.cells.indices {
            if let position = TableKind.allCases.firstIndex(of: diff.cells[index].key.table) { byTable[position].append(index) }
        }
        for (position, table) in TableKind.allCases.enumerated() {
            let cells = byTable[position]
            out += "<section class=\"table\">\n<h2>\(escape(table.label))</h2>\n"
            if cells.isEmpty {
                out += "<p>（两份报告都没有这张表的单元格）</p>\n</section>\n"
                continue
            }
            if diff.tableNotCompared(table) { out += "<p class=\"bad\">未比较：有一方没有读到这张表。</p>\n" }
            if diff.tableBlankedThisYear(table) { out += "<p class=\"warn\">今年这张表一格也没有填（\(cells.count) 格留空）。</p>\n" }
            // Rows and columns in order of first appearance; each row's first cell; cells by row and column.
            var rows: [(key: String, first: Int)] = []
            var columns: [(key: String, label: String)] = []
            var rowPosition: [String: Int] = [:]
            var columnPosition: [String: Int] = [:]
            var grid: [[Int?]] = []
            for index in cells {
                let key = diff.cells[index].key
                let row: Int
                if let known = rowPosition[key.row] {
                    row = known
                } else {
                    row = rows.count
                    rowPosition[key.row] = row
                    rows.append((key.row, index))
                    grid.append(Array(repeating: nil, count: columns.count))
                }
                let column: Int
                if let known = columnPosition[key.column] {
                    column = known
                } else {
                    column = columns.count
                    columnPosition[key.column] = column
                    columns.append((key.column, key.columnSpec.label))
                    for line in grid.indices { grid[line].append(nil) }
                }
                grid[row][column] = index  // the last cell of a key wins, as in a dictionary
            }
            out += "<table class=\"grid\">\n<thead><tr><th class=\"label\">项目</th>"
            for column in columns { out += "<th>\(escape(column.label))</th>" }
            out += "</tr></thead>\n<tbody>\n"
            for (row, line) in zip(rows, grid) {
                let first = diff.cells[row.first]
                var label = first.key.rowSpec.fullLabel
                if let sum = first.sum { label += "［\(sum.label)］" }
                out += "<tr><th class=\"label\">\(escape(label))</th>"
                for index in line {
                    guard let index else {
                        out += "<td class=\"none\"></td>"
                        continue
                    }
                    cellHTML(diff.cells[index], findings: numbers[diff.cells[index].key] ?? [], into: &out)
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        return out
    }

    static func cellHTML(_ cell: CellChange, findings: [Int]) -> String {
        var out = ""
        cellHTML(cell, findings: findings, into: &out)
        return out
    }

    /// One table cell: this year's value, and last year's struck through before it when they differ.
    static func cellHTML(_ cell: CellChange, findings: [Int], into out: inout String) {
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
        out += "<td"
        if !classes.isEmpty {
            out += " class=\""
            out += classes
            out += "\""
        }
        out += " title=\""
        let lines = (old: cell.old.line.map(String.init) ?? "–", new: cell.new.line.map(String.init) ?? "–")
        out += escape("上年 \(old)（第 \(lines.old) 行），本年 \(new)（第 \(lines.new) 行）")
        out += "\">"
        if cell.status == .unchanged {
            out += escape(new)
        } else {
            // Last year's value struck through as replaced; not when this year's was not read (nothing replaced it).
            out += cell.status == .unreadable ? "<span class=\"was\">" : "<span class=\"old\">"
            out += escape(old)
            out += "</span>→<b>"
            out += escape(new)
            out += "</b>"
            if let percent = cell.percentText {
                out += "<span class=\"pct\">"
                out += escape(percent)
                out += "</span>"
            } else if cell.status == .added {
                out += "<span class=\"pct\">新增</span>"
            }
        }
        if !findings.isEmpty {
            out += "<sup>"
            for number in findings { out += "[\(number)]" }
            out += "</sup>"
        }
        out += "</td>"
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
        var out = ""
        narrative(diff, all: all, into: &out) { _ in }
        return out
    }

    /// The narrative appended to `out`; `pass` is called after each sentence with what has gathered
    /// (and may hand it on and empty it).
    static func narrative(_ diff: ReportDiff, all: Bool, into out: inout String, pass: (inout String) -> Void) {
        out += "<section class=\"prose\">\n<h2>正文逐句</h2>\n"
        if diff.sections.isEmpty { out += "<p>（两份报告都没有读到正文）</p>\n" }
        for section in diff.sections {
            out += "<h3>\(escape(DiffTextRenderer.sectionName(section)))</h3>\n"
            out += "<p class=\"small\">\(escape(DiffTextRenderer.carriedText(section)))</p>\n"
            let shown = section.sentences.filter { all || $0.status != .unchanged }
            if shown.isEmpty {
                out += "<p class=\"small\">（与上年相同，没有变化的句子）</p>\n"
                continue
            }
            out += "<ol class=\"sentences\">\n"
            for change in shown {
                let lines = "旧\(change.old.map { "\($0.line)" } ?? "–")/新\(change.new.map { "\($0.line)" } ?? "–")行"
                out += "<li class=\"\(change.status.rawValue)\"><span class=\"tag\">\(escape(change.status.label))</span> "
                out += "<span class=\"where\">\(lines)</span> "
                switch change.status {
                case .added: out += "<ins>\(escape(change.new?.text ?? ""))</ins>"
                case .removed: out += "<del>\(escape(change.old?.text ?? ""))</del>"
                case .unchanged: out += escape(change.new?.text ?? "")
                case .edited, .numbersOnly:
                    for piece in change.pieces {
                        switch piece {
                        case .same(let text): out += escape(text)
                        case .removed(let text): out += "<del>\(escape(text))</del>"
                        case .added(let text): out += "<ins>\(escape(text))</ins>"
                        }
                    }
                }
                out += "</li>\n"
                pass(&out)
            }
            out += "</ol>\n"
        }
        out += "</section>\n"
    }

    static func findings(_ diff: ReportDiff, numbers: [CellKey: [Int]]) -> String {
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
        // Nothing to escape or drop (decided on the UTF-8 bytes: `&<>"'`, C0 but tab and line feed, DEL,
        // and C1 as `C2 80`…`C2 9F`): the text itself.
        var plain = true
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x7F:
                plain = false
            case 0x09, 0x0A:
                break
            case 0x00...0x1F:
                plain = false
            case 0x80...0x9F where previous == 0xC2:
                plain = false
            default:
                break
            }
            if !plain { break }
            previous = byte
        }
        if plain { return text }
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
