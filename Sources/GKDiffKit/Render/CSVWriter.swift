/// RFC 4180 CSV for Excel and WPS: UTF-8 with a byte order mark, CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, and text fields that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) prefixed with `'`.
struct CSVWriter {
    private(set) var output = "\u{FEFF}"
    let columns: [String]

    init(columns: [String]) {
        self.columns = columns
        output += columns.joined(separator: ",") + "\r\n"
    }

    /// Appends a row; `fields` maps column names to text, `numbers` maps column names to numeric text.
    mutating func row(_ fields: [String: String], numbers: [String: String] = [:]) {
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
