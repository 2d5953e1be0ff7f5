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
            var current = String.UnicodeScalarView()
            var depth = 0
            var quoted = false
            for scalar in paragraph.text.unicodeScalars {
                current.append(scalar)
                switch scalar {
                case "“": quoted = true
                case "”": quoted = false
                case "（", "(": depth += 1
                case "）", ")": depth = max(0, depth - 1)
                case "。", "！", "？", "；", "!", "?", ";":
                    if depth == 0 && !quoted {
                        flush(&current, line: paragraph.line, into: &sentences)
                    }
                default: break
                }
            }
            flush(&current, line: paragraph.line, into: &sentences)
        }
        return sentences
    }

    private static func flush(_ current: inout String.UnicodeScalarView, line: Int, into sentences: inout [Sentence]) {
        let text = LabelText.trim(String(current))
        if !text.isEmpty { sentences.append(Sentence(text: String(text), line: line)) }
        current = String.UnicodeScalarView()
    }

    /// A token of a sentence: a CJK character, a punctuation mark, an ASCII word, or a number with
    /// its `.`, `,`, `%`, `万`/`亿` as one token (`17`, `96.8%`, `1.5万`). Spaces are not tokens.
    struct Token: Hashable {
        var text: String
        var isNumber: Bool
    }

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if LabelText.isSpace(scalar) {
                index += 1
                continue
            }
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
                if end < scalars.count, scalars[end] == "%" || scalars[end] == "％" || scalars[end] == "万" || scalars[end] == "亿" {
                    end += 1
                }
                tokens.append(Token(text: String(String.UnicodeScalarView(scalars[index..<end])), isNumber: true))
                index = end
                continue
            }
            if scalar.isASCII && (scalar.properties.isAlphabetic) {
                var end = index + 1
                while end < scalars.count, scalars[end].isASCII, scalars[end].properties.isAlphabetic || isDigit(scalars[end]) {
                    end += 1
                }
                tokens.append(Token(text: String(String.UnicodeScalarView(scalars[index..<end])), isNumber: false))
                index = end
                continue
            }
            tokens.append(Token(text: String(scalar), isNumber: false))
            index += 1
        }
        return tokens
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
