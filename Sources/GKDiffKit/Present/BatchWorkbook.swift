/// The batch summary as an xlsx workbook: a sheet of compared pairs (worst first, with the district's
/// totals), a sheet of the other rows (unreadable, unpaired, missing), a sheet of skipped files, and
/// a sheet of notes and counts.
public enum BatchWorkbook {
    /// The workbook's bytes.
    public static func xlsx(_ summary: BatchSummary) -> [UInt8] {
        XLSXWriter.workbook(sheets(summary))
    }

    /// The four sheets.
    static func sheets(_ summary: BatchSummary) -> [XLSXSheet] {
        let columns = BatchRenderer.table.filter { $0.key != "status" }
        let pairs = summary.rows.filter { $0.cellsChanged != nil }
        var pairRows = pairs.map { row in cells(BatchRenderer.values(row), columns: columns, status: row.status) }
        let totals = BatchRenderer.totals(summary)
        pairRows.append(
            columns.map { XLSXSheet.Cell(totals[$0.key] ?? .empty, $0.key.hasSuffix("_pct") ? .totalOneDecimal : .total) })
        let otherKeys = ["status_label", "agency", "old_file", "new_file", "old_year", "new_year", "reason", "flags"]
        let otherColumns = otherKeys.compactMap { key in BatchRenderer.table.first { $0.key == key } }
        let others = summary.rows.filter { $0.cellsChanged == nil }.map { row in
            cells(BatchRenderer.values(row), columns: otherColumns, status: row.status)
        }
        let skipped = summary.skips.map { [XLSXSheet.Cell(.text($0.path)), XLSXSheet.Cell(.text($0.reason))] }
        let notes = (summary.notes + [BatchRenderer.countsLine(summary)]).map { [XLSXSheet.Cell(.text($0))] }
        return [
            XLSXSheet(name: "已比较", headers: columns.map(\.label), rows: pairRows),
            XLSXSheet(name: "未配对·未报送·无法读取", headers: otherColumns.map(\.label), rows: others),
            XLSXSheet(name: "跳过的文件", headers: ["文件", "原因"], rows: skipped),
            XLSXSheet(name: "说明", headers: ["说明"], rows: notes),
        ]
    }

    /// A row's cells: the status coloured by triage, a changed figure yellow.
    static func cells(_ values: [String: BatchValue], columns: [BatchRenderer.Column], status: BatchRow.Status)
        -> [XLSXSheet.Cell]
    {
        columns.map { column in
            let value = values[column.key] ?? .empty
            switch column.key {
            case "status_label":
                switch status {
                case .unreadable, .incomplete, .errors, .missing: return XLSXSheet.Cell(value, .alert)
                case .warnings: return XLSXSheet.Cell(value, .warning)
                case .changed: return XLSXSheet.Cell(value, .changed)
                case .same, .unpaired: return XLSXSheet.Cell(value)
                }
            case "cells_changed", "errors":
                switch value {
                case .number(let number) where number != 0, .fixed(let number, _) where number != 0:
                    return XLSXSheet.Cell(value, column.key == "errors" ? .alert : .changed)
                default:
                    return XLSXSheet.Cell(value)
                }
            default:
                if column.key.hasSuffix("_pct"), case .fixed(let number, _) = value {
                    return XLSXSheet.Cell(value, number != 0 ? .oneDecimalChanged : .oneDecimal)
                }
                if column.key.hasPrefix("carried_") { return XLSXSheet.Cell(value, .share) }
                return XLSXSheet.Cell(value)
            }
        }
    }
}
