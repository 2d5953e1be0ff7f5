/// The figures a supervisor reads first (DOMAIN.md "Key indicators"): counts taken from the tables and
/// rates computed from them, for one report.
///
/// Every value is computed from the template cells by key; a rate is exact until it is shown (rounded
/// half away from zero to 0.1 %). A zero base gives no rate, and a cell that is blank, not applicable,
/// missing or unreadable gives no value at all, with the reason.
public struct KeyIndicators: Sendable {
    /// The indicators in the order they are shown.
    public var items: [KeyIndicator]

    /// The key indicators of one report.
    public init(report: Report) { self.init(report: report, specs: KeyIndicatorSpec.all) }

    /// The indicators of `specs` only, in their order.
    init(report: Report, specs: [KeyIndicatorSpec]) {
        items = specs.map { Self.indicator($0, in: report) }
    }

    /// The indicator of one spec in a report.
    static func indicator(_ spec: KeyIndicatorSpec, in report: Report) -> KeyIndicator {
        var indicator = KeyIndicator(spec: spec, value: spec.value(in: report))
        // A count from one cell is shown as the report wrote it (`236.40`, not `236.4`).
        if case .sum(let keys) = spec.compute, keys.count == 1, case .count = indicator.value {
            let cell = report.cell(at: spec.cells.indices(in: report.edition)[0])
            if cell.note == nil && !cell.raw.isEmpty && Quantity(string: cell.raw) == cell.number {
                indicator.written = cell.raw
            }
        }
        return indicator
    }

    /// The indicator with an id (`requests_new`, `disclosure_rate`, …), if there is one.
    public subscript(id: String) -> KeyIndicator? { items.first { $0.id == id } }

    /// The indicators of two reports side by side, old → new, in the order shown.
    public static func compare(old: Report, new: Report) -> [KeyIndicatorChange] {
        compare(old: old, new: new, specs: KeyIndicatorSpec.all)
    }

    /// The indicators of `specs` only, old → new, in their order (the batch keeps the rates alone).
    static func compare(old: Report, new: Report, specs: [KeyIndicatorSpec]) -> [KeyIndicatorChange] {
        // Straight into the changes: no list of each report's indicators on the way.
        var changes: [KeyIndicatorChange] = []
        changes.reserveCapacity(specs.count)
        for spec in specs {
            let a = indicator(spec, in: old)
            changes.append(KeyIndicatorChange(old: a, new: indicator(spec, in: new)))
        }
        return changes
    }
}

extension ReportDiff {
    /// The key indicators of the two reports, old → new (see `KeyIndicators`).
    public var keyIndicators: [KeyIndicatorChange] { KeyIndicators.compare(old: old, new: new) }
}

/// One key figure of one report.
public struct KeyIndicator: Sendable {
    /// Stable English id for programs (`requests_new`, `disclosure_rate`, …).
    public var id: String
    /// The Chinese name shown to people (`新收申请`, `实质公开率`).
    public var label: String
    /// How it is computed, in Chinese (`（一）予以公开 + （二）部分公开 ÷ （七）总计`).
    public var formula: String
    /// The value, or why there is none.
    public var value: KeyIndicatorValue
    /// The number as the report wrote it (`236.40`), when the value is one cell's number as written.
    public var written: String?

    /// The value for people: as written when it is one cell's number, else `value.display`.
    public var display: String { written ?? value.display }

    /// A short form for narrow places: as written, or `value.short`.
    public var short: String { written ?? value.short }

    init(spec: KeyIndicatorSpec, value: KeyIndicatorValue) {
        id = spec.id
        label = spec.label
        formula = spec.formula
        self.value = value
    }

    /// True for a rate (its change is in percentage points).
    public var isRate: Bool {
        switch value {
        case .rate, .zeroBase: return true
        case .count: return false
        case .unavailable(_, let rate): return rate
        }
    }
}

/// What a key indicator holds.
public enum KeyIndicatorValue: Sendable, Hashable {
    /// A count or an amount, from one cell or a sum of cells.
    case count(Quantity)
    /// A rate: numerator ÷ denominator, the denominator above zero.
    case rate(numerator: Quantity, denominator: Quantity)
    /// A rate whose denominator is 0: there is no rate.
    case zeroBase
    /// No value: a cell it needs is blank, not applicable, missing or unreadable. `reason` says which
    /// (Chinese); `rate` is true when the indicator is a rate.
    case unavailable(reason: String, rate: Bool)

    /// A rate in tenths of a per cent (`625` is 62.5 %), rounded half away from zero; nil when not a rate.
    public var rateTenths: Int? {
        guard case .rate(let numerator, let denominator) = self else { return nil }
        return Quantity.tenthsOfPercent(numerator, of: denominator)
    }

    /// The value for people: `8`, `62.5%`, `无（分母为 0）`, `无法计算（…）`.
    public var display: String {
        switch self {
        case .count(let value): return value.description
        case .rate: return rateTenths.map { CellChange.tenthsText($0) + "%" } ?? "无法计算"
        case .zeroBase: return "无（分母为 0）"
        case .unavailable(let reason, _): return "无法计算（\(reason)）"
        }
    }

    /// A short form for narrow places: `8`, `62.5%`, `无`, `—`.
    public var short: String {
        switch self {
        case .count, .rate: return display
        case .zeroBase: return "无"
        case .unavailable: return "—"
        }
    }

    /// The number for programs: the count, or the rate as a per cent with one decimal (`62.5`); nil otherwise.
    public var number: String? {
        switch self {
        case .count(let value): return value.description
        case .rate: return rateTenths.map(CellChange.tenthsText)
        case .zeroBase, .unavailable: return nil
        }
    }

    /// Why there is no value, or nil when there is one.
    public var reason: String? {
        switch self {
        case .count, .rate: return nil
        case .zeroBase: return "分母为 0，没有比率"
        case .unavailable(let reason, _): return reason
        }
    }
}

/// One key indicator in two years.
public struct KeyIndicatorChange: Sendable {
    /// Last year's.
    public var old: KeyIndicator
    /// This year's.
    public var new: KeyIndicator

    /// Pairs two years of one indicator.
    public init(old: KeyIndicator, new: KeyIndicator) {
        self.old = old
        self.new = new
    }

    /// The indicator's id.
    public var id: String { new.id }
    /// The indicator's Chinese name.
    public var label: String { new.label }

    /// For a count: new − old; nil when either side has no value or the indicator is a rate.
    public var change: Quantity? {
        guard case .count(let a) = old.value, case .count(let b) = new.value else { return nil }
        return b - a
    }

    /// For a rate: the change in tenths of a percentage point, as the two shown rates differ
    /// (`75.0%` − `62.5%` = `125`, +12.5 个百分点); nil when either side has no rate.
    public var pointsTenths: Int? {
        guard let a = old.value.rateTenths, let b = new.value.rateTenths else { return nil }
        return b - a
    }

    /// The change for people: `+5`, `-3`, `0`, `+12.5 个百分点`, `0 个百分点`; nil when there is none.
    public var changeText: String? {
        if let points = pointsTenths {
            if points == 0 { return "0 个百分点" }
            return (points > 0 ? "+" : "") + CellChange.tenthsText(points) + " 个百分点"
        }
        guard let change else { return nil }
        return change > 0 ? "+\(change)" : "\(change)"
    }

    /// The change for programs: the count's change (`5`) or the points (`12.5`); nil when there is none.
    public var changeNumber: String? {
        if let points = pointsTenths { return CellChange.tenthsText(points) }
        return change?.description
    }

    /// `5 → 10（+5）`, `62.5% → 75.0%（+12.5 个百分点）`, `无（分母为 0） → 50.0%`.
    public var line: String {
        let arrow = "\(old.display) → \(new.display)"
        return changeText.map { "\(arrow)（\($0)）" } ?? arrow
    }
}

/// How one key indicator is computed from a report's cells.
struct KeyIndicatorSpec: Sendable {
    enum Formula: Sendable {
        /// The sum of cells.
        case sum([CellKey])
        /// The sum of the first cells ÷ the sum of the second.
        case ratio([CellKey], [CellKey])
    }

    let id: String
    let label: String
    let formula: String
    let compute: Formula
    /// The sum's cells, or the numerator's, resolved per template edition.
    let cells: ResolvedKeys
    /// The denominator's cells of a ratio, resolved per template edition.
    let denominator: ResolvedKeys?

    init(id: String, label: String, formula: String, compute: Formula) {
        self.id = id
        self.label = label
        self.formula = formula
        self.compute = compute
        switch compute {
        case .sum(let keys):
            cells = ResolvedKeys(keys)
            denominator = nil
        case .ratio(let top, let bottom):
            cells = ResolvedKeys(top)
            denominator = ResolvedKeys(bottom)
        }
    }

    /// True for a rate (a ratio of sums).
    var isRatio: Bool { denominator != nil }

    /// The value in a report.
    func value(in report: Report) -> KeyIndicatorValue {
        guard let bottom = denominator else {
            switch Self.total(cells, in: report) {
            case .success(let value): return .count(value)
            case .failure(let reason): return .unavailable(reason: reason.text, rate: false)
            }
        }
        let denominator: Quantity
        switch Self.total(bottom, in: report) {
        case .success(let value): denominator = value
        case .failure(let reason): return .unavailable(reason: reason.text, rate: true)
        }
        switch Self.total(cells, in: report) {
        case .success(let numerator):
            return denominator == 0 ? .zeroBase : .rate(numerator: numerator, denominator: denominator)
        case .failure(let reason): return .unavailable(reason: reason.text, rate: true)
        }
    }

    struct Reason: Error { let text: String }

    /// The sum of the cells, or the first cell that is not a number, said as `「（七）总计·总计」空`.
    static func total(_ keys: ResolvedKeys, in report: Report) -> Result<Quantity, Reason> {
        var sum = Quantity(0)
        for (position, index) in keys.indices(in: report.edition).enumerated() {
            guard let number = report.number(at: index) else {
                let key = keys.keys[position]
                let cell = report.cell(at: index)
                let name = "「\(key.rowSpec.fullLabel)·\(key.columnSpec.label)」"
                if cell.value == .missing && index < 0 {
                    return .failure(Reason(text: "\(report.edition.rawValue) 年版模板没有\(name)"))
                }
                return .failure(Reason(text: "\(name)\(cell.value.display)"))
            }
            sum += number
        }
        return .success(sum)
    }

    static func requests(_ row: String, _ column: String = "total") -> CellKey {
        CellKey(table: .requests, row: row, column: column)
    }
    static func appeals(_ row: String, _ column: String) -> CellKey { CellKey(table: .appeals, row: row, column: column) }

    /// The eight rows of （三）不予公开, in the 总计 column.
    static let deniedRows = [
        "denied_state_secret", "denied_prohibited_by_law", "denied_security_stability", "denied_third_party",
        "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_inquiry",
    ]

    /// The rates of `all` (实质公开率, 不予公开率, 纠错率 …), in the order shown.
    static let rates: [KeyIndicatorSpec] = all.filter(\.isRatio)

    /// Every key indicator, in the order shown.
    static let all: [KeyIndicatorSpec] = [
        KeyIndicatorSpec(
            id: "requests_new", label: "新收申请", formula: "表二 一、本年新收政府信息公开申请数量（总计）",
            compute: .sum([requests("new")])),
        KeyIndicatorSpec(
            id: "requests_handled", label: "办理总数", formula: "表二 三、本年度办理结果 （七）总计（总计）",
            compute: .sum([requests("results_total")])),
        KeyIndicatorSpec(
            id: "granted", label: "予以公开", formula: "表二 （一）予以公开（总计）", compute: .sum([requests("granted")])),
        KeyIndicatorSpec(
            id: "disclosure_rate", label: "实质公开率", formula: "（（一）予以公开 + （二）部分公开）÷ （七）总计（总计列）",
            compute: .ratio([requests("granted"), requests("partially_granted")], [requests("results_total")])),
        KeyIndicatorSpec(
            id: "denial_rate", label: "不予公开率", formula: "（三）不予公开 8 行之和 ÷ （七）总计（总计列）",
            compute: .ratio(deniedRows.map { requests($0) }, [requests("results_total")])),
        KeyIndicatorSpec(
            id: "review_total", label: "行政复议", formula: "表三 行政复议 总计", compute: .sum([appeals("review", "total")])),
        KeyIndicatorSpec(
            id: "review_correction_rate", label: "复议纠错率", formula: "行政复议 结果纠正 ÷ 总计",
            compute: .ratio([appeals("review", "corrected")], [appeals("review", "total")])),
        KeyIndicatorSpec(
            id: "litigation_total", label: "行政诉讼", formula: "表三 行政诉讼 未经复议直接起诉 总计 + 复议后起诉 总计",
            compute: .sum([appeals("litigation_direct", "total"), appeals("litigation_after_review", "total")])),
        KeyIndicatorSpec(
            id: "litigation_direct_correction_rate", label: "直接起诉纠错率", formula: "行政诉讼·未经复议直接起诉 结果纠正 ÷ 总计",
            compute: .ratio([appeals("litigation_direct", "corrected")], [appeals("litigation_direct", "total")])),
        KeyIndicatorSpec(
            id: "litigation_after_review_correction_rate", label: "复议后起诉纠错率",
            formula: "行政诉讼·复议后起诉 结果纠正 ÷ 总计",
            compute: .ratio(
                [appeals("litigation_after_review", "corrected")], [appeals("litigation_after_review", "total")])),
        KeyIndicatorSpec(
            id: "licensing", label: "行政许可", formula: "表一 行政许可 本年处理决定数量",
            compute: .sum([CellKey(table: .proactive, row: "licensing", column: "decisions")])),
        KeyIndicatorSpec(
            id: "penalties", label: "行政处罚", formula: "表一 行政处罚 本年处理决定数量",
            compute: .sum([CellKey(table: .proactive, row: "penalties", column: "decisions")])),
        KeyIndicatorSpec(
            id: "fees", label: "收费（万元）", formula: "表一 行政事业性收费 本年收费金额（万元）",
            compute: .sum([CellKey(table: .proactive, row: "fees", column: "amount")])),
    ]
}
