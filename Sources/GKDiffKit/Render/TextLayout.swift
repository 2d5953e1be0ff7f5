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
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if width(line) <= limit {
                out += line
                out += "\n"
                continue
            }
            let lead = min(8, line.prefix { $0 == " " }.count) + 2
            var current = ""
            var columns = 0
            var escape = false
            for scalar in line.unicodeScalars {
                if escape {
                    current.unicodeScalars.append(scalar)
                    if scalar == "m" { escape = false }
                    continue
                }
                if scalar == "\u{1B}" {
                    escape = true
                    current.unicodeScalars.append(scalar)
                    continue
                }
                let w = width(scalar)
                if columns + w > limit {
                    out += current + "\n"
                    current = String(repeating: " ", count: lead)
                    columns = lead
                }
                current.unicodeScalars.append(scalar)
                columns += w
            }
            out += current + "\n"
        }
        out.removeLast()
        return out
    }
}
