/// `gkdiff show`: one parsed report, for a person (text) or a program (JSON).
public enum ReportRenderer {
    /// The report as text: metadata, sections with line ranges, the three tables, diagnostics.
    public static func text(_ report: Report) -> String {
        var out = ""
        out += "文件：\(report.path)（\(report.lineCount) 行）\n"
        out += "机关：\(report.agency.isEmpty ? "（未找到）" : report.agency)\n"
        out += "年度：\(report.year.map(String.init) ?? "（未找到）")\n"
        out += "标题：\(report.title.isEmpty ? "（未找到）" : report.title)\n"
        out += "统计期限：\(report.period ?? "（未找到）")\n"
        out += "模板：\(report.template)（\(report.edition.document)）\n\n"

        out += "章节\n"
        var rows: [[String]] = []
        for section in report.sections {
            let name = section.kind == .preamble ? section.kind.title : section.title
            var detail = "\(section.paragraphs.count) 段"
            if !section.subsections.isEmpty { detail += "，小标题 \(section.subsections.count) 个" }
            rows.append(["第 \(section.line)–\(section.endLine) 行", section.kind.rawValue, name, detail])
        }
        out += TextLayout.table(rows)
        for section in report.sections where !section.subsections.isEmpty {
            out += "\n\(section.title) 的小标题\n"
            out += TextLayout.table(section.subsections.map { ["第 \($0.line) 行", $0.text] })
        }

        for table in report.edition.tables {
            out += "\n" + tableText(report, table)
        }

        out += "\n诊断\n"
        if report.diagnostics.isEmpty { out += "  （无）\n" }
        for diagnostic in report.diagnostics { out += "  " + line(diagnostic, path: report.path) + "\n" }
        return out
    }

    /// One table as rows × columns, `空` for blank cells, `缺失` for cells not found.
    static func tableText(_ report: Report, _ table: TableSpec) -> String {
        var out = "\(table.kind.label)\n"
        if table.kind == .proactive {
            var rows: [[String]] = [["", "列", "值", "行号"]]
            for (row, column) in table.cells {
                let cell = report[CellKey(table: table.kind, row: row.key, column: column.key)]
                rows.append([row.label, column.label, DiffTextRenderer.shown(cell), cell.line.map { "\($0)" } ?? ""])
            }
            return out + TextLayout.table(rows, rightAligned: [2, 3])
        }
        var rows: [[String]] = [[""] + table.columns.map(\.label)]
        for row in table.rows {
            var cells = [row.fullLabel]
            for column in table.columns(ofRow: row.key) {
                cells.append(report[CellKey(table: table.kind, row: row.key, column: column.key)].value.display)
            }
            rows.append(cells)
        }
        out += TextLayout.table(rows, rightAligned: Array(1...table.columns.count))
        return out
    }

    /// `file:line: 警告: message`.
    public static func line(_ diagnostic: Diagnostic, path: String) -> String {
        line(path: path, line: diagnostic.line, severity: diagnostic.severity, message: diagnostic.message)
    }

    /// `file:line: 警告: message`, or `file: 警告: message` without a line.
    static func line(path: String, line: Int?, severity: Diagnostic.Severity, message: String) -> String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "\(place): \(severityWord(severity)): \(message)"
    }

    static func severityWord(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "错误"
        case .warning: return "警告"
        case .note: return "提示"
        }
    }

    /// The report as JSON (shape documented in README.md).
    public static func json(_ report: Report) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("file", report.path)
        json.field("agency", report.agency)
        json.field("year", report.year)
        json.field("title", report.title)
        json.field("period", report.period)
        json.field("template", report.template)
        json.beginArray("sections")
        for section in report.sections {
            json.beginObject()
            json.field("kind", section.kind.rawValue)
            json.field("title", section.title)
            json.field("line", section.line)
            json.field("endLine", section.endLine)
            json.field("text", section.text)
            json.endObject()
        }
        json.endArray()
        json.beginArray("cells")
        for (key, cell) in zip(report.cellKeys, report.cells) {
            writeCell(&json, key: key, cell: cell)
        }
        json.endArray()
        writeDiagnostics(&json, report.diagnostics)
        json.endObject()
        return json.output + "\n"
    }

    static func writeCell(_ json: inout JSONWriter, key: CellKey, cell: Cell) {
        json.beginObject()
        json.fields(of: key)
        json.field("state", cell.value.state)
        json.field("value", number: cell.number)
        json.field("raw", cell.raw)
        json.field("line", cell.line)
        json.field("note", cell.note)
        json.endObject()
    }

    static func writeDiagnostics(_ json: inout JSONWriter, _ diagnostics: [Diagnostic], key: String = "diagnostics") {
        json.beginArray(key)
        for diagnostic in diagnostics {
            json.beginObject()
            json.field("severity", diagnostic.severity.rawValue)
            json.field("line", diagnostic.line)
            json.field("message", diagnostic.message)
            json.endObject()
        }
        json.endArray()
    }
}
