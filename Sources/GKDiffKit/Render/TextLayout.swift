/// Column alignment for text output: Chinese characters take two terminal columns.
enum TextLayout {
    /// Terminal columns the text takes (East Asian wide and full-width characters count two).
    static func width<S: StringProtocol>(_ text: S) -> Int {
        var columns = 0
        for scalar in text.unicodeScalars { columns += width(scalar) }
        return columns
    }

    /// Terminal columns one scalar takes: 2 for wide and full-width, 0 for combining marks and
    /// zero-width spaces, 1 otherwise.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        case 0x300...0x36F, 0x200B...0x200F:
            return 0
        default:
            return 1
        }
    }

    /// The text padded with spaces on the right to `columns`.
    static func padRight(_ text: String, _ columns: Int) -> String {
        var padded = text
        padded += spaces(max(0, columns - width(text)))
        return padded
    }

    /// The text padded with spaces on the left to `columns`.
    static func padLeft(_ text: String, _ columns: Int) -> String {
        var padded = String(spaces(max(0, columns - width(text))))
        padded += text
        return padded
    }

    /// `count` spaces, cut from one long run (`String(repeating:count:)` costs thousands of
    /// instructions per call).
    private static func spaces(_ count: Int) -> Substring {
        count <= blank.utf8.count ? blank.prefix(count) : Substring(String(repeating: " ", count: count))
    }

    private static let blank = String(repeating: " ", count: 128)

    /// Rows laid out in columns separated by two spaces; `rightAligned` columns are numbers.
    static func table(_ rows: [[String]], rightAligned: Set<Int> = [], indent: String = "  ") -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], width(cell)) }
        }
        var out = ""
        for row in rows {
            var line = indent
            for (index, cell) in row.enumerated() {
                let last = index == row.count - 1
                if rightAligned.contains(index) {
                    line += padLeft(cell, widths[index])
                } else {
                    line += last ? cell : padRight(cell, widths[index])
                }
                if !last { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}

extension TextLayout {
    /// Every line of `text` no wider than `width` terminal columns: a longer line is broken before the
    /// character that would pass the limit, and continues indented two columns deeper than it began
    /// (at most 8). ANSI colour sequences take no columns and are never cut.
    static func wrap(_ text: String, width limit: Int) -> String {
        var text = text
        let bytes: [UInt8] = text.withUTF8 { utf8 in
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + utf8.count / 16)
            var start = 0
            while true {
                var end = start
                while end < utf8.count && utf8[end] != 0x0A { end += 1 }
                wrapLine(utf8, start..<end, limit: limit, into: &out)
                guard end < utf8.count else { break }
                out.append(0x0A)
                start = end + 1
            }
            return out
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One line of `wrap`, on its UTF-8 bytes: copied as it is when it fits; otherwise cut before the
    /// scalar that would pass the limit, continuation lines indented by the line's own indent (at
    /// most 8) plus 2; colour escapes (`ESC … m`) are copied whole and take no columns.
    private static func wrapLine(
        _ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, limit: Int, into out: inout [UInt8]
    ) {
        // No longer in bytes than the limit: no wider either (a scalar takes at most as many columns as
        // it has UTF-8 bytes).
        if range.count <= limit {
            out.append(contentsOf: utf8[range])
            return
        }
        func scalar(at index: Int) -> (value: UInt32, length: Int) {
            let lead = utf8[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard index + length <= range.upperBound else { return (UInt32(lead), 1) }
            var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<max(length, 1) where length > 1 { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
            return (value, length)
        }
        var total = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let (value, length) = scalar(at: index)
            total += Unicode.Scalar(value).map(width) ?? 1
            index += length
        }
        if total <= limit {
            out.append(contentsOf: utf8[range])
            return
        }
        var spaces = 0
        while range.lowerBound + spaces < range.upperBound && utf8[range.lowerBound + spaces] == 0x20 { spaces += 1 }
        let lead = min(8, spaces) + 2
        var columns = 0
        index = range.lowerBound
        while index < range.upperBound {
            if utf8[index] == 0x1B {
                // A colour escape: copied whole, no columns.
                var end = index
                while end < range.upperBound && utf8[end] != UInt8(ascii: "m") { end += 1 }
                end = min(end + 1, range.upperBound)
                out.append(contentsOf: utf8[index..<end])
                index = end
                continue
            }
            let (value, length) = scalar(at: index)
            let w = Unicode.Scalar(value).map(width) ?? 1
            if columns + w > limit {
                out.append(0x0A)
                out.append(contentsOf: repeatElement(0x20, count: lead))
                columns = lead
            }
            out.append(contentsOf: utf8[index..<index + length])
            columns += w
            index += length
        }
    }
}
