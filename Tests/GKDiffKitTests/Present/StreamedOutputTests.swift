import Testing

@testable import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

/// An output passed on in pieces as it is rendered (so a large comparison is never held whole) is the
/// same bytes as the output rendered whole, whatever the piece size; and writing it piece by piece is
/// checked as writing it whole was.
@Suite(.serialized) struct StreamedOutputTests {
    static let pairs = [
        ("nanguan-zfj-2023.txt", "nanguan-zfj-2024.txt"), ("nanguan-xinchun-2023.txt", "nanguan-xinchun-2024.txt"),
    ]

    static func diff(_ pair: (String, String)) throws -> ReportDiff {
        ReportComparator.compare(try Fixture.report(pair.0), try Fixture.report(pair.1))
    }

    @Test(arguments: [1, 100, 4096])
    func piecesJoinToTheWholeOutput(chunkSize: Int) throws {
        for pair in Self.pairs {
            let diff = try Self.diff(pair)
            for all in [false, true] {
                var pieces: [String] = []
                DiffTextRenderer.render(diff, all: all, color: true, chunkSize: chunkSize) { pieces.append($0) }
                #expect(pieces.joined() == DiffTextRenderer.render(diff, all: all, color: true), "\(pair)")
                // Cut between lines, so each piece wraps and escapes as it would in the whole.
                #expect(pieces.dropLast().allSatisfy { $0.hasSuffix("\n") })
                if chunkSize == 1 { #expect(pieces.count > 10) }

                pieces = []
                DiffCSVRenderer.render(diff, all: all, header: .zh, chunkSize: chunkSize) { pieces.append($0) }
                #expect(pieces.joined() == DiffCSVRenderer.render(diff, all: all, header: .zh), "\(pair)")
                #expect(pieces.dropLast().allSatisfy { $0.hasSuffix("\r\n") })

                pieces = []
                DiffJSONRenderer.render(diff, all: all, chunkSize: chunkSize) { pieces.append($0) }
                #expect(pieces.joined() == DiffJSONRenderer.render(diff, all: all), "\(pair)")

                pieces = []
                DiffHTMLRenderer.render(diff, all: all, chunkSize: chunkSize) { pieces.append($0) }
                #expect(pieces.joined() == DiffHTMLRenderer.render(diff, all: all), "\(pair)")
                #expect(pieces.dropLast().allSatisfy { $0.hasSuffix("\n") })
            }
        }
    }

    /// The console writing as it goes (as `CommandLine.run` has it) gives what gathering gave.
    @Test func aStreamingConsoleWritesWhatAGatheringOneGathers() throws {
        let pair = Self.pairs[0]
        for format in ["text", "csv", "json", "html"] {
            let arguments = ["--format", format, Fixture.path(pair.0), Fixture.path(pair.1)]
            let gathered = Fixture.run(arguments)
            let path = Fixture.temporaryFolder() + "/out"
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            try #require(fd >= 0)
            let console = Console()
            console.outputDescriptor = fd
            let status = console.flush(GKDiff.run(arguments, console: console), out: fd, err: fd)
            close(fd)
            #expect(status == gathered.status)
            #expect(console.out.isEmpty)
            let written = try SourceText.readBytes(path: path)
            #expect(String(decoding: written, as: UTF8.self) == gathered.out + gathered.err, "\(format)")
        }
    }

    @Test func aFullDiskWhileStreamingIsOneWriteErrorLineAndStatus2() throws {
        let text = try Fixture.withFullDisk { full, err in
            let console = Console()
            console.outputDescriptor = full
            let pair = Self.pairs[0]
            let status = console.flush(
                GKDiff.run([Fixture.path(pair.0), Fixture.path(pair.1)], console: console), out: full, err: err)
            #expect(status == .trouble)
        }
        #expect(text.hasPrefix("gkdiff: write error: ") && text.contains("No space left on device"))
        #expect(text.filter { $0 == "\n" }.count == 1)
    }

    @Test func aClosedPipeWhileStreamingIsAQuietStatus2() throws {
        let errors = try Fixture.withClosedPipe { writeEnd, err in
            let console = Console()
            console.outputDescriptor = writeEnd
            let pair = Self.pairs[0]
            let status = console.flush(
                GKDiff.run([Fixture.path(pair.0), Fixture.path(pair.1)], console: console), out: writeEnd, err: err)
            #expect(status == .trouble)
        }
        #expect(errors.isEmpty)
    }
}
