import Testing

@testable import GKDiffKit

/// The comparison keeps the prose once, sentence by sentence: the reports in a `ReportDiff` let go of
/// their paragraphs (but for this year's section 五, which rule Q2 reads), while the reports the caller
/// passed keep theirs, and the findings are those of the reports as read.
@Suite struct CompareReleasesProseTests {
    @Test func theDiffsReportsHoldNoParagraphsAndTheCallersKeepTheirs() throws {
        let old = try Fixture.report("nanguan-zfj-2023.txt")
        let new = try Fixture.report("nanguan-zfj-2024.txt")
        let diff = ReportComparator.compare(old, new)
        #expect(diff.old.sections.allSatisfy { $0.paragraphs.isEmpty })
        #expect(diff.new.sections.allSatisfy { $0.kind == .problems || $0.paragraphs.isEmpty })
        #expect(diff.new.section(.problems)?.text == new.section(.problems)?.text)
        #expect(diff.old.sections.map(\.title) == old.sections.map(\.title))
        #expect(diff.new.sections.map(\.subsections) == new.sections.map(\.subsections))
        #expect(old.sections.contains { !$0.paragraphs.isEmpty } && new.sections.contains { !$0.paragraphs.isEmpty })
        #expect(!diff.sections.isEmpty && diff.sections.allSatisfy { !$0.sentences.isEmpty })
        let expected = Checker.check(old) + Checker.check(new) + Checker.checkAcross(diff)
        #expect(diff.findings.map(\.message) == expected.map(\.message))
        #expect(!diff.findings.isEmpty)
    }
}
