/// A small JSON writer with keys in the order written (stable output for people and diffs), writing
/// UTF-8 bytes.
struct JSONWriter: ByteOutput {
    /// The JSON so far, as UTF-8 bytes.
    var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    /// Appends a line feed (after the last closing bracket).
    mutating func newline() { bytes.append(0x0A) }

    mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    mutating func endObject() { close("}") }
    mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    mutating func endArray() { close("]") }

    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return item(key, "null") }
        begin(key)
        Self.appendQuoted(value, to: &bytes)
    }
    mutating func field(_ key: String, _ value: Int?) { item(key, value.map(String.init) ?? "null") }
    mutating func field(_ key: String, _ value: Bool) { item(key, value ? "true" : "false") }
    mutating func field(_ key: String, number value: Quantity?) { item(key, value.map { $0.description } ?? "null") }
    mutating func field(_ key: String, raw value: String) { item(key, value) }
    mutating func value(_ value: String) {
        begin(nil)
        Self.appendQuoted(value, to: &bytes)
    }
    /// The canonical keys and Chinese labels of a cell: `table`, `row`, `column`, `rowLabel`, `columnLabel`.
    mutating func fields(of key: CellKey) {
        field("table", key.table.rawValue)
        field("row", key.row)
        field("column", key.column)
        let specs = TemplateEdition.specs(of: key)
        field("rowLabel", specs.row.fullLabel)
        field("columnLabel", specs.column.label)
    }

    /// An array element written as is (a number or `null`).
    mutating func item(_ raw: String) { item(nil, raw) }

    private mutating func open(_ key: String?, _ bracket: String) {
        item(key, bracket)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        if hadItems { newline(depth: needsComma.count - 1) }
        Self.append(bracket, to: &bytes)
    }

    private mutating func item(_ key: String?, _ text: String) {
        begin(key)
        Self.append(text, to: &bytes)
    }

    /// Starts an item: the comma after the one before, its line and indent, and its key.
    private mutating func begin(_ key: String?) {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        if needsComma.count > 1 { newline(depth: needsComma.count - 1) }
        needsComma[needsComma.count - 1] = true
        if let key {
            Self.appendQuoted(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(0x20)
        }
    }

    /// A line break and the indent of `depth` levels (two spaces each).
    private mutating func newline(depth: Int) {
        bytes.append(0x0A)
        TextLayout.appendSpaces(2 * depth, to: &bytes)
    }

    /// Appends the UTF-8 bytes of `text`.
    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A JSON string literal. Control characters, C1 controls and bidi controls (the ones
    /// `TerminalSafe` shows escaped) are written as `\uXXXX`: the same string, but never obeyed by a
    /// terminal that shows the JSON.
    static func quote(_ text: String) -> String {
        var result: [UInt8] = []
        appendQuoted(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends `quote(text)`. Text with nothing to escape (no quote, backslash, control or bidi
    /// character: decided on the UTF-8 bytes) is copied whole.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { utf8 in
            guard !TerminalSafe.mayNeedEscape(utf8, keepLayout: false, quotes: true) else { return false }
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: utf8)
            output.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { append(escaped(text), to: &output) }
    }

    /// `quote(text)` scalar by scalar.
    private static func escaped(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if TerminalSafe.needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
