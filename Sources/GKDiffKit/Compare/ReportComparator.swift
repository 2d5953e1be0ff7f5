/// How a table cell changed.
public enum CellStatus: String, Sendable {
    /// Same value (or both blank, both not applicable, both missing).
    case unchanged
    /// A larger number.
    case increased
    /// A smaller number (to 0 is −100.0 %).
    case decreased
    /// From 0 to a number above 0: a per cent of a zero base means nothing, so none is given.
    case added
    /// Blank, not applicable, missing or unreadable on one side, or a different one of these on each:
    /// no arithmetic, the states are shown.
    case stateChanged = "state_changed"
    /// One side could not be read (unreadable, or its row or table not found): nothing is said about
    /// a change, only that the cell was not read (rule P1 says where).
    case unreadable

    /// Chinese word for people.
    public var label: String {
        switch self {
        case .unchanged: return "未变"
        case .increased: return "增加"
        case .decreased: return "减少"
        case .added: return "新增"
        case .stateChanged: return "状态变化"
        case .unreadable: return "无法读取"
        }
    }
}

/// Which of the two reports of a comparison.
public enum ReportSide: String, Sendable {
    /// Last year's report.
    case old
    /// This year's report.
    case new
}

/// One side of a `CellChange` that is the sum of several cells of its report: the three 2021 rows
/// under `（六）其他处理` compared with the one row the 2019 template has.
public struct CellSum: Sendable {
    /// The side whose cell is a sum.
    public var side: ReportSide
    /// The cells added up, in template order (keys of that side's template).
    public var keys: [CellKey]
    /// Those cells as read.
    public var cells: [Cell]
    /// How the sum reads, e.g. `（六）其他处理 1.+2.+3. 之和（2021 年版三行）`.
    public var label: String
}

/// One template cell in both years.
public struct CellChange: Sendable {
    /// The cell's key; for a sum (`sum` set) the key of the one cell on the other side.
    public var key: CellKey
    public var old: Cell
    public var new: Cell
    /// Set when one side is the sum of several cells of the other template; that side's `Cell`
    /// holds the sum (a number only when every part is one) and a `note` saying so.
    public var sum: CellSum?
    public var status: CellStatus
    /// new − old, when both are numbers.
    public var change: Quantity?
    /// Change in per cent, in tenths (`233` is +23.3 %); nil for a zero base or a non-number side.
    public var percentTenths: Int?

    /// Compares two cells: exact decimal arithmetic, per cent rounded half away from zero to 0.1.
    public init(key: CellKey, old: Cell, new: Cell, sum: CellSum? = nil) {
        self.key = key
        self.old = old
        self.new = new
        self.sum = sum
        guard let a = old.number, let b = new.number else {
            if old.value.wasNotRead || new.value.wasNotRead {
                status = .unreadable
            } else {
                status = old.value == new.value ? .unchanged : .stateChanged
            }
            return
        }
        let delta = b - a
        change = delta
        if delta == 0 {
            status = .unchanged
            percentTenths = a == 0 ? nil : 0
        } else if a == 0 {
            status = .added
        } else {
            status = delta > 0 ? .increased : .decreased
            percentTenths = Quantity.tenthsOfPercent(delta, of: a)
        }
    }

    /// `+23.3%`, `-100.0%`, or nil.
    public var percentText: String? {
        guard let tenths = percentTenths else { return nil }
        return (tenths > 0 ? "+" : "") + Self.tenthsText(tenths) + "%"
    }

    /// Tenths of a per cent as a plain number: `233` → `23.3`, `-1000` → `-100.0`.
    static func tenthsText(_ value: Int) -> String {
        let sign = value < 0 ? "-" : ""
        return "\(sign)\(abs(value) / 10).\(abs(value) % 10)"
    }

    /// `+96`, `-3.5`, `0`, or nil.
    public var changeText: String? {
        guard let change else { return nil }
        return change > 0 ? "+\(change)" : "\(change)"
    }
}

/// Everything that differs between two years of one agency's report.
public struct ReportDiff: Sendable {
    /// Last year's report (the earlier year). From `ReportComparator.compare` its sections keep their
    /// titles, lines and subsections but not their paragraphs: the prose is in `sections`, sentence by
    /// sentence, and is not held twice.
    public var old: Report
    /// This year's report; its paragraphs as `old`'s, but for section 五's (rule Q2 reads them).
    public var new: Report
    /// True when the files were given newest first and compared in year order.
    public var swapped: Bool
    /// True when the agency names do not look like one agency.
    public var agenciesDiffer: Bool
    /// Every cell of the template in template order (200 for two 2021-template reports); when the
    /// templates differ, the cells that mean the same in both, in the newer template's order.
    public var cells: [CellChange]
    /// The prose sections (preamble, 一, 五, 六, and any prose inside 二–四), in template order.
    public var sections: [SectionDiff]
    /// Things the reader must know first (order swapped, agencies differ, years not adjacent, degraded alignment).
    public var notes: [String]
    /// 勾稽 and quality findings: last year's report, this year's, then across the two years.
    public var findings: [Finding] = []
    /// Cells that only one report's template has, when the two follow different templates (a 2019
    /// report against a 2021 one); empty when both follow the same one.
    public var unmatched: [UnmatchedCell] = []

    /// True when the two reports follow different templates (then `cells` holds the cells that mean
    /// the same in both, and `unmatched` the rest).
    public var templatesDiffer: Bool { old.edition != new.edition }

    /// Cells that changed: neither `unchanged` nor `unreadable` (a cell not read on one side has no change).
    public var changedCells: [CellChange] { cells.filter { $0.status != .unchanged && $0.status != .unreadable } }

    /// Cells not compared because one side (or both) could not be read.
    public var unreadCells: [CellChange] { cells.filter { $0.status == .unreadable } }

    /// Rule P1 findings of either report: what was not read.
    public var readProblems: [Finding] { findings.filter { $0.rule == .p1 } }

    /// True when either report was not read completely (rule P1): the comparison is incomplete.
    public var isIncomplete: Bool { findings.contains { $0.rule == .p1 } }

    /// True when no cell of the table could be compared (the table not read in one report or both).
    /// O(cells), without copying them.
    public func tableNotCompared(_ table: TableKind) -> Bool {
        var any = false
        for cell in cells where cell.key.table == table {
            if cell.status != .unreadable { return false }
            any = true
        }
        return any
    }

    /// True when this year's report left every cell of the table blank and last year's did not.
    /// O(cells), without copying them.
    public func tableBlankedThisYear(_ table: TableKind) -> Bool {
        var any = false
        var oldAllBlank = true
        for cell in cells where cell.key.table == table {
            if cell.new.value != .blank { return false }
            if cell.old.value != .blank { oldAllBlank = false }
            any = true
        }
        return any && !oldAllBlank
    }

    /// True when any cell or sentence differs.
    public var hasDifferences: Bool {
        cells.contains { $0.status != .unchanged && $0.status != .unreadable } || sections.contains { $0.hasChanges }
    }
}

/// Compares two reports of one agency: cells joined on their keys, prose aligned sentence by sentence.
public enum ReportComparator {
    /// Compares `first` and `second`, ordering them by year (the older is `old`). Each section's
    /// paragraphs are let go once split into sentences (see `ReportDiff.old`): a caller that gives its
    /// reports up (`compare(consume a, consume b)`) frees their prose while the rest is compared.
    public static func compare(_ first: consuming Report, _ second: consuming Report) -> ReportDiff {
        var old = consume first
        var new = consume second
        var notes: [String] = []
        var swapped = false
        if let a = old.year, let b = new.year, a > b {
            swap(&old, &new)
            swapped = true
            notes.append("给出的顺序是新年度在前：已按年度顺序比较（\(b) → \(a)）")
        }
        if let a = old.year, let b = new.year {
            if a == b { notes.append("两份报告是同一年度（\(a)）") } else if b - a != 1 { notes.append("两份报告相隔 \(b - a) 年，不是相邻年度") }
        } else {
            notes.append("至少一份报告没有读到年度：无法确认年度顺序")
        }
        let differ = !Agency.same(old.agency, new.agency)
        if differ {
            notes.insert("注意：两份报告的机关名称不同（「\(old.agency)」与「\(new.agency)」），可能不是同一机关", at: 0)
        }
        let (cells, unmatched) = alignCells(old, new)
        if old.edition != new.edition {
            let sums = cells.filter { $0.sum != nil }.count
            notes.append(
                "两份报告所用模板不同（\(old.year.map { "\($0)年" } ?? "上年")：\(old.edition.rawValue) 年版，\(new.year.map { "\($0)年" } ?? "本年")：\(new.edition.rawValue) 年版）：只比较含义相同的 \(cells.count) 格，其中 \(sums) 格是 2021 年版「（六）其他处理」三行之和对 2019 年版一行；另有 \(unmatched.count) 格只有一方的模板有，不比较"
            )
        }
        // The years masked in the prose: the report's year, or when neither its title nor its statistics
        // period gives one, the year its own text names most (else the other report's, one apart), so
        // that a sentence carried over is not called changed because one side's year was not found.
        var oldMask = old.year ?? Self.textYear(old)
        var newMask = new.year ?? Self.textYear(new)
        if oldMask == nil, let b = newMask { oldMask = b - 1 }
        if newMask == nil, let a = oldMask { newMask = a + 1 }
        // The checks of each report read its prose: made before the prose is let go.
        let findings = Checker.check(old) + Checker.check(new)
        var narrative = NarrativeComparator(oldYear: oldMask, newYear: newMask)
        var sections: [SectionDiff] = []
        for kind in SectionKind.allCases {
            let a = old.section(kind)
            let b = new.section(kind)
            if kind.table != nil && (a?.paragraphs.isEmpty ?? true) && (b?.paragraphs.isEmpty ?? true) { continue }
            if a == nil && b == nil { continue }
            let diff = narrative.compare(old: consume a, new: consume b, kind: kind) {
                // The sentences are made: the paragraphs are not needed any more.
                Self.releaseProse(of: kind, in: &old)
                if kind != .problems { Self.releaseProse(of: kind, in: &new) }
            }
            if diff.degraded { notes.append("第\(kind.numeral)部分「\(kind.title)」篇幅过大，改用粗略的逐句对齐") }
            sections.append(diff)
        }
        var diff = ReportDiff(
            old: old, new: new, swapped: swapped, agenciesDiffer: differ, cells: cells, sections: sections, notes: notes)
        diff.unmatched = unmatched
        diff.findings = findings + Checker.checkAcross(diff)
        return diff
    }

    /// Empties the paragraphs of the section of `kind` (its title, lines and subsections stay).
    static func releaseProse(of kind: SectionKind, in report: inout Report) {
        guard let index = report.sections.firstIndex(where: { $0.kind == kind }) else { return }
        report.sections[index].paragraphs = []
    }
}

extension ReportComparator {
    /// The year the report's prose names most often as `2024年` (ties: the later year), or nil.
    static func textYear(_ report: Report) -> Int? {
        // Counts of 1990…2099, by year − 1990.
        var counts = [Int](repeating: 0, count: 110)
        for section in report.sections where section.kind.isNarrative {
            for paragraph in section.paragraphs {
                let scalars = LabelText.scalars(paragraph.text)
                var index = 0
                while index + 4 < scalars.count {
                    if let value = Metadata.fourDigits(scalars, at: index), (1990...2099).contains(value) {
                        var next = index + 4
                        while next < scalars.count, LabelText.isSpace(scalars[next]) { next += 1 }
                        if next < scalars.count, scalars[next] == "年" { counts[value - 1990] += 1 }
                        index += 4
                    } else {
                        index += 1
                    }
                }
            }
        }
        // The most often named; of equal counts the later year.
        var best: Int?
        for (offset, count) in counts.enumerated() where count > 0 && count >= (best.map { counts[$0 - 1990] } ?? 0) {
            best = 1990 + offset
        }
        return best
    }
}

/// A cell only one of two reports' templates has.
public struct UnmatchedCell: Sendable {
    /// The cell's key in its template.
    public var key: CellKey
    /// Which report has it.
    public var side: ReportSide
    /// The template of that report.
    public var template: TemplateEdition
    /// The cell as read.
    public var cell: Cell
}

extension ReportComparator {
    /// The cells of two reports side by side. Same template: every cell by key. Different templates:
    /// cells with a key both templates have, the 2019 `（六）其他处理` row against the sum of the three
    /// 2021 rows, and the cells left over on each side as unmatched.
    static func alignCells(_ old: Report, _ new: Report) -> ([CellChange], [UnmatchedCell]) {
        if old.edition == new.edition {
            let keys = old.cellKeys
            let count = min(keys.count, old.cells.count, new.cells.count)
            // Each change made in its slot: appending one copies it in and destroys the original
            // (a retain and a release of each of its strings, for each of the 200 cells).
            let cells = [CellChange](unsafeUninitializedCapacity: count) { slots, initialized in
                for index in 0..<count {
                    (slots.baseAddress.unsafelyUnwrapped + index).initialize(
                        to: CellChange(key: keys[index], old: old.cells[index], new: new.cells[index]))
                }
                initialized = count
            }
            return (cells, [])
        }
        let newer = old.edition > new.edition ? old : new
        let newerSide: ReportSide = old.edition > new.edition ? .old : .new
        let older = newerSide == .old ? new : old
        var changes: [CellChange] = []
        var unmatched: [UnmatchedCell] = []
        var used = Set<CellKey>()
        for key in newer.cellKeys {
            if let (olderKey, parts) = Template.summedCounterpart(of: key) {
                // Emitted once, at the first of the summed cells.
                guard parts.first == key, older.edition.index(of: olderKey) != nil else { continue }
                used.insert(olderKey)
                let sumCell = Self.sum(parts.map { newer[$0] }, label: Template.sumLabel)
                let sum = CellSum(side: newerSide, keys: parts, cells: parts.map { newer[$0] }, label: Template.sumLabel)
                let (a, b) = newerSide == .new ? (older[olderKey], sumCell) : (sumCell, older[olderKey])
                changes.append(CellChange(key: olderKey, old: a, new: b, sum: sum))
            } else if older.edition.index(of: key) != nil {
                used.insert(key)
                changes.append(CellChange(key: key, old: old[key], new: new[key]))
            } else {
                unmatched.append(UnmatchedCell(key: key, side: newerSide, template: newer.edition, cell: newer[key]))
            }
        }
        for key in older.cellKeys where !used.contains(key) {
            unmatched.append(
                UnmatchedCell(key: key, side: newerSide == .new ? .old : .new, template: older.edition, cell: older[key]))
        }
        return (changes, unmatched)
    }

    /// The sum of cells as one cell: a number when every part is one; otherwise no arithmetic (a blank
    /// is not a zero) and the state of the first part that is not a number, by how much it says: missing,
    /// unreadable, blank, not applicable. `raw` shows the parts (`1+0+空`), `note` says it is a sum.
    static func sum(_ parts: [Cell], label: String) -> Cell {
        let raw = parts.map { $0.number != nil ? $0.raw : $0.value.display }.joined(separator: "+")
        let line = parts.compactMap(\.line).first
        var total = Quantity(0)
        var allNumbers = true
        for part in parts {
            if let number = part.number { total += number } else { allNumbers = false }
        }
        if allNumbers {
            return Cell(value: .number(total), raw: total.description, line: line, note: "\(label)：\(raw)")
        }
        let order: [CellValue] = [.missing, .unreadable, .blank, .notApplicable]
        let state = order.first { state in parts.contains { $0.value == state } } ?? .missing
        return Cell(value: state, raw: "", line: line, note: "\(label)：\(raw)，不全是数字，不求和")
    }
}

/// Agency names: whether two spellings name one agency.
public enum Agency {
    /// True when the names are equal, or the shorter one's characters appear in order in the longer one
    /// and both end alike (`南关区执法局` in `长春市南关区城市管理行政执法局`); `南关区执法局` and
    /// `南关区政数局` are not one agency. An unknown name never contradicts.
    public static func same(_ a: String, _ b: String) -> Bool {
        let x = LabelText.scalars(LabelText.fold(a))
        let y = LabelText.scalars(LabelText.fold(b))
        if x.isEmpty || y.isEmpty || x == y { return true }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        guard short.count >= 3, short.last == long.last else { return false }
        var index = 0
        for scalar in long where index < short.count && scalar == short[index] { index += 1 }
        return index == short.count
    }
}
