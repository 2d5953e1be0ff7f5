import Testing

@testable import GKDiffKit

/// `Sentences.split` scans UTF-8 bytes; the scalar-by-scalar reading it replaced is kept here as the
/// oracle, and both must cut random prose (marks, brackets, quotes, every kind of space, combining
/// marks, two- and four-byte characters) into the same sentences.
@Suite struct SentencesTests {
    /// The former `Sentences.split`, scanning unicode scalars.
    static func oracle(_ paragraphs: [Paragraph]) -> [Sentence] {
        var sentences: [Sentence] = []
        func add(_ piece: Substring, line: Int) {
            let text = LabelText.trim(piece)
            if !text.isEmpty { sentences.append(Sentence(text: String(text), line: line)) }
        }
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
                        add(text[start..<index], line: paragraph.line)
                        start = index
                    }
                default: break
                }
            }
            add(text[start..<index], line: paragraph.line)
        }
        return sentences
    }

    @Test func byteScanAgreesWithScalarScan() {
        let alphabet: [String] = [
            "。", "！", "？", "；", "!", "?", ";", ".", "“", "”", "（", "）", "(", ")", " ", "\u{3000}", "\u{A0}",
            "\u{200B}", "\u{FEFF}", "\t", "\u{301}", "é", "😀", "年", "报", "告", "2", "0", "a", "，",
        ]
        var generator = MyersTests.Generator(state: 15)
        for round in 0..<3_000 {
            var paragraphs: [Paragraph] = []
            for line in 0..<(1 + generator.next(3)) {
                let text = (0..<generator.next(30)).map { _ in alphabet[generator.next(alphabet.count)] }.joined()
                paragraphs.append(Paragraph(text: text, line: line + 1))
            }
            let split = Sentences.split(paragraphs)
            let expected = Self.oracle(paragraphs)
            #expect(split.count == expected.count, "round \(round): \(paragraphs)")
            for (a, b) in zip(split, expected) {
                #expect(LabelText.sameBytes(a.text, b.text) && a.line == b.line, "round \(round): \(paragraphs)")
            }
        }
    }

    /// Scalars counted on bytes, as `unicodeScalars.count` counts them.
    @Test func scalarCount() {
        for text in ["", "abc", "年报", "e\u{301}😀", "2024年 \u{3000}"] {
            #expect(Sentences.scalarCount(text) == text.unicodeScalars.count)
        }
    }

    /// The identity pass (`TokenIdentity.ids`, on UTF-8 bytes) gives what the tokens of
    /// `Sentences.tokens` give token by token, on random prose with numbers, words, years, full-width
    /// forms, Traditional characters and spaces.
    @Test func identityPassAgreesWithTokens() {
        let alphabet: [String] = [
            "2024", "2023", "2025", "1999", "12", "3.5", "1,200", "％", "%", "万", "亿", ".", ",", "年", "報", "报",
            "告", "ab", "Z9", "ｘ", "２０２４", "．", " ", "\u{3000}", "\u{A0}", "\u{200B}", "。", "，", "“", "😀", "é", "\u{301}",
        ]
        var generator = MyersTests.Generator(state: 2024)
        var identity = TokenIdentity()
        for round in 0..<3_000 {
            let text = (0..<generator.next(25)).map { _ in alphabet[generator.next(alphabet.count)] }.joined()
            let year: Int? = generator.next(4) == 0 ? nil : 2023 + generator.next(3)
            var ids: [Int] = []
            identity.ids(of: text, year: year, into: &ids)
            let tokens = Sentences.tokens(text)
            var expected: [Int] = []
            for index in 0..<tokens.count {
                expected.append(
                    identity.id(
                        tokens.normalized, tokens.starts[index], tokens.ends[index], isNumber: tokens.isNumber[index], year: year)
                )
            }
            #expect(ids == expected, "round \(round): \(text)")
        }
    }

    /// A paragraph that is one sentence is not copied: the sentence shares its text (a large report of
    /// one-sentence lines held its prose twice); a paragraph of several, or with spaces trimmed, is cut.
    @Test func aOneSentenceParagraphSharesItsText() {
        func address(_ text: String) -> UnsafePointer<UInt8>? {
            text.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
        }
        let one = Paragraph(text: "本机关全年共收到政府信息公开申请十二件，均已按时办结。", line: 3)
        let sentences = Sentences.split([one])
        #expect(sentences.map(\.text) == [one.text] && sentences.map(\.line) == [3])
        #expect(address(sentences[0].text) != nil && address(sentences[0].text) == address(one.text))
        let two = Paragraph(text: "  第一句话在这里结束了。第二句话也在这里结束了。", line: 4)
        #expect(Sentences.split([two]).map(\.text) == ["第一句话在这里结束了。", "第二句话也在这里结束了。"])
        #expect(Sentences.split([Paragraph(text: "", line: 5)]).isEmpty)
    }
}
