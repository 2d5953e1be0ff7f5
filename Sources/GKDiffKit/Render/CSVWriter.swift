/// RFC 4180 CSV for Excel and WPS: UTF-8 with a byte order mark, CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, and text fields that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) prefixed with `'`.
struct CSVWriter {
    private(set) var output = "\u{FEFF}"
    let columns: [String]

    /// When true, `kind`, `status`, `severity`, `section` and `table` are written as Chinese words
    /// (`status` takes `status_label`'s word) for `--csv-header zh`.
    var chinese = false

    /// A writer with `columns` as keys; `header` is the row written on top (the keys themselves by default).
    init(columns: [String], header: [String]? = nil) {
        self.columns = columns
        output += (header ?? columns).map(Self.field).joined(separator: ",") + "\r\n"
    }

    /// Appends a row; `fields` maps column names to text, `numbers` maps column names to numeric text.
    mutating func row(_ fields: [String: String], numbers: [String: String] = [:]) {
        var fields = fields
        if chinese { Self.translate(&fields) }
        var line: [String] = []
        for column in columns {
            if let number = numbers[column] {
                line.append(number)
            } else {
                line.append(Self.field(fields[column] ?? ""))
            }
        }
        output += line.joined(separator: ",") + "\r\n"
    }

    /// The status words of a comparison row in Chinese.
    static func translate(_ fields: inout [String: String]) {
        let kinds = [
            "cell": "单元格", "unmatched": "仅一方模板有", "section": "章节", "sentence": "句子", "check": "勾稽校验",
            "indicator": "关键指标",
        ]
        if let kind = fields["kind"] { fields["kind"] = kinds[kind] ?? kind }
        if let label = fields["status_label"], !label.isEmpty { fields["status"] = label }
        let severities = ["error": "错误", "warning": "警告", "note": "提示"]
        if let severity = fields["severity"] { fields["severity"] = severities[severity] ?? severity }
        if let section = fields["section"], let kind = SectionKind(rawValue: section) {
            fields["section"] = kind == .preamble ? "标题与前言" : "\(kind.numeral)、\(kind.title)"
        }
        if let table = fields["table"], let kind = TableKind(rawValue: table) { fields["table"] = kind.label }
    }

    /// One text field, protected and quoted as needed.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }
}
