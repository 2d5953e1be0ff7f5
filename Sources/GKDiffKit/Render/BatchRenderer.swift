/// The batch summary as CSV, text and JSON.
public enum BatchRenderer {
    /// CSV column names, in order (documented in README.md).
    public static let columns: [String] = {
        var columns = ["status", "status_label", "agency", "old_file", "new_file", "old_year", "new_year", "cells_changed"]
        for figure in Batch.figures { columns += ["\(figure.key)_old", "\(figure.key)_new", "\(figure.key)_pct"] }
        columns += [
            "errors", "warnings", "sentences_added", "sentences_removed", "sentences_edited", "carried_overview",
            "carried_problems", "carried_other", "reason", "details",
        ]
        return columns
    }()

    public static func csv(_ rows: [BatchRow]) -> String {
        var csv = CSVWriter(columns: columns)
        for row in rows {
            var numbers: [String: String] = [:]
            numbers["old_year"] = row.oldYear.map(String.init)
            numbers["new_year"] = row.newYear.map(String.init)
            numbers["cells_changed"] = row.cellsChanged.map(String.init)
            for (figure, value) in zip(Batch.figures, row.figures) {
                numbers["\(figure.key)_old"] = value.old?.number?.description ?? ""
                numbers["\(figure.key)_new"] = value.new?.number?.description ?? ""
                numbers["\(figure.key)_pct"] = value.change?.percentTenths.map(CellChange.tenthsText) ?? ""
            }
            numbers["errors"] = row.errors.map(String.init)
            numbers["warnings"] = row.warnings.map(String.init)
            numbers["sentences_added"] = row.sentencesAdded.map(String.init)
            numbers["sentences_removed"] = row.sentencesRemoved.map(String.init)
            numbers["sentences_edited"] = row.sentencesEdited.map(String.init)
            numbers["carried_overview"] = row.carried[.overview].map(DiffCSVRenderer.ratio)
            numbers["carried_problems"] = row.carried[.problems].map(DiffCSVRenderer.ratio)
            numbers["carried_other"] = row.carried[.other].map(DiffCSVRenderer.ratio)
            csv.row(
                [
                    "status": row.status.rawValue, "status_label": row.status.label, "agency": row.agency,
                    "old_file": row.oldFile ?? "", "new_file": row.newFile ?? "", "reason": row.reason,
                    "details": row.details ?? "",
                ], numbers: numbers.compactMapValues { $0 })
        }
        return csv.output
    }

    public static func text(_ rows: [BatchRow], old: String, new: String) -> String {
        var out = "gkdiff 批量对比：旧 \(old) → 新 \(new)\n"
        let pairs = rows.filter { $0.cellsChanged != nil }
        func count(_ status: BatchRow.Status) -> Int { rows.filter { $0.status == status }.count }
        out +=
            "  \(pairs.count) 对已比较（读取不完整 \(count(.incomplete))，勾稽有误 \(count(.findings))，有变化 \(count(.changed))，无变化 \(count(.ok))），"
        out += "未配对 \(count(.unpaired)) 份，无法读取 \(count(.unreadable)) 份\n\n"
        if !pairs.isEmpty {
            var table: [[String]] = [["状态", "机关", "年度", "变化格", "错误", "警告", "句 +/-/~", "本年新收", "行政许可", "五 沿用"]]
            for row in pairs {
                table.append([
                    row.status.label, row.agency, "\(row.oldYear.map(String.init) ?? "?")→\(row.newYear.map(String.init) ?? "?")",
                    "\(row.cellsChanged ?? 0)", "\(row.errors ?? 0)", "\(row.warnings ?? 0)",
                    "\(row.sentencesAdded ?? 0)/\(row.sentencesRemoved ?? 0)/\(row.sentencesEdited ?? 0)",
                    figureText(row, 0), figureText(row, 3),
                    row.carried[.problems].map(DiffTextRenderer.percent) ?? "–",
                ])
            }
            out += TextLayout.table(table, rightAligned: [3, 4, 5])
        }
        let others = rows.filter { $0.cellsChanged == nil }
        if !others.isEmpty {
            out += "\n未配对或无法读取\n"
            out += TextLayout.table(others.map { [$0.status.label, $0.oldFile ?? $0.newFile ?? "", $0.reason] })
        }
        return out
    }

    /// `5→8 +60.0%`, `0→3 新增`, `空→5`.
    static func figureText(_ row: BatchRow, _ index: Int) -> String {
        guard index < row.figures.count, let change = row.figures[index].change else { return "" }
        let old = DiffTextRenderer.shown(change.old)
        let new = DiffTextRenderer.shown(change.new)
        let tail = change.status == .added ? " 新增" : change.percentText.map { " " + $0 } ?? ""
        return "\(old)→\(new)\(change.status == .unchanged ? "" : tail)"
    }

    public static func json(_ rows: [BatchRow]) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.beginArray("rows")
        for row in rows {
            json.beginObject()
            json.field("status", row.status.rawValue)
            json.field("agency", row.agency)
            json.field("oldFile", row.oldFile)
            json.field("newFile", row.newFile)
            json.field("oldYear", row.oldYear)
            json.field("newYear", row.newYear)
            json.field("cellsChanged", row.cellsChanged)
            json.beginObject("figures")
            for (figure, value) in zip(Batch.figures, row.figures) {
                json.beginObject(figure.key)
                json.field("old", number: value.old?.number)
                json.field("new", number: value.new?.number)
                json.field("changePct", raw: value.change?.percentTenths.map(CellChange.tenthsText) ?? "null")
                json.endObject()
            }
            json.endObject()
            json.field("errors", row.errors)
            json.field("warnings", row.warnings)
            json.field("sentencesAdded", row.sentencesAdded)
            json.field("sentencesRemoved", row.sentencesRemoved)
            json.field("sentencesEdited", row.sentencesEdited)
            json.beginObject("carried")
            for kind in [SectionKind.overview, .problems, .other] {
                json.field(kind.rawValue, raw: row.carried[kind].map(DiffCSVRenderer.ratio) ?? "null")
            }
            json.endObject()
            json.field("reason", row.reason)
            json.field("details", row.details)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }
}
