import Testing

@testable import GKDiffKit

/// Running helper programs: found on PATH, output collected, runaway ones stopped. Uses programs every
/// Linux has (`sh`, `yes`, `sleep`); elapsed time is never asserted.
@Suite struct SubprocessTests {
    @Test func outputAndExitStatus() throws {
        let result = try Subprocess.run("sh", ["-c", "printf 'a\\tb\\n'; printf oops >&2; exit 3"])
        #expect(String(decoding: result.output, as: UTF8.self) == "a\tb\n")
        #expect(String(decoding: result.errorOutput, as: UTF8.self) == "oops")
        #expect(result.status == 3)
    }

    @Test func standardInputIsEmpty() throws {
        let result = try Subprocess.run("sh", ["-c", "cat; echo end"], timeout: 10)
        #expect(String(decoding: result.output, as: UTF8.self) == "end\n")
    }

    @Test func aMissingProgramIsNotFound() {
        #expect(throws: Subprocess.Failure.notFound("gkdiff-no-such-program")) {
            try Subprocess.run("gkdiff-no-such-program", [])
        }
        #expect(Subprocess.find("sh") != nil)
        #expect(Subprocess.find("sh", path: "/nonexistent") == nil)
    }

    @Test func tooMuchOutputIsStopped() {
        #expect(throws: Subprocess.Failure.outputTooLarge("yes", 100_000)) {
            try Subprocess.run("yes", [], timeout: 30, outputLimit: 100_000)
        }
    }

    @Test func aProgramPastItsTimeIsStopped() {
        #expect(throws: Subprocess.Failure.timedOut("sleep", 1)) {
            try Subprocess.run("sleep", ["30"], timeout: 1)
        }
    }

    @Test func aChildThatKeepsTheOutputOpenIsStoppedToo() {
        // The shell's background child holds standard output open after the shell exits.
        #expect(throws: Subprocess.Failure.timedOut("sh", 1)) {
            try Subprocess.run("sh", ["-c", "sleep 30 & echo started"], timeout: 1)
        }
    }

    @Test func parallelRunsEachGetTheirOwnOutput() async {
        // A long child started alongside must not hold the short ones' pipes open (they would time out).
        let results = await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? Subprocess.run("sleep", ["3"], timeout: 20)) != nil }
            for index in 0..<12 {
                group.addTask {
                    let result = try? Subprocess.run("sh", ["-c", "echo \(index)"], timeout: 2)
                    return result?.output == Array("\(index)\n".utf8) && result?.status == 0
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 13 && results.allSatisfy { $0 })
    }

    @Test func aFileNameIsNeverAnOption() {
        #expect(Subprocess.argument("-tsv.pdf") == "./-tsv.pdf")
        #expect(Subprocess.argument("/tmp/a.pdf") == "/tmp/a.pdf")
    }

    @Test func helperFailuresReadAsOneLine() {
        let missing = GKDiffError.helper("a.pdf", .notFound("pdftotext"), missing: "读取 PDF 需要安装 poppler-utils（pdftotext）")
        #expect(missing.description == "a.pdf: 读取 PDF 需要安装 poppler-utils（pdftotext）")
        let slow = GKDiffError.helper("a.pdf", .timedOut("pdftotext", 60), missing: "")
        #expect(slow.reason == "pdftotext 运行超过 60 秒，已停止（timeout）")
    }
}

/// .doc/.wps through LibreOffice.
@Suite struct LegacyWordTests {
    @Test func missingLibreOfficeSaysWhatToDo() {
        #expect(
            throws: GKDiffError(path: "a.doc", reason: "读取 .doc/.wps 需要安装 LibreOffice（soffice），或在 WPS/Word 中另存为 .docx")
        ) {
            try LegacyWord.convertWithLibreOffice(path: "a.doc", timeout: 10, program: "gkdiff-no-such-soffice")
        }
    }

    @Test func aDocBecomesDocxBytes() throws {
        guard Subprocess.find("soffice") != nil else {
            print("skipped: soffice (LibreOffice) is not installed")
            return
        }
        // Make a .doc from a fixture with LibreOffice itself, then convert it back.
        let temporary = try #require(TemporaryFolder(prefix: "gkdiff-test"))
        defer { temporary.remove() }
        let folder = temporary.path
        let made = try Subprocess.run(
            "soffice",
            [
                "--headless", "-env:UserInstallation=file://\(folder)/profile", "--convert-to", "doc:MS Word 97", "--outdir",
                folder, Fixture.path("layouts/nanguan-zjj-2024.html"),
            ], timeout: 180)
        #expect(made.status == 0)
        let bytes = try LegacyWord.convertWithLibreOffice(path: folder + "/nanguan-zjj-2024.doc")
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(bytes.count > 2000)
    }

    @Test func aBrokenFileIsOneClearLine() throws {
        guard Subprocess.find("soffice") != nil else {
            print("skipped: soffice (LibreOffice) is not installed")
            return
        }
        let path = Fixture.temporaryFile("broken.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0])
        #expect(throws: GKDiffError.self) { try LegacyWord.convertWithLibreOffice(path: path) }
    }
}
