import Testing

@testable import GKDiffKit

/// The README's samples kept in step with the program (bullet 6).
@Suite struct ReadmeTests {
    static func readme() throws -> String {
        String(decoding: try SourceText.readBytes(path: Fixture.root + "/README.md"), as: UTF8.self)
    }

    @Test func theCSVHeaderSampleIsTheProgramsHeader() throws {
        let sample = try #require(try Self.readme().split(separator: "\n").first { $0.hasPrefix("kind,section,") })
        let csv = Fixture.run(["--format", "csv", Fixture.path("nanguan-zfj-2023.txt"), Fixture.path("nanguan-zfj-2024.txt")])
        let header = try #require(csv.out.split(separator: "\r\n").first)
        #expect(header.hasPrefix("\u{FEFF}"))
        #expect(String(sample) == String(header.dropFirst()))
    }

    /// R3 sums the result rows of table 2 — every row of groups （一）…（六） — and the README says how many.
    @Test func theR3RowCountIsTheTemplates() throws {
        let rows = Template.requests.rows.filter { $0.group != nil && $0.key != "results_total" }
        let line = try #require(try Self.readme().split(separator: "\n").first { $0.hasPrefix("| R3 |") })
        #expect(line.contains("（一）至（六）\(rows.count) 个办理结果行之和"), "\(line)")
        #expect(line.contains("the \(rows.count) result rows"), "\(line)")
        #expect(rows.count == 21)
    }
}
