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
    /// Changed cells per table (outside the tables left blank this year).
    public var changedByTable: [TableKind: Int]

    /// The verdict of a comparison. O(cells + findings).
    public init(diff: ReportDiff) {
        unread = []
        for (side, report) in [(ReportSide.old, diff.old), (.new, diff.new)] {
            let places = diff.readProblems.filter { $0.file == report.path }.count
            if places > 0 { unread.append(Unread(side: side, path: report.path, places: places)) }
        }
        unreadCells = diff.unreadCells.count
        errors = diff.findings.filter { $0.severity == .error }.count
        warnings = diff.findings.filter { $0.severity == .warning }.count
        notComparedTables = TableKind.allCases.filter(diff.tableNotCompared)
        blankedTables = TableKind.allCases.filter { diff.tableBlankedThisYear($0) && !diff.tableNotCompared($0) }
        let notCompared = Set(notComparedTables)
        comparedCells = diff.cells.filter { !notCompared.contains($0.key.table) }.count
        let blanked = Set(blankedTables)
        let changed = diff.changedCells.filter { !blanked.contains($0.key.table) }
        changedCells = changed.count
        changedByTable = Dictionary(grouping: changed, by: \.key.table).mapValues(\.count)
    }

    /// True when both reports were read completely.
    public var isComplete: Bool { unread.isEmpty }

    /// `上年报告 2 处，本年报告 3 处`: the reports not read completely.
    public var unreadText: String {
        unread.map { "\($0.side == .old ? "上年" : "本年")报告 \($0.places) 处" }.joined(separator: "，")
    }
}
