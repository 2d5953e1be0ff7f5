import Testing

@testable import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

/// The reviewed outputs under Fixtures/expected/ (bullet 5): the text, CSV and JSON comparison of each
/// fixture pair, byte for byte. When a change alters an output on purpose, regenerate them with
/// Scripts/expected.sh, review `git diff Fixtures/expected` and commit them with the change.
@Suite struct ExpectedOutputTests {
    /// Name and the two fixtures, as in Scripts/expected.sh.
    static let pairs: [(name: String, old: String, new: String)] = [
        ("huzhu-cgj-2023-2024", "huzhu-cgj-2023.txt", "huzhu-cgj-2024.txt"),
        ("nanguan-sthj-2023-2024", "nanguan-sthj-2023.txt", "nanguan-sthj-2024.txt"),
        ("nanguan-xinchun-2023-2024", "nanguan-xinchun-2023.txt", "nanguan-xinchun-2024.txt"),
        ("nanguan-zfj-2023-2024", "nanguan-zfj-2023.txt", "nanguan-zfj-2024.txt"),
        ("nanguan-zsj-2023-2024", "nanguan-zsj-2023.txt", "nanguan-zsj-2024.txt"),
        ("nanguan-mzj-2020-2021", "layouts/nanguan-mzj-2020.txt", "layouts/nanguan-mzj-2021.txt"),
    ]

    /// The output as Scripts/expected.sh makes it from the package root: paths `Fixtures/…`. When the
    /// tests run from the package root (as `swift test` does) the paths are given as that script gives
    /// them, so the output's line wrapping cannot depend on where the package is checked out.
    static func output(_ format: String, _ old: String, _ new: String) -> (GKDiffKit.ExitStatus, String) {
        let fromRoot = currentDirectory() == Fixture.root
        let paths = fromRoot ? ["Fixtures/" + old, "Fixtures/" + new] : [Fixture.path(old), Fixture.path(new)]
        let result = Fixture.run(["--color=never", "--format", format] + paths)
        return (result.status, result.out.replacing(Fixture.root + "/Fixtures/", with: "Fixtures/"))
    }

    /// The process's working directory, or "" when it cannot be told.
    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test(arguments: pairs.map(\.name))
    func textCSVAndJSONMatchTheReviewedFilesByteForByte(name: String) throws {
        let pair = try #require(Self.pairs.first { $0.name == name })
        for (format, ext) in [("text", "text"), ("csv", "csv"), ("json", "json"), ("html", "htmlpage")] {
            let expectedPath = Fixture.path("expected/\(name).\(ext)")
            let expected = try SourceText.readBytes(path: expectedPath)
            let (status, out) = Self.output(format, pair.old, pair.new)
            #expect(status == .different)
            let actual = Array(out.utf8)
            if actual != expected {
                let got = out.split(separator: "\n", omittingEmptySubsequences: false)
                let want = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }
                Issue.record(
                    """
                    \(expectedPath) differs (\(actual.count) bytes, expected \(expected.count)); first differing line \
                    \((line?.offset).map { $0 + 1 } ?? 0):
                      got:      \(line?.element.0 ?? "")
                      expected: \(line?.element.1 ?? "")
                    If the change is intended, run Scripts/expected.sh and review git diff Fixtures/expected.
                    """)
            }
        }
    }

    /// Every JSON gkdiff writes parses (compare, --all, show, check, batch), with a validator written in
    /// the tests.
    @Test func everyJSONOutputParses() throws {
        var outputs: [(String, String)] = []
        for pair in Self.pairs {
            outputs.append(("\(pair.name) compare", Self.output("json", pair.old, pair.new).1))
            let all = Fixture.run(["--all", "--format=json", Fixture.path(pair.old), Fixture.path(pair.new)])
            outputs.append(("\(pair.name) --all", all.out))
            for file in [pair.old, pair.new] {
                outputs.append(("show \(file)", Fixture.run(["show", "--format", "json", Fixture.path(file)]).out))
                outputs.append(("check \(file)", Fixture.run(["check", "--format", "json", Fixture.path(file)]).out))
            }
        }
        for name in [
            "encodings/nanguan-zfj-2024.gb18030.txt", "layouts/nanguan-zjj-2024.big5.html",
            "layouts/nanguan-zjj-2024.truncated.txt",
        ] {
            outputs.append(("show \(name)", Fixture.run(["show", "--format", "json", Fixture.path(name)]).out))
        }
        let root = Fixture.temporaryFolder()
        for (folder, files) in [
            ("old", ["nanguan-zfj-2023.txt", "nanguan-zsj-2023.txt"]), ("new", ["nanguan-zfj-2024.txt", "huzhu-cgj-2024.txt"]),
        ] {
            mkdir(root + "/" + folder, 0o755)
            for file in files { try FileWriter.write(try Fixture.text(file), to: "\(root)/\(folder)/\(file)") }
        }
        outputs.append(("batch", Fixture.run(["--batch", "--format", "json", root + "/old", root + "/new"]).out))
        for (what, json) in outputs {
            #expect(!json.isEmpty, "\(what)")
            #expect(JSONCheck.problem(json) == nil, "\(what): \(JSONCheck.problem(json) ?? "")")
        }
        #expect(JSONCheck.problem("{\"a\": [1, 2.5e3, -0, true, null, \"\\u00e9\"]}") == nil)
        for bad in ["", "{", "{\"a\" 1}", "[1,]", "\"\u{1}\"", "01", "{\"a\":1}x", "'a'", "[1 2]"] {
            #expect(JSONCheck.problem(bad) != nil, "\(bad)")
        }
    }
}
