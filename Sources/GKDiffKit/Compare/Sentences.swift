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

        var count: Int { starts.count }

        /// Scalar range of tokens `first..<last`, with the spaces between them (a leading space of the
        /// sentence goes with its first token).
        func range(_ first: Int, _ last: Int) -> Range<Int> {
            (first == 0 ? 0 : starts[first])..<(last < starts.count ? starts[last] : scalars.count)
        }

        /// Text of tokens `first..<last`.
        func text(_ first: Int, _ last: Int) -> String {
            LabelText.string(scalars[range(first, last)])
        }
    }

    /// Tokens of a sentence. O(n) in its length, no allocation per token.
    static func tokens(_ text: String) -> Tokens {
        let scalars = LabelText.scalars(text)
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
        return Tokens(scalars: scalars, starts: starts, ends: ends, isNumber: isNumber)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
