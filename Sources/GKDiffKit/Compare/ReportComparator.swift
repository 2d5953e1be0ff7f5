#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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

    /// Chinese word for people.
    public var label: String {
        switch self {
        case .unchanged: return "未变"
        case .increased: return "增加"
        case .decreased: return "减少"
        case .added: return "新增"
        case .stateChanged: return "状态变化"
        }
    }
}

/// One template cell in both years.
public struct CellChange: Sendable {
    public var key: CellKey
    public var old: Cell
    public var new: Cell
    public var status: CellStatus
    /// new − old, when both are numbers.
    public var change: Decimal?
    /// Change in per cent, in tenths (`233` is +23.3 %); nil for a zero base or a non-number side.
    public var percentTenths: Int?

    /// Compares two cells: exact decimal arithmetic, per cent rounded half away from zero to 0.1.
    public init(key: CellKey, old: Cell, new: Cell) {
        self.key = key
        self.old = old
        self.new = new
        guard let a = old.number, let b = new.number else {
            status = old.value == new.value ? .unchanged : .stateChanged
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
            percentTenths = Self.tenthsOfPercent(delta, of: a)
        }
    }

    /// (delta / base × 1000) rounded half away from zero, computed exactly in Decimal before the
    /// final rounding.
    static func tenthsOfPercent(_ delta: Decimal, of base: Decimal) -> Int? {
        let scaled = delta * 1000 / base
        guard !scaled.isNaN, let value = Double(scaled.description), value.isFinite else { return nil }
        return Int(value.rounded(.toNearestOrAwayFromZero))
    }

    /// `+23.3%`, `-100.0%`, or nil.
    public var percentText: String? {
        guard let tenths = percentTenths else { return nil }
        let sign = tenths > 0 ? "+" : tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return "\(sign)\(magnitude / 10).\(magnitude % 10)%"
    }

    /// `+96`, `-3.5`, `0`, or nil.
    public var changeText: String? {
        guard let change else { return nil }
        return change > 0 ? "+\(change)" : "\(change)"
    }
}

/// Everything that differs between two years of one agency's report.
public struct ReportDiff: Sendable {
    /// Last year's report (the earlier year).
    public var old: Report
    /// This year's report.
    public var new: Report
    /// True when the files were given newest first and compared in year order.
    public var swapped: Bool
    /// True when the agency names do not look like one agency.
    public var agenciesDiffer: Bool
    /// All 200 cells, in template order.
    public var cells: [CellChange]
    /// The prose sections (preamble, 一, 五, 六, and any prose inside 二–四), in template order.
    public var sections: [SectionDiff]
    /// Things the reader must know first (order swapped, agencies differ, years not adjacent, degraded alignment).
    public var notes: [String]
    /// 勾稽 and quality findings: last year's report, this year's, then across the two years.
    public var findings: [Finding] = []

    /// Cells whose status is not `unchanged`.
    public var changedCells: [CellChange] { cells.filter { $0.status != .unchanged } }

    /// True when any cell or sentence differs.
    public var hasDifferences: Bool {
        cells.contains { $0.status != .unchanged } || sections.contains { $0.hasChanges }
    }
}

/// Compares two reports of one agency: cells joined on their keys, prose aligned sentence by sentence.
public enum ReportComparator {
    /// Compares `first` and `second`, ordering them by year (the older is `old`).
    public static func compare(_ first: Report, _ second: Report) -> ReportDiff {
        var old = first
        var new = second
        var notes: [String] = []
        var swapped = false
        if let a = first.year, let b = second.year, a > b {
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
        let cells = zip(Template.cellKeys, zip(old.cells, new.cells)).map { CellChange(key: $0.0, old: $0.1.0, new: $0.1.1) }
        var narrative = NarrativeComparator(oldYear: old.year, newYear: new.year)
        var sections: [SectionDiff] = []
        for kind in SectionKind.allCases {
            let a = old.section(kind)
            let b = new.section(kind)
            if kind.table != nil && (a?.paragraphs.isEmpty ?? true) && (b?.paragraphs.isEmpty ?? true) { continue }
            if a == nil && b == nil { continue }
            let diff = narrative.compare(old: a, new: b, kind: kind)
            if diff.degraded { notes.append("第\(kind.numeral)部分「\(kind.title)」篇幅过大，改用粗略的逐句对齐") }
            sections.append(diff)
        }
        var diff = ReportDiff(
            old: old, new: new, swapped: swapped, agenciesDiffer: differ, cells: cells, sections: sections, notes: notes)
        diff.findings = Checker.check(old) + Checker.check(new) + Checker.checkAcross(diff)
        return diff
    }
}

/// Agency names: whether two spellings name one agency.
public enum Agency {
    /// True when the names are equal, or the shorter one's characters appear in order in the longer one
    /// and both end alike (`南关区执法局` in `长春市南关区城市管理行政执法局`); `南关区执法局` and
    /// `南关区政数局` are not one agency. An unknown name never contradicts.
    public static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(LabelText.fold(a).unicodeScalars)
        let y = Array(LabelText.fold(b).unicodeScalars)
        if x.isEmpty || y.isEmpty || x == y { return true }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        guard short.count >= 3, short.last == long.last else { return false }
        var index = 0
        for scalar in long where index < short.count && scalar == short[index] { index += 1 }
        return index == short.count
    }
}
