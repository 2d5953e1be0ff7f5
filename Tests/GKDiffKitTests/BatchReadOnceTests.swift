import Testing

@testable import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

/// Files whose names match across the folders are read once for both phases of a batch (identified,
/// parsed and compared together). That is only a shortcut: the summary must be the one the two
/// separate readings give, when the guess is right, when it is wrong and when the folders are swapped.
extension BatchTests {
    func summaries(_ options: Batch.Options) throws -> (once: String, twice: String) {
        var twice = options
        twice.readOnce = false
        let a = try Batch.run(options)
        let b = try Batch.run(twice)
        return (
            BatchRenderer.csv(a) + BatchRenderer.json(a) + BatchRenderer.text(a, old: "", new: ""),
            BatchRenderer.csv(b) + BatchRenderer.json(b) + BatchRenderer.text(b, old: "", new: "")
        )
    }

    @Test func readingOnceGivesTheSameSummary() throws {
        let f = try folders()
        let options = Batch.Options(oldFolder: f.old, newFolder: f.new, pairsFile: f.pairs)
        // xinchun.txt and sthj.txt are in both folders: read once.
        let walks = (BatchWalk.walk(f.old, excluded: [:]), BatchWalk.walk(f.new, excluded: [:]))
        #expect(Batch.guessedPairs(old: walks.0.files, new: walks.1.files).count == 2)
        let (once, twice) = try summaries(options)
        #expect(once == twice)
        // Swapped folders: the guessed rows are of the other order and are not used.
        let swapped = try summaries(Batch.Options(oldFolder: f.new, newFolder: f.old))
        #expect(swapped.once == swapped.twice)
    }

    @Test func aWrongGuessIsComparedAgain() throws {
        // a.txt is zfj in both folders, but the old a.txt is of 2022: the matching pairs 2024 with the
        // 2023 report in b.txt, so the row computed for the guess a.txt → a.txt is not the one used.
        // c.txt is xinchun in both folders: a guess that holds.
        let root = Fixture.temporaryFolder()
        mkdir(root + "/2023", 0o755)
        mkdir(root + "/2024", 0o755)
        var earlier = try Fixture.text("nanguan-zfj-2023.txt")
        while earlier.contains("2023") { earlier = earlier.replacingFirst("2023", with: "2022") }
        try FileWriter.write(earlier, to: root + "/2023/a.txt")
        try copy("nanguan-zfj-2023.txt", to: root + "/2023/b.txt")
        try copy("nanguan-zfj-2024.txt", to: root + "/2024/a.txt")
        try copy("nanguan-xinchun-2023.txt", to: root + "/2023/c.txt")
        try copy("nanguan-xinchun-2024.txt", to: root + "/2024/c.txt")
        let options = Batch.Options(oldFolder: root + "/2023", newFolder: root + "/2024")
        let (once, twice) = try summaries(options)
        #expect(once == twice)
        let summary = try Batch.run(options)
        let zfj = try #require(summary.rows.first { $0.agency == "南关区执法局" && $0.cellsChanged != nil })
        #expect(zfj.oldFile == root + "/2023/b.txt")
    }

    @Test func namesAreGuessedLeavingYearsOut() {
        func files(_ names: [String]) -> [BatchFile] {
            names.map { BatchFile(path: "/x/" + $0, raw: Array(("/x/" + $0).utf8), nameNote: nil) }
        }
        let old = files(["0001.txt", "执法局2023.txt", "dup.txt", "sub/dup.txt", "a12023.txt", "only-old.txt"])
        let new = files(["执法局2024.txt", "0001.txt", "dup.txt", "a12024.txt", "only-new.txt"])
        let guesses = Batch.guessedPairs(old: old, new: new).map { "\(old[$0.old].path)→\(new[$0.new].path)" }
        // `dup.txt` is two files in the old folder; `a12023` is not a year (a digit before it).
        #expect(guesses == ["/x/0001.txt→/x/0001.txt", "/x/执法局2023.txt→/x/执法局2024.txt"])
    }
}

/// A guessed pair is identified from its full parse (the agency and year `parse` reads) instead of by
/// `ReportParser.identify`, the shortcut used for files read alone: the two must agree on every report.
@Suite struct IdentifyAgreesWithParseTests {
    @Test func onEveryFixture() throws {
        var files: [String] = []
        func walk(_ folder: String) {
            guard let directory = opendir(folder) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name.hasPrefix(".") || name == "expected" { continue }
                let path = folder + "/" + name
                if entry.pointee.d_type == UInt8(DT_DIR) { walk(path) } else { files.append(path) }
            }
        }
        walk(Fixture.root + "/Fixtures")
        var compared = 0
        for path in files.sorted() where !path.hasSuffix(".md") && !path.hasSuffix(".py") {
            guard let bytes = try? SourceText.readBytes(path: path),
                let identified = try? ReportParser.reading(bytes, path: path, { try ReportParser.identify($0, path: path) })
            else { continue }
            let report = try ReportParser.reading(bytes, path: path) { try ReportParser.parse($0, path: path) }
            #expect(report.agency == identified.agency, "\(path)")
            #expect(report.year == identified.year, "\(path)")
            compared += 1
        }
        #expect(compared >= 30)  // 37 with pdftotext installed (4 PDFs among them)
    }
}
