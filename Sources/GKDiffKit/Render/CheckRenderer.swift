/// 勾稽校验 findings as text and JSON, for `gkdiff check` and inside the comparison.
public enum CheckRenderer {
    /// `gkdiff check FILE` as text.
    public static func text(_ report: Report, _ findings: [Finding]) -> String {
        var out = "勾稽校验：\(report.agency.isEmpty ? report.path : report.agency) \(report.year.map { "\($0)年" } ?? "")\n"
        out += "文件：\(report.path)\n"
        let unread = findings.filter { $0.rule == .p1 }.count
        if unread > 0 {
            out += "！ 读取不完整：\(unread) 处没有读全（见 P1），这些格没有校验\n"
        }
        out += block(findings, path: report.path)
        return out
    }

    /// The findings as lines, errors first, each `FILE:LINE: 错误: [rule] message` under the file it is
    /// about (`path` for a finding that names none); a cross-year finding also names the cell of the
    /// other report it compares (`← 上年 FILE:LINE`). `（全部通过）` when nothing is wrong.
    static func block(_ findings: [Finding], path: String) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        var out = "  错误 \(errors) 项，警告 \(warnings) 项\n"
        if findings.isEmpty { return out + "  （全部通过）\n" }
        let sorted = findings.enumerated().sorted {
            ($0.element.severity, -$0.offset) > ($1.element.severity, -$1.offset)
        }.map(\.element)
        for finding in sorted {
            let file = finding.file.isEmpty ? path : finding.file
            var message = "[\(finding.rule.id) \(finding.rule.name)] \(finding.message)"
            if finding.acrossYears, let other = finding.cells.first(where: { !$0.file.isEmpty && $0.file != file }) {
                message += "（← \(other.year.map { "\($0)年" } ?? "另一份报告") \(other.file)\(other.cell.line.map { ":\($0)" } ?? "")）"
            }
            out += "  " + ReportRenderer.line(path: file, line: finding.line, severity: finding.severity, message: message) + "\n"
        }
        return out
    }

    /// `gkdiff check --format json FILE`.
    public static func json(_ report: Report, _ findings: [Finding]) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("file", report.path)
        json.field("agency", report.agency)
        json.field("year", report.year)
        write(&json, findings)
        json.endObject()
        return json.output + "\n"
    }

    /// The `findings` array.
    static func write(_ json: inout JSONWriter, _ findings: [Finding]) {
        json.beginArray("findings")
        for finding in findings {
            json.beginObject()
            json.field("rule", finding.rule.id)
            json.field("name", finding.rule.name)
            json.field("severity", finding.severity.rawValue)
            json.field("year", finding.year)
            json.field("acrossYears", finding.acrossYears)
            json.field("message", finding.message)
            json.field("difference", number: finding.difference)
            json.field("file", finding.file)
            json.field("line", finding.line)
            json.beginArray("cells")
            for cell in finding.cells {
                json.beginObject()
                json.fields(of: cell.key)
                json.field("year", cell.year)
                json.field("state", cell.cell.value.state)
                json.field("value", number: cell.cell.number)
                json.field("file", cell.file)
                json.field("line", cell.cell.line)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
    }
}
