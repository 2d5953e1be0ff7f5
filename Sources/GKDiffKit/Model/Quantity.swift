/// An exact decimal number as a report's cells hold it: counts and 万元 amounts. Stored as a whole
/// number of 10⁻¹⁰ units, so that sums, differences and comparisons are exact integer arithmetic; a
/// cell is read with at most six decimal places, which leaves room for an amount in 元 converted to
/// 万元 (÷ 10 000) to stay exact; it replaces Foundation's `Quantity`, whose run-time set-up and
/// arithmetic cost more than everything else a comparison of two small reports does.
///
/// Range: the parser gives no cell of 10¹² or more (`CellText.countLimit`) and no digit string of more
/// than 18 whole digits; in 10⁻¹⁰ units that is below 10²⁸, so sums of any number of cells a process
/// can hold, and the ×1000 of a per cent, stay far inside `Int128` and can never trap.
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The value in 10⁻¹⁰ units: `12.5` is 125 000 000 000.
    var units: Int128

    /// Units in one.
    static let scale: Int128 = 10_000_000_000
    /// The most decimal places a quantity holds.
    static let maximumDecimals = 10
    /// The most decimal places a number as written may have (`init?(digits:)`).
    static let maximumWrittenDecimals = 6
    /// The most whole digits `init?(digits:)` accepts.
    static let maximumWholeDigits = 18

    init(units: Int128) { self.units = units }

    /// A whole number.
    public init(_ value: Int) { units = Int128(value) * Self.scale }

    /// A whole number.
    public init(integerLiteral value: Int) { self.init(value) }

    /// `value` ÷ 10^`decimals`, exactly: `Quantity(125, decimals: 1)` is 12.5. `decimals` is 0…6.
    public init(_ value: Int, decimals: Int) {
        precondition((0...Self.maximumWrittenDecimals).contains(decimals), "at most six decimal places")
        var factor: Int128 = 1
        for _ in decimals..<Self.maximumDecimals { factor *= 10 }
        units = Int128(value) * factor
    }

    /// ASCII digits with at most one `.` between digits (`12`, `0.5`, `007.250`); nil for anything else,
    /// for more than six decimal places (never rounded) and for more than 18 whole digits.
    public init?(digits: some Collection<UInt8>) {
        var whole: Int128 = 0
        var wholeDigits = 0
        var fraction: Int128 = 0
        var fractionDigits = 0
        var seenPoint = false
        var any = false
        for byte in digits {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                any = true
                let digit = Int128(byte &- UInt8(ascii: "0"))
                if seenPoint {
                    fractionDigits += 1
                    if fractionDigits > Self.maximumWrittenDecimals { return nil }
                    fraction = fraction * 10 + digit
                } else {
                    if whole != 0 || digit != 0 { wholeDigits += 1 }
                    if wholeDigits > Self.maximumWholeDigits { return nil }
                    whole = whole * 10 + digit
                }
            case UInt8(ascii: "."):
                if seenPoint || !any { return nil }
                seenPoint = true
            default: return nil
            }
        }
        if !any || (seenPoint && fractionDigits == 0) { return nil }
        for _ in fractionDigits..<Self.maximumDecimals { fraction *= 10 }
        units = whole * Self.scale + fraction
    }

    /// `init?(digits:)` of a string's UTF-8.
    public init?(string: some StringProtocol) { self.init(digits: string.utf8) }

    /// The number with no trailing zeros after the point: `12`, `12.5`, `-0.25`.
    public var description: String {
        let negative = units < 0
        let magnitude = negative ? -units : units
        var text = negative ? "-" : ""
        text += String(magnitude / Self.scale)
        var fraction = magnitude % Self.scale
        if fraction != 0 {
            var digits = Self.maximumDecimals
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.utf8.count) + fractionText
        }
        return text
    }

    public static func < (a: Quantity, b: Quantity) -> Bool { a.units < b.units }
    public static func + (a: Quantity, b: Quantity) -> Quantity { Quantity(units: a.units + b.units) }
    public static func - (a: Quantity, b: Quantity) -> Quantity { Quantity(units: a.units - b.units) }
    public static prefix func - (a: Quantity) -> Quantity { Quantity(units: -a.units) }
    public static func += (a: inout Quantity, b: Quantity) { a.units += b.units }
    /// The quantity times a whole number.
    public static func * (a: Quantity, b: Int) -> Quantity { Quantity(units: a.units * Int128(b)) }

    /// An amount in 元 as 万元: exact for every quantity read from a cell (at most six decimal places).
    public var tenThousandth: Quantity { Quantity(units: units / 10_000) }
    public static func -= (a: inout Quantity, b: Quantity) { a.units -= b.units }

    /// `part` ÷ `whole` in tenths of a per cent (`233` is 23.3 %), rounded half away from zero, exactly;
    /// nil for a zero `whole` or a result of 10¹⁵ tenths or more (a base of 0.000001 and the like,
    /// which means nothing as a per cent).
    public static func tenthsOfPercent(_ part: Quantity, of whole: Quantity) -> Int? {
        guard whole.units != 0 else { return nil }
        let numerator = part.units * 1000
        let base = whole.units
        var quotient = numerator / base
        let remainder = numerator % base
        if 2 * remainder.magnitude >= base.magnitude { quotient += (numerator < 0) == (base < 0) ? 1 : -1 }
        guard quotient.magnitude < 1_000_000_000_000_000 else { return nil }
        return Int(quotient)
    }
}
