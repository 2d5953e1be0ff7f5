/// What a review says first, computed once for every format: whether both reports were read completely,
/// how many errors and warnings the checks found, and how many cells changed.
public struct Verdict: Sendable {
    /// One report that was not read completely (rule P1).
    public struct Unread: Sendable {
        /// Which report.
        public var side: ReportSide
        /// Its path.
        public var path: String
        /// How many P1 findings it has (rows, tables or cuts not read).
        public var places: Int
    }

    /// The reports not read completely, old first; empty when both were.
    public var unread: [Unread]
    /// Cells not compared because a side was not read.
    public var unreadCells: Int
    /// Error findings.
    public var errors: Int
    /// Warning findings.
    public var warnings: Int
    /// Tables this year's report left entirely blank (counted once, not cell by cell).
    public var blankedTables: [TableKind]
    /// Tables no cell of which could be compared.
    public var notComparedTables: [TableKind]
    /// Cells compared: every cell of the tables that were compared.
    public var comparedCells: Int
    /// Cells that changed, outside the tables left blank this year.
    public var changedCells: Int
    /// Changed cells per table (outside the tables left blank this year); only tables with a change.
    public var changedByTable: [TableKind: Int] {
        var counts: [TableKind: Int] = [:]
        for (index, table) in TableKind.allCases.enumerated() where changedPerTable[index] > 0 {
            counts[table] = changedPerTable[index]
        }
        return counts
    }

    /// Changed cells of a table (outside the tables left blank this year), 0 for none.
    public func changedCells(in table: TableKind) -> Int { changedPerTable[Self.position(table)] }

    /// A table's position in `TableKind.allCases`.
    private static func position(_ table: TableKind) -> Int {
        switch table {
        case .proactive: return 0
        case .requests: return 1
        case .appeals: return 2
        }
    }

    /// Changed cells per table, in `TableKind.allCases` order (counts, not a dictionary: the verdict is
    /// made for every comparison).
    private var changedPerTable: [Int]

    /// The verdict of a comparison. O(cells + findings), counting in place (no filtered copies).
    public init(diff: ReportDiff) {
        unread = []
        for side in [ReportSide.old, .new] {
            let path = side == .old ? diff.old.path : diff.new.path
            var places = 0
            for finding in diff.findings where finding.rule == .p1 && finding.file == path { places += 1 }
            if places > 0 { unread.append(Unread(side: side, path: path, places: places)) }
        }
        (errors, warnings) = diff.findingCounts
        // Per table, in one pass over the cells by index (no copies of them): whether it has cells,
        // whether every one is unreadable (`tableNotCompared`), whether this year's are all blank
        // and last year's not (`tableBlankedThisYear`).
        let tables = TableKind.allCases
        var any = [Bool](repeating: false, count: tables.count)
        var allUnreadable = [Bool](repeating: true, count: tables.count)
        var newAllBlank = [Bool](repeating: true, count: tables.count)
        var oldAllBlank = [Bool](repeating: true, count: tables.count)
        for index in diff.cells.indices {
            let table = Self.position(diff.cells[index].key.table)
            any[table] = true
            if diff.cells[index].status != .unreadable { allUnreadable[table] = false }
            if diff.cells[index].new.value != .blank { newAllBlank[table] = false }
            if diff.cells[index].old.value != .blank { oldAllBlank[table] = false }
        }
        let notCompared = tables.indices.map { any[$0] && allUnreadable[$0] }
        let blanked = tables.indices.map { any[$0] && newAllBlank[$0] && !oldAllBlank[$0] && !notCompared[$0] }
        self.notComparedTables = tables.indices.filter { notCompared[$0] }.map { tables[$0] }
        self.blankedTables = tables.indices.filter { blanked[$0] }.map { tables[$0] }
        var unreadCells = 0
        var comparedCells = 0
        var changedPerTable = [Int](repeating: 0, count: tables.count)
        for index in diff.cells.indices {
            let status = diff.cells[index].status
            let table = Self.position(diff.cells[index].key.table)
            if status == .unreadable { unreadCells += 1 }
            if !notCompared[table] { comparedCells += 1 }
            if status != .unchanged && status != .unreadable && !blanked[table] { changedPerTable[table] += 1 }
        }
        self.unreadCells = unreadCells
        self.comparedCells = comparedCells
        self.changedPerTable = changedPerTable
        changedCells = changedPerTable.reduce(0, +)
    }

    /// True when both reports were read completely.
    public var isComplete: Bool { unread.isEmpty }

    /// `上年报告 2 处，本年报告 3 处`: the reports not read completely.
    public var unreadText: String {
        unread.map { "\($0.side == .old ? "上年" : "本年")报告 \($0.places) 处" }.joined(separator: "，")
    }
}

extension ReportDiff {
    /// The error and the warning findings, counted in place (no filtered copy of the findings).
    var findingCounts: (errors: Int, warnings: Int) {
        var errors = 0
        var warnings = 0
        for index in findings.indices {
            switch findings[index].severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: break
            }
        }
        return (errors, warnings)
    }
}
