/// The two national templates a report can follow. Tables, rows and columns share their keys where
/// the two templates mean the same thing (`requests.new.total` is one key in both); a cell only one
/// template has carries a key only that template uses (`requests.other.total`, `proactive.fees.amount`).
public enum TemplateEdition: String, CaseIterable, Sendable, Comparable {
    /// 国办公开办函〔2019〕60号: the 2019 and 2020 reports (and some agencies later).
    case y2019 = "2019"
    /// 国办公开办函〔2021〕30号: the reports from 2021 on.
    case y2021 = "2021"

    /// The edition a `Report.template` string names; nil for anything else.
    public init?(name: String) { self.init(rawValue: name) }

    /// The document that issued the template, for people.
    public var document: String {
        switch self {
        case .y2019: return "国办公开办函〔2019〕60号"
        case .y2021: return "国办公开办函〔2021〕30号"
        }
    }

    /// The three tables in report order.
    public var tables: [TableSpec] {
        switch self {
        case .y2019: return Self.tables2019
        case .y2021: return Template.tables
        }
    }

    /// The spec of one table.
    public func table(_ kind: TableKind) -> TableSpec {
        switch (self, kind) {
        case (.y2019, .proactive): return Template.proactive2019
        case (.y2019, .requests): return Template.requests2019
        default: return Template.table(kind)
        }
    }

    /// Every cell of the template in report order (2021: 10 + 175 + 15 = 200; 2019: 22 + 161 + 15 = 198).
    public var cellKeys: [CellKey] {
        switch self {
        case .y2019: return Self.keys2019
        case .y2021: return Template.cellKeys
        }
    }

    /// How many cells `cellKeys` holds, without making the keys.
    public var cellCount: Int {
        tables.reduce(0) { $0 + $1.cellCount }
    }

    /// Position of a cell in `cellKeys`, or nil for a key this template does not have. O(1).
    public func index(of key: CellKey) -> Int? {
        switch self {
        case .y2019: return Template.index(of: key, in: Self.tables2019)
        case .y2021: return Template.index(of: key)
        }
    }

    /// Position of a table's first cell in `cellKeys`.
    public func firstIndex(of kind: TableKind) -> Int {
        var index = 0
        for table in tables {
            if table.kind == kind { return index }
            index += table.cellCount
        }
        return index
    }

    public static func < (a: TemplateEdition, b: TemplateEdition) -> Bool { a.rawValue < b.rawValue }

    private static let keys2019: [CellKey] = {
        var keys: [CellKey] = []
        keys.reserveCapacity(TemplateEdition.y2019.cellCount)
        for table in TemplateEdition.y2019.tables { table.appendCellKeys(to: &keys) }
        return keys
    }()
    private static let tables2019 = [Template.proactive2019, Template.requests2019, Template.appeals]

    /// Row and column spec of a key, from the first edition (2021, then 2019) whose table has that
    /// column in that row; a key no template has gets specs that show the key itself.
    static func specs(of key: CellKey) -> (row: RowSpec, column: ColumnSpec) {
        // The 2021 table first, reached without copying its spec; the 2019 one only for a key 2021 lacks.
        let found: (row: RowSpec, column: ColumnSpec)?
        switch key.table {
        case .proactive: found = Template.proactive.cellSpecs(row: key.row, column: key.column)
        case .requests: found = Template.requests.cellSpecs(row: key.row, column: key.column)
        case .appeals: found = Template.appeals.cellSpecs(row: key.row, column: key.column)
        }
        if let found { return found }
        let table2019 = TemplateEdition.y2019.table(key.table)
        if let found = table2019.cellSpecs(row: key.row, column: key.column) { return found }
        for edition in [TemplateEdition.y2021, .y2019] {
            let table = edition.table(key.table)
            if let row = table.row(key.row), let column = table.column(key.column) { return (row, column) }
        }
        return (
            RowSpec(key: key.row, label: key.row, group: nil, match: []), ColumnSpec(key: key.column, label: key.column)
        )
    }
}
