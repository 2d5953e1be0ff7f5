/// Makes text safe to show on a terminal: control characters and bidirectional-text controls from a
/// report or a file name are shown visibly instead of being obeyed, so that no text in a report can move
/// the cursor, erase or hide a line, or reorder what is on the screen.
///
/// - C0 controls (but the tab, line feed and CRLF a format uses) and DEL become `\x1b`, `\x0d`, `\x7f`.
/// - C1 controls (U+0080…U+009F), bidi controls (U+061C, U+200E, U+200F, U+202A…U+202E,
///   U+2066…U+2069) and the line and paragraph separators (U+2028, U+2029) become `<U+202E>`.
public enum TerminalSafe {
    /// The SGR sequences gkdiff's own text renderer colours with; with `color`, exactly these pass.
    /// (They only change colour: a report that contains one cannot hide or move text with it.)
    static let colorSequences: [[Unicode.Scalar]] = ["\u{1B}[0m", "\u{1B}[1m", "\u{1B}[31m", "\u{1B}[32m", "\u{1B}[1;33m"]
        .map { Array($0.unicodeScalars) }

    /// Whether a scalar is shown escaped (tab and line feed are decided by the caller).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The visible form of one scalar: `\x1b` for C0 and DEL, `<U+202E>` for the others.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: scalar.value > 0x7F)
        if scalar.value < 0x20 || scalar.value == 0x7F {
            return "\\x" + (hex.count < 2 ? "0" : "") + hex
        }
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// `text` with every control and bidi character escaped. `keepLayout` keeps tab, line feed and CRLF
    /// (for a whole output); without it they are escaped too (for one line, such as an error line).
    /// With `color`, gkdiff's own colour sequences (`colorSequences`) pass unchanged.
    public static func escape(_ text: String, keepLayout: Bool = true, color: Bool = false) -> String {
        guard mayNeedEscape(text, keepLayout: keepLayout, color: color) else { return text }
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { needsEscape($0) && !(keepLayout && ($0 == "\t" || $0 == "\n")) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if color && scalar == "\u{1B}",
                let sequence = colorSequences.first(where: { scalars[index...].starts(with: $0) })
            {
                out.append(contentsOf: sequence)
                index = scalars.index(index, offsetBy: sequence.count)
                continue
            }
            let next = scalars.index(after: index)
            let lineEnd = scalar == "\n" || (scalar == "\r" && next < scalars.endIndex && scalars[next] == "\n")
            if needsEscape(scalar) && !(keepLayout && (scalar == "\t" || lineEnd)) {
                out.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
            index = next
        }
        return String(out)
    }

    /// False when no scalar of `text` is escaped by `escape`, decided on the UTF-8 bytes without
    /// decoding (a whole output is mostly text with nothing to escape): C0 and DEL are single bytes,
    /// C1 is `C2 80`…`C2 9F`, U+061C is `D8 9C`, and the other controls are `E2 80 xx` or `E2 81 xx`.
    /// With `color`, an ESC that begins one of `colorSequences` passes, as `escape` lets it.
    /// True may be wrong (then the scalars are looked at); false is always right. O(n).
    static func mayNeedEscape(_ text: String, keepLayout: Bool, color: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { mayNeedEscape($0, keepLayout: keepLayout, color: color) }
    }

    /// `mayNeedEscape(_:keepLayout:color:)` on UTF-8 bytes. Eight bytes at a time: a word none of
    /// whose bytes is below 0x20, DEL, `C2`, `D8` or `E2` (most of a Chinese text) is passed whole.
    /// With `quotes`, a `"` or `\` counts too (for a JSON string).
    static func mayNeedEscape(
        _ utf8: UnsafeBufferPointer<UInt8>, keepLayout: Bool, color: Bool = false, quotes: Bool = false
    ) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// Nonzero when some byte of `word` is zero.
        @inline(__always) func anyZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        /// The high bit of each byte of `word` that is zero, and no other bit (exact: no carries).
        @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 {
            ~(((word & ~highs) &+ ~highs) | word | ~highs)
        }
        var index = 0
        while index + 8 <= utf8.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let below20 = (word &- ones &* 0x20) & ~word & highs != 0
            if !below20 && !anyZero(word ^ (ones &* 0x7F)) && !anyZero(word ^ (ones &* 0xC2))
                && !anyZero(word ^ (ones &* 0xD8)) && !anyZero(word ^ (ones &* 0xE2))
                && !(quotes && (anyZero(word ^ (ones &* 0x22)) || anyZero(word ^ (ones &* 0x5C))))
            {
                index += 8
                continue
            }
            // The bytes that may matter, exactly: controls (but a tab or line feed kept), DEL, `C2`,
            // `D8`, `E2`, and the quotes; each looked at in place.
            var controls = zeroBytes(word & (ones &* 0xE0))
            if keepLayout { controls &= ~zeroBytes(word ^ (ones &* 0x0A)) & ~zeroBytes(word ^ (ones &* 0x09)) }
            var flagged =
                controls | zeroBytes(word ^ (ones &* 0x7F)) | zeroBytes(word ^ (ones &* 0xC2))
                | zeroBytes(word ^ (ones &* 0xD8)) | zeroBytes(word ^ (ones &* 0xE2))
            if quotes { flagged |= zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C)) }
            while flagged != 0 {
                let at = index + flagged.trailingZeroBitCount >> 3
                if needsLook(utf8, at: at, keepLayout: keepLayout, color: color) { return true }
                if quotes && (utf8[at] == 0x22 || utf8[at] == 0x5C) { return true }
                flagged &= flagged &- 1
            }
            index += 8
        }
        // The last bytes (fewer than eight) one at a time.
        while index < utf8.count {
            if needsLook(utf8, at: index, keepLayout: keepLayout, color: color) { return true }
            if quotes && (utf8[index] == 0x22 || utf8[index] == 0x5C) { return true }
            index += 1
        }
        return false
    }

    /// Whether the byte at `index` may begin something `escape` changes (see `mayNeedEscape`).
    @inline(__always)
    private static func needsLook(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int, keepLayout: Bool, color: Bool)
        -> Bool
    {
        let byte = utf8[index]
        switch byte {
        case 0x09, 0x0A:
            return !keepLayout
        case 0x1B:
            return !(color && startsColorSequence(utf8, at: index))
        case 0x00...0x1F, 0x7F:
            return true
        case 0xC2:
            return index + 1 < utf8.count && utf8[index + 1] <= 0x9F
        case 0xD8:
            return index + 1 < utf8.count && utf8[index + 1] == 0x9C
        case 0xE2:
            guard index + 2 < utf8.count else { return true }
            switch (utf8[index + 1], utf8[index + 2]) {
            case (0x80, 0x8E...0x8F), (0x80, 0xA8...0xAE), (0x81, 0xA6...0xA9): return true
            default: return false
            }
        default:
            return false
        }
    }

    /// Whether one of `colorSequences` starts at `index` (an ESC).
    private static func startsColorSequence(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        colorSequenceBytes.contains { sequence in
            index + sequence.count <= utf8.count
                && sequence.indices.allSatisfy { utf8[index + $0] == sequence[$0] }
        }
    }

    /// `colorSequences` as UTF-8 (all ASCII).
    private static let colorSequenceBytes: [[UInt8]] = colorSequences.map { $0.map { UInt8($0.value) } }

    /// One line for standard error: everything escaped, line feeds included, so a file name with a
    /// newline in it never splits the line.
    public static func line(_ text: String) -> String { escape(text, keepLayout: false) }
}
