/// RFC 4180 CSV for Excel and WPS: UTF-8 with a byte order mark, CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, and text fields that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) prefixed with `'`.
struct CSVWriter: ByteOutput {
    /// The CSV so far, as UTF-8 bytes (a byte order mark first).
    var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
    let columns: [String]
    /// Each column's position in `columns` (made when a row is first given by column names).
    private lazy var position: [String: Int] = {
        var position: [String: Int] = [:]
        for (index, column) in columns.enumerated() where position[column] == nil { position[column] = index }
        return position
    }()

    /// When true, `kind`, `status`, `severity`, `section` and `table` are written as Chinese words
    /// (`status` takes `status_label`'s word) for `--csv-header zh`.
    var chinese = false

    /// A writer with `columns` as keys; `header` is the row written on top (the keys themselves by default).
    init(columns: [String], header: [String]? = nil) {
        self.columns = columns
        for (index, name) in (header ?? columns).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendField(name, to: &bytes)
        }
        bytes += [0x0D, 0x0A]
    }

    /// Appends a row; `fields` maps column names to text, `numbers` maps column names to numeric text.
    /// O(columns + fields): each given field is placed by its column's position.
    mutating func row(_ fields: [String: String], numbers: [String: String] = [:]) {
        var fields = fields
        if chinese { Self.translate(&fields) }
        var line = Array(repeating: "", count: columns.count)
        var isNumber = Array(repeating: false, count: columns.count)
        for (key, text) in fields {
            if let position = position[key] { line[position] = text }
        }
        for (key, text) in numbers {
            if let position = position[key] {
                line[position] = text
                isNumber[position] = true
            }
        }
        for index in line.indices {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if isNumber[index] { Self.append(line[index], to: &bytes) } else { Self.appendField(line[index], to: &bytes) }
        }
        bytes += [0x0D, 0x0A]
    }

    /// A row filled by column position: each column's text, and whether it is a number's text (written
    /// as it is) rather than text (protected and quoted as needed). Unset columns are empty.
    struct Row {
        var texts: [String]
        var isNumber: [Bool]

        /// A row of `columns` empty columns.
        init(columns: Int) {
            texts = Array(repeating: "", count: columns)
            isNumber = Array(repeating: false, count: columns)
        }

        /// Sets a text column.
        mutating func text(_ column: Int, _ value: String) {
            texts[column] = value
            isNumber[column] = false
        }

        /// Sets a number column.
        mutating func number(_ column: Int, _ value: String) {
            texts[column] = value
            isNumber[column] = true
        }
    }

    /// Appends a row filled by position, as `row(_:numbers:)` writes the same fields given by name;
    /// `columns` gives the positions of the columns `chinese` translates.
    mutating func row(_ row: Row, translating columns: TranslatedColumns) {
        var row = row
        if chinese { Self.translate(&row, columns) }
        for index in row.texts.indices {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if row.isNumber[index] {
                Self.append(row.texts[index], to: &bytes)
            } else {
                Self.appendField(row.texts[index], to: &bytes)
            }
        }
        bytes += [0x0D, 0x0A]
    }

    /// Where the columns `translate` changes are.
    struct TranslatedColumns {
        var kind: Int
        var section: Int
        var table: Int
        var status: Int
        var statusLabel: Int
        var severity: Int
    }

    /// `translate(_:)` for a row filled by position (text columns only, as there).
    static func translate(_ row: inout Row, _ columns: TranslatedColumns) {
        func text(_ column: Int) -> String? { row.isNumber[column] ? nil : row.texts[column] }
        if let kind = text(columns.kind) {
            switch kind {
            case "cell": row.texts[columns.kind] = "单元格"
            case "unmatched": row.texts[columns.kind] = "仅一方模板有"
            case "section": row.texts[columns.kind] = "章节"
            case "sentence": row.texts[columns.kind] = "句子"
            case "check": row.texts[columns.kind] = "勾稽校验"
            case "indicator": row.texts[columns.kind] = "关键指标"
            default: break
            }
        }
        if let label = text(columns.statusLabel), !label.isEmpty { row.text(columns.status, label) }
        if let severity = text(columns.severity) {
            switch severity {
            case "error": row.texts[columns.severity] = "错误"
            case "warning": row.texts[columns.severity] = "警告"
            case "note": row.texts[columns.severity] = "提示"
            default: break
            }
        }
        if let section = text(columns.section), let kind = SectionKind(rawValue: section) {
            row.texts[columns.section] = kind == .preamble ? "标题与前言" : "\(kind.numeral)、\(kind.title)"
        }
        if let table = text(columns.table), let kind = TableKind(rawValue: table) { row.texts[columns.table] = kind.label }
    }

    /// A field of a row given in column order: text (protected and quoted as needed) or a number's text.
    enum Field {
        case text(String)
        case number(String)
    }

    /// Appends a row whose fields are already in column order (one per column).
    mutating func row(ordered fields: [Field]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            switch field {
            case .text(let text): Self.appendField(text, to: &bytes)
            case .number(let text): Self.append(text, to: &bytes)
            }
        }
        bytes += [0x0D, 0x0A]
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
        var out: [UInt8] = []
        appendField(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `text`.
    static func append(_ text: String, to out: inout [UInt8]) {
        guard !text.isEmpty else { return }
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Appends one text field, protected and quoted as needed. Looks at the UTF-8 bytes: every
    /// character that matters here is ASCII, and no byte of a longer UTF-8 sequence is ASCII. O(n).
    static func appendField(_ text: String, to out: inout [UInt8]) {
        guard !text.isEmpty else { return }
        var text = text
        text.withUTF8 { utf8 in
            let protect: Bool
            switch utf8[0] {
            case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: protect = true
            default: protect = false
            }
            let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
            if needsQuotes { out.append(UInt8(ascii: "\"")) }
            if protect { out.append(UInt8(ascii: "'")) }
            guard needsQuotes else {
                out.append(contentsOf: utf8)
                return
            }
            var start = 0
            for index in utf8.indices where utf8[index] == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...index]))
                out.append(UInt8(ascii: "\""))
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            out.append(UInt8(ascii: "\""))
        }
    }
}
