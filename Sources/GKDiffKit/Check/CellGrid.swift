import Synchronization

/// One template table's cells by row and column position: each cell's index in `Report.cells`, or -1
/// where the template has no such cell. Made once per template edition from the table's cell list, so
/// that the rules reach a cell by an integer index rather than by hashing a `CellKey` (three strings).
/// A class: `of` hands out the one grid of a table without copying its table spec.
final class CellGrid: Sendable {
    /// The table.
    let table: TableSpec
    /// `rows.count × columns.count` indices into `Report.cells`, row by row.
    private let indices: [Int]

    init(_ edition: TemplateEdition, _ kind: TableKind) {
        let table = edition.table(kind)
        let base = edition.firstIndex(of: kind)
        var indices = [Int](repeating: -1, count: table.rows.count * table.columns.count)
        // `cells` holds each row's cells together, from `firstCell`, in the order of its layout: by
        // position, `rowFirstCells` and `rowColumns` (a repeated key's row has its first row's).
        for row in table.rows.indices {
            let first = table.rowFirstCells[row]
            for (offset, cell) in table.rowColumns[row].enumerated() {
                // Mostly the row has every column, in order: its own place is tried first.
                let column: Int
                if offset < table.columns.count && table.columns[offset].key == cell.key {
                    column = offset
                } else {
                    guard let found = table.columns.firstIndex(where: { $0.key == cell.key }) else { continue }
                    column = found
                }
                indices[row * table.columns.count + column] = base + first + offset
            }
        }
        self.table = table
        self.indices = indices
    }

    /// The index in `Report.cells` of the cell at row and column positions, or -1.
    func index(_ row: Int, _ column: Int) -> Int { indices[row * table.columns.count + column] }

    /// The index of the cell at a row and a column key, or -1 when the template has no such cell.
    func index(_ row: Int, column key: String) -> Int {
        guard let column = column(key) else { return -1 }
        return index(row, column)
    }

    /// The position of a column by key, if the table has it.
    func column(_ key: String) -> Int? { table.columns.firstIndex { $0.key == key } }

    /// `index(row, column: key)` for a column position found with `column(_:)`: -1 for none.
    func index(_ row: Int, column: Int?) -> Int {
        guard let column else { return -1 }
        return index(row, column)
    }

    /// The position of a row by key (its first, should a key repeat), if the table has it: one
    /// dictionary lookup rather than a string compare with each row before it.
    func row(_ key: String) -> Int? { table.rowIndex[key] }

    /// The index in `Report.cells` of a key in an edition's template, or -1 when it has no such cell:
    /// what `TemplateEdition.index(of:)` gives, without hashing.
    static func index(of key: CellKey, in edition: TemplateEdition) -> Int {
        let grid = of(edition, key.table)
        guard let row = grid.row(key.row) else { return -1 }
        return grid.index(row, column: key.column)
    }

    /// The grid of a table of an edition, made once.
    static func of(_ edition: TemplateEdition, _ kind: TableKind) -> CellGrid {
        switch (edition, kind) {
        case (.y2021, .proactive): return proactive2021
        case (.y2021, .requests): return requests2021
        case (.y2021, .appeals): return appeals2021
        case (.y2019, .proactive): return proactive2019
        case (.y2019, .requests): return requests2019
        case (.y2019, .appeals): return appeals2019
        }
    }

    private static let proactive2021 = CellGrid(.y2021, .proactive)
    private static let requests2021 = CellGrid(.y2021, .requests)
    private static let appeals2021 = CellGrid(.y2021, .appeals)
    private static let proactive2019 = CellGrid(.y2019, .proactive)
    private static let requests2019 = CellGrid(.y2019, .requests)
    private static let appeals2019 = CellGrid(.y2019, .appeals)
}

extension Report {
    /// The cell at an index of `cells` (a `CellGrid` index); `missing` for -1 or past the end, as
    /// `self[key]` gives for a key the template does not have. O(1).
    func cell(at index: Int) -> Cell {
        index >= 0 && index < cells.count ? cells[index] : .missing
    }

    /// The cell at a key, found through the template's `CellGrid` (a few string compares, no
    /// hashing); the same cell as `self[key]`, `missing` for a key the report's template does not have.
    func cell(for key: CellKey) -> Cell {
        cell(at: CellGrid.index(of: key, in: edition))
    }

    /// The number in the cell at an index of `cells`, without copying the cell. O(1).
    func number(at index: Int) -> Quantity? {
        guard index >= 0 && index < cells.count, case .number(let value) = cells[index].value else { return nil }
        return value
    }
}

/// Cell keys resolved to their indices in `Report.cells` for each template edition (-1 where the
/// edition has no such cell, as `CellGrid.index(of:in:)` gives), so that a rule or an indicator read
/// on every report reaches its cells by index, without searching the template for each key. An
/// edition's indices are resolved on first use (a run that never meets a 2019 report never builds
/// the 2019 grids for them), then kept.
final class ResolvedKeys: Sendable {
    /// The keys, in order.
    let keys: [CellKey]
    private let y2019 = Mutex<[Int]?>(nil)
    private let y2021 = Mutex<[Int]?>(nil)

    init(_ keys: [CellKey]) { self.keys = keys }

    /// The keys' indices in a report of the edition, in the order of `keys`.
    func indices(in edition: TemplateEdition) -> [Int] {
        switch edition {
        case .y2019: return y2019.withLock { resolved(&$0, in: .y2019) }
        case .y2021: return y2021.withLock { resolved(&$0, in: .y2021) }
        }
    }

    private func resolved(_ cached: inout [Int]?, in edition: TemplateEdition) -> [Int] {
        if let cached { return cached }
        let indices = keys.map { CellGrid.index(of: $0, in: edition) }
        cached = indices
        return indices
    }
}
