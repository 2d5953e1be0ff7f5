import GKDiffKit
import Testing

/// Encodings, line ends and bad input.
@Suite struct InputTests {
    @Test(arguments: ["gb18030", "utf16le", "utf16be", "bom", "crlf"])
    func encodedCopiesReadLikeTheOriginal(variant: String) throws {
        let original = try Fixture.report("nanguan-zfj-2024.txt")
        let copy = try Fixture.report("encodings/nanguan-zfj-2024.\(variant).txt")
        #expect(copy.cells == original.cells)
        #expect(copy.agency == "南关区执法局")
        #expect(copy.sections.map(\.text) == original.sections.map(\.text))
        #expect(copy.diagnostics == original.diagnostics)
    }

    @Test func encodingIsRecorded() throws {
        #expect(try SourceText.read(path: Fixture.path("encodings/nanguan-zfj-2024.gb18030.txt")).encoding == "GB18030")
        #expect(try SourceText.read(path: Fixture.path("encodings/nanguan-zfj-2024.utf16le.txt")).encoding == "UTF-16LE")
        #expect(try SourceText.read(path: Fixture.path("encodings/nanguan-zfj-2024.bom.txt")).encoding == "UTF-8 (BOM)")
    }

    @Test func carriageReturnsBecomeNewlines() throws {
        let text = try SourceText.decode(Array("a\r\nb\rc\n".utf8), path: "x").text
        #expect(text == "a\nb\nc\n")
    }

    @Test func aTruncatedLastCharacterIsAWarningNotAFailure() throws {
        var bytes = Array("一、总体情况\n内容".utf8)
        bytes.removeLast()  // cut `容` in the middle
        let source = try SourceText.decode(bytes, path: "cut.txt")
        #expect(source.text == "一、总体情况\n内")
        #expect(source.diagnostics.first?.severity == .warning)
    }

    /// Each bad input: exit 2, one line `gkdiff: PATH: reason` on stderr, nothing on stdout.
    @Test func badInputIsOneClearLineAndStatus2() throws {
        let folder = Fixture.temporaryFolder()
        let cases: [(path: String, reason: String)] = [
            (folder + "/absent.txt", "文件不存在"),
            (folder, "文件夹"),
            (Fixture.temporaryFile("empty.txt", []), "空的"),
            (Fixture.temporaryFile("blank.txt", Array("  \n\n \t\n".utf8)), "空的"),
            (Fixture.temporaryFile("binary.bin", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), "二进制"),
            (Fixture.temporaryFile("notes.txt", Array("会议纪要\n今天讨论了绿化工作。\n".utf8)), "不是政府信息公开工作年度报告"),
            (Fixture.temporaryFile("latin1.txt", [0x41, 0xFF, 0xFE, 0x80, 0x81, 0xFF, 0x0A]), "编码"),
        ]
        for (path, reason) in cases {
            for arguments in [["show", path], [path, Fixture.path("nanguan-zfj-2024.txt")]] {
                let result = Fixture.run(arguments)
                #expect(result.status == .trouble, "\(arguments)")
                #expect(result.out.isEmpty, "\(arguments)")
                #expect(result.err.hasPrefix("gkdiff: \(path): "), "\(result.err)")
                #expect(result.err.contains(reason), "\(result.err)")
                #expect(result.err.filter { $0 == "\n" }.count == 1, "\(result.err)")
            }
        }
    }

    @Test func usageErrorsAreStatus2() {
        #expect(Fixture.run([]).status == .trouble)
        #expect(Fixture.run(["--format", "xml", "a", "b"]).err.contains("--format"))
        #expect(Fixture.run(["--bogus", "a", "b"]).status == .trouble)
        #expect(Fixture.run(["--help"]).status == .same)
        #expect(Fixture.run(["--help"]).out.contains("用法"))
    }
}
