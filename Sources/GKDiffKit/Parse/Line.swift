#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One source line: its text (without the line end) and its 1-based number.
struct Line: Sendable {
    var text: Substring
    var number: Int

    /// True when the line holds nothing but spaces (a tab-only line is not empty: it is an empty cell).
    var isEmpty: Bool {
        // Most lines are decided by their first byte: one that starts neither a space nor nothing.
        guard let first = text.utf8.first else { return true }
        switch first {
        case 0x20, 0x0A...0x0D, 0xC2, 0xE2, 0xE3, 0xEF: break
        default: return false
        }
        for scalar in text.unicodeScalars where scalar == "\t" || !LabelText.isSpace(scalar) { return false }
        return true
    }
    /// True when the line starts with a tab (one byte, so the first byte says it).
    var startsWithTab: Bool { text.utf8.first == 0x09 }

    /// `isEmpty`, `startsWithTab` and `Line.count(of: 9, in: text, upTo: 2)`, from one look at a
    /// native string's bytes (each of the three reaches the bytes through the substring's view).
    var shape: LineShape {
        if let shape = Line.withBytes(of: text, Line.shape) { return shape }
        return LineShape(isEmpty: isEmpty, startsWithTab: startsWithTab, tabs: Line.count(of: 9, in: text, upTo: 2))
    }

    /// `shape` of the bytes of valid UTF-8 text.
    static func shape(_ bytes: UnsafeBufferPointer<UInt8>) -> LineShape {
        let tabs = count(of: 9, in: bytes, upTo: 2)
        return LineShape(isEmpty: tabs == 0 && isBlank(bytes), startsWithTab: bytes.first == 0x09, tabs: tabs)
    }

    /// True when every scalar of the valid UTF-8 bytes is a space (`LabelText.isSpace`): `isEmpty` of
    /// text without a tab.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            guard LabelText.isSpace(LabelText.decode(bytes, at: &index)) else { return false }
        }
        return true
    }

    /// The text without its first byte, for a line that starts with a tab: `text.dropFirst()` without
    /// the grapheme-breaking walk (a tab is a control character, a grapheme cluster of its own).
    var textAfterTab: Substring {
        text[text.utf8.index(after: text.utf8.startIndex)...]
    }

    /// How many `byte`s the text holds, counting no further than `limit`; scans a native string's bytes
    /// in place. O(n).
    static func count(of byte: UInt8, in text: Substring, upTo limit: Int) -> Int {
        if let counted = Line.withBytes(of: text, { Line.count(of: byte, in: $0, upTo: limit) }) {
            return counted
        }
        var count = 0
        for b in text.utf8 where b == byte {
            count += 1
            if count >= limit { break }
        }
        return count
    }

    /// `text.utf8.withContiguousStorageIfAvailable(body)`, through the base string's UTF-8 view, whose
    /// methods are inlined: the substring's view goes through a generic slice, some ninety
    /// instructions a call. Nil when the text is not stored as contiguous UTF-8.
    @inline(__always)
    static func withBytes<R>(of text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let utf8 = text.base.utf8
        let start = utf8.distance(from: utf8.startIndex, to: text.startIndex)
        let end = utf8.distance(from: utf8.startIndex, to: text.endIndex)
        return utf8.withContiguousStorageIfAvailable { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// How many `byte`s `bytes` holds, counting no further than `limit`, with `memchr` from one to the
    /// next (a whole file's line feeds for the line limit, a line's tabs). O(n).
    static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, Int32(byte), bytes.count - offset) {
            count += 1
            if count >= limit { break }
            offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    /// Calls `body` with the byte range of each piece of `bytes` between `separator` bytes, empty pieces
    /// kept, the last one too; a line feed right after a carriage return does not split (CRLF is one
    /// character). O(n).
    static func forEachPiece(
        of bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, _ body: (_ start: Int, _ end: Int) -> Void
    ) {
        var start = 0
        var offset = 0
        let count = bytes.count
        while true {
            // To the next separator byte: a tight loop, most bytes are not one.
            while offset < count && bytes[offset] != separator { offset += 1 }
            if offset == count { break }
            if !(separator == 0x0A && offset > 0 && bytes[offset - 1] == 0x0D) {
                body(start, offset)
                start = offset + 1
            }
            offset += 1
        }
        body(start, count)
    }

    /// The pieces of `text` between `separator` bytes (an ASCII control such as tab or line feed), empty
    /// pieces kept: what `split(separator: Character, omittingEmptySubsequences: false)` gives, without
    /// walking characters. As there, a line feed right after a carriage return is one CRLF character and
    /// does not split. O(n).
    static func pieces(of text: Substring, separator: UInt8) -> [Substring] {
        let utf8 = text.utf8
        // Native strings: scan the bytes in place and cut by offset (O(1) per index).
        let fast = utf8.withContiguousStorageIfAvailable { bytes -> [Substring] in
            var pieces: [Substring] = []
            forEachPiece(of: bytes, separator: separator) { start, end in
                pieces.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            }
            return pieces
        }
        if let fast { return fast }
        var pieces: [Substring] = []
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == separator && !(separator == 0x0A && previous == 0x0D) {
                pieces.append(text[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        pieces.append(text[start..<utf8.endIndex])
        return pieces
    }
}

/// What the tab layouts ask of a line (`Line.shape`), worked out once per line.
struct LineShape {
    /// `Line.isEmpty`.
    var isEmpty: Bool
    /// `Line.startsWithTab`.
    var startsWithTab: Bool
    /// How many tabs the line holds, counting no further than 2.
    var tabs: Int
}

/// A cell of text as it came out of the layout, before it is matched to the template.
struct Token {
    var text: Substring
    var line: Int
    /// What it reads as, or nil when it is text (a label or a sentence).
    var reading: CellReading?
    /// True for a run of blank lines that may or may not stand for an empty cell (blank-line layout).
    var isGap = false
    /// Short enough to be a label; longer text is prose and never matched.
    var isLabelSized: Bool
    /// For a cell of a grid (HTML, .docx, PDF): the grid column it starts at and how many it covers;
    /// -1 for text layouts, whose cells have no column marks.
    var column = -1
    var span = 1
    /// The file ended inside this cell: its text may be cut short.
    var isCut = false
    /// What the token's key matches in the table being read (`TableReader.labelMatch`), once worked
    /// out; nil before, and for tokens that are not label candidates.
    var match: LabelMatch?

    /// `LabelText.key(text)` when the token may be a label (text, not a value, label-sized); empty
    /// otherwise. Matching reads the key's bytes (`TableReader.labelMatch`) without making it.
    var key: String { reading == nil && isLabelSized ? LabelText.key(text) : "" }

    /// True when the token may be a label: text, not a value, not a gap, label-sized.
    var isLabelCandidate: Bool { reading == nil && !isGap && isLabelSized }

    init(_ text: Substring, line: Int) {
        self.text = LabelText.trim(text)
        self.line = line
        self.reading = CellText.read(trimmed: self.text)
        self.isLabelSized = LabelText.isShort(self.text, limit: TableReader.labelLimit)
    }

    /// A token whose parts are already worked out (`pieces(of:separator:line:)`).
    private init(text: Substring, line: Int, reading: CellReading?, isLabelSized: Bool) {
        self.text = text
        self.line = line
        self.reading = reading
        self.isLabelSized = isLabelSized
    }

    /// `Line.pieces(of: text, separator: separator).map { Token($0, line: line) }`, read on the text's
    /// bytes: each piece trimmed, read and keyed in place, with one `Substring` made per piece.
    static func pieces(of text: Substring, separator: UInt8, line: Int) -> [Token] {
        pieces(of: text, separator: separator, line: line, limit: Int.max) ?? []
    }

    /// `pieces(of:separator:line:)`, or nil when the text holds more than `limit` separator bytes.
    static func pieces(of text: Substring, separator: UInt8, line: Int, limit: Int) -> [Token]? {
        var tokens: [Token] = []
        return append(text, separator: separator, line: line, limit: limit, to: &tokens) ? tokens : nil
    }

    /// Appends `pieces(of:separator:line:)` to `tokens` and returns true; or appends nothing and
    /// returns false when the text holds more than `limit` separator bytes.
    static func append(_ text: Substring, separator: UInt8, line: Int, limit: Int, to tokens: inout [Token]) -> Bool {
        let utf8 = text.utf8
        let appended = Line.withBytes(of: text) { bytes -> Bool in
            var separators = 0
            for byte in bytes where byte == separator {
                separators += 1
                if separators > limit { return false }
            }
            // Grown geometrically: reserving the exact count for every line (one cell each, in the
            // cell-per-line layout) would copy the row's tokens at every line; and from eight, the
            // cells of most rows, so that a row made line by line is not copied at 1, 2 and 4.
            let needed = tokens.count + separators + 1
            if tokens.capacity < needed { tokens.reserveCapacity(max(needed, 2 * tokens.capacity, 8)) }
            /// The token of the bytes `start..<end`.
            func token(_ start: Int, _ end: Int) -> Token {
                var from = start
                var to = end
                while from < to {
                    var index = from
                    guard LabelText.isSpace(LabelText.decode(bytes, at: &index)) else { break }
                    from = index
                }
                while to > from {
                    var lead = to - 1
                    while lead > from && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                    var index = lead
                    guard LabelText.isSpace(LabelText.decode(bytes, at: &index)) else { break }
                    to = lead
                }
                // A piece that is the whole text (one cell a line) is the text itself: no slicing.
                let piece =
                    from == 0 && to == bytes.count
                    ? text : text[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)]
                let trimmed = UnsafeBufferPointer(rebasing: bytes[from..<to])
                let reading = CellText.quickRead(trimmed) ?? CellText.read(trimmed: piece)
                var labelSized = trimmed.count <= TableReader.labelLimit
                if !labelSized && trimmed.count <= 4 * TableReader.labelLimit {
                    var scalars = 0
                    for byte in trimmed where byte & 0xC0 != 0x80 { scalars += 1 }
                    labelSized = scalars <= TableReader.labelLimit
                }
                return Token(text: piece, line: line, reading: reading, isLabelSized: labelSized)
            }
            Line.forEachPiece(of: bytes, separator: separator) { start, end in tokens.append(token(start, end)) }
            return true
        }
        if let appended { return appended }
        if Line.count(of: separator, in: text, upTo: limit &+ 1) > limit { return false }
        tokens += Line.pieces(of: text, separator: separator).map { Token($0, line: line) }
        return true
    }

    /// A run of blank lines whose meaning is uncertain.
    static func gap(line: Int) -> Token {
        var token = Token("", line: line)
        token.reading = nil
        token.isGap = true
        return token
    }

    var value: CellValue? { reading?.value }
    var isEmpty: Bool { !isGap && text.isEmpty }
    var isFilledValue: Bool {
        guard let value else { return false }
        return value != .blank
    }
}
