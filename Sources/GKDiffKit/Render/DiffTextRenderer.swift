/// The comparison as text for a person: header, summary, table changes, narrative with inline marks.
public enum DiffTextRenderer {
    /// ANSI colours, or none.
    struct Style {
        let color: Bool
        func removed(_ text: String) -> String { color ? "\u{1B}[31m[-\(text)-]\u{1B}[0m" : "[-\(text)-]" }
        func added(_ text: String) -> String { color ? "\u{1B}[32m{+\(text)+}\u{1B}[0m" : "{+\(text)+}" }
        func heading(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
        func warning(_ text: String) -> String { color ? "\u{1B}[1;33m\(text)\u{1B}[0m" : text }

        /// The colour sequences above, each around text appended between `open` and `close`.
        static let headingCode = "\u{1B}[1m"
        static let warningCode = "\u{1B}[1;33m"
        static let removedCode = "\u{1B}[31m"
        static let addedCode = "\u{1B}[32m"
        static let resetCode = "\u{1B}[0m"

        /// Starts a coloured stretch (nothing without colour).
        func open(_ code: String, _ out: inout TextBytes) { if color { out.append(code) } }
        /// Ends it.
        func close(_ out: inout TextBytes) { if color { out.append(Self.resetCode) } }

        /// `heading(text)` appended.
        func heading(_ text: String, _ out: inout TextBytes) {
            open(Self.headingCode, &out)
            out.append(text)
            close(&out)
        }

        /// `removed(text)` appended.
        func removed(_ text: String, _ out: inout TextBytes) { marked(text, Self.removedCode, "[-", "-]", &out) }

        /// `added(text)` appended.
        func added(_ text: String, _ out: inout TextBytes) { marked(text, Self.addedCode, "{+", "+}", &out) }

        /// The text between its marks, in the colour `code`.
        private func marked(_ text: String, _ code: String, _ start: String, _ end: String, _ out: inout TextBytes) {
            open(code, &out)
            out.append(start)
            out.append(text)
            out.append(end)
            close(&out)
        }
    }

    /// The widest line the text output has, in terminal columns (full-width characters count two).
    public static let maxWidth = 100

    /// The legend for the marks used below, one line.
    static let legend = "标记：~ 修改  + 新增  - 删除  # 仅数字变化；[-删去的文字-] {+新增的文字+}"

    /// The comparison as text: the verdict, key indicators and section summary on the first screen
    /// (at most 24 lines), then the tables, the narrative and the findings; no line wider than 100 columns.
    public static func render(_ diff: ReportDiff, all: Bool, color: Bool) -> String {
        var text: [UInt8] = []
        render(diff, all: all, color: color, chunkSize: .max, deliverUTF8: { text.append(contentsOf: $0) })
        return String(decoding: text, as: UTF8.self)
    }

    /// `render(_:all:color:)` handed to `deliver` in pieces of about `chunkSize` bytes or more, each
    /// ending with a line break (the last excepted), so that a long comparison is never held whole.
    static func render(
        _ diff: ReportDiff, all: Bool, color: Bool, chunkSize: Int, deliver: (String) -> Void
    ) {
        render(diff, all: all, color: color, chunkSize: chunkSize, deliverUTF8: { deliver(String(decoding: $0, as: UTF8.self)) })
    }

    /// `render(_:all:color:chunkSize:deliver:)` with each piece as UTF-8 bytes (valid UTF-8; the
    /// command line writes them as they are).
    static func render(
        _ diff: ReportDiff, all: Bool, color: Bool, chunkSize: Int, deliverUTF8: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let style = Style(color: color)
        let verdict = Verdict(diff: diff)
        let indicators = diff.keyIndicators  // computed on each access
        var out = TextBytes(capacity: 1 << 14)
        var wrapped: [UInt8] = []
        // Wrapping goes line by line: a piece cut after a line break wraps as it would in the whole.
        func pass(_ out: inout TextBytes) {
            wrapped.removeAll(keepingCapacity: true)
            out.bytes.withUnsafeBufferPointer { TextLayout.wrap($0, width: maxWidth, into: &wrapped) }
            out.bytes.removeAll(keepingCapacity: true)
            wrapped.withUnsafeBufferPointer { deliverUTF8($0) }
        }
        let agency = diff.new.agency.isEmpty ? diff.old.agency : diff.new.agency
        style.open(Style.headingCode, &out)
        out.append("gkdiff：")
        out.append(agency)
        out.append("  ")
        appendYear(diff.old.year, &out)
        out.append(" → ")
        appendYear(diff.new.year, &out)
        style.close(&out)
        out.append("\n旧：")
        out.append(diff.old.path)
        out.append("\n新：")
        out.append(diff.new.path)
        out.newline()
        // The template note is long and the summary's 模板 line says it in short: it is printed in full
        // with the cells only one template has.
        for note in diff.notes where !(diff.templatesDiffer && note.hasPrefix("两份报告所用模板不同")) {
            style.open(Style.warningCode, &out)
            out.append("！ ")
            out.append(note)
            style.close(&out)
            out.newline()
        }
        self.verdict(verdict, style: style, into: &out)
        out.newline()
        self.indicators(diff, indicators, style: style, into: &out)
        out.newline()
        summary(diff, verdict: verdict, style: style, into: &out)
        out.newline()
        tables(diff, all: all, verdict: verdict, style: style, into: &out)
        unmatched(diff, style: style, into: &out)
        indicatorDetails(diff, indicators, style: style, into: &out)
        narrative(diff, style: style, into: &out) { out in
            if out.count >= chunkSize { pass(&out) }
        }
        findingsBlock(diff, into: &out)
        pass(&out)
    }

    // MARK: Verdict

    /// One line (two when a report was not read completely): read completely or not, errors and warnings.
    static func verdict(_ verdict: Verdict, style: Style) -> String {
        var out = TextBytes()
        self.verdict(verdict, style: style, into: &out)
        return out.string
    }

    /// `verdict(_:style:)` appended to `out`.
    static func verdict(_ verdict: Verdict, style: Style, into out: inout TextBytes) {
        func checks() {
            out.append("勾稽校验：错误 ")
            out.append(verdict.errors)
            out.append(" 项，警告 ")
            out.append(verdict.warnings)
            out.append(" 项（详见文末）")
        }
        guard verdict.isComplete else {
            style.open(Style.warningCode, &out)
            out.append("结论：！ 读取不完整：")
            out.append(verdict.unreadText)
            out.append("没有读全（见勾稽校验 P1）；")
            checks()
            style.close(&out)
            out.newline()
            return
        }
        style.open(verdict.errors > 0 ? Style.warningCode : Style.headingCode, &out)
        out.append("结论：两份报告都已读全；")
        checks()
        style.close(&out)
        out.newline()
    }

    // MARK: Key indicators

    /// The indicators shown, in four groups (table 2 counts, rates, table 3, table 1), by id.
    private static let indicatorGroups: [String] = [
        "requests_new", "requests_handled", "granted", "",
        "disclosure_rate", "denial_rate", "",
        "review_total", "litigation_total", "review_correction_rate", "litigation_direct_correction_rate",
        "litigation_after_review_correction_rate", "",
        "licensing", "penalties", "fees", "",
    ]

    /// The key indicators old → new, several to a line, in four groups (table 2 counts, rates, table 3,
    /// table 1); a value that cannot be computed is `—` here and explained after the tables.
    static func indicators(_ diff: ReportDiff, _ changes: [KeyIndicatorChange], style: Style) -> String {
        var out = TextBytes()
        indicators(diff, changes, style: style, into: &out)
        return out.string
    }

    /// `indicators(_:_:style:)` appended to `out`.
    static func indicators(_ diff: ReportDiff, _ changes: [KeyIndicatorChange], style: Style, into out: inout TextBytes) {
        style.open(Style.headingCode, &out)
        out.append("关键指标（")
        appendYear(diff.old.year, &out)
        out.append(" → ")
        appendYear(diff.new.year, &out)
        out.append("）")
        style.close(&out)
        out.newline()
        // The line being filled: `lineWidth` columns (the two-space indent included), `chips` on it.
        var lineWidth = 2
        var chips = 0
        var chip = TextBytes(capacity: 128)
        for id in indicatorGroups {
            if id.isEmpty {
                if chips > 0 { out.newline() }
                lineWidth = 2
                chips = 0
                continue
            }
            guard let change = indicator(id, in: changes) else { continue }
            chip.bytes.removeAll(keepingCapacity: true)
            chip.append(change.label)
            chip.append(" ")
            chip.append(change.old.short)
            chip.append(" → ")
            chip.append(change.new.short)
            if let text = change.changeText {
                chip.append("（")
                chip.append(text)
                chip.append("）")
            }
            let chipWidth = chip.bytes.withUnsafeBufferPointer { TextLayout.width($0) }
            if chips > 0 && lineWidth + 4 + chipWidth > maxWidth {
                out.newline()
                lineWidth = 2
                chips = 0
            }
            out.append(chips == 0 ? "  " : "    ")
            out.bytes.append(contentsOf: chip.bytes)
            lineWidth += (chips == 0 ? 0 : 4) + chipWidth
            chips += 1
        }
        var zeroBase = false
        var unavailable = false
        func look(_ value: KeyIndicatorValue) {
            switch value {
            case .zeroBase: zeroBase = true
            case .unavailable: unavailable = true
            case .count, .rate: break
            }
        }
        for change in changes {
            look(change.old.value)
            look(change.new.value)
        }
        guard zeroBase || unavailable else { return }
        out.append("  ")
        if zeroBase { out.append("无 = 分母为 0，没有比率") }
        if zeroBase && unavailable { out.append("；") }
        if unavailable { out.append("— = 无法计算（原因见表格之后「关键指标说明」）") }
        out.newline()
    }

    /// The indicator with `id`: where the usual order puts it, else the first with that id.
    private static func indicator(_ id: String, in changes: [KeyIndicatorChange]) -> KeyIndicatorChange? {
        changes.first { $0.id == id }
    }

    /// Why an indicator has no value, one line each, after the tables; empty when all have one.
    static func indicatorDetails(_ diff: ReportDiff, _ changes: [KeyIndicatorChange], style: Style) -> String {
        var out = TextBytes()
        indicatorDetails(diff, changes, style: style, into: &out)
        return out.string
    }

    /// `indicatorDetails(_:_:style:)` appended to `out`.
    static func indicatorDetails(
        _ diff: ReportDiff, _ changes: [KeyIndicatorChange], style: Style, into out: inout TextBytes
    ) {
        let start = out.count
        style.heading("关键指标说明", &out)
        let headingEnd = out.count
        for change in changes {
            // The years, not the reports: copying a report per indicator would be costly.
            for side in 0..<2 {
                let old = side == 0
                if case .unavailable(let reason, _) = (old ? change.old : change.new).value {
                    out.newline()
                    out.append("  ")
                    appendYear(old ? diff.old.year : diff.new.year, &out)
                    out.append(" ")
                    out.append(change.label)
                    out.append("：无法计算，")
                    out.append(reason)
                }
            }
        }
        if out.count == headingEnd {
            out.truncate(to: start)
            return
        }
        out.append("\n\n")
    }

    static func yearText(_ report: Report) -> String { yearText(report.year) }

    /// `2024年`, or `年度不明`.
    static func yearText(_ year: Int?) -> String { year.map { "\($0)年" } ?? "年度不明" }

    /// `yearText(year)` appended.
    static func appendYear(_ year: Int?, _ out: inout TextBytes) {
        guard let year else { return out.append("年度不明") }
        out.append(year)
        out.append("年")
    }

    // MARK: Summary

    static func summary(_ diff: ReportDiff, verdict: Verdict, style: Style) -> String {
        var out = TextBytes()
        summary(diff, verdict: verdict, style: style, into: &out)
        return out.string
    }

    /// `summary(_:verdict:style:)` appended to `out`.
    static func summary(_ diff: ReportDiff, verdict: Verdict, style: Style, into out: inout TextBytes) {
        style.heading("摘要", &out)
        out.newline()
        if diff.isIncomplete {
            style.open(Style.warningCode, &out)
            out.append("  ！ 没有读到的 ")
            out.append(verdict.unreadCells)
            out.append(" 格不作比较，标为「无法读取」")
            style.close(&out)
            out.newline()
        }
        if verdict.comparedCells == 0 {
            out.append("  表格：未比较（")
            out.append(notReadText(diff))
            out.append("）\n")
        } else {
            out.append("  表格：")
            out.append(verdict.comparedCells)
            out.append(" 格中 ")
            out.append(verdict.changedCells)
            out.append(" 格有变化（")
            for (position, table) in TableKind.allCases.enumerated() {
                if position > 0 { out.append("，") }
                let label = table.label
                // Up to the first space, found on the bytes (a space is a character of its own).
                out.append(label.utf8.firstIndex(of: 0x20).map { label[..<$0] } ?? label[...])
                if verdict.notComparedTables.contains(table) {
                    out.append(" 未比较")
                } else if verdict.blankedTables.contains(table) {
                    var count = 0
                    for index in diff.cells.indices where diff.cells[index].key.table == table { count += 1 }
                    out.append(" 今年留空（")
                    out.append(count)
                    out.append(" 格）")
                } else {
                    out.append(" ")
                    out.append(verdict.changedCells(in: table))
                }
            }
            out.append("）\n")
        }
        if diff.templatesDiffer {
            out.append("  模板：上年 ")
            out.append(diff.old.template)
            out.append(" 年版，本年 ")
            out.append(diff.new.template)
            out.append(" 年版；只有一方有的 ")
            out.append(diff.unmatched.count)
            out.append(" 格不比较（见表格之后）\n")
        }
        var rows = TextLayout.TableCells()
        for section in diff.sections {
            var counts = (added: 0, removed: 0, edited: 0, numbersOnly: 0)
            for sentence in section.sentences {
                switch sentence.status {
                case .added: counts.added += 1
                case .removed: counts.removed += 1
                case .edited: counts.edited += 1
                case .numbersOnly: counts.numbersOnly += 1
                case .unchanged: break
                }
            }
            appendSectionName(section, &rows.text)
            rows.endCell()
            var parts = 0
            func part(_ count: Int, _ word: String) {
                guard count > 0 else { return }
                if parts > 0 { rows.text.append(" ") }
                rows.text.append(word)
                rows.text.append(count)
                parts += 1
            }
            part(counts.added, "新增")
            part(counts.removed, "删除")
            part(counts.edited, "修改")
            part(counts.numbersOnly, "仅数字")
            if parts == 0 { rows.text.append("无变化") }
            rows.endCell()
            appendCarriedText(section, &rows.text)
            rows.endCell()
            rows.endRow()
        }
        if !rows.rowCounts.isEmpty {
            out.append("  正文（句数）：\n")
            _ = TextLayout.appendTable(rows, indent: "    ", to: &out.bytes)
        }
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

    /// `sectionName(section)` appended.
    static func appendSectionName(_ section: SectionDiff, _ out: inout TextBytes) {
        guard section.kind != .preamble else { return out.append("标题与前言") }
        out.append(section.kind.numeral)
        out.append("、")
        out.append(section.kind.title)
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

    /// `carriedText(section)` appended, its numbers written straight in.
    static func appendCarriedText(_ section: SectionDiff, _ out: inout TextBytes) {
        guard let sentences = section.carriedSentences, let characters = section.carriedCharacters else {
            return out.append(carriedText(section))
        }
        out.append("沿用上年 ")
        appendPercent(sentences, &out)
        out.append("（按字 ")
        appendPercent(characters, &out)
        out.append("）")
        if section.sentences.allSatisfy({ $0.status == .unchanged }) && !section.sentences.isEmpty {
            out.append("，逐字相同")
        }
    }

    /// `percent(share)` appended.
    static func appendPercent(_ share: Double, _ out: inout TextBytes) {
        let tenths = Int((share * 1000).rounded())
        out.append(tenths / 10)
        if tenths % 10 != 0 {
            out.append(".")
            out.append(tenths % 10)
        }
        out.append("%")
    }

    /// `40%`, `100%`, `66.7%`.
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }

    // MARK: Tables

    static func tables(_ diff: ReportDiff, all: Bool, style: Style) -> String {
        var out = TextBytes()
        tables(diff, all: all, verdict: Verdict(diff: diff), style: style, into: &out)
        return out.string
    }

    /// `tables(_:all:style:)` appended to `out`; which tables were not compared or left blank this
    /// year is taken from `verdict`.
    static func tables(_ diff: ReportDiff, all: Bool, verdict: Verdict, style: Style, into out: inout TextBytes) {
        // The cells listed (with their table's position) and the count of cells of each table, in
        // one pass over the cells.
        var listed: [Int] = []
        var listedTable: [Int] = []
        var counts = [0, 0, 0]  // by `TableKind.allCases` position
        for index in diff.cells.indices {
            let position: Int
            switch diff.cells[index].key.table {
            case .proactive: position = 0
            case .requests: position = 1
            case .appeals: position = 2
            }
            counts[position] += 1
            if all || diff.cells[index].status != .unchanged {
                listed.append(index)
                listedTable.append(position)
            }
        }
        for (position, table) in TableKind.allCases.enumerated() {
            style.heading(table.label, &out)
            out.newline()
            if verdict.notComparedTables.contains(table) && !all {
                let old = diff.cells.allSatisfy { $0.key.table != table || $0.old.value.wasNotRead }
                let new = diff.cells.allSatisfy { $0.key.table != table || $0.new.value.wasNotRead }
                let which = old && new ? "两份报告都" : old ? "上年报告" : new ? "本年报告" : "一方"
                out.append("  （未比较：")
                out.append(which)
                out.append("没有读到这张表）\n\n")
                continue
            }
            // (A table reaching here was compared: blank this year as `tableBlankedThisYear` says.)
            let blanked = verdict.blankedTables.contains(table)
            if blanked && !all {
                out.append("  今年留空（")
                out.append(counts[position])
                out.append(" 格）：这张表今年一格也没有填（--all 逐格列出）\n\n")
                continue
            }
            if !listedTable.contains(position) {
                out.append("  （无变化）\n\n")
                continue
            }
            // Each row's six cells written straight into one buffer (no string per cell), with room
            // for them all from the start.
            var rowCount = 0
            for listedPosition in listedTable where listedPosition == position { rowCount += 1 }
            var cells = TextLayout.TableCells(rows: rowCount, cellsPerRow: 6)
            for (index, listedPosition) in zip(listed, listedTable) where listedPosition == position {
                let status = diff.cells[index].status
                let specs = TemplateEdition.specs(of: diff.cells[index].key)
                appendFullLabel(specs.row, &cells.text)
                if let sum = diff.cells[index].sum {
                    cells.text.append("［")
                    cells.text.append(sum.label)
                    cells.text.append("］")
                }
                cells.text.append(" · ")
                cells.text.append(specs.column.label)
                cells.endCell()
                appendShown(diff.cells[index].old, &cells.text)
                cells.endCell()
                cells.text.append("→")
                cells.endCell()
                appendShown(diff.cells[index].new, &cells.text)
                cells.endCell()
                // The change (`+96`), none for a state change or an unread side.
                if status != .stateChanged && status != .unreadable, let change = diff.cells[index].change {
                    if change > 0 { cells.text.append("+") }
                    cells.text.append(change.description)
                }
                cells.endCell()
                // The per cent (`+23.3%`), `新增`, or why there is none.
                switch status {
                case .added: cells.text.append("新增")
                case .stateChanged: break
                case .unreadable: cells.text.append("无法读取，不比较")
                case .unchanged, .increased, .decreased:
                    if let tenths = diff.cells[index].percentTenths {
                        if tenths > 0 { cells.text.append("+") }
                        appendTenths(tenths, &cells.text)
                        cells.text.append("%")
                    }
                }
                cells.endCell()
                cells.endRow()
            }
            cellLines(cells, into: &out)
            out.newline()
        }
    }

    /// `row.fullLabel` appended: the group first when it is a `（一）` heading. (Its prefix is checked on
    /// the UTF-8 bytes: the groups are the template's own texts, where that is what `hasPrefix` finds,
    /// and `hasPrefix` compares characters, ~800 instructions a call.)
    static func appendFullLabel(_ row: RowSpec, _ out: inout TextBytes) {
        if let group = row.group, group.utf8.starts(with: "（".utf8) {
            out.append(group)
            out.append(" ")
        }
        out.append(row.label)
    }

    /// `10.5` from `105`, `-100.0` from `-1000`: as `CellChange.tenthsText` writes it.
    static func appendTenths(_ tenths: Int, _ out: inout TextBytes) {
        if tenths < 0 { out.append("-") }
        out.append(abs(tenths) / 10)
        out.append(".")
        out.append(abs(tenths) % 10)
    }

    /// Which columns of a cell row are right-aligned: the numbers.
    private static let cellColumnsRight = [1, 3, 4, 5]

    /// Cell rows `row · column  old → new  change  %`, aligned in columns when that fits in 100
    /// columns; otherwise one plain line each (table 2's long row labels).
    static func cellLines(_ rows: [[String]]) -> String {
        var cells = TextLayout.TableCells()
        for row in rows {
            for cell in row {
                cells.text.append(cell)
                cells.endCell()
            }
            cells.endRow()
        }
        var out = TextBytes()
        cellLines(cells, into: &out)
        return out.string
    }

    /// `cellLines(_:)` appended to `out`, for rows of six cells.
    static func cellLines(_ cells: TextLayout.TableCells, into out: inout TextBytes) {
        let start = out.count
        let widest = TextLayout.appendTable(cells, rightAligned: cellColumnsRight, to: &out.bytes)
        if widest <= maxWidth { return }
        out.truncate(to: start)
        cells.text.bytes.withUnsafeBufferPointer { text in
            func cell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: text[(index == 0 ? 0 : cells.ends[index - 1])..<cells.ends[index]])
            }
            var first = 0
            for count in cells.rowCounts {
                // `row · column`, `old → new`, the change and the per cent; the empty ones left out.
                out.append("  ")
                if !cell(first).isEmpty {
                    out.bytes.append(contentsOf: cell(first))
                    out.append("  ")
                }
                out.bytes.append(contentsOf: cell(first + 1))
                out.append(" → ")
                out.bytes.append(contentsOf: cell(first + 3))
                for index in [first + 4, first + 5] where !cell(index).isEmpty {
                    out.append("  ")
                    out.bytes.append(contentsOf: cell(index))
                }
                out.newline()
                first += count
            }
        }
    }

    /// `shown(cell)` appended.
    static func appendShown(_ cell: Cell, _ out: inout TextBytes) {
        guard let number = cell.number else { return out.append(cell.value.display) }
        if cell.note != nil {
            let text = number.description
            out.append(text)
            if !(cell.raw.isEmpty || cell.raw == text) {
                out.append("（原文 ")
                out.append(cell.raw)
                out.append("）")
            }
            return
        }
        if cell.raw.isEmpty { out.append(number.description) } else { out.append(cell.raw) }
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
        var out = TextBytes()
        unmatched(diff, style: style, into: &out)
        return out.string
    }

    /// `unmatched(_:style:)` appended to `out`.
    static func unmatched(_ diff: ReportDiff, style: Style, into out: inout TextBytes) {
        guard !diff.unmatched.isEmpty else { return }
        style.heading("只有一方模板有，不比较", &out)
        out.newline()
        for note in diff.notes where note.hasPrefix("两份报告所用模板不同") {
            out.append("  ")
            out.append(note)
            out.newline()
        }
        var rows: [[String]] = []
        rows.reserveCapacity(diff.unmatched.count)
        for item in diff.unmatched {
            let side = item.side == .old ? "上年（\(item.template.rawValue) 年版）" : "本年（\(item.template.rawValue) 年版）"
            let specs = TemplateEdition.specs(of: item.key)
            rows.append([item.key.table.label, specs.row.fullLabel, specs.column.label, side, shown(item.cell)])
        }
        _ = TextLayout.appendTable(rows, to: &out.bytes)
        out.newline()
    }

    // MARK: Narrative

    static func narrative(_ diff: ReportDiff, style: Style) -> String {
        var out = TextBytes()
        narrative(diff, style: style, into: &out) { _ in }
        return out.string
    }

    /// The narrative appended to `out`; `pass` is called after each line with what has gathered
    /// (and may hand it on and empty it).
    static func narrative(
        _ diff: ReportDiff, style: Style, into out: inout TextBytes, pass: (inout TextBytes) -> Void
    ) {
        style.heading("正文逐句", &out)
        out.append("\n  ")
        out.append(legend)
        out.newline()
        var any = false
        for section in diff.sections where section.hasChanges {
            any = true
            out.append("  ")
            style.open(Style.headingCode, &out)
            appendSectionName(section, &out)
            style.close(&out)
            out.newline()
            for index in section.sentences.indices where section.sentences[index].status != .unchanged {
                out.append("    ")
                sentenceLine(section.sentences[index], style: style, into: &out)
                out.newline()
                pass(&out)
            }
        }
        if !any { out.append("  （正文没有变化）\n") }
    }

    static func sentenceLine(_ change: SentenceChange, style: Style) -> String {
        var out = TextBytes()
        sentenceLine(change, style: style, into: &out)
        return out.string
    }

    /// `sentenceLine(_:style:)` appended to `out`.
    static func sentenceLine(_ change: SentenceChange, style: Style, into out: inout TextBytes) {
        func lines() {
            out.append("[旧")
            if let old = change.old { out.append(old.line) } else { out.append("–") }
            out.append("/新")
            if let new = change.new { out.append(new.line) } else { out.append("–") }
            out.append("行] ")
        }
        switch change.status {
        case .added:
            out.append("+ ")
            lines()
            style.added(change.new!.text, &out)
        case .removed:
            out.append("- ")
            lines()
            style.removed(change.old!.text, &out)
        case .unchanged:
            out.append("  ")
            lines()
            out.append(change.new!.text)
        case .edited, .numbersOnly:
            out.append(change.status == .numbersOnly ? "# " : "~ ")
            lines()
            for piece in change.pieces {
                switch piece {
                case .same(let s): out.append(s)
                case .removed(let s): style.removed(s, &out)
                case .added(let s): style.added(s, &out)
                }
            }
        }
    }

    /// The findings, errors first: `FILE:LINE: 错误: [rule name]` on one line, the message indented on the
    /// next (wrapped at 100 columns whatever the paths' length), and for a finding across the two years
    /// the other report's cell on a third (`← 2023年 FILE:LINE`).
    static func findingsBlock(_ diff: ReportDiff) -> String {
        var out = TextBytes()
        findingsBlock(diff, into: &out)
        return out.string
    }

    /// `findingsBlock(_:)` appended to `out`.
    static func findingsBlock(_ diff: ReportDiff, into out: inout TextBytes) {
        let (errors, warnings) = diff.findingCounts
        out.append("\n勾稽校验\n  错误 ")
        out.append(errors)
        out.append(" 项，警告 ")
        out.append(warnings)
        out.append(" 项\n")
        if diff.findings.isEmpty { return out.append("  （全部通过）\n") }
        for index in DiffHTMLRenderer.sortedFindingIndices(diff) {
            let finding = diff.findings[index]
            let file = finding.file.isEmpty ? diff.new.path : finding.file
            out.append("  ")
            out.append(file)
            if let line = finding.line {
                out.append(":")
                out.append(line)
            }
            out.append(": ")
            out.append(ReportRenderer.severityWord(finding.severity))
            out.append(": [")
            out.append(finding.rule.id)
            out.append(" ")
            out.append(finding.rule.name)
            out.append("]\n      ")
            out.append(finding.message)
            out.newline()
            if finding.acrossYears, let other = finding.cells.first(where: { !$0.file.isEmpty && $0.file != file }) {
                out.append("      ← ")
                if let year = other.year {
                    out.append(year)
                    out.append("年")
                } else {
                    out.append("另一份报告")
                }
                out.append(" ")
                out.append(other.file)
                if let line = other.cell.line {
                    out.append(":")
                    out.append(line)
                }
                out.newline()
            }
        }
    }
}
