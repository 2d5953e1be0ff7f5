import Testing

@testable import GKDiffKit

/// The exact decimal that replaced Foundation's `Decimal`: values written by hand, with the printed
/// form Foundation gave for them (trailing zeros dropped), and the per cent rounding worked out on paper.
@Suite struct QuantityTests {
    @Test func readsWhatCellsHold() {
        #expect(Quantity(string: "97")?.description == "97")
        #expect(Quantity(string: "007")?.description == "7")
        #expect(Quantity(string: "250.83")?.description == "250.83")
        #expect(Quantity(string: "12.50")?.description == "12.5")
        #expect(Quantity(string: "3.0")?.description == "3")
        #expect(Quantity(string: "0.000001")?.description == "0.000001")
        #expect(Quantity(string: "999999999999999999")?.description == "999999999999999999")
    }

    @Test func refusesRatherThanRounds() {
        #expect(Quantity(string: "0.0000001") == nil)  // seven decimal places
        #expect(Quantity(string: "1000000000000000000") == nil)  // nineteen whole digits
        for text in ["", ".", "1.", ".5", "1.2.3", "1,000", "-1", "+1", "１", " 1"] {
            #expect(Quantity(string: text) == nil, "\(text)")
        }
    }

    @Test func arithmeticIsExact() {
        let a = Quantity(string: "0.1")!
        let b = Quantity(string: "0.2")!
        #expect((a + b) == Quantity(string: "0.3")!)
        #expect((a - b).description == "-0.1")
        #expect((-a).description == "-0.1")
        #expect((Quantity(string: "2.5")! * 4).description == "10")
        #expect(Quantity(25, decimals: 1).description == "2.5")
        #expect(Quantity(-625, decimals: 3).description == "-0.625")
        // 251000 元 is 25.1 万元; 1.234567 元 is 0.0001234567 万元, still exact.
        #expect(Quantity(string: "251000")!.tenThousandth.description == "25.1")
        #expect(Quantity(string: "1.234567")!.tenThousandth.description == "0.0001234567")
        #expect(Quantity(3) < Quantity(string: "3.000001")!)
    }

    @Test func percentInTenthsRoundsHalfAwayFromZero() {
        // 1/8 = 12.5 % → 125 tenths; 1/16 = 6.25 % → 62.5 tenths → 63; −1/16 → −63; 2/3 = 66.67 % → 667.
        #expect(Quantity.tenthsOfPercent(1, of: 8) == 125)
        #expect(Quantity.tenthsOfPercent(1, of: 16) == 63)
        #expect(Quantity.tenthsOfPercent(-1, of: 16) == -63)
        #expect(Quantity.tenthsOfPercent(2, of: 3) == 667)
        #expect(Quantity.tenthsOfPercent(Quantity(string: "0.5")!, of: Quantity(string: "2.5")!) == 200)
        #expect(Quantity.tenthsOfPercent(5, of: 0) == nil)
        // A base of 0.000001 against 10¹¹: 10²⁰ tenths is no per cent at all, and no trap.
        #expect(Quantity.tenthsOfPercent(Quantity(100_000_000_000), of: Quantity(string: "0.000001")!) == nil)
    }
}
