import Testing

@testable import GKDiffKit

/// The review sheet's rates in the batch summary, per agency and for the district, worked out by hand
/// from the fixtures' cells (（一）予以公开 + （二）部分公开 over （七）总计, 总计 column):
/// zfj 2023 (3 + 1) ÷ 6, 2024 (1 + 0) ÷ 8; zsj 2023 (4 + 0) ÷ 5, 2024 (4 + 1) ÷ 8; sthj 2024 and
/// xinchun 2024 have （七）总计 0, so no rate, and those pairs are left out of the district's rate.
extension BatchTests {
    @Test func ratesPerAgencyAndForTheDistrict() throws {
        let f = try folders()
        let summary = try Batch.run(Batch.Options(oldFolder: f.old, newFolder: f.new, pairsFile: f.pairs))
        let values = BatchRenderer.values(summary)
        func row(_ agency: String) -> [String: BatchValue]? {
            values.first { if case .text(agency) = $0["agency"] { true } else { false } }
        }
        func text(_ value: BatchValue?) -> String? {
            switch value {
            case .fixed(_, let text): return text
            case .number(let number): return number.description
            case .text(let text): return text
            default: return nil
            }
        }
        let zfj = try #require(row("南关区执法局"))
        #expect(text(zfj["disclosure_rate_old"]) == "66.7")  // 4 ÷ 6 = 66.67 %
        #expect(text(zfj["disclosure_rate_new"]) == "12.5")  // 1 ÷ 8
        #expect(text(zfj["disclosure_rate_points"]) == "-54.2")
        let zsj = try #require(row("南关区数据局"))
        #expect(text(zsj["disclosure_rate_old"]) == "80.0")  // 4 ÷ 5
        #expect(text(zsj["disclosure_rate_new"]) == "62.5")  // 5 ÷ 8
        #expect(text(zsj["disclosure_rate_points"]) == "-17.5")
        let totals = try #require(values.first { if case .text("total") = $0["status"] { true } else { false } })
        // (4 + 4) ÷ (6 + 5) = 72.73 % → 72.7; (1 + 5) ÷ (8 + 8) = 37.5 %; 37.5 − 72.7 = −35.2 points.
        #expect(text(totals["disclosure_rate_old"]) == "72.7")
        #expect(text(totals["disclosure_rate_new"]) == "37.5")
        #expect(text(totals["disclosure_rate_points"]) == "-35.2")
        #expect(BatchRenderer.columns.contains("review_correction_rate_points"))
    }
}

extension BatchTests {
    /// A rate or share is written from its units exactly: the same value and the same digits in the
    /// workbook (`60`, not `60.0`; `-0.5`; `0.333`).
    @Test func fixedNumbersAreExact() {
        func value(_ units: Int, _ decimals: Int) -> String { Quantity(units, decimals: decimals).description }
        #expect(value(600, 1) == "60")
        #expect(value(-5, 1) == "-0.5")
        #expect(value(333, 3) == "0.333")
        #expect(value(1000, 3) == "1")
        #expect(value(0, 1) == "0")
        #expect(Quantity(125, decimals: 1) == Quantity(string: "12.5"))
        if case .fixed(let number, let text) = BatchRenderer.number(2024) {
            #expect(number == 2024 && text == "2024")
        } else {
            Issue.record("a count is a fixed number with its digits")
        }
    }
}
