#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A small JSON writer with keys in the order written (stable output for people and diffs).
struct JSONWriter {
    private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let indentUnit = "  "

    mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    mutating func endObject() { close("}") }
    mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    mutating func endArray() { close("]") }

    mutating func field(_ key: String, _ value: String?) { item(key, value.map(Self.quote) ?? "null") }
    mutating func field(_ key: String, _ value: Int?) { item(key, value.map(String.init) ?? "null") }
    mutating func field(_ key: String, _ value: Bool) { item(key, value ? "true" : "false") }
    mutating func field(_ key: String, number value: Decimal?) { item(key, value.map { $0.description } ?? "null") }
    mutating func field(_ key: String, raw value: String) { item(key, value) }
    mutating func value(_ value: String) { item(nil, Self.quote(value)) }
    /// The canonical keys and Chinese labels of a cell: `table`, `row`, `column`, `rowLabel`, `columnLabel`.
    mutating func fields(of key: CellKey) {
        field("table", key.table.rawValue)
        field("row", key.row)
        field("column", key.column)
        field("rowLabel", key.rowSpec.fullLabel)
        field("columnLabel", key.columnSpec.label)
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
        output += bracket
    }

    private mutating func item(_ key: String?, _ text: String) {
        if needsComma[needsComma.count - 1] { output += "," }
        if needsComma.count > 1 { newline(depth: needsComma.count - 1) }
        needsComma[needsComma.count - 1] = true
        if let key {
            Self.appendQuoted(key, to: &output)
            output += ": "
        }
        output += text
    }

    /// A line break and the indent of `depth` levels.
    private mutating func newline(depth: Int) {
        output += "\n"
        output += depth < Self.indents.count ? Self.indents[depth] : String(repeating: indentUnit, count: depth)
    }

    /// The indents of the first levels, made once (`String(repeating:count:)` costs thousands of
    /// instructions per call).
    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    /// A JSON string literal. Control characters, C1 controls and bidi controls (the ones
    /// `TerminalSafe` shows escaped) are written as `\uXXXX`: the same string, but never obeyed by a
    /// terminal that shows the JSON.
    static func quote(_ text: String) -> String {
        var result = ""
        appendQuoted(text, to: &result)
        return result
    }

    /// Appends `quote(text)`. Text with nothing to escape (no quote, backslash, control or bidi
    /// character: decided on the UTF-8 bytes) is copied whole.
    static func appendQuoted(_ text: String, to output: inout String) {
        let plain =
            !TerminalSafe.mayNeedEscape(text, keepLayout: false)
            && !text.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        guard plain else {
            output += escaped(text)
            return
        }
        output += "\""
        output += text
        output += "\""
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
