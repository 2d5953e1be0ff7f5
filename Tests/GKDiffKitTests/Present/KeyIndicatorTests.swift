import Testing

@testable import GKDiffKit

/// Key indicators (issue 13, bullet 3) against values computed by hand from the fixtures' cells
/// (`gkdiff show` of each fixture, total column of table 2, table 3 and table 1 as read).
@Suite struct KeyIndicatorTests {
    @Test func zsj2024CountsAndRatesByHand() throws {
        let indicators = KeyIndicators(report: try Fixture.report("nanguan-zsj-2024.txt"))
        // 一、本年新收 总计 10; （七）总计 总计 8; （一）予以公开 总计 4.
        #expect(indicators["requests_new"]?.value == .count(10))
        #expect(indicators["requests_handled"]?.value == .count(8))
        #expect(indicators["granted"]?.value == .count(4))
        // 实质公开率 = (予以公开 4 + 部分公开 1) ÷ （七）总计 8 = 5/8 = 62.5 %.
        #expect(indicators["disclosure_rate"]?.value.rateTenths == 625)
        #expect(indicators["disclosure_rate"]?.value.display == "62.5%")
        // 不予公开率 = 8 个不予公开行 0+0+0+0+0+0+0+0 = 0 ÷ 8 = 0.0 %.
        #expect(indicators["denial_rate"]?.value.display == "0.0%")
        // 行政复议 总计 1（尚未审结 1），结果纠正 0 → 复议纠错率 0/1 = 0.0 %.
        #expect(indicators["review_total"]?.value == .count(1))
        #expect(indicators["review_correction_rate"]?.value.display == "0.0%")
        // 行政诉讼 0 + 0 = 0; both kinds have a zero base: no rate, said so.
        #expect(indicators["litigation_total"]?.value == .count(0))
        #expect(indicators["litigation_direct_correction_rate"]?.value == .zeroBase)
        #expect(indicators["litigation_after_review_correction_rate"]?.value.display == "无（分母为 0）")
        // 表一：行政许可 0，行政处罚 0，收费 0 万元.
        #expect(indicators["licensing"]?.value == .count(0))
        #expect(indicators["penalties"]?.value == .count(0))
        #expect(indicators["fees"]?.value == .count(0))
    }

    @Test func zfjChangeIsInPercentagePoints() throws {
        let diff = ReportComparator.compare(
            try Fixture.report("nanguan-zfj-2023.txt"), try Fixture.report("nanguan-zfj-2024.txt"))
        let rates = diff.keyIndicators
        let disclosure = try #require(rates.first { $0.id == "disclosure_rate" })
        // 2023: (3 + 1) ÷ 6 = 66.67 % → 66.7 %; 2024: (1 + 0) ÷ 8 = 12.5 %.
        // Change as the two shown rates differ: 12.5 − 66.7 = −54.2 percentage points (not −81.3 %).
        #expect(disclosure.old.value.display == "66.7%")
        #expect(disclosure.new.value.display == "12.5%")
        #expect(disclosure.pointsTenths == -542)
        #expect(disclosure.changeText == "-54.2 个百分点")
        #expect(disclosure.line == "66.7% → 12.5%（-54.2 个百分点）")
        // 不予公开率 2024: 8.属于行政查询事项 1 ÷ 8 = 12.5 %; 2023: 0 ÷ 6 = 0.0 % → +12.5 个百分点.
        let denial = try #require(rates.first { $0.id == "denial_rate" })
        #expect(denial.line == "0.0% → 12.5%（+12.5 个百分点）")
        // 复议纠错率 2023: 纠正 0 ÷ 总计 1 = 0.0 %; 2024: 总计 0, no rate: no change either.
        let review = try #require(rates.first { $0.id == "review_correction_rate" })
        #expect(review.line == "0.0% → 无（分母为 0）")
        #expect(review.changeText == nil)
        // 新收 5 → 8: a count changes by +3.
        let new = try #require(rates.first { $0.id == "requests_new" })
        #expect(new.line == "5 → 8（+3）")
    }

    @Test func blankTableGivesNoValueAndSaysWhy() throws {
        // huzhu-cgj-2024 left tables 2 and 3 blank.
        let indicators = KeyIndicators(report: try Fixture.report("huzhu-cgj-2024.txt"))
        #expect(indicators["requests_new"]?.value.display == "无法计算（「一、本年新收政府信息公开申请数量·总计」空）")
        #expect(indicators["disclosure_rate"]?.value.reason == "「（七）总计·总计」空")
        #expect(indicators["disclosure_rate"]?.isRate == true)
        #expect(indicators["review_correction_rate"]?.value.reason == "「行政复议·总计」空")
        // Table 1 was filled: 收费 250.83 万元.
        #expect(indicators["fees"]?.value == .count(Quantity(string: "250.83")!))
        // As written: 2023's fee is 236.40 in the report (line 38), shown so, not 236.4.
        let fees2023 = KeyIndicators(report: try Fixture.report("huzhu-cgj-2023.txt"))["fees"]
        #expect(fees2023?.value == .count(Quantity(string: "236.4")!))
        #expect(fees2023?.display == "236.40")
    }

    @Test func template2019HasNoFeeAmount() throws {
        let indicators = KeyIndicators(report: try Fixture.report("layouts/nanguan-mzj-2020.txt"))
        #expect(indicators["fees"]?.value.reason == "2019 年版模板没有「行政事业性收费·本年收费金额（万元）」")
    }
}
