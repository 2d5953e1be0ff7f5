import Testing

@testable import GKDiffKit

/// The escapes copy text whole when their byte scan finds nothing to change; that scan must never miss
/// a scalar the rule changes. Checked for every scalar of the first three planes, between Chinese
/// characters, against the rule written out scalar by scalar.
@Suite struct EscapeFastPathTests {
    static let scalars: [Unicode.Scalar] = (UInt32(0)...0x2_FFFF).compactMap(Unicode.Scalar.init)

    @Test func jsonQuoteChangesWhatTheRuleChanges() {
        for scalar in Self.scalars {
            let expected: String
            switch scalar {
            case "\"": expected = "\\\""
            case "\\": expected = "\\\\"
            case "\n": expected = "\\n"
            case "\r": expected = "\\r"
            case "\t": expected = "\\t"
            default:
                if TerminalSafe.needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    expected = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    expected = String(scalar)
                }
            }
            #expect(JSONWriter.quote("字" + String(scalar) + "句") == "\"字" + expected + "句\"")
        }
    }

    @Test func htmlEscapeChangesWhatTheRuleChanges() {
        for scalar in Self.scalars {
            let expected: String
            switch scalar {
            case "&": expected = "&amp;"
            case "<": expected = "&lt;"
            case ">": expected = "&gt;"
            case "\"": expected = "&quot;"
            case "'": expected = "&#39;"
            case "\t", "\n": expected = String(scalar)
            default:
                expected = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "" : String(scalar)
            }
            #expect(DiffHTMLRenderer.escape("字" + String(scalar) + "句") == "字" + expected + "句")
        }
    }
}
