/// Token identities: a single scalar is its own value; a number or ASCII word of up to eight characters
/// (most of them) is its characters packed into one integer; a longer one is interned as a string; the
/// report's own year and the years either side become fixed placeholders, so that `2023年` in last
/// year's report equals `2024年` in this year's. Read straight from a sentence's UTF-8 bytes, each
/// scalar `Sentences.normalized` on the way: no scalar array and no string per token.
struct TokenIdentity {
    private var words: [String: Int] = [:]

    /// A sentence's tokens as a token diff needs them: identities, and where each token is in the
    /// sentence's UTF-8 bytes.
    struct Tokens {
        /// Identities with the report's years masked.
        var ids: [Int] = []
        /// The rest of what is known of each token.
        var details: [Token] = []
        /// The sentence's length in bytes.
        var byteCount = 0

        var count: Int { ids.count }

        /// Byte range of tokens `first..<last`, with the spaces between them (a leading space of the
        /// sentence goes with its first token).
        func range(_ first: Int, _ last: Int) -> Range<Int> {
            (first == 0 ? 0 : Int(details[first].start))..<(last < details.count ? Int(details[last].start) : byteCount)
        }
    }

    /// One token of `Tokens`.
    struct Token {
        /// The identity without the year mask (`year: nil`): equal exactly when the normalised texts
        /// are equal byte for byte.
        var raw: Int
        /// Byte offset of the token's start; a token runs to the next token's start.
        var start: Int32
        /// Byte offset of the end of the token's own text (without the spaces after it).
        var end: Int32
        /// Whether the token is a number.
        var isNumber: Bool
    }

    /// The identities of a sentence's tokens into `ids` (replaced). O(n).
    mutating func ids(of text: String, year: Int?, into ids: inout [Int]) {
        var text = text
        ids = text.withUTF8 { bytes in
            // As many slots as scalars (a token takes at least one), cut to the tokens read.
            [Int](unsafeUninitializedCapacity: Sentences.scalarCount(bytes)) { ids, count in
                count = scan(bytes, year: year, ids: ids.baseAddress, details: nil)
            }
        }
    }

    /// The identities of a sentence's tokens written at the start of `buffer`, which grows when it
    /// must and is never cut (so that its storage serves sentence after sentence); returns how many
    /// there are. O(n).
    mutating func fill(_ buffer: inout [Int], with text: String, year: Int?) -> Int {
        var text = text
        return text.withUTF8 { fill(&buffer, with: $0, year: year) }
    }

    /// `fill(_:with:year:)` of a sentence's UTF-8 bytes. O(n).
    mutating func fill(_ buffer: inout [Int], with bytes: UnsafeBufferPointer<UInt8>, year: Int?) -> Int {
        if buffer.count < bytes.count {
            buffer.append(contentsOf: repeatElement(0, count: max(bytes.count, 2 * buffer.count) - buffer.count))
        }
        return buffer.withUnsafeMutableBufferPointer { ids in
            scan(bytes, year: year, ids: ids.baseAddress, details: nil)
        }
    }

    /// A sentence's tokens, for a token diff. O(n).
    mutating func tokens(of text: String, year: Int?) -> Tokens {
        var text = text
        return text.withUTF8 { tokens(of: $0, year: year) }
    }

    /// The tokens of a sentence's UTF-8 bytes, for a token diff. O(n).
    mutating func tokens(of bytes: UnsafeBufferPointer<UInt8>, year: Int?) -> Tokens {
        // As many slots as scalars (a token takes at least one), cut to the tokens read.
        let capacity = Sentences.scalarCount(bytes)
        var details: [Token] = []
        let ids = [Int](unsafeUninitializedCapacity: capacity) { ids, idsCount in
            details = [Token](unsafeUninitializedCapacity: capacity) { details, detailsCount in
                detailsCount = scan(bytes, year: year, ids: ids.baseAddress, details: details.baseAddress)
            }
            idsCount = details.count
        }
        return Tokens(ids: ids, details: details, byteCount: bytes.count)
    }

    /// `scan`: writes the tokens of the bytes to `ids` and `details` (room for at least one a scalar);
    /// returns how many. O(n).
    mutating func write(
        _ bytes: UnsafeBufferPointer<UInt8>, year: Int?, ids: UnsafeMutablePointer<Int>, details: UnsafeMutablePointer<Token>
    ) -> Int {
        scan(bytes, year: year, ids: ids, details: details)
    }

    /// Writes each token's identity (and, where a pointer is given, its details) for the tokens of
    /// the bytes, in order; returns how many. Tokens as
    /// `Sentences.tokenEnd` cuts the normalised scalars; at most one per byte.
    @inline(__always)
    private mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, year: Int?, ids: UnsafeMutablePointer<Int>?,
        details: UnsafeMutablePointer<Token>?
    ) -> Int {
        guard let ids else { return 0 }
        var written = 0
        @inline(__always) func write(_ id: Int, _ start: Int, _ end: Int, _ number: Bool, _ raw: Int) {
            ids[written] = id
            if let details {
                (details + written).initialize(
                    to: Token(
                        raw: raw, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end), isNumber: number))
            }
            written += 1
        }
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead >= 0xE4 && lead <= 0xE9 && index + 2 < count {
                // U+4000…U+9FFF, nearly all CJK ideographs: a token of its own, folded.
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                let folded = Int(value >= 0x4E00 ? ProseFold.simplified(value) : value)
                write(folded, index, index + 3, false, folded)
                index += 3
                continue
            }
            let (value, length) = Self.normalizedScalar(bytes, at: index)
            if LabelText.isSpace(value) {
                index += length
                continue
            }
            let isDigit = value &- 0x30 < 10
            guard isDigit || Sentences.isASCIILetter(value) else {
                write(Int(value), index, index + length, false, Int(value))
                index += length
                continue
            }
            // A number or an ASCII word: ASCII after normalising, but for a number's closing 万 or 亿.
            var end = index + length
            var scalars = 1
            var packed = Int(value)
            var plainDigits = isDigit  // digits only (for the year test)
            var number = Int(value &- 0x30)
            if isDigit {
                while end < count {
                    let (next, nextLength) = Self.normalizedScalar(bytes, at: end)
                    if next &- 0x30 < 10 {
                        packed = packed << 7 | Int(next)
                        number = number &* 10 &+ Int(next &- 0x30)
                        scalars += 1
                        end += nextLength
                    } else if next == 0x2E || next == 0x2C, end + nextLength < count,
                        case let (after, afterLength) = Self.normalizedScalar(bytes, at: end + nextLength), after &- 0x30 < 10
                    {
                        packed = (packed << 7 | Int(next)) << 7 | Int(after)
                        plainDigits = false
                        scalars += 2
                        end += nextLength + afterLength
                    } else {
                        break
                    }
                }
                if end < count {
                    let (next, nextLength) = Self.normalizedScalar(bytes, at: end)
                    if let code = Self.suffixCode(next) {
                        packed = packed << 7 | code
                        plainDigits = false
                        scalars += 1
                        end += nextLength
                    }
                }
            } else {
                while end < count {
                    let (next, nextLength) = Self.normalizedScalar(bytes, at: end)
                    guard next &- 0x30 < 10 || Sentences.isASCIILetter(next) else { break }
                    packed = packed << 7 | Int(next)
                    scalars += 1
                    end += nextLength
                }
            }
            if scalars == 1 {
                write(Int(value), index, end, isDigit, Int(value))
            } else {
                let raw = scalars <= 8 ? 1 << 62 | packed : intern(bytes, index, end)
                var id = raw
                if isDigit, plainDigits, scalars == 4, let year { id = Self.masked(number, year: year) ?? raw }
                write(id, index, end, isDigit, raw)
            }
            index = end
        }
        return written
    }

    /// The placeholder of a year next to the report's year, or nil.
    @inline(__always)
    private static func masked(_ value: Int, year: Int) -> Int? {
        switch value - year {
        case 0: return -1
        case 1: return -2
        case -1: return -3
        default: return nil
        }
    }

    /// The seven-bit code of a number's closing mark: `%` itself, `万` 1 and `亿` 2 (no other packed
    /// token holds a code below `0`'s, so the packing stays one to one); nil for anything else.
    @inline(__always)
    private static func suffixCode(_ value: UInt32) -> Int? {
        switch value {
        case 0x25: return 0x25
        case 0x4E07: return 1
        case 0x4EBF: return 2
        default: return nil
        }
    }

    /// The scalar at `index` of valid UTF-8, `Sentences.normalized`, and its length in bytes.
    @inline(__always)
    static func normalizedScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let (value, length) = Sentences.scalarValue(bytes, at: index)
        return (Sentences.normalizedValue(value), length)
    }

    /// The identity of a token too long to pack: its normalised text, interned.
    private mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var text = ""
        var index = start
        while index < end {
            let (value, length) = Self.normalizedScalar(bytes, at: index)
            text.unicodeScalars.append(Unicode.Scalar(value).unsafelyUnwrapped)
            index += length
        }
        let next = words.count
        return 0x20_0000 + value(&words[text, default: next])
    }

    /// The identity of token `start..<end` of normalised `scalars`, as `ids(of:year:into:)` gives it
    /// (what the tests check that pass against).
    mutating func id(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, isNumber: Bool, year: Int?) -> Int {
        if end - start == 1 { return Int(scalars[start].value) }
        if isNumber, end - start == 4, let year, let value = Metadata.fourDigits(scalars, at: start),
            let id = Self.masked(value, year: year)
        {
            return id
        }
        if end - start <= 8 {
            // Seven bits a character, none of them 0: distinct texts give distinct values, above
            // every scalar value and every interned id.
            var packed = 0
            var packable = true
            for index in start..<end {
                let value = scalars[index].value
                if value < 0x80 {
                    packed = packed << 7 | Int(value)
                } else if index == end - 1, isNumber, let code = Self.suffixCode(value) {
                    packed = packed << 7 | code
                } else {
                    packable = false
                    break
                }
            }
            if packable { return 1 << 62 | packed }
        }
        let next = words.count
        return 0x20_0000 + value(&words[LabelText.string(scalars[start..<end]), default: next])
    }

    /// The normalised text of token `index` of `tokens` of `text`. Only for the rare cases that need
    /// it as a string. O(n) in the token.
    static func normalizedText(_ text: String, _ tokens: Tokens, _ index: Int) -> String {
        var text = text
        return text.withUTF8 { normalizedText($0, tokens, index) }
    }

    /// `normalizedText(_:_:_:)` of a sentence's UTF-8 bytes. O(n) in the token.
    static func normalizedText(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: Tokens, _ index: Int) -> String {
        var result = ""
        var position = Int(tokens.details[index].start)
        while position < Int(tokens.details[index].end) {
            let (value, length) = normalizedScalar(bytes, at: position)
            result.unicodeScalars.append(Unicode.Scalar(value).unsafelyUnwrapped)
            position += length
        }
        return result
    }
}

/// Reading through `inout` makes `Dictionary`'s `default:` subscript insert the default when the key
/// is new, so that looking up and inserting cost one hash.
private func value(_ slot: inout Int) -> Int { slot }
