/// A cell of text as it came out of the layout, before it is matched to the template. Its text is a
/// byte range of one of the reader's texts (`TokenStore`), not a `Substring` of its own: a token is
/// plain data, copied without a reference count.
struct Token {
    /// Which of the store's texts the token's text is in (`TokenStore.text(of:)`): `sources[source]`
    /// from 0 on, the text of `lines[-2 - source]` from -2 down; -1 for a gap.
    var source: Int
    /// The token's text: bytes `start..<end` of its source's UTF-8.
    var start: Int
    var end: Int
    /// The text's first byte (0 for empty text): a one-digit text's `String` is then taken from
    /// `TokenStore.digitStrings` rather than made from the source's bytes.
    var firstByte: UInt8 = 0
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

    init(source: Int, start: Int, end: Int, line: Int, reading: CellReading?, isLabelSized: Bool) {
        self.source = source
        self.start = start
        self.end = end
        self.line = line
        self.reading = reading
        self.isLabelSized = isLabelSized
    }

    /// True when the token may be a label: text, not a value, not a gap, label-sized.
    var isLabelCandidate: Bool { reading == nil && !isGap && isLabelSized }

    var value: CellValue? { reading?.value }
    var isEmpty: Bool { !isGap && start == end }
    var isFilledValue: Bool {
        guard let value else { return false }
        return value != .blank
    }
}

/// The texts a table's tokens are cut from: the section's lines, and texts made or cut otherwise
/// (grid cells, pipe cells, joined labels), each kept once; tokens are byte ranges of them.
struct TokenStore {
    /// The section's lines (`appendLine`): looked up by index, not copied into `sources` one by one.
    var lines: ArraySlice<Line> = []
    /// The other texts tokens point into (`Token.source`).
    private(set) var sources: [Substring] = []
    /// The table's words, when the tokens that `append` cuts are to be matched (`Token.match`) there
    /// and then, while their bytes are at hand.
    let matchers: RowMatchers?

    init(matchers: RowMatchers? = nil) {
        self.matchers = matchers
    }

    /// The token of a cell's text, trimmed (`LabelText.trim`) and read.
    mutating func token(_ text: Substring, line: Int) -> Token {
        let trimmed = LabelText.trim(text)
        let reading = CellText.read(trimmed: trimmed)
        let labelSized = LabelText.isShort(trimmed, limit: TableReader.labelLimit)
        sources.append(trimmed)
        var token = Token(
            source: sources.count - 1, start: 0, end: trimmed.utf8.count, line: line, reading: reading,
            isLabelSized: labelSized)
        token.firstByte = trimmed.utf8.first ?? 0
        return token
    }

    /// A run of blank lines whose meaning is uncertain.
    static func gap(line: Int) -> Token {
        var token = Token(source: -1, start: 0, end: 0, line: line, reading: nil, isLabelSized: true)
        token.isGap = true
        return token
    }

    /// The text of a token's `source` (not -1).
    private func sourceText(_ source: Int) -> Substring {
        source >= 0 ? sources[source] : lines[-2 - source].text
    }

    /// The token's text.
    func text(of token: Token) -> Substring {
        guard token.source != -1 else { return "" }
        let text = sourceText(token.source)
        if token.start == 0 && token.end == text.utf8.count { return text }
        return Self.slice(text, token.start, token.end)
    }

    /// The token's text as a `String`, made from its bytes; a single digit (`0`, most cells) from
    /// `digitStrings`.
    func string(of token: Token) -> String {
        if token.end - token.start == 1 && token.firstByte >= 0x30 && token.firstByte <= 0x39 {
            return Self.digitStrings[Int(token.firstByte &- 0x30)]
        }
        return withBytes(of: token) { String(decoding: $0, as: UTF8.self) }
    }

    /// `0` to `9`.
    static let digitStrings = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]

    /// `body` with the UTF-8 bytes of the token's text.
    func withBytes<R>(of token: Token, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if token.source != -1,
            let result = Line.withBytes(
                of: sourceText(token.source), { body(UnsafeBufferPointer(rebasing: $0[token.start..<token.end])) })
        {
            return result
        }
        var copy = String(text(of: token))
        return copy.withUTF8(body)
    }

    /// `LabelText.key(text)` when the token may be a label (text, not a value, label-sized); empty
    /// otherwise. Matching reads the key's bytes (`TableReader.labelMatch`) without making it.
    func key(of token: Token) -> String {
        token.reading == nil && token.isLabelSized ? LabelText.key(text(of: token)) : ""
    }

    /// `Line.pieces(of: text, separator: separator).map { token($0, line: line) }`, read on the text's
    /// bytes: each piece trimmed, read and sized in place, as a byte range of the text.
    mutating func pieces(of text: Substring, separator: UInt8, line: Int) -> [Token] {
        var tokens: [Token] = []
        _ = append(text, separator: separator, line: line, limit: Int.max, to: &tokens)
        return tokens
    }

    /// Appends `pieces(of:separator:line:)` of the text from its byte `skip` on (a cell-per-line
    /// line's leading tab, one byte) to `tokens` and returns true; or appends nothing and returns false
    /// when that part of the text holds more than `limit` separator bytes.
    mutating func append(
        _ text: Substring, skip: Int = 0, separator: UInt8, line: Int, limit: Int, to tokens: inout [Token]
    ) -> Bool {
        guard append(text, source: sources.count, skip: skip, separator: separator, line: line, limit: limit, to: &tokens)
        else { return false }
        sources.append(text)
        return true
    }

    /// `append(_:skip:separator:line:limit:to:)` of the text of `lines[index]`, which stays where it is.
    mutating func appendLine(
        at index: Int, skip: Int = 0, separator: UInt8, limit: Int, to tokens: inout [Token]
    ) -> Bool {
        append(
            lines[index].text, source: -2 - index, skip: skip, separator: separator, line: lines[index].number,
            limit: limit, to: &tokens)
    }

    /// Appends the tokens of the text, whose `source` they are.
    private mutating func append(
        _ text: Substring, source: Int, skip: Int, separator: UInt8, line: Int, limit: Int, to tokens: inout [Token]
    ) -> Bool {
        let appended = Line.withBytes(of: text) { whole -> Bool in
            let bytes = UnsafeBufferPointer(rebasing: whole[skip...])
            // Counted with `memchr` (a line's cells are mostly far apart), no further than past the limit.
            let separators = Line.count(of: separator, in: bytes, upTo: limit == Int.max ? Int.max : limit + 1)
            if separators > limit { return false }
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
                let trimmed = UnsafeBufferPointer(rebasing: bytes[from..<to])
                let reading = CellText.quickRead(trimmed) ?? CellText.read(trimmed: Self.slice(text, skip + from, skip + to))
                var labelSized = trimmed.count <= TableReader.labelLimit
                if !labelSized && trimmed.count <= 4 * TableReader.labelLimit {
                    var scalars = 0
                    for byte in trimmed where byte & 0xC0 != 0x80 { scalars += 1 }
                    labelSized = scalars <= TableReader.labelLimit
                }
                var token = Token(
                    source: source, start: skip + from, end: skip + to, line: line, reading: reading, isLabelSized: labelSized)
                token.firstByte = from < to ? bytes[from] : 0
                if let matchers, token.isLabelCandidate { token.match = matchers.cachedMatch(of: trimmed) }
                return token
            }
            Line.forEachPiece(of: bytes, separator: separator) { start, end in tokens.append(token(start, end)) }
            return true
        }
        if let appended { return appended }
        let rest = skip == 0 ? text : Self.slice(text, skip, text.utf8.count)
        if Line.count(of: separator, in: rest, upTo: limit &+ 1) > limit { return false }
        for piece in Line.pieces(of: rest, separator: separator) { tokens.append(token(piece, line: line)) }
        return true
    }

    /// Bytes `from..<to` of the text's UTF-8.
    static func slice(_ text: Substring, _ from: Int, _ to: Int) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)]
    }
}
