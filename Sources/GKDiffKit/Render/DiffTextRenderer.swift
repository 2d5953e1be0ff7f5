/// The comparison as text for a person: header, summary, table changes, narrative with inline marks.
public enum DiffTextRenderer {
    /// ANSI colours, or none.
    struct Style {
        let color: Bool
        func removed(_ text: String) -> String { color ? "\u{1B}[31m[-\(text)-]\u{1B}[0m" : "[-\(text)-]" }
        func added(_ text: String) -> String { color ? "\u{1B}[32m{+\(text)+}\u{1B}[0m" : "{+\(text)+}" }
        func heading(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
        func warning(_ text: String) -> String { color ? "\u{1B}[1;33m\(text)\u{1B}[0m" : text }
    }

    /// The widest line the text output has, in terminal columns (full-width characters count two).
    public static let maxWidth = 100

    /// The legend for the marks used below, one line.
    static let legend = "标记：~ 修改  + 新增  - 删除  # 仅数字变化；[-删去的文字-] {+新增的文字+}"

    /// The comparison as text: the verdict, key indicators and section summary on the first screen
    /// (at most 24 lines), then the tables, the narrative and the findings; no line wider than 100 columns.
    public static func render(_ diff: ReportDiff, all: Bool, color: Bool) -> String {
        var text = ""
        render(diff, all: all, color: color, chunkSize: .max) { text += $0 }
        return text
    }

    /// `render(_:all:color:)` handed to `deliver` in pieces of about `chunkSize` bytes or more, each
    /// ending with a line break (the last excepted), so that a long comparison is never held whole.
    static func render(
        _ diff: ReportDiff, all: Bool, color: Bool, chunkSize: Int, deliver: (String) -> Void
    ) {
        let style = Style(color: color)
        let verdict = Verdict(diff: diff)
        let indicators = diff.keyIndicators  // computed on each access
        var out = ""
        let agency = diff.new.agency.isEmpty ? diff.old.agency : diff.new.agency
        out += style.heading("gkdiff：\(agency)  \(yearText(diff.old)) → \(yearText(diff.new))") + "\n"
        out += "旧：\(diff.old.path)\n新：\(diff.new.path)\n"
        // The template note is long and the summary's 模板 line says it in short: it is printed in full
        // with the cells only one template has.
        for note in diff.notes where !(diff.templatesDiffer && note.hasPrefix("两份报告所用模板不同")) {
            out += style.warning("！ " + note) + "\n"
        }
        out += self.verdict(verdict, style: style)
        out += "\n" + self.indicators(diff, indicators, style: style)
        out += "\n" + summary(diff, verdict: verdict, style: style)
        out += "\n" + tables(diff, all: all, style: style)
        out += unmatched(diff, style: style)
        out += indicatorDetails(diff, indicators, style: style)
        // Wrapping goes line by line: a piece cut after a line break wraps as it would in the whole.
        narrative(diff, style: style, into: &out) { out in
            guard out.utf8.count >= chunkSize else { return }
            deliver(TextLayout.wrap(out, width: maxWidth))
            out = ""
        }
        out += findingsBlock(diff)
        deliver(TextLayout.wrap(out, width: maxWidth))
    }

    // MARK: Verdict

    /// One line (two when a report was not read completely): read completely or not, errors and warnings.
    static func verdict(_ verdict: Verdict, style: Style) -> String {
        let checks = "勾稽校验：错误 \(verdict.errors) 项，警告 \(verdict.warnings) 项（详见文末）"
        guard verdict.isComplete else {
            return style.warning("结论：！ 读取不完整：\(verdict.unreadText)没有读全（见勾稽校验 P1）；\(checks)") + "\n"
        }
        let line = "结论：两份报告都已读全；\(checks)"
        return (verdict.errors > 0 ? style.warning(line) : style.heading(line)) + "\n"
    }

    // MARK: Key indicators

    /// The key indicators old → new, several to a line, in four groups (table 2 counts, rates, table 3,
    /// table 1); a value that cannot be computed is `—` here and explained after the tables.
    static func indicators(_ diff: ReportDiff, _ changes: [KeyIndicatorChange], style: Style) -> String {
        var out = style.heading("关键指标（\(yearText(diff.old)) → \(yearText(diff.new))）") + "\n"
        let groups: [[String]] = [
            ["requests_new", "requests_handled", "granted"],
            ["disclosure_rate", "denial_rate"],
            [
                "review_total", "litigation_total", "review_correction_rate", "litigation_direct_correction_rate",
                "litigation_after_review_correction_rate",
            ],
            ["licensing", "penalties", "fees"],
        ]
        for group in groups {
            var line = "  "
            for id in group {
                guard let change = changes.first(where: { $0.id == id }) else { continue }
                var chip = "\(change.label) \(change.old.short) → \(change.new.short)"
                if let text = change.changeText { chip += "（\(text)）" }
                if line != "  " && TextLayout.width(line) + 4 + TextLayout.width(chip) > maxWidth {
                    out += line + "\n"
                    line = "  "
                }
                line += (line == "  " ? "" : "    ") + chip
            }
            if line != "  " { out += line + "\n" }
        }
        let values = changes.flatMap { [$0.old.value, $0.new.value] }
        var keys: [String] = []
        if values.contains(.zeroBase) { keys.append("无 = 分母为 0，没有比率") }
        if values.contains(where: { if case .unavailable = $0 { return true } else { return false } }) {
            keys.append("— = 无法计算（原因见表格之后「关键指标说明」）")
        }
        if !keys.isEmpty { out += "  " + keys.joined(separator: "；") + "\n" }
        return out
    }

    /// Why an indicator has no value, one line each, after the tables; empty when all have one.
    static func indicatorDetails(_ diff: ReportDiff, _ changes: [KeyIndicatorChange], style: Style) -> String {
        var lines: [String] = []
        for change in changes {
            // The years, not the reports: an array of (Report, …) would copy both reports per indicator.
            for (year, indicator) in [(diff.old.year, change.old), (diff.new.year, change.new)] {
                if case .unavailable(let reason, _) = indicator.value {
                    lines.append("  \(yearText(year)) \(change.label)：无法计算，\(reason)")
                }
            }
        }
        guard !lines.isEmpty else { return "" }
        return style.heading("关键指标说明") + "\n" + lines.joined(separator: "\n") + "\n\n"
    }

    static func yearText(_ report: Report) -> String { yearText(report.year) }

    /// `2024年`, or `年度不明`.
    static func yearText(_ year: Int?) -> String { year.map { "\($0)年" } ?? "年度不明" }

    // MARK: Summary

    static func summary(_ diff: ReportDiff, verdict: Verdict, style: Style) -> String {
        var out = style.heading("摘要") + "\n"
        if diff.isIncomplete {
            out += style.warning("  ！ 没有读到的 \(verdict.unreadCells) 格不作比较，标为「无法读取」") + "\n"
        }
        var perTable: [String] = []
        for table in TableKind.allCases {
            let name = table.label.split(separator: " ").first.map(String.init) ?? table.label
            if verdict.notComparedTables.contains(table) {
                perTable.append("\(name) 未比较")
            } else if verdict.blankedTables.contains(table) {
                perTable.append("\(name) 今年留空（\(diff.cells.filter { $0.key.table == table }.count) 格）")
            } else {
                perTable.append("\(name) \(verdict.changedByTable[table] ?? 0)")
            }
        }
        if verdict.comparedCells == 0 {
            out += "  表格：未比较（\(notReadText(diff))）\n"
        } else {
            out += "  表格：\(verdict.comparedCells) 格中 \(verdict.changedCells) 格有变化（\(perTable.joined(separator: "，"))）\n"
        }
        if diff.templatesDiffer {
            out += "  模板：上年 \(diff.old.template) 年版，本年 \(diff.new.template) 年版；只有一方有的 \(diff.unmatched.count) 格不比较（见表格之后）\n"
        }
        var rows: [[String]] = []
        for section in diff.sections {
            var parts: [String] = []
            for status in [SentenceStatus.added, .removed, .edited, .numbersOnly] {
                let count = section.count(status)
                if count > 0 { parts.append("\(status == .numbersOnly ? "仅数字" : status.label)\(count)") }
            }
            if parts.isEmpty { parts.append("无变化") }
            rows.append([sectionName(section), parts.joined(separator: " "), carriedText(section)])
        }
        if !rows.isEmpty {
            out += "  正文（句数）：\n" + TextLayout.table(rows, indent: "    ")
        }
        return out
    }

    /// Which report did not have the tables: `两份报告都没有读到表格`, `本年报告没有读到表格`.
    static func notReadText(_ diff: ReportDiff) -> String {
        let old = diff.cells.allSatisfy { $0.old.value.wasNotRead }
        let new = diff.cells.allSatisfy { $0.new.value.wasNotRead }
        return old && new ? "两份报告都没有读到表格" : old ? "上年报告没有读到表格" : new ? "本年报告没有读到表格" : "有一方没有读到表格"
    }

    static func sectionName(_ section: SectionDiff) -> String {
        section.kind == .preamble ? "标题与前言" : "\(section.kind.numeral)、\(section.kind.title)"
    }

    static func carriedText(_ section: SectionDiff) -> String {
        guard let sentences = section.carriedSentences, let characters = section.carriedCharacters else {
            return section.newTitle == nil ? "今年没有这一部分" : "今年这一部分没有正文"
        }
        var text = "沿用上年 \(percent(sentences))（按字 \(percent(characters))）"
        if section.sentences.allSatisfy({ $0.status == .unchanged }) && !section.sentences.isEmpty {
            text += "，逐字相同"
        }
        return text
    }

    /// `40%`, `100%`, `66.7%`.
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }

    // MARK: Tables

    static func tables(_ diff: ReportDiff, all: Bool, style: Style) -> String {
        var out = ""
        // The cells listed and the count of cells of each table, in one pass over the cells.
        var listed = Array(repeating: [Int](), count: TableKind.allCases.count)
        var counts = Array(repeating: 0, count: TableKind.allCases.count)
        let positions = TableKind.allCases
        for index in diff.cells.indices {
            guard let position = positions.firstIndex(of: diff.cells[index].key.table) else { continue }
            counts[position] += 1
            if all || diff.cells[index].status != .unchanged { listed[position].append(index) }
        }
        for (position, table) in TableKind.allCases.enumerated() {
            out += style.heading(table.label) + "\n"
            if diff.tableNotCompared(table) && !all {
                let old = diff.cells.allSatisfy { $0.key.table != table || $0.old.value.wasNotRead }
                let new = diff.cells.allSatisfy { $0.key.table != table || $0.new.value.wasNotRead }
                let which = old && new ? "两份报告都" : old ? "上年报告" : new ? "本年报告" : "一方"
                out += "  （未比较：\(which)没有读到这张表）\n\n"
                continue
            }
            let blanked = diff.tableBlankedThisYear(table)
            if blanked && !all {
                out += "  今年留空（\(counts[position]) 格）：这张表今年一格也没有填（--all 逐格列出）\n\n"
                continue
            }
            if listed[position].isEmpty {
                out += "  （无变化）\n\n"
                continue
            }
            var rows: [[String]] = []
            rows.reserveCapacity(listed[position].count)
            for index in listed[position] {
                let cell = diff.cells[index]
                let (old, new) = (shown(cell.old), shown(cell.new))
                var change = cell.changeText ?? ""
                var percent = cell.percentText ?? ""
                if cell.status == .added { percent = "新增" }
                if cell.status == .stateChanged { change = ""; percent = "" }
                if cell.status == .unreadable { change = ""; percent = "无法读取，不比较" }
                var label = cell.key.rowSpec.fullLabel
                if let sum = cell.sum { label += "［\(sum.label)］" }
                rows.append(["\(label) · \(cell.key.columnSpec.label)", old, "→", new, change, percent])
            }
            out += cellLines(rows) + "\n"
        }
        return out
    }

    /// Cell rows `row · column  old → new  change  %`, aligned in columns when that fits in 100
    /// columns; otherwise one plain line each (table 2's long row labels).
    static func cellLines(_ rows: [[String]]) -> String {
        let aligned = TextLayout.measuredTable(rows, rightAligned: [1, 3, 4, 5])
        if aligned.widest <= maxWidth { return aligned.text }
        var out = ""
        for row in rows {
            let parts = ["\(row[0])", "\(row[1]) → \(row[3])", row[4], row[5]].filter { !$0.isEmpty }
            out += "  " + parts.joined(separator: "  ") + "\n"
        }
        return out
    }

    /// A number as the report wrote it (`236.40`); a converted or summed number with the text it came
    /// from (`25.1（原文 251000元）`); otherwise the state (`空`, `缺失`).
    static func shown(_ cell: Cell) -> String {
        guard let number = cell.number else { return cell.value.display }
        if cell.note != nil {
            return cell.raw.isEmpty || cell.raw == number.description ? number.description : "\(number)（原文 \(cell.raw)）"
        }
        return cell.raw.isEmpty ? number.description : cell.raw
    }

    /// Cells only one template has: listed, not compared.
    static func unmatched(_ diff: ReportDiff, style: Style) -> String {
        guard !diff.unmatched.isEmpty else { return "" }
        var out = style.heading("只有一方模板有，不比较") + "\n"
        for note in diff.notes where note.hasPrefix("两份报告所用模板不同") { out += "  " + note + "\n" }
        var rows: [[String]] = []
        for item in diff.unmatched {
            let side = item.side == .old ? "上年（\(item.template.rawValue) 年版）" : "本年（\(item.template.rawValue) 年版）"
            rows.append([item.key.table.label, item.key.rowSpec.fullLabel, item.key.columnSpec.label, side, shown(item.cell)])
        }
        return out + TextLayout.table(rows) + "\n"
    }

    // MARK: Narrative

    static func narrative(_ diff: ReportDiff, style: Style) -> String {
        var out = ""
        narrative(diff, style: style, into: &out) { _ in }
        return out
    }

    /// The narrative appended to `out`; `pass` is called after each line with what has gathered
    /// (and may hand it on and empty it).
    static func narrative(
        _ diff: ReportDiff, style: Style, into out: inout String, pass: (inout String) -> Void
    ) {
        out += style.heading("正文逐句") + "\n" + "  " + legend + "\n"
        var any = false
        for section in diff.sections where section.hasChanges {
            any = true
            out += "  " + style.heading(sectionName(section)) + "\n"
            for change in section.sentences where change.status != .unchanged {
                out += "    " + sentenceLine(change, style: style) + "\n"
                pass(&out)
            }
        }
        if !any { out += "  （正文没有变化）\n" }
    }

    static func sentenceLine(_ change: SentenceChange, style: Style) -> String {
        let lines = "旧\(change.old.map { "\($0.line)" } ?? "–")/新\(change.new.map { "\($0.line)" } ?? "–")行"
        switch change.status {
        case .added: return "+ [\(lines)] " + style.added(change.new!.text)
        case .removed: return "- [\(lines)] " + style.removed(change.old!.text)
        case .unchanged: return "  [\(lines)] " + change.new!.text
        case .edited, .numbersOnly:
            var text = ""
            for piece in change.pieces {
                switch piece {
                case .same(let s): text += s
                case .removed(let s): text += style.removed(s)
                case .added(let s): text += style.added(s)
                }
            }
            return (change.status == .numbersOnly ? "# " : "~ ") + "[\(lines)] " + text
        }
    }

    /// The findings, errors first: `FILE:LINE: 错误: [rule name]` on one line, the message indented on the
    /// next (wrapped at 100 columns whatever the paths' length), and for a finding across the two years
    /// the other report's cell on a third (`← 2023年 FILE:LINE`).
    static func findingsBlock(_ diff: ReportDiff) -> String {
        let errors = diff.findings.filter { $0.severity == .error }.count
        let warnings = diff.findings.filter { $0.severity == .warning }.count
        var out = "\n勾稽校验\n  错误 \(errors) 项，警告 \(warnings) 项\n"
        if diff.findings.isEmpty { return out + "  （全部通过）\n" }
        for finding in DiffHTMLRenderer.sortedFindings(diff) {
            let file = finding.file.isEmpty ? diff.new.path : finding.file
            let rule = "[\(finding.rule.id) \(finding.rule.name)]"
            out += "  " + ReportRenderer.line(path: file, line: finding.line, severity: finding.severity, message: rule) + "\n"
            out += "      \(finding.message)\n"
            if finding.acrossYears, let other = finding.cells.first(where: { !$0.file.isEmpty && $0.file != file }) {
                out +=
                    "      ← \(other.year.map { "\($0)年" } ?? "另一份报告") \(other.file)\(other.cell.line.map { ":\($0)" } ?? "")\n"
            }
        }
        return out
    }
}
