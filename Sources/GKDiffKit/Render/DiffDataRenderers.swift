/// The comparison as CSV: one row per changed cell, per changed sentence, per section and per finding.
public enum DiffCSVRenderer {
    /// Column names, in order (documented in README.md).
    public static let columns = [
        "kind", "section", "table", "row", "column", "row_label", "column_label", "old", "new", "change",
        "change_pct", "status", "status_label", "old_line", "new_line", "old_text", "new_text", "similarity",
        "carried_sentences", "carried_chars", "rule", "severity", "message", "note", "sum_of", "file", "line",
    ]

    /// Which header row and status words a CSV has.
    public enum Header: String, Sendable {
        /// The documented English keys, for programs (the default).
        case en
        /// Chinese column names, and Chinese words in `kind`, `status`, `severity`, `section` and
        /// `table`, for a person opening the file in Excel or WPS.
        case zh
    }

    /// The Chinese name of each column, for `--csv-header zh`.
    public static let chineseColumns: [String: String] = [
        "kind": "类别", "section": "章节", "table": "表", "row": "行键", "column": "列键", "row_label": "行",
        "column_label": "列", "old": "上年", "new": "本年", "change": "变化", "change_pct": "变化率（%）",
        "status": "状态", "status_label": "状态说明", "old_line": "上年行号", "new_line": "本年行号",
        "old_text": "上年文字", "new_text": "本年文字", "similarity": "相似度", "carried_sentences": "沿用句子比例",
        "carried_chars": "沿用文字比例", "rule": "规则", "severity": "级别", "message": "说明", "note": "备注",
        "sum_of": "求和单元格", "file": "文件", "line": "行号",
    ]

    /// The comparison as CSV with English keys (see `Header`).
    public static func render(_ diff: ReportDiff, all: Bool) -> String { render(diff, all: all, header: .en) }

    /// The comparison as CSV with the header and status words `header` asks for.
    public static func render(_ diff: ReportDiff, all: Bool, header: Header) -> String {
        var text = ""
        render(diff, all: all, header: header, chunkSize: .max) { text += $0 }
        return text
    }

    /// `render(_:all:header:)` handed to `deliver` in pieces of about `chunkSize` bytes or more, so
    /// that a long comparison is never held whole.
    static func render(
        _ diff: ReportDiff, all: Bool, header: Header, chunkSize: Int, deliver: (String) -> Void
    ) {
        var csv = CSVWriter(columns: columns, header: header == .zh ? columns.map { chineseColumns[$0] ?? $0 } : columns)
        csv.chinese = header == .zh
        for change in diff.keyIndicators {
            var fields = [
                "kind": "indicator", "row": change.id, "row_label": change.label,
                "status": change.new.isRate ? "rate_pct" : "count",
                "status_label": change.new.isRate ? "比率（%）" : "数量", "note": change.new.formula,
                "old_text": change.old.value.number == nil ? change.old.value.display : "",
                "new_text": change.new.value.number == nil ? change.new.value.display : "",
            ]
            if change.pointsTenths != nil { fields["note"] = change.new.formula + "；变化为个百分点" }
            csv.row(
                fields,
                numbers: [
                    "old": change.old.value.number ?? "", "new": change.new.value.number ?? "",
                    "change": change.changeNumber ?? "",
                ])
        }
        for change in diff.cells where all || change.status != .unchanged {
            var numbers: [String: String] = [:]
            numbers["old"] = change.old.number?.description
            numbers["new"] = change.new.number?.description
            numbers["change"] = change.change?.description
            numbers["change_pct"] = change.percentTenths.map(CellChange.tenthsText)
            numbers["old_line"] = change.old.line.map(String.init)
            numbers["new_line"] = change.new.line.map(String.init)
            csv.row(
                [
                    "kind": "cell", "section": change.key.table.section.rawValue, "table": change.key.table.rawValue,
                    "row": change.key.row, "column": change.key.column, "row_label": change.key.rowSpec.fullLabel,
                    "column_label": change.key.columnSpec.label, "status": change.status.rawValue,
                    "status_label": change.status.label,
                    "old_text": change.old.number == nil ? change.old.value.display : "",
                    "new_text": change.new.number == nil ? change.new.value.display : "",
                    "note": change.old.note ?? change.new.note ?? "",
                    "sum_of": change.sum.map { $0.keys.map(\.description).joined(separator: "+") } ?? "",
                ], numbers: numbers)
        }
        for item in diff.unmatched {
            let old = item.side == .old
            csv.row(
                [
                    "kind": "unmatched", "section": item.key.table.section.rawValue, "table": item.key.table.rawValue,
                    "row": item.key.row, "column": item.key.column, "row_label": item.key.rowSpec.fullLabel,
                    "column_label": item.key.columnSpec.label, "status": old ? "only_old" : "only_new",
                    "status_label": "只有\(old ? "上年" : "本年")（\(item.template.rawValue) 年版模板）有",
                    old ? "old_text" : "new_text": item.cell.number == nil ? item.cell.value.display : "",
                    "note": item.cell.note ?? "",
                ],
                numbers: [
                    old ? "old" : "new": item.cell.number?.description ?? "",
                    old ? "old_line" : "new_line": item.cell.line.map(String.init) ?? "",
                ])
        }
        for section in diff.sections {
            csv.row(
                [
                    "kind": "section", "section": section.kind.rawValue,
                    "status": section.hasChanges ? "changed" : "unchanged",
                    "status_label": section.hasChanges ? "有变化" : "未变",
                    "old_text": section.oldTitle ?? "", "new_text": section.newTitle ?? "",
                ],
                numbers: [
                    "old_line": section.oldLine.map(String.init) ?? "", "new_line": section.newLine.map(String.init) ?? "",
                    "similarity": ratio(section.similarity),
                    "carried_sentences": section.carriedSentences.map(ratio) ?? "",
                    "carried_chars": section.carriedCharacters.map(ratio) ?? "",
                ])
            for change in section.sentences where all || change.status != .unchanged {
                csv.row(
                    [
                        "kind": "sentence", "section": section.kind.rawValue, "status": change.status.rawValue,
                        "status_label": change.status.label, "row_label": change.subsection ?? "",
                        "old_text": change.old?.text ?? "", "new_text": change.new?.text ?? "",
                    ],
                    numbers: [
                        "old_line": change.old.map { String($0.line) } ?? "",
                        "new_line": change.new.map { String($0.line) } ?? "",
                    ])
                if csv.bytes.count >= chunkSize { deliver(csv.take()) }
            }
        }
        for finding in diff.findings {
            let first = finding.cells.first
            var numbers: [String: String] = [
                "change": finding.difference?.description ?? "", "line": finding.line.map(String.init) ?? "",
            ]
            numbers[finding.file == diff.old.path ? "old_line" : "new_line"] = finding.line.map(String.init) ?? ""
            if finding.acrossYears,
                let other = finding.cells.first(where: { $0.file == diff.old.path && $0.file != finding.file })
            {
                // A cross-year finding names the cell of the older report it compares.
                numbers["old_line"] = other.cell.line.map(String.init) ?? ""
            }
            csv.row(
                [
                    "kind": "check", "section": first?.key.table.section.rawValue ?? "",
                    "table": first?.key.table.rawValue ?? "", "row": first?.key.row ?? "", "column": first?.key.column ?? "",
                    "row_label": first?.key.rowSpec.fullLabel ?? "", "column_label": first?.key.columnSpec.label ?? "",
                    "status": finding.acrossYears ? "across_years" : (finding.year.map { "year_\($0)" } ?? ""),
                    "status_label": finding.acrossYears ? "跨年度" : (finding.year.map { "\($0)年报告" } ?? ""),
                    "rule": finding.rule.id, "severity": finding.severity.rawValue, "message": finding.message,
                    "file": finding.file,
                ],
                numbers: numbers)
        }
        deliver(csv.take())
    }

    /// A share 0…1 with three decimals.
    static func ratio(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}

/// The comparison as JSON (shape documented in README.md).
public enum DiffJSONRenderer {
    public static func render(_ diff: ReportDiff, all: Bool) -> String {
        var text = ""
        render(diff, all: all, chunkSize: .max) { text += $0 }
        return text
    }

    /// `render(_:all:)` handed to `deliver` in pieces of about `chunkSize` bytes or more, so that a
    /// long comparison is never held whole.
    static func render(_ diff: ReportDiff, all: Bool, chunkSize: Int, deliver: (String) -> Void) {
        var json = JSONWriter()
        json.beginObject()
        for (name, report) in [("old", diff.old), ("new", diff.new)] {
            json.beginObject(name)
            json.field("file", report.path)
            json.field("agency", report.agency)
            json.field("year", report.year)
            json.field("title", report.title)
            ReportRenderer.writeDiagnostics(&json, report.diagnostics)
            json.endObject()
        }
        json.beginObject("templates")
        json.field("old", diff.old.template)
        json.field("new", diff.new.template)
        json.endObject()
        json.field("swapped", diff.swapped)
        json.field("agenciesDiffer", diff.agenciesDiffer)
        json.beginArray("notes")
        for note in diff.notes { json.value(note) }
        json.endArray()
        json.beginObject("summary")
        json.field("cellsChanged", diff.changedCells.count)
        json.field("hasDifferences", diff.hasDifferences)
        json.field("incomplete", diff.isIncomplete)
        json.field("cellsUnread", diff.unreadCells.count)
        json.endObject()
        json.beginArray("keyIndicators")
        for change in diff.keyIndicators {
            json.beginObject()
            json.field("id", change.id)
            json.field("label", change.label)
            json.field("formula", change.new.formula)
            json.field("rate", change.new.isRate)
            for (name, indicator) in [("old", change.old), ("new", change.new)] {
                json.field(name, raw: indicator.value.number ?? "null")
                json.field(name + "Reason", indicator.value.reason)
            }
            json.field(change.new.isRate ? "changePoints" : "change", raw: change.changeNumber ?? "null")
            json.endObject()
        }
        json.endArray()
        json.beginArray("cells")
        for change in diff.cells where all || change.status != .unchanged {
            json.beginObject()
            json.fields(of: change.key)
            json.field("oldState", change.old.value.state)
            json.field("old", number: change.old.number)
            json.field("newState", change.new.value.state)
            json.field("new", number: change.new.number)
            json.field("change", number: change.change)
            json.field("changePct", raw: change.percentTenths.map(CellChange.tenthsText) ?? "null")
            json.field("status", change.status.rawValue)
            json.field("oldLine", change.old.line)
            json.field("newLine", change.new.line)
            json.field("oldNote", change.old.note)
            json.field("newNote", change.new.note)
            if let sum = change.sum {
                json.beginObject("sum")
                json.field("side", sum.side.rawValue)
                json.beginArray("keys")
                for key in sum.keys { json.value(key.description) }
                json.endArray()
                json.beginArray("values")
                for cell in sum.cells { json.item(cell.number.map { $0.description } ?? "null") }
                json.endArray()
                json.field("label", sum.label)
                json.endObject()
            }
            json.endObject()
        }
        json.endArray()
        json.beginArray("unmatched")
        for item in diff.unmatched {
            json.beginObject()
            json.fields(of: item.key)
            json.field("side", item.side.rawValue)
            json.field("template", item.template.rawValue)
            json.field("state", item.cell.value.state)
            json.field("value", number: item.cell.number)
            json.field("line", item.cell.line)
            json.endObject()
        }
        json.endArray()
        json.beginArray("sections")
        for section in diff.sections {
            json.beginObject()
            json.field("kind", section.kind.rawValue)
            json.field("oldTitle", section.oldTitle)
            json.field("newTitle", section.newTitle)
            json.field("similarity", raw: DiffCSVRenderer.ratio(section.similarity))
            json.field("carriedSentences", raw: section.carriedSentences.map(DiffCSVRenderer.ratio) ?? "null")
            json.field("carriedChars", raw: section.carriedCharacters.map(DiffCSVRenderer.ratio) ?? "null")
            for status in [SentenceStatus.added, .removed, .edited, .numbersOnly, .unchanged] {
                json.field(status == .numbersOnly ? "numbersOnly" : status.rawValue, section.count(status))
            }
            json.beginArray("sentences")
            for change in section.sentences where all || change.status != .unchanged {
                json.beginObject()
                json.field("status", change.status.rawValue)
                json.field("subsection", change.subsection)
                json.field("oldLine", change.old?.line)
                json.field("newLine", change.new?.line)
                json.field("old", change.old?.text)
                json.field("new", change.new?.text)
                if !change.pieces.isEmpty {
                    json.beginArray("pieces")
                    for piece in change.pieces {
                        json.beginObject()
                        switch piece {
                        case .same(let text): json.field("same", text)
                        case .removed(let text): json.field("removed", text)
                        case .added(let text): json.field("added", text)
                        }
                        json.endObject()
                    }
                    json.endArray()
                }
                json.endObject()
                if json.bytes.count >= chunkSize { deliver(json.take()) }
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        CheckRenderer.write(&json, diff.findings)
        json.endObject()
        deliver(json.take() + "\n")
    }
}
