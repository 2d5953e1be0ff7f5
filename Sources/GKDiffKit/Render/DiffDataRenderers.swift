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
        render(
            diff, all: all, header: header, chunkSize: chunkSize, deliverUTF8: { deliver(String(decoding: $0, as: UTF8.self)) })
    }

    /// `render(_:all:header:chunkSize:deliver:)` with each piece as UTF-8 bytes.
    static func render(
        _ diff: ReportDiff, all: Bool, header: Header, chunkSize: Int,
        deliverUTF8 deliver: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var csv = CSVWriter(columns: columns, header: header == .zh ? columns.map { chineseColumns[$0] ?? $0 } : columns)
        csv.chinese = header == .zh
        // Rows are filled by column position (`Column`), not by name: no dictionary per row.
        typealias C = Column
        let translated = CSVWriter.TranslatedColumns(
            kind: C.kind, section: C.section, table: C.table, status: C.status, statusLabel: C.statusLabel,
            severity: C.severity)
        let empty = CSVWriter.Row(columns: columns.count)
        /// The cell's address and labels: section, table, row, column, row label, column label.
        func cell(_ key: CellKey, into row: inout CSVWriter.Row) {
            let specs = TemplateEdition.specs(of: key)
            row.text(C.section, key.table.section.rawValue)
            row.text(C.table, key.table.rawValue)
            row.text(C.row, key.row)
            row.text(C.column, key.column)
            row.text(C.rowLabel, specs.row.fullLabel)
            row.text(C.columnLabel, specs.column.label)
        }
        for change in diff.keyIndicators {
            var row = empty
            row.text(C.kind, "indicator")
            row.text(C.row, change.id)
            row.text(C.rowLabel, change.label)
            row.text(C.status, change.new.isRate ? "rate_pct" : "count")
            row.text(C.statusLabel, change.new.isRate ? "比率（%）" : "数量")
            row.text(C.note, change.pointsTenths != nil ? change.new.formula + "；变化为个百分点" : change.new.formula)
            row.text(C.oldText, change.old.value.number == nil ? change.old.value.display : "")
            row.text(C.newText, change.new.value.number == nil ? change.new.value.display : "")
            row.number(C.old, change.old.value.number ?? "")
            row.number(C.new, change.new.value.number ?? "")
            row.number(C.change, change.changeNumber ?? "")
            csv.row(row, translating: translated)
        }
        for index in diff.cells.indices where all || diff.cells[index].status != .unchanged {
            let change = diff.cells[index]
            var row = empty
            if let number = change.old.number { row.number(C.old, number.description) }
            if let number = change.new.number { row.number(C.new, number.description) }
            if let number = change.change { row.number(C.change, number.description) }
            if let tenths = change.percentTenths { row.number(C.changePercent, CellChange.tenthsText(tenths)) }
            if let line = change.old.line { row.number(C.oldLine, String(line)) }
            if let line = change.new.line { row.number(C.newLine, String(line)) }
            row.text(C.kind, "cell")
            cell(change.key, into: &row)
            row.text(C.status, change.status.rawValue)
            row.text(C.statusLabel, change.status.label)
            row.text(C.oldText, change.old.number == nil ? change.old.value.display : "")
            row.text(C.newText, change.new.number == nil ? change.new.value.display : "")
            row.text(C.note, change.old.note ?? change.new.note ?? "")
            row.text(C.sumOf, change.sum.map { $0.keys.map(\.description).joined(separator: "+") } ?? "")
            csv.row(row, translating: translated)
        }
        for item in diff.unmatched {
            let old = item.side == .old
            var row = empty
            row.text(C.kind, "unmatched")
            cell(item.key, into: &row)
            row.text(C.status, old ? "only_old" : "only_new")
            row.text(C.statusLabel, "只有\(old ? "上年" : "本年")（\(item.template.rawValue) 年版模板）有")
            row.text(old ? C.oldText : C.newText, item.cell.number == nil ? item.cell.value.display : "")
            row.text(C.note, item.cell.note ?? "")
            row.number(old ? C.old : C.new, item.cell.number?.description ?? "")
            row.number(old ? C.oldLine : C.newLine, item.cell.line.map(String.init) ?? "")
            csv.row(row, translating: translated)
        }
        for section in diff.sections {
            var row = empty
            row.text(C.kind, "section")
            row.text(C.section, section.kind.rawValue)
            row.text(C.status, section.hasChanges ? "changed" : "unchanged")
            row.text(C.statusLabel, section.hasChanges ? "有变化" : "未变")
            row.text(C.oldText, section.oldTitle ?? "")
            row.text(C.newText, section.newTitle ?? "")
            row.number(C.oldLine, section.oldLine.map(String.init) ?? "")
            row.number(C.newLine, section.newLine.map(String.init) ?? "")
            row.number(C.similarity, ratio(section.similarity))
            row.number(C.carriedSentences, section.carriedSentences.map(ratio) ?? "")
            row.number(C.carriedCharacters, section.carriedCharacters.map(ratio) ?? "")
            csv.row(row, translating: translated)
            for index in section.sentences.indices where all || section.sentences[index].status != .unchanged {
                let change = section.sentences[index]
                var row = empty
                row.text(C.kind, "sentence")
                row.text(C.section, section.kind.rawValue)
                row.text(C.status, change.status.rawValue)
                row.text(C.statusLabel, change.status.label)
                row.text(C.rowLabel, change.subsection ?? "")
                row.text(C.oldText, change.old?.text ?? "")
                row.text(C.newText, change.new?.text ?? "")
                row.number(C.oldLine, change.old.map { String($0.line) } ?? "")
                row.number(C.newLine, change.new.map { String($0.line) } ?? "")
                csv.row(row, translating: translated)
                if csv.bytes.count >= chunkSize { csv.take(deliver) }
            }
        }
        for finding in diff.findings {
            let first = finding.cells.first
            var row = empty
            row.number(C.change, finding.difference?.description ?? "")
            row.number(C.line, finding.line.map(String.init) ?? "")
            row.number(finding.file == diff.old.path ? C.oldLine : C.newLine, finding.line.map(String.init) ?? "")
            if finding.acrossYears,
                let other = finding.cells.first(where: { $0.file == diff.old.path && $0.file != finding.file })
            {
                // A cross-year finding names the cell of the older report it compares.
                row.number(C.oldLine, other.cell.line.map(String.init) ?? "")
            }
            let specs = first.map { TemplateEdition.specs(of: $0.key) }
            row.text(C.kind, "check")
            row.text(C.section, first?.key.table.section.rawValue ?? "")
            row.text(C.table, first?.key.table.rawValue ?? "")
            row.text(C.row, first?.key.row ?? "")
            row.text(C.column, first?.key.column ?? "")
            row.text(C.rowLabel, specs?.row.fullLabel ?? "")
            row.text(C.columnLabel, specs?.column.label ?? "")
            row.text(C.status, finding.acrossYears ? "across_years" : (finding.year.map { "year_\($0)" } ?? ""))
            row.text(C.statusLabel, finding.acrossYears ? "跨年度" : (finding.year.map { "\($0)年报告" } ?? ""))
            row.text(C.rule, finding.rule.id)
            row.text(C.severity, finding.severity.rawValue)
            row.text(C.message, finding.message)
            row.text(C.file, finding.file)
            csv.row(row, translating: translated)
        }
        csv.take(deliver)
    }

    /// The position of each column in `columns`.
    enum Column {
        static let kind = 0
        static let section = 1
        static let table = 2
        static let row = 3
        static let column = 4
        static let rowLabel = 5
        static let columnLabel = 6
        static let old = 7
        static let new = 8
        static let change = 9
        static let changePercent = 10
        static let status = 11
        static let statusLabel = 12
        static let oldLine = 13
        static let newLine = 14
        static let oldText = 15
        static let newText = 16
        static let similarity = 17
        static let carriedSentences = 18
        static let carriedCharacters = 19
        static let rule = 20
        static let severity = 21
        static let message = 22
        static let note = 23
        static let sumOf = 24
        static let file = 25
        static let line = 26
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
        render(diff, all: all, chunkSize: chunkSize, deliverUTF8: { deliver(String(decoding: $0, as: UTF8.self)) })
    }

    /// `render(_:all:chunkSize:deliver:)` with each piece as UTF-8 bytes.
    static func render(
        _ diff: ReportDiff, all: Bool, chunkSize: Int, deliverUTF8 deliver: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var json = JSONWriter()
        json.beginObject()
        // Each report in turn (not an array of the two: no copies of them, no array type made at run time).
        func write(_ name: String, _ report: Report) {
            json.beginObject(name)
            json.field("file", report.path)
            json.field("agency", report.agency)
            json.field("year", report.year)
            json.field("title", report.title)
            ReportRenderer.writeDiagnostics(&json, report.diagnostics)
            json.endObject()
        }
        write("old", diff.old)
        write("new", diff.new)
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
        // Counted in place (`changedCells` and `unreadCells` would copy the cells).
        var changed = 0
        var unread = 0
        for index in diff.cells.indices {
            switch diff.cells[index].status {
            case .unchanged: break
            case .unreadable: unread += 1
            case .increased, .decreased, .added, .stateChanged: changed += 1
            }
        }
        json.field("cellsChanged", changed)
        json.field("hasDifferences", diff.hasDifferences)
        json.field("incomplete", diff.isIncomplete)
        json.field("cellsUnread", unread)
        json.endObject()
        json.beginArray("keyIndicators")
        for change in diff.keyIndicators {
            json.beginObject()
            json.field("id", change.id)
            json.field("label", change.label)
            json.field("formula", change.new.formula)
            json.field("rate", change.new.isRate)
            json.field("old", raw: change.old.value.number ?? "null")
            json.field("oldReason", change.old.value.reason)
            json.field("new", raw: change.new.value.number ?? "null")
            json.field("newReason", change.new.value.reason)
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
            json.field("added", section.count(.added))
            json.field("removed", section.count(.removed))
            json.field("edited", section.count(.edited))
            json.field("numbersOnly", section.count(.numbersOnly))
            json.field("unchanged", section.count(.unchanged))
            json.beginArray("sentences")
            for change in section.sentences where all || change.status != .unchanged {
                json.beginObject()
                json.field("status", change.status.rawValue)
                json.field("subsection", change.subsection)
                json.field("oldLine", change.old?.line)
                json.field("newLine", change.new?.line)
                json.field("old", change.old?.text)
                json.field("new", change.new?.text)
                let pieces = change.pieces  // (made when asked for: once)
                if !pieces.isEmpty {
                    json.beginArray("pieces")
                    for piece in pieces {
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
                if json.bytes.count >= chunkSize { json.take(deliver) }
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        CheckRenderer.write(&json, diff.findings)
        json.endObject()
        json.newline()
        json.take(deliver)
    }
}
