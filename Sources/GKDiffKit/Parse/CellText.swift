#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads what one table cell holds. Strict: a number is digits with at most one decimal point; anything
/// else that is not a blank or a not-applicable mark is not a value (and is never guessed at).
enum CellText {
    /// The cell's value, or nil when the text is not a value at all (a label, a sentence).
    static func value<S: StringProtocol>(_ text: S) -> CellValue? {
        let trimmed = LabelText.trim(text)
        if trimmed.isEmpty { return .blank }
        if isNotApplicable(trimmed) { return .notApplicable }
        if let number = number(trimmed) { return .number(number) }
        return nil
    }

    /// `/`, `／`, `—`, `——`, `-`, `－`, `–`, `无`, `\`.
    static func isNotApplicable(_ text: Substring) -> Bool {
        switch text {
        case "/", "／", "—", "——", "-", "－", "–", "无", "\\", "、", "--": return true
        default: return false
        }
    }

    /// Digits (ASCII or full-width) with at most one `.`; spaces inside are ignored, as are thousands
    /// separators in the `1,234` shape. Returns nil for anything else.
    static func number(_ text: Substring) -> Decimal? {
        var digits = String.UnicodeScalarView()
        var seenPoint = false
        var digitsSinceComma = -1
        for scalar in text.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF10 && v <= 0xFF19 { v -= 0xFEE0 }  // full-width digits
            switch v {
            case 0x30...0x39:
                digits.append(Unicode.Scalar(v)!)
                if digitsSinceComma >= 0 { digitsSinceComma += 1 }
            case 0x2E, 0xFF0E:
                if seenPoint || digits.isEmpty { return nil }
                if digitsSinceComma >= 0 && digitsSinceComma != 3 { return nil }
                digitsSinceComma = -1
                seenPoint = true
                digits.append(".")
            case 0x2C, 0xFF0C:
                if seenPoint || digits.isEmpty || (digitsSinceComma >= 0 && digitsSinceComma != 3) { return nil }
                digitsSinceComma = 0
            case 0x20, 0xA0, 0x3000: continue
            default: return nil
            }
        }
        if digits.isEmpty || digits.last == "." { return nil }
        if digitsSinceComma >= 0 && digitsSinceComma != 3 { return nil }
        return Decimal(string: String(digits))
    }
}
