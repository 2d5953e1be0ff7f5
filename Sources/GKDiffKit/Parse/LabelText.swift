/// Normalisation of labels and headings so that what a report writes matches what the template says:
/// full-width folded to half-width, spaces and quotes removed, numbering such as `（三）`, `3、`, `1.` dropped.
/// Scans unicode scalars with switches (this runs on every line).
enum LabelText {
    /// Full-width ASCII folded to ASCII, every kind of space and every quote mark removed, `**` removed.
    /// Scans the UTF-8 bytes and writes the result straight into the new string's storage (the output
    /// is never longer than the input: folding only shortens, and traditional and simplified characters
    /// are both three bytes). O(n).
    static func fold<S: StringProtocol>(_ text: S) -> String {
        if let folded = text.utf8.withContiguousStorageIfAvailable(fold) { return folded }
        return Array(text.utf8).withUnsafeBufferPointer(fold)
    }

    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: bytes.count) { out in fold(bytes, into: out) }
    }

    /// `fold` of valid UTF-8 bytes written into `out`, which holds at least `bytes.count` bytes;
    /// returns how many it wrote. O(n), no allocation.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let membership = Traditional.membership
        var count = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                // ASCII: spaces, quotes and `*` dropped, the rest copied.
                index += 1
                switch lead {
                case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x2A: continue
                default:
                    out[count] = lead
                    count += 1
                    continue
                }
            }
            if lead >= 0xE4 && lead <= 0xE9 {
                // U+4000…U+9FFF, nearly all CJK ideographs: only the traditional table applies.
                let b1 = bytes[index + 1]
                let b2 = bytes[index + 2]
                index += 3
                let v = UInt32(lead & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                if v >= 0x4E00, case let simple = Traditional.simplified(v, in: membership), simple != v {
                    count += encode(simple, into: out, at: count)
                    continue
                }
                out[count] = lead
                out[count + 1] = b1
                out[count + 2] = b2
                count += 3
                continue
            }
            let start = index
            var v = decode(bytes, at: &index)
            if v >= 0x10000 {
                // Four-byte scalars are never folded or skipped: copy them.
                for k in 0..<4 { out[count + k] = bytes[start + k] }
                count += 4
                continue
            }
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII
            switch v {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x2002...0x200B, 0x2028, 0x2029, 0xFEFF: continue  // spaces
            case 0x22, 0x27, 0x2A, 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F: continue  // quotes, *
            default: break
            }
            if v >= 0x4E00 { v = Traditional.simplified(v, in: membership) }
            count += encode(v, into: out, at: count)
        }
        return count
    }

    /// `headingKey` of a text's UTF-8 bytes, written into `out` (at least `bytes.count` long); returns
    /// its length, or nil when the key holds a scalar outside `isPlain`'s set, for which only `String`
    /// comparison (canonical equivalence) is exact. For plain keys, equal bytes is equal strings.
    /// O(n), no allocation.
    static func plainHeadingKey(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let count = fold(bytes, into: out)
        guard isPlain(UnsafeBufferPointer(rebasing: out[..<count])) else { return nil }
        var read = numberingLength(UnsafeBufferPointer(rebasing: out[..<count]))
        var write = 0
        while read < count {
            let lead = out[read]
            if lead < 0x80 {
                read += 1
                switch lead {
                case 0x2C, 0x3A, 0x2E, 0x3B: continue  // , : . ;
                default:
                    out[write] = lead
                    write += 1
                }
                continue
            }
            // Plain: every other scalar is three bytes.
            let b1 = out[read + 1]
            let b2 = out[read + 2]
            read += 3
            if lead == 0xE3 && b1 == 0x80 && (b2 == 0x81 || b2 == 0x82) { continue }  // 、 。
            if lead == 0xEF && b1 == 0xBC && b2 == 0x8C { continue }  // ，
            out[write] = lead
            out[write + 1] = b1
            out[write + 2] = b2
            write += 3
        }
        return write
    }

    /// How many bytes `stripNumbering` removes from the front of folded, plain UTF-8. O(length of the
    /// numbering).
    static func numberingLength(_ s: UnsafeBufferPointer<UInt8>) -> Int {
        /// The byte length of the numeral at `i`, or 0.
        func numeral(at i: Int) -> Int {
            guard i < s.count else { return 0 }
            let lead = s[i]
            if lead >= 0x30 && lead <= 0x39 { return 1 }
            guard lead >= 0xE0 && lead < 0xF0 && i + 2 < s.count else { return 0 }
            let v = UInt32(lead & 0x0F) << 12 | UInt32(s[i + 1] & 0x3F) << 6 | UInt32(s[i + 2] & 0x3F)
            switch v {
            case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: return 3
            default: return 0
            }
        }
        guard !s.isEmpty else { return 0 }
        if s[0] == 0x28 || s[0] == 0x5B {  // ( [
            var end = 1
            while case let size = numeral(at: end), size > 0 { end += size }
            if end > 1, end < s.count, s[end] == 0x29 || s[end] == 0x5D { return end + 1 }
            return 0
        }
        var end = 0
        while case let size = numeral(at: end), size > 0 { end += size }
        guard end > 0, end < s.count else { return 0 }
        switch s[end] {
        case 0x2E, 0x2C: return end + 1  // . ,
        case 0xE3 where end + 2 < s.count && s[end + 1] == 0x80 && s[end + 2] == 0x81: return end + 3  // 、
        case 0xEF where end + 2 < s.count && s[end + 1] == 0xBC && (s[end + 2] == 0x8C || s[end + 2] == 0x8E):
            return end + 3  // ， ．
        default: return 0
        }
    }

    /// The scalar value of the valid UTF-8 sequence at `index`, which moves past it.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32 {
        let lead = bytes[index]
        if lead < 0x80 {
            index += 1
            return UInt32(lead)
        }
        if lead < 0xE0 {
            defer { index += 2 }
            return UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        }
        if lead < 0xF0 {
            defer { index += 3 }
            return UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        }
        defer { index += 4 }
        return UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F)
    }

    /// Writes the UTF-8 bytes of scalar value `v` (below 0x10000) at `index`; returns how many.
    @inline(__always)
    private static func encode(_ v: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        if v < 0x80 {
            out[index] = UInt8(v)
            return 1
        }
        if v < 0x800 {
            out[index] = UInt8(0xC0 | v >> 6)
            out[index + 1] = UInt8(0x80 | v & 0x3F)
            return 2
        }
        out[index] = UInt8(0xE0 | v >> 12)
        out[index + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
        out[index + 2] = UInt8(0x80 | v & 0x3F)
        return 3
    }

    /// `fold` and then the leading numbering removed: `（三）不予公开` → `不予公开`, `3、收到…` → `收到…`,
    /// `1.属于国家秘密` → `属于国家秘密`, `三、本年度办理结果` → `本年度办理结果`.
    static func key<S: StringProtocol>(_ text: S) -> String {
        if let key = text.utf8.withContiguousStorageIfAvailable(key) { return key }
        return stripNumbering(fold(text))
    }

    /// `key` of valid UTF-8 bytes, folded and stripped in the new string's own storage.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            let count = fold(bytes, into: out)
            let drop = numberingLength(UnsafeBufferPointer(rebasing: out[..<count]))
            if drop > 0 {
                for index in drop..<count { out[index - drop] = out[index] }
            }
            return count - drop
        }
    }

    /// A heading's key: `key` with the punctuation inside removed (`、，,：:。`), so that
    /// `政府信息公开行政复议、行政诉讼情况` and `…复议和行政诉讼…` variants compare on their words.
    static func headingKey<S: StringProtocol>(_ text: S) -> String {
        let key = self.key(text)
        let scalars = key.unicodeScalars
        // Most keys have no such mark: keep the string as it is.
        guard scalars.contains(where: isHeadingPunctuation) else { return key }
        return string(scalars.filter { !isHeadingPunctuation($0) })
    }

    /// 、 , ， : 。 . ;
    private static func isHeadingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3001, 0x2C, 0xFF0C, 0x3A, 0x3002, 0x2E, 0x3B: return true
        default: return false
        }
    }

    /// The text's unicode scalars as an array, decoded from its UTF-8 bytes in place
    /// (`Array(text.unicodeScalars)` counts the scalars first and then walks them again). O(n).
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }  // lead bytes: one per scalar
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(count)
            var index = 0
            while index < bytes.count {
                let v = decode(bytes, at: &index)
                scalars.append(Unicode.Scalar(v)!)  // valid UTF-8 decodes to valid scalars
            }
            return scalars
        }
    }

    /// A string of the scalars, written as UTF-8 straight into its storage (appending scalar by scalar
    /// to a `String.UnicodeScalarView` costs several hundred instructions each). O(n).
    static func string<C: Collection<Unicode.Scalar>>(_ scalars: C) -> String {
        if scalars.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: scalars.count * 4) { out in
            var count = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x10000 {
                    count += encode(v, into: out, at: count)
                } else {
                    out[count] = UInt8(0xF0 | v >> 18)
                    out[count + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                    out[count + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
                    out[count + 3] = UInt8(0x80 | v & 0x3F)
                    count += 4
                }
            }
            return count
        }
    }

    /// Removes one leading numbering: Chinese or Arabic numerals followed by `、` `.` `，`, or in brackets.
    /// O(length of the numbering), plus one copy of the rest when something is removed.
    static func stripNumbering(_ folded: String) -> String {
        let scalars = folded.unicodeScalars
        let endIndex = scalars.endIndex
        var start = scalars.startIndex
        guard start < endIndex else { return folded }
        if scalars[start] == "(" || scalars[start] == "[" {
            var end = scalars.index(after: start)
            let first = end
            while end < endIndex, isNumeral(scalars[end]) { end = scalars.index(after: end) }
            if end > first, end < endIndex, scalars[end] == ")" || scalars[end] == "]" {
                start = scalars.index(after: end)
            }
        } else {
            var end = start
            while end < endIndex, isNumeral(scalars[end]) { end = scalars.index(after: end) }
            if end > start, end < endIndex {
                switch scalars[end] {
                case "、", ".", ",", "，", "．": start = scalars.index(after: end)
                default: break
                }
            }
        }
        guard start > scalars.startIndex else { return folded }
        return String(scalars[start...])
    }

    /// True when the text starts with a subsection's numbering, below the template's section level:
    /// `（二）`, `(二)`, `(1)`, `【一】`, `1.`, `2．`, `二）`. A section is numbered `三、` (or `3、` when Word's
    /// automatic numbering was lost) or not at all, so `(二)依申请公开情况` or `1.主动公开情况` inside
    /// 一、总体情况 is never taken for section 三 or 二.
    static func startsWithSubsectionNumbering<S: StringProtocol>(_ text: S) -> Bool {
        let prefix = firstCharacters(text, 8)
        // Folded into a buffer on the stack and read there: no string made.
        let decided = prefix.utf8.withContiguousStorageIfAvailable { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { out -> Bool in
                let count = fold(bytes, into: out)
                return startsWithSubsectionNumbering(folded: UnsafeBufferPointer(rebasing: out[..<count]))
            }
        }
        if let decided { return decided }
        var folded = fold(prefix)
        return folded.withUTF8 { startsWithSubsectionNumbering(folded: $0) }
    }

    /// `startsWithSubsectionNumbering` of the folded UTF-8 of a text's first eight characters.
    private static func startsWithSubsectionNumbering(folded bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        var index = 0
        switch decode(bytes, at: &index) {
        case 0x28, 0x5B, 0x3010, 0x3014, 0x3C, 0x3008, 0x300A: return true  // ( [ 【 〔 < 〈 《
        default: break
        }
        index = 0
        var digits = 0
        var chinese = 0
        while index < bytes.count {
            var next = index
            let value = decode(bytes, at: &next)
            guard let scalar = Unicode.Scalar(value), isNumeral(scalar) else { break }
            if value < 0x80 { digits += 1 } else { chinese += 1 }
            index = next
        }
        guard digits + chinese > 0, index < bytes.count else { return false }
        switch decode(bytes, at: &index) {
        case 0x29, 0x5D: return true  // ) ]
        case 0x2E: return digits > 0 && chinese == 0  // .
        default: return false
        }
    }

    /// `text.prefix(count)`: found on the UTF-8 when each of the first `count` + 1 scalars is a
    /// character of its own whatever stands around it (printable ASCII, CJK ideographs and
    /// punctuation, full-width forms, curly quotes: no grapheme rule joins two of them), without
    /// walking characters; else by `prefix`. O(count).
    static func firstCharacters<S: StringProtocol>(_ text: S, _ count: Int) -> S.SubSequence {
        let end = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var index = 0
            var scalars = 0
            while index < bytes.count {
                let start = index
                switch decode(bytes, at: &index) {
                case 0x20...0x7E, 0x2018, 0x2019, 0x201C, 0x201D, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF,
                    0xFF01...0xFF5E:
                    if scalars == count { return start }
                    scalars += 1
                default: return nil
                }
            }
            return bytes.count
        }
        if let end, let end {
            return text[..<text.utf8.index(text.utf8.startIndex, offsetBy: end)]
        }
        return text.prefix(count)
    }

    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": return true
        default: return false
        }
    }

    /// True for scalars that are space-like (ASCII, no-break, ideographic, zero-width).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        isSpace(scalar.value)
    }

    /// `isSpace` of a scalar value.
    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002...0x200B, 0x2028, 0x2029, 0xFEFF: return true
        default: return false
        }
    }

    /// True when the two strings have the same UTF-8 bytes: `==` for plain strings (`isPlain`). O(n).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    /// True when every scalar is ASCII, CJK punctuation (U+3000…3029, 302F…303F — the tone marks
    /// U+302A…302E combine), a CJK unified ideograph (U+4E00…9FFF) or a full-width form (U+FF00…FFEF):
    /// scalars without canonical decomposition that combine with nothing, so that a string of them is
    /// its own normal form. O(n).
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlain($0) }
    }

    /// `isPlain` of valid UTF-8 bytes.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard lead >= 0xE0 && lead < 0xF0 && index + 2 < bytes.count else { return false }
            let v = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            switch v {
            case 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF: index += 3
            default: return false
            }
        }
        return true
    }

    /// True when `needle` occurs in `text`, compared as UTF-8 bytes (exact for valid UTF-8, where no
    /// character's bytes start inside another's). The standard `contains` builds a searcher on every
    /// call, far too slow for every token against every header word. O(n·m), no allocation.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { t in needle.withUTF8 { n in firstMatch(t, n, prefixOnly: false) } }
    }

    /// `contains(_:_:)` of UTF-8 bytes.
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { firstMatch(text, $0, prefixOnly: false) }
    }

    /// True when `text` starts with `prefix`, compared as UTF-8 bytes.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        var text = text
        var prefix = prefix
        return text.withUTF8 { t in prefix.withUTF8 { n in firstMatch(t, n, prefixOnly: true) } }
    }

    private static func firstMatch(_ t: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, prefixOnly: Bool) -> Bool {
        if n.isEmpty { return true }
        if n.count > t.count { return false }
        let last = prefixOnly ? 0 : t.count - n.count
        var i = 0
        while i <= last {
            if t[i] == n[0] {
                var j = 1
                while j < n.count && t[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }

    /// True when the text has at most `limit` unicode scalars; stops counting there, so it is O(limit)
    /// even on a 5 MB line.
    static func isShort<S: StringProtocol>(_ text: S, limit: Int) -> Bool {
        // A scalar is one to four UTF-8 bytes: the byte count (O(1) for native strings) mostly decides.
        let bytes = text.utf8.count
        if bytes <= limit { return true }
        if bytes > 4 * limit { return false }
        // Native text: count the lead bytes in place.
        let counted = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            var count = 0
            for byte in utf8 where byte & 0xC0 != 0x80 { count += 1 }
            return count <= limit
        }
        if let counted { return counted }
        var count = 0
        for _ in text.unicodeScalars {
            count += 1
            if count > limit { return false }
        }
        return true
    }

    /// The byte offsets `trim` keeps of valid UTF-8: from the first scalar that is not a space to the
    /// end of the last one.
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var start = 0
        var end = bytes.count
        while start < end {
            var index = start
            guard isSpace(decode(bytes, at: &index)) else { break }
            start = index
        }
        while end > start {
            var lead = end - 1
            while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            var index = lead
            guard isSpace(decode(bytes, at: &index)) else { break }
            end = lead
        }
        return (start, end)
    }

    /// The text without leading and trailing spaces of any kind.
    static func trim<S: StringProtocol>(_ text: S) -> Substring {
        let text = Substring(text)
        // Native text: decided on the bytes at each end (nearly always a single look at each).
        let offsets = text.utf8.withContiguousStorageIfAvailable(trimmedRange)
        if let (start, end) = offsets {
            if start == 0 && end == text.utf8.count { return text }
            let utf8 = text.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: start)
            let to = utf8.index(utf8.startIndex, offsetBy: end)
            return text[from..<to]
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }
}

/// The traditional characters of the template's labels, headings and title words (and common ones
/// around them), mapped to simplified ones scalar for scalar, so that a report mirrored through a Big5
/// gateway reads like the original. Only labels are folded; narrative text stays as written.
enum Traditional {
    /// The simplified form of a traditional character in the table; any other scalar as it is.
    static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0x4E00 else { return scalar }
        return Unicode.Scalar(simplified(scalar.value)) ?? scalar
    }

    /// The simplified form of a scalar value: a bit test for the common case (not in the table), else
    /// a binary search. O(log n), no hashing.
    @inline(__always)
    static func simplified(_ value: UInt32) -> UInt32 {
        simplified(value, in: membership)
    }

    /// Which scalars are in the table: one bit each from `first` on. Fetched once before a loop and
    /// passed to `simplified(_:in:)`, so that the loop does not go through the static's accessor
    /// (a `swift_once` check) for every scalar.
    struct Membership: @unchecked Sendable {
        let bits: UnsafeBufferPointer<UInt64>
        let first: UInt32
    }

    /// The table's `Membership`.
    static let membership = Membership(bits: bits, first: first)

    /// `simplified(_:)` with the membership bits at hand.
    @inline(__always)
    static func simplified(_ value: UInt32, in membership: Membership) -> UInt32 {
        let bits = membership.bits
        guard value >= membership.first, case let offset = Int(value - membership.first), offset >> 6 < bits.count,
            bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
        else { return value }
        return lookup(value)
    }

    private static func lookup(_ value: UInt32) -> UInt32 {
        let keys = sorted.keys
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < value { low = middle + 1 } else { high = middle }
        }
        return sorted.values[low]
    }

    /// The table sorted by traditional scalar ("a later pair wins", as it always has): `table(of: pairs)`
    /// written out, so that nothing is sorted at start-up (a test checks the two agree).
    private static let sorted: (keys: [UInt32], values: [UInt32]) = (sortedKeys, sortedValues)

    /// The traditional scalars of `pairs`, ascending.
    static let sortedKeys: [UInt32] = [
        0x4E26, 0x4F86, 0x4FC2, 0x500B, 0x5011, 0x5099, 0x50B3, 0x50C5, 0x50F9, 0x5104, 0x512A, 0x5152,
        0x5167, 0x5169, 0x5283, 0x52D5, 0x52D9, 0x52E2, 0x5340, 0x5354, 0x54E1, 0x554F, 0x55AE, 0x570B,
        0x570D, 0x5712, 0x5716, 0x5718, 0x57F7, 0x5831, 0x5834, 0x5920, 0x5B78, 0x5BE6, 0x5BE9, 0x5C07,
        0x5C08, 0x5C0D, 0x5C0E, 0x5C46, 0x5C6C, 0x5CEF, 0x5EE2, 0x5EE3, 0x5F37, 0x5F8C, 0x5F91, 0x5FA9,
        0x5FB9, 0x614B, 0x6176, 0x61C9, 0x6230, 0x6236, 0x63A1, 0x64CA, 0x64DA, 0x6578, 0x65BC, 0x66C6,
        0x66F8, 0x6703, 0x6771, 0x689D, 0x696D, 0x6975, 0x69CB, 0x6A19, 0x6A5F, 0x6B04, 0x6B0A, 0x6B72,
        0x6B77, 0x6B78, 0x6C7A, 0x6C92, 0x6CC1, 0x6E1B, 0x6E96, 0x6FDF, 0x6FF1, 0x707D, 0x70BA, 0x7121,
        0x71B1, 0x71DF, 0x722D, 0x7232, 0x7368, 0x7372, 0x73FE, 0x74B0, 0x7522, 0x756B, 0x7576, 0x7642,
        0x767C, 0x78BA, 0x7955, 0x7A05, 0x7A2E, 0x7A31, 0x7A4D, 0x7A69, 0x7BC0, 0x7BC4, 0x7C21, 0x7CFE,
        0x7D00, 0x7D04, 0x7D0D, 0x7D10, 0x7D14, 0x7D1A, 0x7D30, 0x7D42, 0x7D44, 0x7D50, 0x7D61, 0x7D66,
        0x7D71, 0x7D93, 0x7D9C, 0x7DA0, 0x7DAB, 0x7DAD, 0x7DB2, 0x7DCA, 0x7DDA, 0x7DE8, 0x7DF4, 0x7E23,
        0x7E3D, 0x7E3E, 0x7E54, 0x7E6B, 0x7E73, 0x7E7C, 0x7E8C, 0x7F70, 0x7FA9, 0x7FD2, 0x806F, 0x807D,
        0x8207, 0x8209, 0x820A, 0x83EF, 0x842C, 0x8655, 0x865F, 0x885B, 0x885D, 0x88CF, 0x88DC, 0x88E1,
        0x88FD, 0x8907, 0x8986, 0x898B, 0x898F, 0x8996, 0x89BD, 0x89C0, 0x89F8, 0x8A02, 0x8A08, 0x8A0A,
        0x8A1F, 0x8A2A, 0x8A2D, 0x8A31, 0x8A34, 0x8A55, 0x8A62, 0x8A71, 0x8A8D, 0x8ABF, 0x8ACB, 0x8AEE,
        0x8B00, 0x8B49, 0x8B58, 0x8B70, 0x8B77, 0x8B8A, 0x8B93, 0x8CA0, 0x8CAB, 0x8CAC, 0x8CB7, 0x8CBB,
        0x8CBC, 0x8CC7, 0x8CE3, 0x8CEA, 0x8CFC, 0x8ECA, 0x8ECD, 0x8F2F, 0x8F49, 0x8FA6, 0x8FAD, 0x8FB2,
        0x9019, 0x9031, 0x9032, 0x904B, 0x904E, 0x9054, 0x9055, 0x905E, 0x9069, 0x9078, 0x907A, 0x907C,
        0x9084, 0x908A, 0x908F, 0x90F5, 0x9109, 0x91AB, 0x9304, 0x93AE, 0x9577, 0x9580, 0x958B, 0x95B1,
        0x95DC, 0x967D, 0x968A, 0x969B, 0x96AA, 0x96DC, 0x96E2, 0x96E3, 0x96FB, 0x97FF, 0x9801, 0x9805,
        0x9818, 0x982D, 0x984C, 0x984D, 0x985E, 0x986F, 0x9918, 0x9A57, 0x9AD4, 0x9EDE, 0x9EE8, 0x9F4A,
        0x9F8D,
    ]

    /// The simplified scalar of each of `sortedKeys`.
    static let sortedValues: [UInt32] = [
        0x5E76, 0x6765, 0x7CFB, 0x4E2A, 0x4EEC, 0x5907, 0x4F20, 0x4EC5, 0x4EF7, 0x4EBF, 0x4F18, 0x513F,
        0x5185, 0x4E24, 0x5212, 0x52A8, 0x52A1, 0x52BF, 0x533A, 0x534F, 0x5458, 0x95EE, 0x5355, 0x56FD,
        0x56F4, 0x56ED, 0x56FE, 0x56E2, 0x6267, 0x62A5, 0x573A, 0x591F, 0x5B66, 0x5B9E, 0x5BA1, 0x5C06,
        0x4E13, 0x5BF9, 0x5BFC, 0x5C4A, 0x5C5E, 0x5CF0, 0x5E9F, 0x5E7F, 0x5F3A, 0x540E, 0x5F84, 0x590D,
        0x5F7B, 0x6001, 0x5E86, 0x5E94, 0x6218, 0x6237, 0x91C7, 0x51FB, 0x636E, 0x6570, 0x4E8E, 0x5386,
        0x4E66, 0x4F1A, 0x4E1C, 0x6761, 0x4E1A, 0x6781, 0x6784, 0x6807, 0x673A, 0x680F, 0x6743, 0x5C81,
        0x5386, 0x5F52, 0x51B3, 0x6CA1, 0x51B5, 0x51CF, 0x51C6, 0x6D4E, 0x6EE8, 0x707E, 0x4E3A, 0x65E0,
        0x70ED, 0x8425, 0x4E89, 0x4E3A, 0x72EC, 0x83B7, 0x73B0, 0x73AF, 0x4EA7, 0x753B, 0x5F53, 0x7597,
        0x53D1, 0x786E, 0x79D8, 0x7A0E, 0x79CD, 0x79F0, 0x79EF, 0x7A33, 0x8282, 0x8303, 0x7B80, 0x7EA0,
        0x7EAA, 0x7EA6, 0x7EB3, 0x7EBD, 0x7EAF, 0x7EA7, 0x7EC6, 0x7EC8, 0x7EC4, 0x7ED3, 0x7EDC, 0x7ED9,
        0x7EDF, 0x7ECF, 0x7EFC, 0x7EFF, 0x7EBF, 0x7EF4, 0x7F51, 0x7D27, 0x7EBF, 0x7F16, 0x7EC3, 0x53BF,
        0x603B, 0x7EE9, 0x7EC7, 0x7CFB, 0x7F34, 0x7EE7, 0x7EED, 0x7F5A, 0x4E49, 0x4E60, 0x8054, 0x542C,
        0x4E0E, 0x4E3E, 0x65E7, 0x534E, 0x4E07, 0x5904, 0x53F7, 0x536B, 0x51B2, 0x91CC, 0x8865, 0x91CC,
        0x5236, 0x590D, 0x590D, 0x89C1, 0x89C4, 0x89C6, 0x89C8, 0x89C2, 0x89E6, 0x8BA2, 0x8BA1, 0x8BAF,
        0x8BBC, 0x8BBF, 0x8BBE, 0x8BB8, 0x8BC9, 0x8BC4, 0x8BE2, 0x8BDD, 0x8BA4, 0x8C03, 0x8BF7, 0x54A8,
        0x8C0B, 0x8BC1, 0x8BC6, 0x8BAE, 0x62A4, 0x53D8, 0x8BA9, 0x8D1F, 0x8D2F, 0x8D23, 0x4E70, 0x8D39,
        0x8D34, 0x8D44, 0x5356, 0x8D28, 0x8D2D, 0x8F66, 0x519B, 0x8F91, 0x8F6C, 0x529E, 0x8F9E, 0x519C,
        0x8FD9, 0x5468, 0x8FDB, 0x8FD0, 0x8FC7, 0x8FBE, 0x8FDD, 0x9012, 0x9002, 0x9009, 0x9057, 0x8FBD,
        0x8FD8, 0x8FB9, 0x903B, 0x90AE, 0x4E61, 0x533B, 0x5F55, 0x9547, 0x957F, 0x95E8, 0x5F00, 0x9605,
        0x5173, 0x9633, 0x961F, 0x9645, 0x9669, 0x6742, 0x79BB, 0x96BE, 0x7535, 0x54CD, 0x9875, 0x9879,
        0x9886, 0x5934, 0x9898, 0x989D, 0x7C7B, 0x663E, 0x4F59, 0x9A8C, 0x4F53, 0x70B9, 0x515A, 0x9F50,
        0x9F99,
    ]

    /// `pairs` as a table sorted by traditional scalar, the last of equal scalars winning; identity
    /// pairs left out. What `sortedKeys` and `sortedValues` hold.
    static func table(of pairs: [(Unicode.Scalar, Unicode.Scalar)]) -> (keys: [UInt32], values: [UInt32]) {
        // Sorted by scalar and then by position in `pairs`; the last of a run of equal scalars wins.
        var order: [UInt64] = []  // scalar << 32 | position: plain integers sort fast
        for (position, pair) in pairs.enumerated() where pair.0 != pair.1 {
            order.append(UInt64(pair.0.value) << 32 | UInt64(position))
        }
        order.sort()
        var keys: [UInt32] = []
        var values: [UInt32] = []
        for entry in order {
            let (traditional, simplified) = pairs[Int(entry & 0xFFFF_FFFF)]
            if keys.last == traditional.value {
                values[values.count - 1] = simplified.value
            } else {
                keys.append(traditional.value)
                values.append(simplified.value)
            }
        }
        return (keys, values)
    }

    /// The smallest traditional scalar in the table.
    private static let first: UInt32 = sorted.keys[0]

    /// Which scalars from `first` on are in the table, one bit each. Allocated once for the life of
    /// the process, so that the test on every CJK scalar touches no reference count.
    /// Never written after it is built, hence `nonisolated(unsafe)`.
    nonisolated(unsafe) private static let bits: UnsafeBufferPointer<UInt64> = {
        let keys = sorted.keys
        let words = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: Int(keys.last! - keys[0]) / 64 + 1)
        words.initialize(repeating: 0)
        for key in keys { words[Int(key - keys[0]) >> 6] |= 1 << UInt64(Int(key - keys[0]) & 63) }
        return UnsafeBufferPointer(words)
    }()

    /// Every character of the template's labels, section titles, title words and metadata words that
    /// has a traditional form, plus common ones around them. Pairs are (traditional, simplified).
    /// Edit here, then rewrite `sortedKeys` and `sortedValues` as `table(of: pairs)` gives them.
    static let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [
        ("開", "开"), ("資", "资"), ("訊", "讯"), ("請", "请"), ("處", "处"), ("結", "结"), ("轉", "转"),
        ("與", "与"), ("計", "计"), ("數", "数"), ("總", "总"), ("審", "审"), ("維", "维"), ("糾", "纠"),
        ("訴", "诉"), ("訟", "讼"), ("議", "议"), ("規", "规"), ("範", "范"), ("許", "许"), ("罰", "罚"),
        ("強", "强"), ("製", "制"), ("廢", "废"), ("費", "费"), ("額", "额"), ("萬", "万"), ("況", "况"),
        ("務", "务"), ("體", "体"), ("動", "动"), ("報", "报"), ("題", "题"), ("進", "进"), ("項", "项"),
        ("際", "际"), ("關", "关"), ("機", "机"), ("構", "构"), ("組", "组"), ("織", "织"), ("業", "业"),
        ("會", "会"), ("學", "学"), ("號", "号"), ("國", "国"), ("諮", "咨"), ("詢", "询"), ("權", "权"),
        ("內", "内"), ("為", "为"), ("無", "无"), ("現", "现"), ("復", "复"), ("補", "补"), ("確", "确"),
        ("類", "类"), ("級", "级"), ("區", "区"), ("縣", "县"), ("長", "长"), ("門", "门"), ("單", "单"),
        ("負", "负"), ("責", "责"), ("實", "实"), ("們", "们"), ("問", "问"), ("經", "经"), ("執", "执"),
        ("紀", "纪"), ("據", "据"), ("應", "应"), ("舉", "举"), ("設", "设"), ("統", "统"), ("營", "营"),
        ("環", "环"), ("義", "义"), ("險", "险"), ("穩", "稳"), ("護", "护"), ("屬", "属"), ("條", "条"),
        ("過", "过"), ("錄", "录"), ("戶", "户"), ("擊", "击"), ("買", "买"), ("賣", "卖"), ("給", "给"),
        ("場", "场"), ("選", "选"), ("獨", "独"), ("視", "视"), ("訪", "访"), ("舊", "旧"), ("兩", "两"),
        ("認", "认"), ("證", "证"), ("聯", "联"), ("輯", "辑"), ("複", "复"), ("將", "将"), ("獲", "获"),
        ("閱", "阅"), ("準", "准"), ("這", "这"), ("個", "个"), ("對", "对"), ("種", "种"), ("讓", "让"),
        ("繳", "缴"), ("納", "纳"), ("調", "调"), ("書", "书"), ("態", "态"), ("發", "发"), ("歸", "归"),
        ("決", "决"), ("來", "来"), ("達", "达"), ("邏", "逻"), ("戰", "战"), ("稅", "税"),
        // Added for the full template vocabulary (2019 and 2021), headings and metadata.
        ("辦", "办"), ("於", "于"), ("後", "后"), ("係", "系"), ("繫", "系"), ("沒", "没"), ("當", "当"),
        ("繼", "继"), ("續", "续"), ("採", "采"), ("購", "购"), ("減", "减"), ("億", "亿"), ("務", "务"),
        ("網", "网"), ("站", "站"), ("門", "门"), ("電", "电"), ("話", "话"), ("郵", "邮"), ("編", "编"),
        ("聯", "联"), ("歲", "岁"), ("專", "专"), ("欄", "栏"), ("頁", "页"), ("規", "规"), ("劃", "划"),
        ("質", "质"), ("總", "总"), ("結", "结"), ("節", "节"), ("點", "点"), ("見", "见"), ("覽", "览"),
        ("園", "园"), ("圖", "图"), ("畫", "画"), ("價", "价"), ("東", "东"), ("車", "车"), ("軍", "军"),
        ("鄉", "乡"), ("鎮", "镇"), ("僅", "仅"), ("約", "约"), ("導", "导"), ("領", "领"), ("黨", "党"),
        ("員", "员"), ("習", "习"), ("優", "优"), ("勢", "势"), ("們", "们"), ("傳", "传"), ("權", "权"),
        ("歷", "历"), ("曆", "历"), ("產", "产"), ("濟", "济"), ("災", "灾"), ("醫", "医"), ("療", "疗"),
        ("衛", "卫"), ("廣", "广"), ("濱", "滨"), ("熱", "热"), ("線", "线"), ("辭", "辞"), ("陽", "阳"),
        ("與", "与"), ("華", "华"), ("夠", "够"), ("並", "并"), ("據", "据"), ("標", "标"), ("準", "准"),
        ("隊", "队"), ("團", "团"), ("衝", "冲"), ("農", "农"), ("龍", "龙"), ("門", "门"), ("慶", "庆"),
        ("簡", "简"), ("稱", "称"), ("餘", "余"), ("徑", "径"), ("聽", "听"), ("觀", "观"), ("處", "处"),
        ("備", "备"), ("險", "险"), ("離", "离"), ("雜", "杂"), ("難", "难"), ("響", "响"), ("頭", "头"),
        ("顯", "显"), ("驗", "验"), ("齊", "齐"), ("爭", "争"), ("積", "积"), ("極", "极"), ("構", "构"),
        ("協", "协"), ("調", "调"), ("訂", "订"), ("評", "评"), ("議", "议"), ("謀", "谋"), ("識", "识"),
        ("觸", "触"), ("貫", "贯"), ("徹", "彻"), ("貼", "贴"), ("範", "范"), ("圍", "围"), ("屆", "届"),
        ("兒", "儿"), ("週", "周"), ("進", "进"), ("運", "运"), ("還", "还"), ("邊", "边"), ("遞", "递"),
        ("適", "适"), ("違", "违"), ("遺", "遗"), ("遼", "辽"), ("變", "变"), ("紐", "纽"), ("細", "细"),
        ("純", "纯"), ("級", "级"), ("終", "终"), ("絡", "络"), ("給", "给"), ("綜", "综"), ("緊", "紧"),
        ("綠", "绿"), ("練", "练"), ("總", "总"), ("績", "绩"), ("區", "区"), ("劃", "划"),
        // Variants a converter may choose: 反覆 (反复), 祕密 (秘密), 爲 (为), 裏 (里), 着 stays.
        ("覆", "复"), ("祕", "秘"), ("爲", "为"), ("裏", "里"), ("裡", "里"), ("峯", "峰"), ("綫", "线"),
    ]
}
