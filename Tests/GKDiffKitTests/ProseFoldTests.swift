import Testing

@testable import GKDiffKit

/// `ProseFold` is `ProseTraditional.simplified(Traditional.simplified(_:))` written out as constant
/// tables. When either table changes, rewrite `Sources/GKDiffKit/Compare/ProseFold.swift` from the
/// two (a few lines of any language: for each scalar of U+4E00…U+9FFF whose fold differs from
/// itself, set its bit in `bits`; `rank` counts the bits set before each word; `values` lists the
/// folded scalars in scalar order); this test says when that is due.
@Suite struct ProseFoldTests {
    /// Every scalar of the block folds as the two tables fold it, and nothing outside it moves.
    @Test func foldAgreesWithBothTables() {
        var changed = 0
        for value in UInt32(0x4E00)...0x9FFF {
            let expected = ProseTraditional.simplified(Traditional.simplified(value))
            #expect(ProseFold.simplified(value) == expected, "U+\(String(value, radix: 16, uppercase: true))")
            if expected != value { changed += 1 }
        }
        #expect(changed == ProseFold.values.count)
        for value: UInt32 in [0, 0x41, 0x3000, 0x4DFF, 0xA000, 0xFF10, 0x1F600] {
            #expect(ProseFold.simplified(value) == value)
        }
        #expect(Sentences.normalized("報") == "报" && Sentences.normalized("總") == "总" && Sentences.normalized("２") == "2")
    }
}
