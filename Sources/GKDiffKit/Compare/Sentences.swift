/// A sentence of the narrative with where it came from. It holds its paragraph's text and where in
/// it the sentence is, rather than a copy of its own: a report's sentences share their paragraphs'
/// storage (a copy each, with a header and an allocation, made the sentences half of the peak heap).
public struct Sentence: Sendable, Hashable {
    /// The text the sentence is part of (its paragraph's, shared).
    let source: String
    /// Where the sentence's UTF-8 bytes are in `source`'s.
    let start: UInt32
    let end: UInt32
    /// How many unicode scalars the sentence has (counted as it is split, for the shares of text
    /// carried over).
    private let scalars: UInt32
    /// The source line (a line number of a report of at most `SourceText.sizeLimit` bytes, or a
    /// paragraph number of a document: far below 2³¹).
    private var storedLine: Int32

    /// The source line.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(truncatingIfNeeded: newValue) }
    }

    /// A sentence that is all of `text`.
    public init(text: String, line: Int) {
        self.init(source: text, bytes: 0..<text.utf8.count, scalars: Sentences.scalarCount(text), line: line)
    }

    /// The sentence of `source`'s UTF-8 bytes in `bytes` (on scalar boundaries), `scalars` scalars.
    init(source: String, bytes: Range<Int>, scalars: Int, line: Int) {
        self.scalars = UInt32(truncatingIfNeeded: scalars)
        storedLine = Int32(truncatingIfNeeded: line)
        if bytes.upperBound <= Int(UInt32.max) {
            self.source = source
            start = UInt32(truncatingIfNeeded: bytes.lowerBound)
            end = UInt32(truncatingIfNeeded: bytes.upperBound)
        } else {
            // (Never for a report's paragraph, which is far shorter: then a copy of its own.)
            self.source = Sentences.slice(source, bytes)
            start = 0
            end = UInt32(truncatingIfNeeded: bytes.count)
        }
    }

    /// The sentence as written, with its closing punctuation: its paragraph's text when it is all of
    /// it, else a copy of its part.
    public var text: String {
        if start == 0 && Int(end) == source.utf8.count { return source }
        return Sentences.slice(source, Int(start)..<Int(end))
    }

    /// The length of the sentence's UTF-8 bytes.
    var byteCount: Int { Int(end &- start) }

    /// Calls `body` with the sentence's UTF-8 bytes (its part of its paragraph's storage).
    @inline(__always)
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var source = source
        let (start, end) = (Int(start), Int(end))
        return try source.withUTF8 { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Number of unicode scalars of the sentence. O(1).
    var scalarCount: Int { Int(scalars) }

    public static func == (a: Sentence, b: Sentence) -> Bool { a.line == b.line && a.text == b.text }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(line)
    }
}

/// Splitting prose into sentences and sentences into tokens, scanning unicode scalars.
enum Sentences {
    /// Sentences of paragraphs: split after `。！？；!?;` and at each paragraph end, never inside
    /// `“”`, `（）` or `()`, never on the `.` of a decimal (a `.` never ends a sentence). Scans the
    /// UTF-8 bytes (every mark is recognised by its lead byte and the two after it); each sentence is
    /// trimmed of spaces and shares its paragraph's text (nothing is copied). O(n).
    static func split(_ paragraphs: [Paragraph]) -> [Sentence] {
        var sentences: [Sentence] = []
        for paragraph in paragraphs { split(paragraph, into: &sentences) }
        return sentences
    }

    /// The sentences of a paragraph (`split`), appended to `sentences`. O(n).
    static func split(_ paragraph: Paragraph, into sentences: inout [Sentence]) {
        var text = paragraph.text
        text.withUTF8 { bytes in
            var start = 0
            var depth = 0
            var quoted = false
            var index = 0
            // Scalars before `index`, and before `start`: each pass of the loop passes one.
            var scalars = 0
            var startScalars = 0
            while index < bytes.count {
                scalars += 1
                let lead = bytes[index]
                // CJK ideographs (lead bytes E4…E9), nearly every character of a report, passed first.
                if lead &- 0xE4 < 6 {
                    index += 3
                    continue
                }
                var cut = false
                if lead < 0x80 {
                    switch lead {
                    case UInt8(ascii: "("): depth += 1
                    case UInt8(ascii: ")"): depth = max(0, depth - 1)
                    case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"): cut = true
                    default: break
                    }
                    index += 1
                } else if lead < 0xE0 {
                    index += 2
                } else if lead < 0xF0 {
                    // The marks start with E2, E3 or EF.
                    if lead != 0xE2 && lead != 0xE3 && lead != 0xEF {
                        index += 3
                        continue
                    }
                    switch (lead, bytes[index + 1], bytes[index + 2]) {
                    case (0xE2, 0x80, 0x9C): quoted = true  // “
                    case (0xE2, 0x80, 0x9D): quoted = false  // ”
                    case (0xEF, 0xBC, 0x88): depth += 1  // （
                    case (0xEF, 0xBC, 0x89): depth = max(0, depth - 1)  // ）
                    case (0xE3, 0x80, 0x82), (0xEF, 0xBC, 0x81), (0xEF, 0xBC, 0x9F), (0xEF, 0xBC, 0x9B): cut = true  // 。！？；
                    default: break
                    }
                    index += 3
                } else {
                    index += 4
                }
                if cut && depth == 0 && !quoted {
                    add(
                        bytes, start..<index, scalars: scalars - startScalars, line: paragraph.line, whole: paragraph.text,
                        to: &sentences)
                    start = index
                    startScalars = scalars
                }
            }
            add(
                bytes, start..<bytes.count, scalars: scalars - startScalars, line: paragraph.line, whole: paragraph.text,
                to: &sentences)
        }
    }

    /// Appends the bytes of a piece (of `scalars` scalars), trimmed of spaces (`LabelText.isSpace`),
    /// unless nothing is left, as a part of `whole`, the text of all of `bytes`.
    private static func add(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scalars: Int, line: Int, whole: String,
        to sentences: inout [Sentence]
    ) {
        var start = range.lowerBound
        var end = range.upperBound
        var scalars = scalars
        while start < end {
            let (scalar, length) = scalar(bytes, at: start)
            guard LabelText.isSpace(scalar) else { break }
            start += length
            scalars -= 1
        }
        while end > start {
            var lead = end - 1
            while bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard LabelText.isSpace(scalar(bytes, at: lead).scalar) else { break }
            end = lead
            scalars -= 1
        }
        if start < end { sentences.append(Sentence(source: whole, bytes: start..<end, scalars: scalars, line: line)) }
    }

    /// The text of `text`'s UTF-8 bytes in `range` (on scalar boundaries), copied as a substring is:
    /// without validating the bytes again, as `String(decoding:as:)` would.
    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let to = utf8.index(from, offsetBy: range.count)
        return String(text[from..<to])
    }

    /// The scalar whose UTF-8 bytes start at `index`, and how many bytes it takes.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let (value, length) = scalarValue(bytes, at: index)
        // Swift strings hold valid UTF-8: every value decoded is a scalar.
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The value of the scalar whose UTF-8 bytes (valid UTF-8) start at `index`, and how many bytes
    /// it takes.
    @inline(__always)
    static func scalarValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 {
            return (UInt32(lead), 1)
        } else if lead < 0xE0 {
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        } else if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        } else {
            return (
                UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                    | UInt32(bytes[index + 3] & 0x3F), 4
            )
        }
    }

    /// A sentence cut into tokens: a CJK character, a punctuation mark, an ASCII word, or a number with
    /// its `.`, `,`, `%`, `万`/`亿` as one token (`17`, `96.8%`, `1.5万`). Spaces belong to the token before
    /// them, so the tokens put together give the sentence back. The comparison reads tokens from the
    /// bytes (`TokenIdentity`); this scalar form is the reference the tests hold that reading to.
    struct Tokens {
        /// The sentence's scalars.
        var scalars: [Unicode.Scalar]
        /// Start of each token in `scalars`; a token runs to the next token's start.
        var starts: [Int]
        /// End of each token's own text (without the spaces after it).
        var ends: [Int]
        /// Whether each token is a number.
        var isNumber: [Bool]
        /// `scalars` normalised for comparing (`Sentences.normalized`), one for one: what token
        /// identities are made of, while `scalars` is what is shown.
        var normalized: [Unicode.Scalar] = []

        var count: Int { starts.count }
    }

    /// Tokens of a sentence. O(n) in its length, no allocation per token.
    static func tokens(_ text: String) -> Tokens {
        let original = LabelText.scalars(text)
        return tokens(original, normalized: original.map(normalized))
    }

    /// Tokens of a sentence's scalars, given them `normalized` one for one.
    static func tokens(_ original: [Unicode.Scalar], normalized scalars: [Unicode.Scalar]) -> Tokens {
        var starts: [Int] = []
        var ends: [Int] = []
        var isNumber: [Bool] = []
        starts.reserveCapacity(scalars.count)
        ends.reserveCapacity(scalars.count)
        isNumber.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            if LabelText.isSpace(scalars[index]) {
                index += 1
                continue
            }
            let (end, number) = tokenEnd(scalars, at: index)
            starts.append(index)
            ends.append(end)
            isNumber.append(number)
            index = end
        }
        return Tokens(scalars: original, starts: starts, ends: ends, isNumber: isNumber, normalized: scalars)
    }

    /// The end of the token that starts at `index` (a scalar that is not a space) of normalised
    /// scalars, and whether it is a number: a number with its `.`, `,`, `%`, `万`/`亿`, an ASCII word,
    /// else the one scalar.
    @inline(__always)
    static func tokenEnd(_ scalars: [Unicode.Scalar], at index: Int) -> (end: Int, isNumber: Bool) {
        let scalar = scalars[index]
        if isDigit(scalar) {
            var end = index + 1
            while end < scalars.count {
                let next = scalars[end]
                if isDigit(next) {
                    end += 1
                } else if (next == "." || next == ",") && end + 1 < scalars.count && isDigit(scalars[end + 1]) {
                    end += 2
                } else {
                    break
                }
            }
            if end < scalars.count {
                switch scalars[end] {
                case "%", "％", "万", "亿": end += 1
                default: break
                }
            }
            return (end, true)
        }
        if isASCIILetter(scalar) {
            var end = index + 1
            while end < scalars.count, isASCIILetter(scalars[end]) || isDigit(scalars[end]) { end += 1 }
            return (end, false)
        }
        return (index + 1, false)
    }

    /// Number of unicode scalars of a text, counted on its UTF-8 bytes (one lead byte per scalar);
    /// the same as `text.unicodeScalars.count` without decoding. O(n).
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { scalarCount($0) }
    }

    /// Number of unicode scalars of valid UTF-8 bytes. O(n).
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
        // Eight bytes at a time: a continuation byte (10xxxxxx) is one whose top bit is set and
        // next bit clear; the multiplication adds up the eight flags in the top byte.
        var count = bytes.count
        var index = 0
        while index + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let continuation = (word & ~(word << 1) & 0x8080_8080_8080_8080) >> 7
            count -= Int(truncatingIfNeeded: (continuation &* 0x0101_0101_0101_0101) >> 56)
            index += 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 == 0x80 { count -= 1 }
            index += 1
        }
        return count
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// `A`…`Z`, `a`…`z`: the ASCII scalars whose `properties.isAlphabetic` is true, without the
    /// property look-up.
    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { isASCIILetter(scalar.value) }

    /// `isASCIILetter` of a scalar value.
    @inline(__always)
    static func isASCIILetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    /// A scalar as prose is compared, one for one: Traditional characters as simplified ones
    /// (`報告` ≡ `报告`), full-width ASCII as half-width (`２０２４` ≡ `2024`, `（` ≡ `(`, `，` ≡ `,`,
    /// `：` ≡ `:`, `；` ≡ `;`), curly quotes as straight ones and every space as one space. So the same
    /// report in two encodings, in Traditional characters or typed with the other punctuation
    /// compares as the same text; what is shown stays as written.
    static func normalized(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(normalizedValue(scalar.value)) ?? scalar
    }

    /// `normalized` on a scalar value. O(1): the Traditional characters are looked up in constant
    /// tables (`ProseFold`), nothing is built at run time.
    @inline(__always)
    static func normalizedValue(_ value: UInt32) -> UInt32 {
        if value < 0x80 { return value }  // ASCII is its own form
        if value >= 0x4E00 && value <= 0x9FFF { return ProseFold.simplified(value) }
        switch value {
        case 0xFF01...0xFF5E: return value - 0xFEE0
        case 0x201C, 0x201D, 0x300C, 0x300D: return 0x22
        case 0x2018, 0x2019: return 0x27
        case 0x3000, 0xA0: return 0x20
        default: return value
        }
    }
}
