/// A sentence of the narrative with where it came from.
public struct Sentence: Sendable, Hashable {
    /// The sentence as written, with its closing punctuation.
    public var text: String
    /// The source line.
    public var line: Int
}

/// Splitting prose into sentences and sentences into tokens, scanning unicode scalars.
enum Sentences {
    /// Sentences of paragraphs: split after `。！？；!?;` and at each paragraph end, never inside
    /// `“”`, `（）` or `()`, never on the `.` of a decimal (a `.` never ends a sentence).
    static func split(_ paragraphs: [Paragraph]) -> [Sentence] {
        var sentences: [Sentence] = []
        for paragraph in paragraphs {
            let text = paragraph.text
            let scalars = text.unicodeScalars
            var start = scalars.startIndex
            var depth = 0
            var quoted = false
            var index = scalars.startIndex
            while index < scalars.endIndex {
                let scalar = scalars[index]
                index = scalars.index(after: index)
                switch scalar {
                case "“": quoted = true
                case "”": quoted = false
                case "（", "(": depth += 1
                case "）", ")": depth = max(0, depth - 1)
                case "。", "！", "？", "；", "!", "?", ";":
                    if depth == 0 && !quoted {
                        add(text[start..<index], line: paragraph.line, to: &sentences)
                        start = index
                    }
                default: break
                }
            }
            add(text[start..<index], line: paragraph.line, to: &sentences)
        }
        return sentences
    }

    /// Appends the piece, trimmed, unless nothing is left.
    private static func add(_ piece: Substring, line: Int, to sentences: inout [Sentence]) {
        let text = LabelText.trim(piece)
        if !text.isEmpty { sentences.append(Sentence(text: String(text), line: line)) }
    }

    /// A sentence cut into tokens: a CJK character, a punctuation mark, an ASCII word, or a number with
    /// its `.`, `,`, `%`, `万`/`亿` as one token (`17`, `96.8%`, `1.5万`). Spaces belong to the token before
    /// them, so the tokens put together give the sentence back.
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

        /// Scalar range of tokens `first..<last`, with the spaces between them (a leading space of the
        /// sentence goes with its first token).
        func range(_ first: Int, _ last: Int) -> Range<Int> {
            (first == 0 ? 0 : starts[first])..<(last < starts.count ? starts[last] : scalars.count)
        }

        /// The normalised text of one token (without the spaces after it).
        func normalizedText(_ index: Int) -> String {
            LabelText.string(normalized[starts[index]..<ends[index]])
        }

        /// Text of tokens `first..<last`.
        func text(_ first: Int, _ last: Int) -> String {
            LabelText.string(scalars[range(first, last)])
        }
    }

    /// Tokens of a sentence. O(n) in its length, no allocation per token.
    static func tokens(_ text: String) -> Tokens {
        let original = LabelText.scalars(text)
        let scalars = original.map(normalized)
        var starts: [Int] = []
        var ends: [Int] = []
        var isNumber: [Bool] = []
        starts.reserveCapacity(scalars.count)
        ends.reserveCapacity(scalars.count)
        isNumber.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if LabelText.isSpace(scalar) {
                index += 1
                continue
            }
            starts.append(index)
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
                isNumber.append(true)
                ends.append(end)
                index = end
            } else if scalar.isASCII && scalar.properties.isAlphabetic {
                var end = index + 1
                while end < scalars.count, scalars[end].isASCII, scalars[end].properties.isAlphabetic || isDigit(scalars[end]) {
                    end += 1
                }
                isNumber.append(false)
                ends.append(end)
                index = end
            } else {
                isNumber.append(false)
                index += 1
                ends.append(index)
            }
        }
        return Tokens(scalars: original, starts: starts, ends: ends, isNumber: isNumber, normalized: scalars)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// A scalar as prose is compared, one for one: Traditional characters as simplified ones
    /// (`報告` ≡ `报告`), full-width ASCII as half-width (`２０２４` ≡ `2024`, `（` ≡ `(`, `，` ≡ `,`,
    /// `：` ≡ `:`, `；` ≡ `;`), curly quotes as straight ones and every space as one space. So the same
    /// report in two encodings, in Traditional characters or typed with the other punctuation
    /// compares as the same text; what is shown stays as written.
    static func normalized(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        var v = scalar.value
        switch v {
        case 0xFF01...0xFF5E: v -= 0xFEE0
        case 0x201C, 0x201D, 0x300C, 0x300D: v = 0x22
        case 0x2018, 0x2019: v = 0x27
        case 0x3000, 0xA0: v = 0x20
        case 0x4E00...: v = ProseTraditional.simplified(Traditional.simplified(v))
        default: break
        }
        return Unicode.Scalar(v) ?? scalar
    }
}
