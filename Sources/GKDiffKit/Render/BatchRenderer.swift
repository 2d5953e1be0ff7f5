/// A value in a cell of the batch summary table: text, a number, or nothing.
public enum BatchValue: Sendable, Equatable {
    /// Text, written as text everywhere.
    case text(String)
    /// A number, written as a number (CSV digits, an xlsx number cell).
    case number(Quantity)
    /// A number with its text fixed (`60.0`, `0.333`, a count `12`): the text for CSV and JSON, the
    /// value for a spreadsheet.
    case fixed(Quantity, text: String)
    /// Nothing known.
    case empty
}

/// The batch summary as one table (columns with English keys and Chinese headers, a row per agency and
/// a totals row), which the CSV, JSON and xlsx writers all print; and the text summary.
public enum BatchRenderer {
    /// A column: its key (the English CSV header) and its Chinese header.
    public struct Column: Sendable {
        public var key: String
        public var label: String
    }

    /// The columns, in order (documented in README.md).
    public static let table: [Column] = {
        var columns: [Column] = [
            Column(key: "status", label: "状态代码"), Column(key: "status_label", label: "状态"),
            Column(key: "agency", label: "机关"), Column(key: "old_file", label: "旧年度文件"),
            Column(key: "new_file", label: "新年度文件"), Column(key: "old_year", label: "旧年度"),
            Column(key: "new_year", label: "新年度"), Column(key: "cells_changed", label: "变化格数"),
        ]
        for figure in Batch.figures {
            columns += [
                Column(key: "\(figure.key)_old", label: "\(figure.label)（旧）"),
                Column(key: "\(figure.key)_new", label: "\(figure.label)（新）"),
                Column(key: "\(figure.key)_pct", label: "\(figure.label) 变化%"),
            ]
        }
        // The review sheet's rates, in per cent, and their change in percentage points.
        for spec in KeyIndicatorSpec.all where Batch.rates.contains(spec.id) {
            columns += [
                Column(key: "\(spec.id)_old", label: "\(spec.label)（旧，%）"),
                Column(key: "\(spec.id)_new", label: "\(spec.label)（新，%）"),
                Column(key: "\(spec.id)_points", label: "\(spec.label) 变化（个百分点）"),
            ]
        }
        columns += [
            Column(key: "errors", label: "勾稽错误"), Column(key: "warnings", label: "警告"),
            Column(key: "sentences_added", label: "新增句"), Column(key: "sentences_removed", label: "删除句"),
            Column(key: "sentences_edited", label: "修改句"), Column(key: "carried_overview", label: "总体情况沿用上年"),
            Column(key: "carried_problems", label: "存在问题沿用上年"), Column(key: "carried_other", label: "其他事项沿用上年"),
            Column(key: "reason", label: "说明"), Column(key: "flags", label: "需要注意"),
            Column(key: "details", label: "详细比较"),
        ]
        return columns
    }()

    /// CSV column names, in order.
    public static let columns: [String] = table.map(\.key)

    /// The status code of the totals row and of a skipped file's row.
    static let totalStatus = "total"
    static let skippedStatus = "skipped"

    /// The rows of the table: each summary row, the totals row, then each skipped file.
    public static func values(_ summary: BatchSummary) -> [[String: BatchValue]] {
        var result = summary.rows.map(values)
        result.append(totals(summary))
        for skip in summary.skips { result.append(skipValues(skip, summary)) }
        return result
    }

    /// The row of a skipped file.
    static func skipValues(_ skip: BatchSkip, _ summary: BatchSummary) -> [String: BatchValue] {
        let isNew = skip.path.hasPrefix(summary.newFolder)
        return [
            "status": .text(skippedStatus), "status_label": .text("已跳过"),
            isNew ? "new_file" : "old_file": .text(skip.path), "reason": .text(skip.reason),
        ]
    }

    /// A count or a year: its digits are the text.
    static func number(_ value: Int?) -> BatchValue { value.map { .fixed(Quantity($0), text: String($0)) } ?? .empty }
    static func number(_ value: Quantity?) -> BatchValue { value.map { .number($0) } ?? .empty }
    static func tenths(_ value: Int?) -> BatchValue {
        value.map { .fixed(Quantity($0, decimals: 1), text: CellChange.tenthsText($0)) } ?? .empty
    }
    static func share(_ value: Double?) -> BatchValue {
        value.map { .fixed(Quantity(Int(($0 * 1000).rounded()), decimals: 3), text: DiffCSVRenderer.ratio($0)) } ?? .empty
    }

    /// The keys of a key figure's columns (old, new, change in per cent), by figure.
    private static let figureKeys = Batch.figures.map { ("\($0.key)_old", "\($0.key)_new", "\($0.key)_pct") }
    /// The keys of a rate's columns (old, new, change in points), by rate id.
    private static let rateKeys = Dictionary(
        uniqueKeysWithValues: Batch.rates.map { ($0, ("\($0)_old", "\($0)_new", "\($0)_points")) })

    /// A row's values by column key (a column without a value may be absent, or `.empty`).
    static func values(_ row: BatchRow) -> [String: BatchValue] {
        Dictionary(uniqueKeysWithValues: zip(columns, ordered(row)))
    }

    /// Each column's position in `columns`.
    private static let position: [String: Int] = Dictionary(
        uniqueKeysWithValues: columns.enumerated().map { ($0.element, $0.offset) })

    /// The positions in `columns` of a row's columns, looked up once.
    private struct Positions {
        let status = position["status"]!
        let statusLabel = position["status_label"]!
        let agency = position["agency"]!
        let oldFile = position["old_file"]!
        let newFile = position["new_file"]!
        let oldYear = position["old_year"]!
        let newYear = position["new_year"]!
        let cellsChanged = position["cells_changed"]!
        let errors = position["errors"]!
        let warnings = position["warnings"]!
        let sentencesAdded = position["sentences_added"]!
        let sentencesRemoved = position["sentences_removed"]!
        let sentencesEdited = position["sentences_edited"]!
        let carriedOverview = position["carried_overview"]!
        let carriedProblems = position["carried_problems"]!
        let carriedOther = position["carried_other"]!
        let reason = position["reason"]!
        let flags = position["flags"]!
        let details = position["details"]!
        /// Each key figure's three (old, new, change in per cent), in `Batch.figures` order.
        let figures = figureKeys.map { (position[$0.0]!, position[$0.1]!, position[$0.2]!) }
        /// Each rate's three (old, new, change in points), in `Batch.rates` order.
        let rates = Batch.rates.map { rateKeys[$0]! }.map { (position[$0.0]!, position[$0.1]!, position[$0.2]!) }
    }
    private static let positions = Positions()

    /// A row's values in the order of `columns` (`.empty` where there is none): what `values(_:)` holds,
    /// made without a dictionary of column keys, for the writers that go through the columns in order.
    static func ordered(_ row: BatchRow) -> [BatchValue] {
        let at = positions
        var values = [BatchValue](repeating: .empty, count: columns.count)
        values[at.status] = .text(row.status.rawValue)
        values[at.statusLabel] = .text(row.status.label)
        values[at.agency] = .text(row.agency)
        values[at.oldFile] = .text(row.oldFile ?? "")
        values[at.newFile] = .text(row.newFile ?? "")
        values[at.oldYear] = number(row.oldYear)
        values[at.newYear] = number(row.newYear)
        values[at.cellsChanged] = number(row.cellsChanged)
        values[at.errors] = number(row.errors)
        values[at.warnings] = number(row.warnings)
        values[at.sentencesAdded] = number(row.sentencesAdded)
        values[at.sentencesRemoved] = number(row.sentencesRemoved)
        values[at.sentencesEdited] = number(row.sentencesEdited)
        values[at.carriedOverview] = share(row.carried[.overview])
        values[at.carriedProblems] = share(row.carried[.problems])
        values[at.carriedOther] = share(row.carried[.other])
        values[at.reason] = .text(row.reason)
        values[at.flags] = .text(row.flags.joined(separator: "；"))
        values[at.details] = .text(row.details ?? "")
        // By index: the figures and rates are not copied.
        for index in row.figures.indices where index < at.figures.count {
            let (old, new, change) = at.figures[index]
            values[old] = number(row.figures[index].old?.number)
            values[new] = number(row.figures[index].new?.number)
            values[change] = tenths(row.figures[index].change?.percentTenths)
        }
        for index in row.rates.indices {
            // A row's rates are `Batch.rates`, in order; any other is looked for by id.
            let id = row.rates[index].id
            let slot = index < Batch.rates.count && Batch.rates[index] == id ? index : Batch.rates.firstIndex(of: id)
            guard let slot else { continue }
            let (old, new, points) = at.rates[slot]
            values[old] = tenths(row.rates[index].old.value.rateTenths)
            values[new] = tenths(row.rates[index].new.value.rateTenths)
            values[points] = tenths(row.rates[index].pointsTenths)
        }
        return values
    }

    /// The district's totals: rows per status, and each key figure summed over the pairs where both
    /// years are numbers, with the change of the sums.
    static func totals(_ summary: BatchSummary) -> [String: BatchValue] {
        // One pass over the rows for the counts, and the positions of the pairs; the rows are reached
        // by index throughout, never copied (`filter` would copy every row, once per status).
        let rows = summary.rows
        var perStatus = [Int](repeating: 0, count: BatchRow.Status.allCases.count)
        var pairs: [Int] = []
        var cellsChanged = 0
        var errors = 0
        var warnings = 0
        for index in rows.indices {
            perStatus[rows[index].status.rank] += 1
            guard let changed = rows[index].cellsChanged else { continue }
            pairs.append(index)
            cellsChanged += changed
            errors += rows[index].errors ?? 0
            warnings += rows[index].warnings ?? 0
        }
        let counts = BatchRow.Status.allCases.compactMap { status -> String? in
            let count = perStatus[status.rank]
            return count == 0 ? nil : "\(status.label) \(count)"
        }
        var values: [String: BatchValue] = [
            "status": .text(totalStatus), "status_label": .text("合计"), "agency": .text("\(pairs.count) 对"),
            "reason": .text(counts.joined(separator: "，")),
        ]
        values["cells_changed"] = .number(Quantity(cellsChanged))
        values["errors"] = .number(Quantity(errors))
        values["warnings"] = .number(Quantity(warnings))
        for (index, figure) in Batch.figures.enumerated() {
            var old = Quantity(0)
            var new = Quantity(0)
            var any = false
            for row in pairs where index < rows[row].figures.count {
                guard let a = rows[row].figures[index].old?.number, let b = rows[row].figures[index].new?.number else {
                    continue
                }
                old += a
                new += b
                any = true
            }
            guard any else { continue }
            values["\(figure.key)_old"] = .number(old)
            values["\(figure.key)_new"] = .number(new)
            values["\(figure.key)_pct"] = tenths(old == 0 ? nil : Quantity.tenthsOfPercent(new - old, of: old))
        }
        // The district's rates: numerators and denominators summed over the pairs where both years have
        // a rate, then divided (not an average of the agencies' rates).
        for id in Batch.rates {
            var sums = (
                oldNumerator: Quantity(0), oldDenominator: Quantity(0), newNumerator: Quantity(0), newDenominator: Quantity(0)
            )
            var any = false
            for row in pairs {
                guard let rate = rows[row].rates.firstIndex(where: { $0.id == id }),
                    case .rate(let a, let b) = rows[row].rates[rate].old.value,
                    case .rate(let c, let d) = rows[row].rates[rate].new.value
                else { continue }
                sums.oldNumerator += a
                sums.oldDenominator += b
                sums.newNumerator += c
                sums.newDenominator += d
                any = true
            }
            guard any else { continue }
            let old = Quantity.tenthsOfPercent(sums.oldNumerator, of: sums.oldDenominator)
            let new = Quantity.tenthsOfPercent(sums.newNumerator, of: sums.newDenominator)
            values["\(id)_old"] = tenths(old)
            values["\(id)_new"] = tenths(new)
            if let old, let new { values["\(id)_points"] = tenths(new - old) }
        }
        return values
    }

    /// How many rows' CSV fields are made at once (on all cores) before they are written.
    private static let csvBlock = 256

    /// A value as a CSV field: text, or a number's digits.
    private static func field(_ value: BatchValue) -> CSVWriter.Field {
        switch value {
        case .text(let text): return .text(text)
        case .number(let number): return .number(number.description)
        case .fixed(_, let text): return .number(text)
        case .empty: return .text("")
        }
    }

    /// The summary as CSV: English headers, or Chinese with `chineseHeaders` (`--csv-header zh`).
    public static func csv(_ summary: BatchSummary, chineseHeaders: Bool = false) -> String {
        var csv = CSVWriter(columns: columns, header: chineseHeaders ? table.map(\.label) : nil)
        // Row by row, in column order (`values(summary)`'s rows, without a dictionary for each); the
        // fields of a block of rows made on all cores, then written in order.
        let rows = summary.rows
        for start in stride(from: 0, to: rows.count, by: csvBlock) {
            let fields = parallelMap(min(csvBlock, rows.count - start)) { ordered(rows[start + $0]).map(field) }
            for line in fields { csv.row(ordered: line) }
        }
        let totals = self.totals(summary)
        csv.row(ordered: columns.map { field(totals[$0] ?? .empty) })
        for skip in summary.skips { csv.row(ordered: columns.map { field(skipValues(skip, summary)[$0] ?? .empty) }) }
        return csv.output
    }

    /// The summary for a person: notes, counts per status, the rows worst first, the totals, what needs
    /// a look, the files skipped, and last the counts of files.
    public static func text(_ summary: BatchSummary, old: String, new: String) -> String {
        var out = "gkdiff 批量对比：旧 \(summary.oldFolder) → 新 \(summary.newFolder)\n"
        for note in summary.notes { out += "  \(note)\n" }
        let rows = summary.rows
        let counts = BatchRow.Status.allCases.map { status in
            "\(status.label) \(rows.filter { $0.status == status }.count)"
        }
        out += "  \(rows.count) 行：" + counts.joined(separator: "，") + "\n\n"
        var table: [[String]] = [
            ["状态", "机关", "年度", "变化格数", "勾稽错误", "警告", "新增/删除/修改句", "本年新收", "行政许可", "问题沿用上年", "说明"]
        ]
        for row in rows {
            let years =
                row.oldYear == nil && row.newYear == nil
                ? "" : "\(row.oldYear.map(String.init) ?? "–")→\(row.newYear.map(String.init) ?? "–")"
            let isPair = row.cellsChanged != nil
            table.append([
                row.status.label, row.agency.isEmpty ? (row.oldFile ?? row.newFile ?? "") : row.agency, years,
                isPair ? "\(row.cellsChanged ?? 0)" : "", isPair ? "\(row.errors ?? 0)" : "",
                isPair ? "\(row.warnings ?? 0)" : "",
                isPair ? "\(row.sentencesAdded ?? 0)/\(row.sentencesRemoved ?? 0)/\(row.sentencesEdited ?? 0)" : "",
                figureText(row, 0), figureText(row, 3), row.carried[.problems].map(DiffTextRenderer.percent) ?? "",
                isPair || row.agency.isEmpty ? row.reason : row.reason + ((row.newFile ?? row.oldFile).map { "：" + $0 } ?? ""),
            ])
        }
        let totals = self.totals(summary)
        func figureTotal(_ index: Int) -> String {
            let key = Batch.figures[index].key
            guard case .number(let a) = totals["\(key)_old"] ?? .empty, case .number(let b) = totals["\(key)_new"] ?? .empty
            else { return "" }
            let pct: String
            if case .fixed(let p, let text) = totals["\(key)_pct"] ?? .empty {
                pct = " " + (p > 0 ? "+" : "") + text + "%"
            } else {
                pct = ""
            }
            return "\(a)→\(b)\(pct)"
        }
        func totalNumber(_ key: String) -> String {
            if case .number(let n) = totals[key] ?? .empty { return "\(n)" }
            return ""
        }
        table.append([
            "合计", "\(rows.filter { $0.cellsChanged != nil }.count) 对", "", totalNumber("cells_changed"),
            totalNumber("errors"), totalNumber("warnings"), "", figureTotal(0), figureTotal(3), "", "",
        ])
        out += TextLayout.table(table, rightAligned: [3, 4, 5])
        let flagged = rows.filter { !$0.flags.isEmpty }
        if !flagged.isEmpty {
            out += "\n需要注意\n"
            for row in flagged {
                for flag in row.flags { out += "  \(row.agency.isEmpty ? "" : row.agency + "：")\(flag)\n" }
            }
        }
        if !summary.skips.isEmpty {
            out += "\n跳过的文件\n"
            out += TextLayout.table(summary.skips.map { [$0.path, $0.reason] })
        }
        out += "\n" + countsLine(summary) + "\n"
        return out
    }

    /// `文件：找到 14 个，读取 11 个，配对 10 个（5 对），跳过 3 个，无法读取 0 个`.
    public static func countsLine(_ summary: BatchSummary) -> String {
        let unreadable = summary.seen - summary.read - summary.skips.count
        return "文件：找到 \(summary.seen) 个，读取 \(summary.read) 个，配对 \(summary.paired) 个（\(summary.paired / 2) 对），"
            + "跳过 \(summary.skips.count) 个，无法读取 \(unreadable) 个"
    }

    /// `5→8 +60.0%`, `0→3 新增`, `空→5`.
    static func figureText(_ row: BatchRow, _ index: Int) -> String {
        guard index < row.figures.count, let change = row.figures[index].change else { return "" }
        let old = DiffTextRenderer.shown(change.old)
        let new = DiffTextRenderer.shown(change.new)
        let tail = change.status == .added ? " 新增" : change.percentText.map { " " + $0 } ?? ""
        return "\(old)→\(new)\(change.status == .unchanged ? "" : tail)"
    }

    /// The summary as JSON: `rows` (each with the columns of the CSV), `totals`, `skipped`, `notes`, `counts`.
    public static func json(_ summary: BatchSummary) -> String {
        var json = JSONWriter()
        func write(_ values: [BatchValue]) {
            json.beginObject()
            for (column, value) in zip(columns, values) {
                switch value {
                case .text(let text): json.field(column, text)
                case .number(let number): json.field(column, number: number)
                case .fixed(_, let text): json.field(column, raw: text)
                case .empty: json.field(column, raw: "null")
                }
            }
            json.endObject()
        }
        json.beginObject()
        json.beginArray("rows")
        for row in summary.rows { write(ordered(row)) }
        json.endArray()
        json.beginObject("totals")
        let totals = self.totals(summary)
        for column in columns {
            switch totals[column] ?? .empty {
            case .text(let text): json.field(column, text)
            case .number(let number): json.field(column, number: number)
            case .fixed(_, let text): json.field(column, raw: text)
            case .empty: json.field(column, raw: "null")
            }
        }
        json.endObject()
        json.beginArray("skipped")
        for skip in summary.skips {
            json.beginObject()
            json.field("path", skip.path)
            json.field("reason", skip.reason)
            json.endObject()
        }
        json.endArray()
        json.beginArray("notes")
        for note in summary.notes { json.value(note) }
        json.endArray()
        json.beginObject("counts")
        json.field("seen", summary.seen)
        json.field("read", summary.read)
        json.field("paired", summary.paired)
        json.field("skipped", summary.skips.count)
        json.endObject()
        json.endObject()
        return json.output + "\n"
    }
}
