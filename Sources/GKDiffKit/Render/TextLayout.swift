#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Column alignment for text output: Chinese characters take two terminal columns.
enum TextLayout {
    /// Terminal columns the text takes (East Asian wide and full-width characters count two). O(n) on
    /// the UTF-8 bytes: an ASCII byte is one column without decoding.
    static func width<S: StringProtocol>(_ text: S) -> Int {
        if let columns = text.utf8.withContiguousStorageIfAvailable(width) { return columns }
        var columns = 0
        for scalar in text.unicodeScalars { columns += width(scalar) }
        return columns
    }

    /// Terminal columns of UTF-8 bytes (whole scalars).
    static func width(_ utf8: UnsafeBufferPointer<UInt8>) -> Int { widthAndBreak(utf8).0 }

    /// `width(utf8)`, and whether the bytes hold a line feed or a carriage return: both in one pass.
    static func widthAndBreak(_ utf8: UnsafeBufferPointer<UInt8>) -> (Int, Bool) {
        var columns = 0
        var lineBreak = false
        var index = 0
        while index < utf8.count {
            let lead = utf8[index]
            if lead < 0x80 {
                if lead == 0x0A || lead == 0x0D { lineBreak = true }
                columns += 1
                index += 1
                continue
            }
            let (w, length) = columnsAndLength(utf8, at: index, end: utf8.count)
            columns += w
            index += length
        }
        return (columns, lineBreak)
    }

    /// Columns and UTF-8 length of the scalar starting at `index` (not ASCII). CJK ideographs
    /// U+4E00…U+9FFF (leads `E4 B8`…`E9`), most of a Chinese text, are two columns without decoding;
    /// so are CJK punctuation U+3000…U+3FFF (lead `E3`) but U+303F and U+3040, and the full-width
    /// forms U+FF00…U+FF60 (`EF BC`, `EF BD 80`…`EF BD A0`), as `width(_:)` has them.
    @inline(__always)
    static func columnsAndLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (Int, Int) {
        let lead = utf8[index]
        if index + 2 < end {
            if lead >= 0xE5 && lead <= 0xE9 || (lead == 0xE4 && utf8[index + 1] >= 0xB8) { return (2, 3) }
            if lead == 0xE3 {
                let (second, third) = (utf8[index + 1], utf8[index + 2])
                let narrow = (second == 0x80 && third == 0xBF) || (second == 0x81 && third == 0x80)
                return (narrow ? 1 : 2, 3)
            }
            if lead == 0xEF && utf8[index + 1] == 0xBC { return (2, 3) }
            if lead == 0xEF && utf8[index + 1] == 0xBD { return (utf8[index + 2] <= 0xA0 ? 2 : 1, 3) }
        }
        let (value, length) = scalar(utf8, at: index, end: end)
        return (Unicode.Scalar(value).map(width) ?? 1, length)
    }

    /// The scalar whose UTF-8 sequence starts at `index`, and its length in bytes; a sequence cut by
    /// `end` is its lead byte alone.
    @inline(__always)
    static func scalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (value: UInt32, length: Int) {
        let lead = utf8[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= end else { return (UInt32(lead), 1) }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<max(length, 1) where length > 1 { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return (value, length)
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

    /// Rows laid out in columns separated by two spaces; `rightAligned` columns are numbers.
    static func table(_ rows: [[String]], rightAligned: [Int] = [], indent: String = "  ") -> String {
        measuredTable(rows, rightAligned: rightAligned, indent: indent).text
    }

    /// `table(_:rightAligned:indent:)` and the width of its widest line in terminal columns (a line as
    /// `split(separator: "\n")` cuts the text: a cell holding a line break is measured as cut there).
    static func measuredTable(_ rows: [[String]], rightAligned: [Int] = [], indent: String = "  ")
        -> (text: String, widest: Int)
    {
        var out: [UInt8] = []
        let widest = appendTable(rows, rightAligned: rightAligned, indent: indent, to: &out)
        return (String(decoding: out, as: UTF8.self), widest)
    }

    /// Appends `table(_:rightAligned:indent:)` to `out` as UTF-8 and returns the width of its widest
    /// line.
    static func appendTable(_ rows: [[String]], rightAligned: [Int] = [], indent: String = "  ", to out: inout [UInt8])
        -> Int
    {
        var cells = TableCells()
        for row in rows {
            for cell in row {
                cells.text.append(cell)
                cells.endCell()
            }
            cells.endRow()
        }
        return appendTable(cells, rightAligned: rightAligned, indent: indent, to: &out)
    }

    /// Table cells as UTF-8 in one buffer, row after row: no string per cell.
    struct TableCells {
        /// The cells' bytes, one after another.
        var text = TextBytes()
        /// Where each cell ends in `text` (it starts where the one before ends).
        var ends: [Int] = []
        /// How many cells each row has.
        var rowCounts: [Int] = []
        /// Cells of the row being filled.
        private var open = 0

        /// Empty cells.
        init() {}

        /// Empty cells with room for `rows` rows of `cellsPerRow` cells (about 48 bytes each).
        init(rows: Int, cellsPerRow: Int) {
            text = TextBytes(capacity: rows * cellsPerRow * 48)
            ends.reserveCapacity(rows * cellsPerRow)
            rowCounts.reserveCapacity(rows)
        }

        /// Ends the cell being written (what was appended to `text` since the last cell).
        mutating func endCell() {
            ends.append(text.count)
            open += 1
        }

        /// Ends the row being filled.
        mutating func endRow() {
            rowCounts.append(open)
            open = 0
        }
    }

    /// `appendTable(_:rightAligned:indent:to:)` for cells given as `TableCells`. Each cell is
    /// measured once (its width, and whether it holds a line break).
    static func appendTable(_ cells: TableCells, rightAligned: [Int] = [], indent: String = "  ", to out: inout [UInt8])
        -> Int
    {
        var columns = 0
        for count in cells.rowCounts { columns = max(columns, count) }
        guard !cells.rowCounts.isEmpty else { return 0 }
        // Filled by appending: `Array(repeating:count:)` looks up the array's type at run time.
        var right: [Bool] = []
        right.reserveCapacity(columns)
        for _ in 0..<columns { right.append(false) }
        for index in rightAligned where index >= 0 && index < columns { right[index] = true }
        return cells.text.bytes.withUnsafeBufferPointer { text in
            // The width of every cell, row after row (rows may have fewer cells than `columns`).
            var cellWidths: [Int] = []
            cellWidths.reserveCapacity(cells.ends.count)
            var widths: [Int] = []
            widths.reserveCapacity(columns)
            for _ in 0..<columns { widths.append(0) }
            var breaks = false
            var cell = 0
            var start = 0
            for count in cells.rowCounts {
                for column in 0..<count {
                    let utf8 = UnsafeBufferPointer(rebasing: text[start..<cells.ends[cell]])
                    let (width, lineBreak) = widthAndBreak(utf8)
                    if lineBreak { breaks = true }
                    cellWidths.append(width)
                    widths[column] = max(widths[column], width)
                    start = cells.ends[cell]
                    cell += 1
                }
            }
            let tableStart = out.count
            let indentWidth = width(indent)
            var widest = 0
            var indent = indent
            cell = 0
            start = 0
            for count in cells.rowCounts {
                let lineStart = out.count
                indent.withUTF8 { out.append(contentsOf: $0) }
                var lineColumns = indentWidth
                for index in 0..<count {
                    let last = index == count - 1
                    let width = cellWidths[cell]
                    let end = cells.ends[cell]
                    let utf8 = UnsafeBufferPointer(rebasing: text[start..<end])
                    start = end
                    cell += 1
                    if right[index] {
                        appendSpaces(widths[index] - width, to: &out)
                        out.append(contentsOf: utf8)
                        lineColumns += max(widths[index], width)
                    } else if last {
                        out.append(contentsOf: utf8)
                        lineColumns += width
                    } else {
                        out.append(contentsOf: utf8)
                        appendSpaces(widths[index] - width, to: &out)
                        lineColumns += max(widths[index], width)
                    }
                    if !last {
                        out.append(0x20)
                        out.append(0x20)
                        lineColumns += 2
                    }
                }
                while out.count > lineStart && out[out.count - 1] == 0x20 {
                    out.removeLast()
                    lineColumns -= 1
                }
                out.append(0x0A)
                widest = max(widest, lineColumns)
            }
            if breaks {
                widest = out.withUnsafeBufferPointer { widestLine(UnsafeBufferPointer(rebasing: $0[tableStart...])) }
            }
            return widest
        }
    }

    /// Appends `count` spaces (copied from a run made once, not one by one).
    static func appendSpaces(_ count: Int, to out: inout [UInt8]) {
        var left = count
        while left > 0 {
            let run = min(left, spaceRun.count)
            out.append(contentsOf: spaceRun[0..<run])
            left -= run
        }
    }

    private static let spaceRun = [UInt8](repeating: 0x20, count: 128)

    /// The widest line of UTF-8 text in terminal columns, lines cut as `split(separator: "\n")` cuts
    /// them (at a line feed that does not follow a carriage return; the CR LF pair is one character).
    private static func widestLine(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var widest = 0
        var start = 0
        for index in utf8.indices where utf8[index] == 0x0A && (index == 0 || utf8[index - 1] != 0x0D) {
            widest = max(widest, width(UnsafeBufferPointer(rebasing: utf8[start..<index])))
            start = index + 1
        }
        return max(widest, width(UnsafeBufferPointer(rebasing: utf8[start...])))
    }
}

extension TextLayout {
    /// Every line of `text` no wider than `width` terminal columns: a longer line is broken before the
    /// character that would pass the limit, and continues indented two columns deeper than it began
    /// (at most 8). ANSI colour sequences take no columns and are never cut.
    static func wrap(_ text: String, width limit: Int) -> String {
        var text = text
        var out: [UInt8] = []
        text.withUTF8 { wrap($0, width: limit, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `wrap(_:width:)` on UTF-8 bytes, appended to `out`. Lines that fit are copied in runs of
    /// several lines; a line break is found with `memchr`.
    static func wrap(_ utf8: UnsafeBufferPointer<UInt8>, width limit: Int, into out: inout [UInt8]) {
        guard let base = utf8.baseAddress else { return }
        out.reserveCapacity(out.count + utf8.count + utf8.count / 16)
        var run = 0  // the first byte not yet copied
        var start = 0
        while true {
            var end = utf8.count
            if start < utf8.count, let found = memchr(base + start, 0x0A, utf8.count - start) {
                end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            }
            // No longer in bytes than the limit: no wider either (a scalar takes at most as many
            // columns as it has UTF-8 bytes). Nor when its ASCII bytes and two thirds of the others
            // (rounded up) are within it: a scalar of 2, 3 or 4 bytes takes at most 2 columns.
            if end - start > limit && widthBound(UnsafeBufferPointer(rebasing: utf8[start..<end])) > limit {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<start]))
                wrapLine(utf8, start..<end, limit: limit, into: &out)
                run = end
            }
            guard end < utf8.count else { break }
            start = end + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }

    /// A bound on the columns of UTF-8 text: one per ASCII byte, two per three other bytes (rounded
    /// up). Counted eight bytes at a time.
    static func widthBound(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var other = 0
        var index = 0
        while index + 8 <= utf8.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            other += (word & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        while index < utf8.count {
            if utf8[index] >= 0x80 { other += 1 }
            index += 1
        }
        return utf8.count - other + (2 * other + 2) / 3
    }

    /// One line of `wrap`, on its UTF-8 bytes: copied as it is when it fits; otherwise cut before the
    /// scalar that would pass the limit, continuation lines indented by the line's own indent (at
    /// most 8) plus 2; colour escapes (`ESC … m`) are copied whole and take no columns. One pass; the
    /// bytes between cuts are copied as runs.
    private static func wrapLine(
        _ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, limit: Int, into out: inout [UInt8]
    ) {
        // No longer in bytes than the limit: no wider either (a scalar takes at most as many columns as
        // it has UTF-8 bytes).
        if range.count <= limit {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[range]))
            return
        }
        var lead = -1  // the continuation indent, found at the first cut
        var columns = 0
        var run = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = utf8[index]
            if byte == 0x1B {
                // A colour escape: copied whole, no columns.
                var end = index
                while end < range.upperBound && utf8[end] != UInt8(ascii: "m") { end += 1 }
                index = min(end + 1, range.upperBound)
                continue
            }
            let (w, length) = byte < 0x80 ? (1, 1) : columnsAndLength(utf8, at: index, end: range.upperBound)
            if columns + w > limit {
                if lead < 0 {
                    var spaces = 0
                    while range.lowerBound + spaces < range.upperBound && utf8[range.lowerBound + spaces] == 0x20 { spaces += 1 }
                    lead = min(8, spaces) + 2
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                out.append(0x0A)
                appendSpaces(lead, to: &out)
                columns = lead
                run = index
            }
            columns += w
            index += length
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<range.upperBound]))
    }
}
