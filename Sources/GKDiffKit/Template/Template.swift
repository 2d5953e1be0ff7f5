/// The 2021 national template (国办公开办函〔2021〕30号) as data: the single source of truth for every
/// section, table, row and column key and for the Chinese labels printed next to them.
///
/// The parser matches what it reads against these specs, the comparator joins on their keys and the
/// renderers print their labels. Nothing outside this folder spells a label. The older 2019 template
/// is in `Template2019.swift`; `TemplateEdition` chooses between the two.
public enum Template {
    /// The three tables in report order.
    public static let tables: [TableSpec] = [proactive, requests, appeals]

    /// Every cell of the template in report order: 10 + 175 + 15 = 200.
    /// Written into one array of its final size (a `flatMap` of `map`s grew and copied it per table).
    public static let cellKeys: [CellKey] = {
        var keys: [CellKey] = []
        keys.reserveCapacity(tables.reduce(0) { $0 + $1.cellCount })
        for table in tables { table.appendCellKeys(to: &keys) }
        return keys
    }()

    /// The spec of one table.
    public static func table(_ kind: TableKind) -> TableSpec {
        switch kind {
        case .proactive: return proactive
        case .requests: return requests
        case .appeals: return appeals
        }
    }

    /// Position of a cell in `cellKeys`, or nil for a key the template does not have. O(1).
    public static func index(of key: CellKey) -> Int? { index(of: key, in: tables) }

    /// Position of a cell in the keys of `tables` (`cellKeys` order), or nil for a key they do not
    /// have: the table's offset, its row's first cell (`TableSpec.firstCell`) and the column's place
    /// in the row. O(1), and no dictionary of every key built at start-up.
    static func index(of key: CellKey, in tables: [TableSpec]) -> Int? {
        var offset = 0
        for table in tables {
            if table.kind == key.table {
                guard let row = table.rowIndex[key.row],
                    let column = table.rowColumns[row].firstIndex(where: { $0.key == key.column })
                else { return nil }
                return offset + table.rowFirstCells[row] + column
            }
            offset += table.cellCount
        }
        return nil
    }

    /// First cell index of each table in `cellKeys`.
    static func firstIndex(of table: TableKind) -> Int {
        switch table {
        case .proactive: return 0
        case .requests: return proactive.cellCount
        case .appeals: return proactive.cellCount + requests.cellCount
        }
    }

    // MARK: Table 1 — 主动公开政府信息情况

    static let issued = ColumnSpec(key: "issued", label: "本年制发件数")
    static let repealed = ColumnSpec(key: "repealed", label: "本年废止件数")
    static let inForce = ColumnSpec(key: "in_force", label: "现行有效件数")
    static let decisions = ColumnSpec(key: "decisions", label: "本年处理决定数量")
    static let amount = ColumnSpec(key: "amount", label: "本年收费金额（万元）", unit: .tenThousandYuan)

    static let proactive = TableSpec(
        kind: .proactive,
        rows: [
            RowSpec(key: "regulations", label: "规章", group: "第二十条第（一）项", match: ["规章"]),
            RowSpec(
                key: "normative_documents", label: "行政规范性文件", group: "第二十条第（一）项",
                match: ["行政规范性文件", "规范性文件"]),
            RowSpec(key: "licensing", label: "行政许可", group: "第二十条第（五）项", match: ["行政许可"]),
            RowSpec(key: "penalties", label: "行政处罚", group: "第二十条第（六）项", match: ["行政处罚"]),
            RowSpec(key: "enforcement", label: "行政强制", group: "第二十条第（六）项", match: ["行政强制"]),
            RowSpec(
                key: "fees", label: "行政事业性收费", group: "第二十条第（八）项", match: ["行政事业性收费"]),
        ],
        columns: [issued, repealed, inForce, decisions, amount],
        layout: { row in
            switch row {
            case "regulations", "normative_documents": return [issued, repealed, inForce]
            case "licensing", "penalties", "enforcement": return [decisions]
            case "fees": return [amount]
            default: return []
            }
        },
        headerWords: [
            "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
            "第二十条第",
        ],
        padding: .trailing)

    // MARK: Table 2 — 收到和处理政府信息公开申请情况

    static let requests: TableSpec = {
        let columns = [
            ColumnSpec(key: "natural_person", label: "自然人"),
            ColumnSpec(key: "commercial", label: "商业企业"),
            ColumnSpec(key: "research", label: "科研机构"),
            ColumnSpec(key: "social_welfare", label: "社会公益组织"),
            ColumnSpec(key: "legal_service", label: "法律服务机构"),
            ColumnSpec(key: "other_org", label: "其他"),
            ColumnSpec(key: "total", label: "总计"),
        ]
        let results = "三、本年度办理结果"
        let denied = "（三）不予公开"
        let unable = "（四）无法提供"
        let declined = "（五）不予处理"
        let other = "（六）其他处理"
        func row(_ key: String, _ label: String, _ group: String?, _ match: String...) -> RowSpec {
            RowSpec(key: key, label: label, group: group, match: match)
        }
        let rows = [
            row("new", "一、本年新收政府信息公开申请数量", nil, "本年新收政府信息公开申请数量", "本年新收"),
            row("carried_over", "二、上年结转政府信息公开申请数量", nil, "上年结转政府信息公开申请数量", "上年结转"),
            row("granted", "（一）予以公开", results, "予以公开"),
            row("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", results, "部分公开"),
            row("denied_state_secret", "1.属于国家秘密", denied, "属于国家秘密"),
            row("denied_prohibited_by_law", "2.其他法律行政法规禁止公开", denied, "其他法律行政法规禁止公开"),
            row("denied_security_stability", "3.危及“三安全一稳定”", denied, "危及三安全一稳定"),
            row("denied_third_party", "4.保护第三方合法权益", denied, "保护第三方合法权益"),
            row("denied_internal_affairs", "5.属于三类内部事务信息", denied, "属于三类内部事务信息"),
            row("denied_process_info", "6.属于四类过程性信息", denied, "属于四类过程性信息"),
            row("denied_enforcement_file", "7.属于行政执法案卷", denied, "属于行政执法案卷"),
            row("denied_inquiry", "8.属于行政查询事项", denied, "属于行政查询事项"),
            row("unable_not_held", "1.本机关不掌握相关政府信息", unable, "本机关不掌握相关政府信息"),
            row("unable_needs_creation", "2.没有现成信息需要另行制作", unable, "没有现成信息需要另行制作"),
            row("unable_unclear", "3.补正后申请内容仍不明确", unable, "补正后申请内容仍不明确"),
            row("declined_petition", "1.信访举报投诉类申请", declined, "信访举报投诉类申请"),
            row("declined_duplicate", "2.重复申请", declined, "重复申请"),
            row("declined_publication", "3.要求提供公开出版物", declined, "要求提供公开出版物"),
            row("declined_excessive", "4.无正当理由大量反复申请", declined, "无正当理由大量反复申请"),
            row(
                "declined_confirmation", "5.要求行政机关确认或重新出具已获取信息", declined,
                "要求行政机关确认或重新出具已获取信息"),
            row(
                "other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", other,
                "申请人无正当理由逾期不补正"),
            row(
                "other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", other,
                "申请人逾期未按收费通知要求缴纳费用"),
            row("other_other", "3.其他", other, "其他"),
            row("results_total", "（七）总计", results, "总计"),
            row("carried_forward", "四、结转下年度继续办理", nil, "结转下年度继续办理"),
        ]
        return TableSpec(
            kind: .requests, rows: rows, columns: columns,
            headerWords: [
                "本列数据的勾稽关系", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织",
                "法律服务机构", "其他", "总计", "本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理",
            ],
            padding: .leading)
    }()

    // MARK: Table 3 — 政府信息公开行政复议、行政诉讼情况

    static let appeals: TableSpec = {
        let columns = [
            ColumnSpec(key: "upheld", label: "结果维持"),
            ColumnSpec(key: "corrected", label: "结果纠正"),
            ColumnSpec(key: "other", label: "其他结果"),
            ColumnSpec(key: "pending", label: "尚未审结"),
            ColumnSpec(key: "total", label: "总计"),
        ]
        let rows = [
            // Matched only when a report writes table 3 as three labelled rows (`行政复议 | 2 | 1 | …`);
            // the template's own layout is one row of 15 values under a header.
            RowSpec(key: "review", label: "行政复议", group: nil, match: ["行政复议"]),
            RowSpec(
                key: "litigation_direct", label: "行政诉讼·未经复议直接起诉", group: "行政诉讼",
                match: ["未经复议直接起诉", "行政诉讼未经复议直接起诉"]),
            RowSpec(
                key: "litigation_after_review", label: "行政诉讼·复议后起诉", group: "行政诉讼",
                match: ["复议后起诉", "行政诉讼复议后起诉"]),
        ]
        return TableSpec(
            kind: .appeals, rows: rows, columns: columns,
            headerWords: [
                "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
                "复议后起诉",
            ],
            padding: .trailing)
    }()
}

/// The seven parts of a report, in template order.
public enum SectionKind: String, CaseIterable, Sendable, Comparable {
    case preamble, overview, proactive, requests, appeals, problems, other

    /// The canonical Chinese title (without its number).
    public var title: String {
        switch self {
        case .preamble: return "（标题与前言）"
        case .overview: return "总体情况"
        case .proactive: return "主动公开政府信息情况"
        case .requests: return "收到和处理政府信息公开申请情况"
        case .appeals: return "政府信息公开行政复议、行政诉讼情况"
        case .problems: return "存在的主要问题及改进情况"
        case .other: return "其他需要报告的事项"
        }
    }

    /// The Chinese numeral the template gives the section (`一` … `六`), empty for the preamble.
    public var numeral: String {
        switch self {
        case .preamble: return ""
        case .overview: return "一"
        case .proactive: return "二"
        case .requests: return "三"
        case .appeals: return "四"
        case .problems: return "五"
        case .other: return "六"
        }
    }

    /// Title variants seen in real reports, normalised (see `LabelText.headingKey`).
    var titleVariants: [String] {
        switch self {
        case .preamble: return []
        case .overview: return ["总体情况"]
        case .proactive: return ["主动公开政府信息情况", "主动公开情况", "主动公开政府信息"]
        case .requests:
            return ["收到和处理政府信息公开申请情况", "依申请公开办理情况", "依申请公开情况", "收到和处理政府信息公开申请"]
        case .appeals:
            return [
                "政府信息公开行政复议行政诉讼情况", "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
                "政府信息公开行政复议和行政诉讼情况", "因政府信息公开申请行政复议行政诉讼情况",
                "行政复议行政诉讼情况", "政府信息公开行政法复议行政诉讼情况",  // the last: a typo seen in a real report
            ]
        case .problems:
            return [
                "存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及改进措施",
                "政府信息公开工作存在的主要问题及改进措施", "存在的主要问题和改进情况", "存在的主要问题及改进",
                "存在的主要问题及整改措施", "政府信息公开工作存在的主要问题及整改措施", "存在的主要问题及整改情况",
            ]
        case .other: return ["其他需要报告的事项", "其他需要报告的情况"]
        }
    }

    /// The table the section holds, if any.
    public var table: TableKind? {
        switch self {
        case .proactive: return .proactive
        case .requests: return .requests
        case .appeals: return .appeals
        default: return nil
        }
    }

    /// True for the prose sections (preamble, 一, 五, 六).
    public var isNarrative: Bool { table == nil }

    /// The kind at a position in `allCases` (`order`); `.other` past the end.
    init(order: Int) {
        switch order {
        case 0: self = .preamble
        case 1: self = .overview
        case 2: self = .proactive
        case 3: self = .requests
        case 4: self = .appeals
        case 5: self = .problems
        default: self = .other
        }
    }

    /// Position in `allCases` (template order).
    var order: Int {
        switch self {
        case .preamble: return 0
        case .overview: return 1
        case .proactive: return 2
        case .requests: return 3
        case .appeals: return 4
        case .problems: return 5
        case .other: return 6
        }
    }

    public static func < (a: SectionKind, b: SectionKind) -> Bool { a.order < b.order }
}

/// The three standard tables.
public enum TableKind: String, CaseIterable, Sendable, Comparable {
    case proactive, requests, appeals

    /// Short Chinese name for people.
    public var label: String {
        switch self {
        case .proactive: return "表一 主动公开"
        case .requests: return "表二 依申请公开"
        case .appeals: return "表三 复议诉讼"
        }
    }

    /// The section that holds the table.
    public var section: SectionKind {
        switch self {
        case .proactive: return .proactive
        case .requests: return .requests
        case .appeals: return .appeals
        }
    }

    public static func < (a: TableKind, b: TableKind) -> Bool { a.section.order < b.section.order }
}

/// A row of a template table.
public struct RowSpec: Sendable, Hashable {
    /// Canonical key, e.g. `carried_forward`.
    public let key: String
    /// The label as the template prints it, e.g. `四、结转下年度继续办理`.
    public let label: String
    /// The heading the row stands under, e.g. `（三）不予公开`.
    public let group: String?
    /// Normalised texts (no numbering, no spaces, half-width) that identify the row in a report.
    let match: [String]

    /// Label with its group, for people: `（三）不予公开 1.属于国家秘密`.
    public var fullLabel: String {
        guard let group, group.hasPrefix("（") else { return label }
        return "\(group) \(label)"
    }
}

/// A column of a template table.
public struct ColumnSpec: Sendable, Hashable {
    /// Canonical key, e.g. `natural_person`.
    public let key: String
    /// Chinese label, e.g. `自然人`.
    public let label: String
    /// What the column's numbers measure, for cells that carry a unit (`44件`, `251000元`).
    public let unit: CellUnit

    init(key: String, label: String, unit: CellUnit = .count) {
        self.key = key
        self.label = label
        self.unit = unit
    }
}

/// What a column's numbers measure. A unit written in a cell is checked against it.
public enum CellUnit: String, Sendable, Hashable {
    /// A count (件, 个, 项, 条 …): never negative.
    case count
    /// A signed change of a count (2019 template 本年增/减): `+3`, `-2`.
    case change
    /// An amount in 万元: a cell written in 元 is converted (÷ 10000) and says so.
    case tenThousandYuan
}

/// Where a table's rows carry filler cells from merged Word cells when they come out as tab rows.
enum PaddingSide: Sendable {
    /// Before the values (a row label merged across label columns, table 2).
    case leading
    /// After the values (a value merged across value columns, tables 1 and 3).
    case trailing
}

/// One table of the template.
public struct TableSpec: Sendable {
    /// Which table.
    public let kind: TableKind
    /// Rows in template order.
    public let rows: [RowSpec]
    /// All columns the table uses, in template order.
    public let columns: [ColumnSpec]
    /// Normalised header texts that are neither rows nor values.
    let headerWords: [String]
    /// Where merged-cell filler sits in tab rows.
    let padding: PaddingSide
    /// Every (row, column) pair of the table, in report order (each row's cells together, in its
    /// layout's order): made from `rows` and `rowColumns` as it is read, with no list of pairs kept.
    public var cells: TableCellList { TableCellList(rows: rows, rowColumns: rowColumns, places: cellPlaces) }
    /// For each cell in `cells` order, its row's position × 65,536 + its place in the row's columns.
    let cellPlaces: [Int]
    /// How many cells `cells` has.
    var cellCount: Int { cellPlaces.count }

    /// The key of each cell, in `cells` order, appended to `keys`.
    func appendCellKeys(to keys: inout [CellKey]) {
        for place in cellPlaces {
            keys.append(
                CellKey(table: kind, row: rows[place >> 16].key, column: rowColumns[place >> 16][place & 0xFFFF].key))
        }
    }
    /// Position in `cells` of each row's first cell, by row key: `rowIndex` and `rowFirstCells`, not
    /// a dictionary of its own built at start-up.
    var firstCell: FirstCells { FirstCells(rowIndex: rowIndex, rowFirstCells: rowFirstCells) }
    /// The normalised texts the parser matches labels against.
    let matchers: RowMatchers
    /// Position in `rows` of each row (its first, should a key repeat), by key; and by position, the
    /// row's first cell and its columns: a cell's index from one dictionary lookup.
    let rowIndex: [String: Int]
    let rowFirstCells: [Int]
    let rowColumns: [[ColumnSpec]]
    /// By position, the position of the first row with the same key (`rowIndex[rows[i].key]`).
    let rowCanonical: [Int]

    /// `layout`: the columns of the row with a key (table 1 rows differ), empty for a row that has
    /// none; nil when every row has every column. Asked once per row here, then kept by position.
    init(
        kind: TableKind, rows: [RowSpec], columns: [ColumnSpec], layout: ((String) -> [ColumnSpec])? = nil,
        headerWords: [String], padding: PaddingSide
    ) {
        self.kind = kind
        self.rows = rows
        self.columns = columns
        self.headerWords = headerWords
        self.padding = padding
        // One pass over the rows, each row's key looked up once in `layout` and once in `rowIndex`
        // (a repeated key keeps its first row's place and first cell).
        var cells: [Int] = []
        cells.reserveCapacity(rows.count * columns.count)
        var rowIndex = [String: Int](minimumCapacity: rows.count)
        var rowFirstCells: [Int] = []
        var rowColumns: [[ColumnSpec]] = []
        var rowCanonical: [Int] = []
        rowCanonical.reserveCapacity(rows.count)
        rowFirstCells.reserveCapacity(rows.count)
        rowColumns.reserveCapacity(rows.count)
        for (position, row) in rows.enumerated() {
            let rowLayout: [ColumnSpec]
            if let layout {
                rowLayout = layout(row.key)
            } else {
                rowLayout = columns
            }
            // One lookup for a new key (`updateValue` gives what it replaced); a repeated key gets
            // its first row's place back.
            if let earlier = rowIndex.updateValue(position, forKey: row.key) {
                rowIndex[row.key] = earlier
                rowFirstCells.append(rowFirstCells[earlier])
                rowCanonical.append(earlier)
            } else {
                rowFirstCells.append(cells.count)
                rowCanonical.append(position)
            }
            rowColumns.append(rowLayout)
            for place in rowLayout.indices { cells.append(position << 16 | place) }
        }
        self.cellPlaces = cells
        self.matchers = RowMatchers(rows: rows, headerWords: headerWords)
        self.rowIndex = rowIndex
        self.rowFirstCells = rowFirstCells
        self.rowColumns = rowColumns
        self.rowCanonical = rowCanonical
    }

    /// The columns of one row, in order.
    public func columns(ofRow key: String) -> [ColumnSpec] { rowIndex[key].map { rowColumns[$0] } ?? [] }

    /// Spec of a row by key.
    public func row(_ key: String) -> RowSpec? { rows.first { $0.key == key } }

    /// The row (the first with its key, as `row(_:)` finds it) and the column of a cell this table
    /// has in that row (`columns(ofRow:)`); nil when it has no such cell. One dictionary lookup.
    func cellSpecs(row key: String, column: String) -> (row: RowSpec, column: ColumnSpec)? {
        guard let position = rowIndex[key], let spec = rowColumns[position].first(where: { $0.key == column }) else {
            return nil
        }
        return (rows[position], spec)
    }

    /// Spec of a column by key.
    public func column(_ key: String) -> ColumnSpec? { columns.first { $0.key == key } }
}

/// Every (row, column) pair of a template table, in report order (`TableSpec.cells`).
public struct TableCellList: RandomAccessCollection, Sendable {
    let rows: [RowSpec]
    let rowColumns: [[ColumnSpec]]
    /// For each cell, its row's position × 65,536 + its place in the row's columns.
    let places: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { places.count }

    public subscript(position: Int) -> (row: RowSpec, column: ColumnSpec) {
        let place = places[position]
        return (rows[place >> 16], rowColumns[place >> 16][place & 0xFFFF])
    }
}

/// A table's first cell of each row, by row key (`TableSpec.firstCell`).
struct FirstCells {
    let rowIndex: [String: Int]
    let rowFirstCells: [Int]

    subscript(key: String) -> Int? { rowIndex[key].map { rowFirstCells[$0] } }
}

/// The address of one template cell: `requests.new.total`.
public struct CellKey: Hashable, Sendable, CustomStringConvertible {
    public let table: TableKind
    public let row: String
    public let column: String

    public init(table: TableKind, row: String, column: String) {
        self.table = table
        self.row = row
        self.column = column
    }

    public var description: String { "\(table.rawValue).\(row).\(column)" }

    /// The row's spec, from the template that has this cell (2021 first, then 2019).
    public var rowSpec: RowSpec { TemplateEdition.specs(of: self).row }
    /// The column's spec, from the template that has this cell (2021 first, then 2019).
    public var columnSpec: ColumnSpec { TemplateEdition.specs(of: self).column }
}
