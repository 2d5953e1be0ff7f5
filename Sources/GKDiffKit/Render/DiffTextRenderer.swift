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

    public static func render(_ diff: ReportDiff, all: Bool, color: Bool) -> String {
        let style = Style(color: color)
        var out = ""
        let agency = diff.new.agency.isEmpty ? diff.old.agency : diff.new.agency
        out += style.heading("gkdiff：\(agency)  \(yearText(diff.old)) → \(yearText(diff.new))") + "\n"
        out += "旧：\(diff.old.path)\n新：\(diff.new.path)\n"
        for note in diff.notes { out += style.warning("！ " + note) + "\n" }
        out += "\n" + summary(diff, style: style)
        out += "\n" + tables(diff, all: all, style: style)
        out += unmatched(diff, style: style)
        out += narrative(diff, style: style)
        out += findingsBlock(diff)
        return out
    }

    static func yearText(_ report: Report) -> String { report.year.map { "\($0)年" } ?? "年度不明" }

    // MARK: Summary

    static func summary(_ diff: ReportDiff, style: Style) -> String {
        var out = style.heading("摘要") + "\n"
        if diff.isIncomplete {
            var sides: [String] = []
            for report in [diff.old, diff.new] {
                let count = diff.readProblems.filter { $0.file == report.path }.count
                if count > 0 { sides.append("\(report.path) \(count) 处") }
            }
            out +=
                style.warning(
                    "  ！ 读取不完整：\(sides.joined(separator: "，"))没有读全（见勾稽校验 P1）；没有读到的 \(diff.unreadCells.count) 格不作比较，标为「无法读取」")
                + "\n"
        }
        let blanked = TableKind.allCases.filter { diff.tableBlankedThisYear($0) && !diff.tableNotCompared($0) }
        let changed = diff.changedCells.filter { !blanked.contains($0.key.table) }
        let notCompared = Set(TableKind.allCases.filter(diff.tableNotCompared))
        let compared = diff.cells.filter { !notCompared.contains($0.key.table) }
        var perTable: [String] = []
        for table in TableKind.allCases {
            if diff.tableNotCompared(table) {
                perTable.append("\(table.label) 未比较")
            } else if blanked.contains(table) {
                perTable.append("\(table.label) 今年留空")
            } else {
                perTable.append("\(table.label) \(changed.filter { $0.key.table == table }.count)")
            }
        }
        if compared.isEmpty {
            out += "  表格：未比较（\(notReadText(diff))）\n"
        } else {
            out += "  表格：\(compared.count) 格中 \(changed.count) 格有变化（\(perTable.joined(separator: "，"))）\n"
        }
        for table in blanked {
            let count = diff.cells.filter { $0.key.table == table }.count
            out += "  \(table.label.split(separator: " ").first ?? "") 今年留空（\(count) 格）\n"
        }
        if diff.templatesDiffer {
            out += "  模板：上年 \(diff.old.template) 年版，本年 \(diff.new.template) 年版；只有一方有的 \(diff.unmatched.count) 格不比较（见表格之后）\n"
        }
        var rows: [[String]] = []
        for section in diff.sections {
            var parts: [String] = []
            for status in [SentenceStatus.added, .removed, .edited, .numbersOnly] {
                let count = section.count(status)
                if count > 0 { parts.append("\(status.label) \(count) 句") }
            }
            if parts.isEmpty { parts.append("无变化") }
            rows.append([sectionName(section), parts.joined(separator: "  "), carriedText(section)])
        }
        if !rows.isEmpty {
            out += "  正文：\n" + TextLayout.table(rows, indent: "    ")
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
            text += "——与上年逐字相同"
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
        for table in TableKind.allCases {
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
                let count = diff.cells.filter { $0.key.table == table }.count
                out += "  今年留空（\(count) 格）：这张表今年一格也没有填（--all 逐格列出）\n\n"
                continue
            }
            let cells = diff.cells.filter { $0.key.table == table && (all || $0.status != .unchanged) }
            if cells.isEmpty {
                out += "  （无变化）\n\n"
                continue
            }
            var rows: [[String]] = []
            for cell in cells {
                let (old, new) = (shown(cell.old), shown(cell.new))
                var change = cell.changeText ?? ""
                var percent = cell.percentText ?? ""
                if cell.status == .added { percent = "新增" }
                if cell.status == .stateChanged { change = ""; percent = "" }
                if cell.status == .unreadable { change = ""; percent = "无法读取，不比较" }
                var label = cell.key.rowSpec.fullLabel
                if let sum = cell.sum { label += "［\(sum.label)］" }
                rows.append([label, cell.key.columnSpec.label, old, "→", new, change, percent])
            }
            out += TextLayout.table(rows, rightAligned: [2, 4, 5, 6]) + "\n"
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
        let out = style.heading("只有一方模板有，不比较") + "\n"
        var rows: [[String]] = []
        for item in diff.unmatched {
            let side = item.side == .old ? "上年（\(item.template.rawValue) 年版）" : "本年（\(item.template.rawValue) 年版）"
            rows.append([item.key.table.label, item.key.rowSpec.fullLabel, item.key.columnSpec.label, side, shown(item.cell)])
        }
        return out + TextLayout.table(rows) + "\n"
    }

    // MARK: Narrative

    static func narrative(_ diff: ReportDiff, style: Style) -> String {
        var out = style.heading("正文逐句") + "\n"
        var any = false
        for section in diff.sections where section.hasChanges {
            any = true
            out += "  " + style.heading(sectionName(section)) + "\n"
            for change in section.sentences where change.status != .unchanged {
                out += "    " + sentenceLine(change, style: style) + "\n"
            }
        }
        if !any { out += "  （正文没有变化）\n" }
        return out
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

    static func findingsBlock(_ diff: ReportDiff) -> String {
        "\n勾稽校验\n" + CheckRenderer.block(diff.findings, path: diff.new.path)
    }
}
