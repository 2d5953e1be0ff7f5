/// A cell of text as it came out of the layout, before it is matched to the template. Its text is a
/// byte range of one of the reader's texts (`TokenStore`), not a `Substring` of its own: a token is
/// plain data, copied without a reference count.
struct Token {
    /// Which of the store's texts the token's text is in (`TokenStore.text(of:)`); -1 for a gap.
    var source: Int
    /// The token's text: bytes `start..<end` of its source's UTF-8.
    var start: Int
    var end: Int
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

/// The texts a table's tokens are cut from: each line (or cell) is kept once, and its tokens are byte
/// ranges of it.
struct TokenStore {
    /// The texts tokens point into (`Token.source`).
    private(set) var sources: [Substring] = []
    /// The table's words, when the tokens that `append` cuts are to be matched (`Token.match`) there
    /// and then, while their bytes are at hand.
    let matchers: RowMatchers?

    init(matchers: RowMatchers? = nil) {
        self.matchers = matchers
    }

    /// Makes room for `count` more texts.
    mutating func reserve(_ count: Int) {
        sources.reserveCapacity(sources.count + count)
    }

    /// The token of a cell's text, trimmed (`LabelText.trim`) and read.
    mutating func token(_ text: Substring, line: Int) -> Token {
        let trimmed = LabelText.trim(text)
        let reading = CellText.read(trimmed: trimmed)
        let labelSized = LabelText.isShort(trimmed, limit: TableReader.labelLimit)
        sources.append(trimmed)
        return Token(
            source: sources.count - 1, start: 0, end: trimmed.utf8.count, line: line, reading: reading,
            isLabelSized: labelSized)
    }

    /// A run of blank lines whose meaning is uncertain.
    static func gap(line: Int) -> Token {
        var token = Token(source: -1, start: 0, end: 0, line: line, reading: nil, isLabelSized: true)
        token.isGap = true
        return token
    }

    /// The token's text.
    func text(of token: Token) -> Substring {
        guard token.source >= 0 else { return "" }
        let text = sources[token.source]
        let utf8 = text.utf8
        if token.start == 0 && token.end == utf8.count { return text }
        return text[utf8.index(utf8.startIndex, offsetBy: token.start)..<utf8.index(utf8.startIndex, offsetBy: token.end)]
    }

    /// The token's text as a `String`, made from its bytes.
    func string(of token: Token) -> String {
        withBytes(of: token) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` with the UTF-8 bytes of the token's text.
    func withBytes<R>(of token: Token, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if token.source >= 0,
            let result = Line.withBytes(
                of: sources[token.source], { body(UnsafeBufferPointer(rebasing: $0[token.start..<token.end])) })
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
        let source = sources.count
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
                if let matchers, token.isLabelCandidate { token.match = matchers.cachedMatch(of: trimmed) }
                return token
            }
            Line.forEachPiece(of: bytes, separator: separator) { start, end in tokens.append(token(start, end)) }
            return true
        }
        if let appended {
            if appended { sources.append(text) }
            return appended
        }
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
