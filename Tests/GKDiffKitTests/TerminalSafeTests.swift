import Testing

@testable import GKDiffKit

/// Terminal safety (bullet 3): text output, `show`, `check` and error lines show control and bidi
/// characters visibly; CSV keeps the data as written; JSON escapes by its own rules.
@Suite struct TerminalSafeTests {
    static let hostile = "\u{1B}[2K\u{1B}[1A\u{202E}恶意\u{85}句子\u{2066}\u{200F}\u{061C}\r覆盖\u{7F}。"

    @Test func escapeShowsEveryControlAndBidiCharacter() {
        #expect(TerminalSafe.escape("a\u{1B}[31mb") == "a\\x1b[31mb")
        #expect(TerminalSafe.escape("\u{202E}x\u{202C}") == "<U+202E>x<U+202C>")
        #expect(TerminalSafe.escape("\u{85}\u{9B}\u{80}") == "<U+0085><U+009B><U+0080>")
        #expect(TerminalSafe.escape("\u{2066}\u{2067}\u{2068}\u{2069}") == "<U+2066><U+2067><U+2068><U+2069>")
        #expect(TerminalSafe.escape("\u{200E}\u{200F}\u{061C}") == "<U+200E><U+200F><U+061C>")
        #expect(TerminalSafe.escape("\u{0}\u{7}\u{8}\u{7F}") == "\\x00\\x07\\x08\\x7f")
        #expect(TerminalSafe.escape("a\rb") == "a\\x0db")
        #expect(TerminalSafe.escape("a\tb\nc\r\n") == "a\tb\nc\r\n")
        #expect(TerminalSafe.escape("南关区执法局 2024年（一）") == "南关区执法局 2024年（一）")
        #expect(TerminalSafe.line("a\nb\tc") == "a\\x0ab\\x09c")
    }

    /// The byte pre-check says "nothing to escape" only when no scalar is escaped: every scalar of
    /// the first three planes, alone and between Chinese characters, with and without `keepLayout`.
    @Test func bytePreCheckNeverMissesAnEscape() {
        for value in UInt32(0)...0x2_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for keepLayout in [true, false] {
                let escaped = TerminalSafe.needsEscape(scalar) && !(keepLayout && (scalar == "\t" || scalar == "\n"))
                for text in [String(scalar), "字" + String(scalar) + "句"] {
                    #expect(
                        TerminalSafe.mayNeedEscape(text, keepLayout: keepLayout) == escaped,
                        "U+\(String(value, radix: 16)) keepLayout=\(keepLayout)")
                }
            }
        }
    }

    @Test func colourPassesOnlyGKDiffsOwnSequences() {
        let text = "\u{1B}[31m[-x-]\u{1B}[0m \u{1B}[8mhidden\u{1B}[2J \u{1B}[1;33m!\u{1B}[0m"
        #expect(
            TerminalSafe.escape(text, color: true)
                == "\u{1B}[31m[-x-]\u{1B}[0m \\x1b[8mhidden\\x1b[2J \u{1B}[1;33m!\u{1B}[0m")
        #expect(!TerminalSafe.escape(text).contains("\u{1B}"))
    }

    /// zfj-2024 with a hostile sentence added to 一、总体情况.
    func hostilePair() throws -> (old: String, new: String) {
        let text = try Fixture.text("nanguan-zfj-2024.txt")
            .replacingFirst("全年发布微信公众号文章53篇。", with: "全年发布微信公众号文章53篇。" + Self.hostile)
        let new = Fixture.temporaryFile("2024.txt", Array(text.utf8))
        return (Fixture.path("nanguan-zfj-2023.txt"), new)
    }

    func expectEscaped(_ out: String) {
        #expect(!out.unicodeScalars.contains { TerminalSafe.needsEscape($0) && $0 != "\n" && $0 != "\t" })
        #expect(out.contains("\\x1b[2K\\x1b[1A<U+202E>恶意<U+0085>句子<U+2066><U+200F><U+061C>"), "\(out)")
    }

    @Test func textOutputShowAndCheckAreEscaped() throws {
        let (old, new) = try hostilePair()
        let compare = Fixture.run([old, new])
        #expect(compare.status == .different)
        expectEscaped(compare.out)
        // show and check name the file: a hostile file name is shown escaped.
        let named = Fixture.temporaryFile("2024\u{1B}[2K\u{202E}.txt", try SourceText.readBytes(path: new))
        for command in ["show", "check"] {
            let result = Fixture.run([command, named])
            #expect(result.status == .same)
            #expect(result.out.contains("2024\\x1b[2K<U+202E>.txt"), "\(result.out)")
            #expect(!result.out.unicodeScalars.contains { TerminalSafe.needsEscape($0) && $0 != "\n" && $0 != "\t" })
        }
    }

    @Test func colouredOutputOnATerminalHasOnlyGKDiffsColours() throws {
        let (old, new) = try hostilePair()
        let console = Console(outputIsTerminal: true)
        #expect(GKDiff.run([old, new], console: console) == .different)
        #expect(console.out.contains("\u{1B}[32m"))
        let stripped = TerminalSafe.colorSequences.reduce(console.out) { text, sequence in
            text.replacing(String(String.UnicodeScalarView(sequence)), with: "")
        }
        #expect(!stripped.contains("\u{1B}"))
        #expect(console.out.contains("\\x1b[2K"))
    }

    @Test func csvKeepsTheTextAsWrittenAndJSONEscapesIt() throws {
        let (old, new) = try hostilePair()
        let csv = Fixture.run(["--format", "csv", old, new])
        #expect(csv.out.contains("\u{1B}[2K\u{1B}[1A\u{202E}恶意\u{85}句子"))
        let json = Fixture.run(["--format", "json", old, new])
        #expect(JSONCheck.problem(json.out) == nil)
        #expect(json.out.contains("\\u001b[2K\\u001b[1A\\u202e恶意\\u0085句子\\u2066\\u200f\\u061c"), "\(json.out)")
        #expect(!json.out.unicodeScalars.contains { TerminalSafe.needsEscape($0) && $0 != "\n" })
        // On a terminal even CSV is shown escaped; in a file or a pipe it is the data as written.
        let console = Console(outputIsTerminal: true)
        _ = GKDiff.run(["--format", "csv", old, new], console: console)
        #expect(console.out.contains("\\x1b[2K") && console.out.contains("\r\n"))
    }

    @Test func aFileNameWithANewlineOrEscapeIsOneErrorLine() {
        let name = Fixture.temporaryFolder() + "/2024\n年\u{1B}[2J\u{202E}.txt"
        let result = Fixture.run(["show", name])
        #expect(result.status == .trouble)
        #expect(result.err.filter { $0 == "\n" }.count == 1)
        #expect(result.err.contains("2024\\x0a年\\x1b[2J<U+202E>.txt: 文件不存在"), "\(result.err)")
    }
}
