import Testing

@testable import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

/// The command line as GNU users type it (issue 16, bullet 4), `- -`, and `-o` choosing its format.
@Suite struct CLIOptionTests {
    static let old = Fixture.path("nanguan-zfj-2023.txt")
    static let new = Fixture.path("nanguan-zfj-2024.txt")

    @Test func bundledShortOptionsAndAttachedValues() throws {
        let bundled = try GKDiff.parse(["-ao", "x.txt", "a", "b"])
        #expect(bundled.all && bundled.output == "x.txt" && bundled.paths == ["a", "b"])
        let attached = try GKDiff.parse(["-oout.json", "a", "b"])
        #expect(attached.output == "out.json" && attached.format == .json)
        let attachedAfterBundle = try GKDiff.parse(["-aocsv.csv", "a", "b"])
        #expect(attachedAfterBundle.all && attachedAfterBundle.output == "csv.csv" && attachedAfterBundle.format == .csv)
        let format = try GKDiff.parse(["-fjson", "a", "b"])
        #expect(format.format == .json)
    }

    @Test func longOptionsWithEqualsAndUnambiguousPrefixes() throws {
        #expect(try GKDiff.parse(["--format=csv", "a", "b"]).format == .csv)
        #expect(try GKDiff.parse(["--form", "csv", "a", "b"]).format == .csv)
        #expect(try GKDiff.parse(["--f=json", "a", "b"]).format == .json)
        #expect(try GKDiff.parse(["--out=x.txt", "a", "b"]).output == "x.txt")
        #expect(try GKDiff.parse(["--al", "a", "b"]).all)
        #expect(try GKDiff.parse(["--col=never", "a", "b"]).color == .never)
        #expect(try GKDiff.parse(["--colour=always", "a", "b"]).color == .always)
        #expect(try GKDiff.parse(["--vers"]).command == .version)
        #expect(try GKDiff.parse(["--batch", "--pai", "p.csv", "--det=d", "a", "b"]).pairsFile == "p.csv")
    }

    @Test func doubleDashEndsOptions() throws {
        let options = try GKDiff.parse(["--", "-a", "--format=csv"])
        #expect(options.paths == ["-a", "--format=csv"] && !options.all && options.format == .text)
    }

    @Test(arguments: [
        ["--frobnicate", "a", "b"], ["-x", "a", "b"], ["-az", "a", "b"], ["--all=yes", "a", "b"], ["--format=xml", "a", "b"],
        ["-o"], ["--output"], ["-o", "", "a", "b"], ["--output=", "a", "b"], ["--color=sometimes", "a", "b"], ["a"],
        ["a", "b", "c"],
    ])
    func badUsageIsOneLineAndStatus2(arguments: [String]) {
        let result = Fixture.run(arguments)
        #expect(result.status == .trouble)
        #expect(result.out.isEmpty)
        #expect(result.err.hasPrefix("gkdiff: ") && result.err.filter { $0 == "\n" }.count == 1, "\(result.err)")
    }

    @Test func bothReportsFromStandardInputIsAUsageError() {
        let result = Fixture.run(["-", "-"])
        #expect(result.status == .trouble)
        #expect(result.err.contains("标准输入") && !result.err.contains("空的"))
        #expect(result.err.filter { $0 == "\n" }.count == 1)
        #expect(Fixture.run(["--", "-", "-"]).status == .trouble)
    }

    @Test func outputExtensionChoosesTheFormatUnlessFormatIsGiven() throws {
        #expect(try GKDiff.parse(["-o", "汇总.csv", "a", "b"]).format == .csv)
        #expect(try GKDiff.parse(["-o", "dir.v2/汇总.CSV", "a", "b"]).format == .csv)
        #expect(try GKDiff.parse(["-o", "out.json", "a", "b"]).format == .json)
        #expect(try GKDiff.parse(["-o", "out.txt", "a", "b"]).format == .text)
        #expect(try GKDiff.parse(["-o", "审阅.html", "a", "b"]).format == .html)
        #expect(try GKDiff.parse(["-o", "out.HTM", "a", "b"]).format == .html)
        #expect(try GKDiff.parse(["-o", "dir.csv/out", "a", "b"]).format == .text)
        #expect(try GKDiff.parse(["--format", "text", "-o", "out.csv", "a", "b"]).format == .text)
        #expect(try GKDiff.parse(["-o", "-", "a", "b"]).format == .text)
        let folder = Fixture.temporaryFolder()
        let result = Fixture.run(["-o", folder + "/out.csv", Self.old, Self.new])
        #expect(result.status == .different)
        let bytes = try SourceText.readBytes(path: folder + "/out.csv")
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: bytes, as: UTF8.self).contains("kind,section,table"))
    }

    @Test(arguments: ["out.xlsx", "out.XLS"])
    func outputToAFormatGKDiffCannotWriteIsRefused(name: String) {
        let folder = Fixture.temporaryFolder()
        let result = Fixture.run(["-o", folder + "/" + name, Self.old, Self.new])
        #expect(result.status == .trouble)
        #expect(result.err.contains("not supported yet") && result.err.filter { $0 == "\n" }.count == 1)
        #expect(access(folder + "/" + name, F_OK) != 0)
    }

    @Test func noColorCountsOnlyWhenSetAndNotEmpty() throws {
        func colored(_ environment: [String: String]) -> Bool {
            let console = Console(outputIsTerminal: true, environment: environment)
            _ = GKDiff.run([Self.old, Self.new], console: console)
            return console.out.contains("\u{1B}[")
        }
        #expect(colored([:]))
        #expect(colored(["NO_COLOR": ""]))
        #expect(!colored(["NO_COLOR": "1"]))
        #expect(!colored(["TERM": "dumb"]))
        let piped = Console(outputIsTerminal: false)
        _ = GKDiff.run([Self.old, Self.new], console: piped)
        #expect(!piped.out.contains("\u{1B}"))
    }

    /// Every status of every command, in-process (Scripts/e2e.sh asserts the same on the built binary).
    @Test func everyCommandGivesEveryStatus() throws {
        let clean = Fixture.path("nanguan-zsj-2024.txt")
        #expect(Fixture.run([Self.old, Self.new]).status == .different)
        #expect(Fixture.run([Self.new, Self.new]).status == .same)
        #expect(Fixture.run([Self.new, "/nonexistent/x.txt"]).status == .trouble)
        #expect(Fixture.run(["show", Self.new]).status == .same)
        #expect(Fixture.run(["show", "/nonexistent/x.txt"]).status == .trouble)
        #expect(Fixture.run(["check", clean]).status == .same)
        #expect(Fixture.run(["check", "/nonexistent/x.txt"]).status == .trouble)
        // An R2 error: one applicant column of table 2 no longer adds up to its total.
        let broken = try checkErrorReport()
        let check = Fixture.run(["check", broken])
        #expect(check.status == .different, "\(check.out)")
        #expect(Fixture.run(["--help"]).status == .same)
        #expect(Fixture.run(["--version"]).status == .same)
    }

    /// zsj-2024 with table 2's 自然人 count of 予以公开 raised by 1000, so R1/R2/R3 break.
    func checkErrorReport() throws -> String {
        let report = try Fixture.report("nanguan-zsj-2024.txt")
        let cell = try #require(report.cell(.requests, "granted", "natural_person"))
        let lines = try Fixture.text("nanguan-zsj-2024.txt").split(separator: "\n", omittingEmptySubsequences: false)
        var edited = lines.map(String.init)
        let index = try #require(cell.line) - 1
        let number = try #require(cell.number)
        edited[index] = edited[index].replacingFirst("\(number)", with: "\(number + 1000)")
        return Fixture.temporaryFile("broken.txt", Array(edited.joined(separator: "\n").utf8))
    }
}

/// Checked output (bullet 1): a full disk and a closed pipe are never reported as success; `-o` writes
/// whole or not at all and never over an input.
@Suite(.serialized) struct CLIOutputTests {
    static let old = Fixture.path("nanguan-zfj-2023.txt")
    static let new = Fixture.path("nanguan-zfj-2024.txt")

    func readAll(_ path: String) -> String {
        (try? SourceText.readBytes(path: path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test func aFullDiskIsOneWriteErrorLineAndStatus2() throws {
        let text = try Fixture.withFullDisk { full, err in
            for arguments in [[Self.old, Self.new], [Self.new, Self.new], ["show", Self.new], ["check", Self.new]] {
                let console = Console()
                let status = console.flush(GKDiff.run(arguments, console: console), out: full, err: err)
                #expect(status == .trouble, "\(arguments)")
            }
        }
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix("gkdiff: write error: ") && $0.contains("No space left on device") })
    }

    @Test func aClosedPipeIsAQuietStatus2() throws {
        let errors = try Fixture.withClosedPipe { writeEnd, err in
            let console = Console()
            let status = console.flush(GKDiff.run([Self.old, Self.new], console: console), out: writeEnd, err: err)
            #expect(status == .trouble)
        }
        #expect(errors.isEmpty)
    }

    @Test func outputWrittenWholeKeepsPermissionsAndLeavesNoTemporaryFile() throws {
        let folder = Fixture.temporaryFolder()
        let target = folder + "/changes.txt"
        try FileWriter.write("old contents\n", to: target)
        chmod(target, 0o600)
        let result = Fixture.run(["-o", target, Self.old, Self.new])
        #expect(result.status == .different && result.out.isEmpty && result.err.isEmpty)
        #expect(readAll(target).hasPrefix("gkdiff：南关区执法局"))
        var info = stat()
        #expect(stat(target, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(entries(folder) == ["changes.txt"])
    }

    @Test func outputOverAnInputIsRefusedAndTheInputKept() throws {
        let folder = Fixture.temporaryFolder()
        let input = folder + "/2024.txt"
        let original = try Fixture.text("nanguan-zfj-2024.txt")
        try FileWriter.write(original, to: input)
        link(input, folder + "/hard-link.txt")
        symlink(input, folder + "/soft-link.txt")
        for target in [input, folder + "/hard-link.txt", folder + "/soft-link.txt", folder + "/./2024.txt"] {
            let result = Fixture.run(["-o", target, Self.old, input])
            #expect(result.status == .trouble, "\(target)")
            #expect(result.err.contains("output would overwrite an input"), "\(result.err)")
            #expect(result.err.filter { $0 == "\n" }.count == 1)
            for show in [["show", "-o", target, input], ["check", "-o", target, input]] {
                #expect(Fixture.run(show).status == .trouble)
            }
        }
        #expect(readAll(input) == original)
        #expect(entries(folder) == ["2024.txt", "hard-link.txt", "soft-link.txt"])
    }

    @Test func outputIntoAMissingFolderOrOntoAFolderIsOneLine() {
        let folder = Fixture.temporaryFolder()
        for (target, words) in [
            (folder + "/absent/out.txt", "不存在"), (folder, "is a directory"), (folder + "/", "is a directory"),
            ("/dev/null", "not a regular file"),
        ] {
            let result = Fixture.run(["-o", target, Self.old, Self.new])
            #expect(result.status == .trouble, "\(target)")
            #expect(result.out.isEmpty)
            #expect(result.err.hasPrefix("gkdiff: ") && result.err.contains(words), "\(result.err)")
            #expect(result.err.filter { $0 == "\n" }.count == 1)
        }
    }

    func entries(_ folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

/// Inputs (bullet 2): only regular files are opened; a FIFO, socket or device is one line and status 2
/// without waiting on it.
@Suite struct CLIInputTests {
    static let new = Fixture.path("nanguan-zfj-2024.txt")

    func expectRefused(_ path: String, _ words: String) {
        for arguments in [[path, Self.new], [Self.new, path], ["show", path], ["check", path]] {
            let result = Fixture.run(arguments)
            #expect(result.status == .trouble, "\(arguments)")
            #expect(result.out.isEmpty)
            #expect(result.err == "gkdiff: \(path): \(words)\n" || result.err.hasPrefix("gkdiff: \(path): "), "\(result.err)")
            #expect(result.err.contains(words), "\(result.err)")
            #expect(result.err.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let path = Fixture.temporaryFolder() + "/report.txt"
        try #require(mkfifo(path, 0o644) == 0)
        expectRefused(path, "命名管道（FIFO）")
        unlink(path)
    }

    @Test func aSocketIsRefused() throws {
        let path = Fixture.temporaryFolder() + "/s"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        expectRefused(path, "套接字（socket）")
        unlink(path)
    }

    @Test func aDeviceIsRefused() {
        expectRefused("/dev/null", "设备")
        expectRefused("/dev/zero", "设备")
    }
}
