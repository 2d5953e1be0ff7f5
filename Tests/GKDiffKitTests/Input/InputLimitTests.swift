import Testing

@testable import GKDiffKit

/// A file with more lines than any report is refused before it is decoded, with one reason; one at the
/// limit is still read.
@Suite struct InputLimitTests {
    @Test func oneLineTooManyIsRefused() {
        let bytes = Array(repeating: Array("政\n".utf8), count: DocumentReader.lineLimit + 1).flatMap { $0 }
        #expect(throws: GKDiffError.tooManyLines("lines.txt", DocumentReader.lineLimit)) {
            try DocumentReader.read(bytes, path: "lines.txt")
        }
        #expect(GKDiffError.tooManyLines("lines.txt", 200_000).description.contains("超过 200000 行"))
    }

    @Test func theLimitItselfIsRead() throws {
        let bytes = Array(repeating: Array("政\n".utf8), count: DocumentReader.lineLimit).flatMap { $0 }
        let document = try DocumentReader.read(bytes, path: "lines.txt")
        #expect(document.blocks.count == DocumentReader.lineLimit)
    }

    @Test func lineFeedsAreCountedNoFurtherThanTheLimit() {
        #expect(Array("a\nb\nc".utf8).withUnsafeBufferPointer { Line.count(of: 0x0A, in: $0, upTo: 10) } == 2)
        #expect(Array("\n\n\n\n".utf8).withUnsafeBufferPointer { Line.count(of: 0x0A, in: $0, upTo: 3) } == 3)
    }
}
