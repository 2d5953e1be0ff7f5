/// A unit written after a number in a cell: `44件`, `251000元`, `25.1万元`.
enum UnitSuffix: String, Sendable {
    /// 件, 个, 项, 条, 次, 人, 宗, 例, 份, 家, 起: a count.
    case count
    /// 元.
    case yuan
    /// 万元.
    case tenThousandYuan
    /// 亿元.
    case hundredMillionYuan

    var isMoney: Bool { self != .count }
}

/// What a cell's text reads as before it is matched to a column.
struct CellReading: Sendable, Hashable {
    var value: CellValue
    /// The unit written after the number, if any.
    var suffix: UnitSuffix?
    /// True when the number was written with a sign (`+3`, `-2`).
    var signed: Bool = false
}

/// Reads what one table cell holds. Strict: a number is digits with at most one decimal point, an
/// optional sign and an optional unit after it; anything else that is not a blank or a not-applicable
/// mark is not a value (and is never guessed at).
enum CellText {
    /// The cell's value, or nil when the text is not a value at all (a label, a sentence).
    static func value<S: StringProtocol>(_ text: S) -> CellValue? {
        read(text)?.value
    }

    /// The cell's value with the unit and sign it was written with, or nil for text.
    static func read<S: StringProtocol>(_ text: S) -> CellReading? {
        read(trimmed: LabelText.trim(text))
    }

    /// `read` of text already trimmed (`LabelText.trim`), as a token's text is.
    static func read(trimmed: Substring) -> CellReading? {
        if trimmed.isEmpty { return CellReading(value: .blank) }
        // Nothing longer is a cell value; this also keeps a 5 MB line from being scanned twice.
        if trimmed.utf8.count > 64 { return nil }
        if isNotApplicable(trimmed) { return CellReading(value: .notApplicable) }
        if let number = number(trimmed) {
            return number < countLimit ? CellReading(value: .number(number)) : CellReading(value: .unreadable)
        }
        var body = trimmed
        let suffix = stripSuffix(&body)
        var negative = false
        var signed = false
        if let first = body.unicodeScalars.first {
            switch first {
            case "+", "＋": signed = true
            case "-", "－", "−": signed = true; negative = true
            default: break
            }
            if signed { body = Substring(body.unicodeScalars.dropFirst()) }
        }
        guard suffix != nil || signed, let number = number(LabelText.trim(body)) else { return nil }
        guard number < countLimit else { return CellReading(value: .unreadable, suffix: suffix, signed: signed) }
        return CellReading(value: .number(negative ? -number : number), suffix: suffix, signed: signed)
    }

    /// What `read(trimmed:)` gives for the UTF-8 bytes of trimmed text, when the bytes alone decide
    /// it without a `Quantity` comparison: the common cells (empty, ASCII digits) and text that cannot
    /// be a value (its first scalar starts no number, sign or not-applicable mark). Nil when only
    /// `read(trimmed:)` can tell. O(n).
    static func quickRead(_ bytes: UnsafeBufferPointer<UInt8>) -> CellReading?? {
        let count = bytes.count
        if count == 0 { return .some(CellReading(value: .blank)) }
        if count > 64 { return .some(nil) }
        let first = bytes[0]
        if first >= 0x30 && first <= 0x39 {
            var value: UInt64 = 0
            for byte in bytes {
                guard byte >= 0x30 && byte <= 0x39 else { return startsLabel(bytes) }
                value = value &* 10 &+ UInt64(byte - 0x30)  // wraps only past 18 digits, not read below
            }
            guard count <= 18 else { return nil }
            // 10¹² is `countLimit`.
            guard value < 1_000_000_000_000 else { return .some(CellReading(value: .unreadable)) }
            return .some(CellReading(value: .number(Quantity(Int(value)))))
        }
        switch first {
        case 0x2B, 0x2D, 0x2F, 0x5C: return nil  // + - / \
        case 0xE2, 0xE3, 0xE6, 0xE7, 0xEF:
            guard count >= 3 else { return nil }
            let v = UInt32(first & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
            switch v {
            // – — ― −, 、, 无, 無, and the full-width ＋ － ／ and digits.
            case 0x2013...0x2015, 0x2212, 0x3001, 0x65E0, 0x7121, 0xFF0B, 0xFF0D, 0xFF0F, 0xFF10...0xFF19: return nil
            default: return .some(nil)
            }
        default: return .some(nil)
        }
    }

    /// For text that starts with an ASCII digit and is not all digits (`1.属于国家秘密`): nil (not a
    /// value) when its last scalar is no unit (so no unit or sign is stripped) and some scalar is none
    /// that `number` reads (so it is no number either); otherwise nil, undecided (`.none` for the
    /// caller: `read(trimmed:)` decides). O(n).
    private static func startsLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> CellReading?? {
        var lead = bytes.count - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        var index = lead
        switch LabelText.decode(bytes, at: &index) {
        // 件 个 項 项 条 條 次 人 宗 例 份 家 起 個 元 (`stripSuffix`).
        case 0x4EF6, 0x4E2A, 0x9805, 0x9879, 0x6761, 0x689D, 0x6B21, 0x4EBA, 0x5B97, 0x4F8B, 0x4EFD, 0x5BB6, 0x8D77, 0x500B,
            0x5143:
            return nil
        default: break
        }
        index = 0
        while index < bytes.count {
            switch LabelText.decode(bytes, at: &index) {
            case 0x30...0x39, 0x2E, 0x2C, 0x20, 0xA0, 0x3000, 0xFF10...0xFF19, 0xFF0E, 0xFF0C: continue
            default: return .some(nil)
            }
        }
        return nil
    }

    /// The smallest number no cell holds: 10¹². No agency decides, receives or charges (in 万元) that
    /// many of anything; a longer digit string is an account or ID number typed into the cell, or
    /// digits run together, and is read as *unreadable* (never as a count).
    static let countLimit = Quantity(1_000_000_000_000)

    /// True when the cell's text is a digit string too large for a count (`countLimit` or more):
    /// what makes `read` give `unreadable` rather than a number.
    static func isTooLarge<S: StringProtocol>(_ text: S) -> Bool {
        let trimmed = LabelText.trim(text)
        var body = trimmed
        _ = stripSuffix(&body)
        if let first = body.unicodeScalars.first, "+＋-－−".unicodeScalars.contains(first) {
            body = Substring(body.unicodeScalars.dropFirst())
        }
        guard let number = number(LabelText.trim(body)) else { return false }
        return number >= countLimit
    }

    /// Removes a unit written after the number and returns it.
    private static func stripSuffix(_ text: inout Substring) -> UnitSuffix? {
        let scalars = text.unicodeScalars
        guard let last = scalars.last else { return nil }
        var end = scalars.index(before: scalars.endIndex)
        var suffix: UnitSuffix
        switch last {
        case "件", "个", "項", "项", "条", "條", "次", "人", "宗", "例", "份", "家", "起", "個": suffix = .count
        case "元":
            suffix = .yuan
            if end > scalars.startIndex {
                let before = scalars.index(before: end)
                switch scalars[before] {
                case "万", "萬": suffix = .tenThousandYuan; end = before
                case "亿", "億": suffix = .hundredMillionYuan; end = before
                default: break
                }
            }
        default: return nil
        }
        text = Substring(scalars[scalars.startIndex..<end])
        return suffix
    }

    /// `/`, `／`, `—`, `——`, `-`, `－`, `–`, `无`, `\\`. Compared as UTF-8 bytes, which is exact here:
    /// no other text is canonically equivalent to any of these marks.
    static func isNotApplicable(_ text: Substring) -> Bool {
        let length = text.utf8.count
        guard length > 0 && length <= 6 else { return false }
        let packed = pack(text.utf8)
        for mark in notApplicableMarks where mark == packed { return true }
        return false
    }

    /// Up to seven bytes and their count in one integer (count in the top byte), so that a mark is
    /// compared in one step.
    private static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var packed = UInt64(bytes.count) << 56
        var shift: UInt64 = 0
        for byte in bytes {
            packed |= UInt64(byte) << shift
            shift += 8
        }
        return packed
    }

    private static let notApplicableMarks: [UInt64] = [
        "/", "／", "—", "——", "-", "－", "–", "无", "無", "\\", "、", "--", "－－", "―",
    ].map { pack($0.utf8) }

    /// Digits (ASCII or full-width) with at most one `.`; spaces inside are ignored, as are thousands
    /// separators in the `1,234` shape. Returns nil for anything else. Collects the digits in a stack
    /// buffer (at most 64 scalars are read).
    static func number(_ text: Substring) -> Quantity? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { digits in
            var length = 0
            var seenPoint = false
            var digitsSinceComma = -1
            var count = 0
            for scalar in text.unicodeScalars {
                count += 1
                if count > 64 { return nil }
                var v = scalar.value
                if v >= 0xFF10 && v <= 0xFF19 { v -= 0xFEE0 }  // full-width digits
                switch v {
                case 0x30...0x39:
                    digits[length] = UInt8(v)
                    length += 1
                    if digitsSinceComma >= 0 { digitsSinceComma += 1 }
                case 0x2E, 0xFF0E:
                    if seenPoint || length == 0 { return nil }
                    if digitsSinceComma >= 0 && digitsSinceComma != 3 { return nil }
                    digitsSinceComma = -1
                    seenPoint = true
                    digits[length] = 0x2E
                    length += 1
                case 0x2C, 0xFF0C:
                    if seenPoint || length == 0 || (digitsSinceComma >= 0 && digitsSinceComma != 3) { return nil }
                    if digitsSinceComma < 0 && length > 3 { return nil }  // `1234,567` is not a thousands group
                    digitsSinceComma = 0
                case 0x20, 0xA0, 0x3000: continue
                default: return nil
                }
            }
            if length == 0 || digits[length - 1] == 0x2E { return nil }
            if digitsSinceComma >= 0 && digitsSinceComma != 3 { return nil }
            let written = UnsafeBufferPointer(rebasing: digits[..<length])
            if let value = Quantity(digits: written) { return value }
            // More whole digits than a Quantity reads is an account or ID number: as large as
            // `countLimit` at least, which every caller reads as unreadable. More than six decimal
            // places is not a number a cell holds: nil, so the cell is never a rounded value.
            let point = written.firstIndex(of: 0x2E) ?? length
            let wholeDigits = written[..<point].drop { $0 == 0x30 }.count
            return wholeDigits > Quantity.maximumWholeDigits ? countLimit : nil
        }
    }
}
