import Testing

@testable import GKDiffKit

/// `ReportParser.MarkerSearch` finds a word where the folded text of the pieces, joined, holds it,
/// whatever the pieces and however the search gathers them.
@Suite struct MarkerSearchTests {
    static let words = ["本年新制作数量", "第二十条第(九)项", "本年制发件数", "逾期未按收费通知要求缴纳费用"]

    /// Whether the bytes of `haystack` hold those of `needle`.
    static func holds(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }

    static func check(_ pieces: [String]) {
        var search = ReportParser.MarkerSearch(words)
        for piece in pieces { search.feed(Substring(piece)) }
        let joined = Array(LabelText.fold(pieces.joined()).utf8)
        #expect(search.finish() == words.map { holds(joined, Array($0.utf8)) }, "\(pieces)")
    }

    @Test func wordsAsInTheJoinedText() {
        Self.check([])
        Self.check(["本年新", "制作数量"])
        Self.check(["本年新", "0", "制作数量"])
        Self.check(["本年新", "", " \t", "制作数量"])
        Self.check(["本年新", "\t", "制作数量", "第二十条第（九）项"])
        Self.check(["第二十条第", "(", "九", ")", "项"])
        Self.check(["第二十条第", "(9)", "项"])
        Self.check(["本年製發件數"])
        Self.check(["逾期未按收费通知要求缴纳", "12", "费用", "逾期未按收费通知", "要求缴纳费用"])
        var long: [String] = []
        for index in 0..<400 {
            long.append(index % 7 == 0 ? "\(index)" : index % 5 == 0 ? "" : "行政许可\(index % 3 == 0 ? "本年" : "")")
            if index == 300 { long += ["本年新制", "作数量"] }
            if index == 350 { long += ["逾期未按收费通知要求缴纳费", "4", "用"] }
        }
        Self.check(long)
        Self.check(long + ["本年制", "发件数"])
    }
}
