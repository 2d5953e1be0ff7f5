import Testing

@testable import GKDiffKit

/// The tables ReportParser+Tables.swift writes out are what their builders make from the template's
/// title variants, `Traditional` and the template markers: regenerate that file when one changes.
@Suite struct ReportParserTablesTests {
    @Test func headingVariantsAreTheTitleVariants() {
        let made = ReportParser.makeHeadingVariants()
        #expect(ReportParser.headingVariantBytes == made.bytes)
        #expect(ReportParser.headingVariantEnds == made.ends)
        #expect(ReportParser.headingVariantKinds.map { SectionKind(order: Int($0)) } == made.kinds)
    }

    @Test func headingEndsAreTheVariantsLastScalars() {
        #expect(ReportParser.headingEnds == ReportParser.makeHeadingEnds())
    }

    @Test func markerSearchIsMadeFromTheMarkers() {
        let made = ReportParser.MarkerSearch(ReportParser.markers.map(\.1))
        #expect(ReportParser.markerSearch.hasSameTables(as: made))
        #expect(ReportParser.markerIn2019 == ReportParser.markers.map { $0.0 == .y2019 })
    }

    @Test func sectionKindOrderRoundTrips() {
        for (position, kind) in SectionKind.allCases.enumerated() {
            #expect(kind.order == position)
            #expect(SectionKind(order: position) == kind)
        }
    }
}

/// `LabelText.firstCharacters` is `prefix`, whether found on the bytes or by characters.
@Suite struct FirstCharactersTests {
    @Test(arguments: [
        "", "一、", "(二)依申请公开情况", "1.主动公开情况", "（三）不予公开", "  1 . 主动", "e\u{301}\u{301}abcdefgh",
        "一二三四五六七八\u{302A}九", "一二三四五六七\u{3099}八", "12345678\r\n9", "ａｂｃ“引号”", "한국어한국어한국어",
        "👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽", "abcdefgh", "abcdefg", "abcdefghi",
    ])
    func matchesPrefix(_ text: String) {
        #expect(LabelText.firstCharacters(text, 8) == text.prefix(8))
        #expect(LabelText.firstCharacters(Substring(text), 8) == Substring(text).prefix(8))
    }
}

/// `ReportParser.subsectionTitle` read on the bytes gives what the scalar reading gives.
@Suite struct SubsectionTitleTests {
    @Test(arguments: [
        "（一）保障政府信息主动公开质量。一是…", "(二)依申请公开：", "（三）", "（）无", "（十二）abc", "一、总体情况", "", "（",
        "(1)", "(12", "（一）" + String(repeating: "长", count: 80), "（一）e\u{301}标题。", "（一二三四五六七八九十）标题：后",
    ])
    func bytesMatchScalars(_ text: String) {
        let paragraph = Paragraph(text: text, line: 3)
        let bytes = ReportParser.subsectionTitle(paragraph)
        let scalars = ReportParser.subsectionTitleByScalars(paragraph)
        #expect(bytes?.text == scalars?.text)
        #expect(bytes?.line == scalars?.line)
    }
}

/// `LabelText.startsWithSubsectionNumbering` read on the bytes gives what the scalar reading gives.
@Suite struct SubsectionNumberingTests {
    @Test(arguments: [
        "", "(二)依申请公开情况", "1.主动公开情况", "（三）不予公开", "三、收到和处理", "【一】", "〔2〕", "<1>", "〈一〉", "《条例》",
        "12)", "12.", "一.", "一)", "1一.", "  1 . 主动", "１２．标题", "一二三四五六七八)", "一二三四五六七)", "[", "3", "三",
        "e\u{301}1.", "“1.”", "*1.*", "總體情況", "四、結轉下年度",
    ])
    func bytesMatchScalars(_ text: String) {
        #expect(LabelText.startsWithSubsectionNumbering(text) == LabelText.startsWithSubsectionNumberingByScalars(text))
        #expect(
            LabelText.startsWithSubsectionNumbering(Substring(text))
                == LabelText.startsWithSubsectionNumberingByScalars(Substring(text)))
    }
}

// The readings on unicode scalars that the byte-level readings replaced: kept here as their oracle.
extension ReportParser {
    /// `subsectionTitle(_:)` as it was read on the unicode scalars (the tests above hold the byte
    /// reading to it).
    static func subsectionTitleByScalars(_ paragraph: Paragraph) -> Paragraph? {
        let scalars = paragraph.text.unicodeScalars
        guard let first = scalars.first, first == "（" || first == "(" else { return nil }
        var index = scalars.index(after: scalars.startIndex)
        var numerals = 0
        while index < scalars.endIndex, LabelText.isNumeral(scalars[index]) {
            numerals += 1
            index = scalars.index(after: index)
        }
        guard numerals > 0, index < scalars.endIndex, scalars[index] == "）" || scalars[index] == ")" else { return nil }
        var end = index
        var length = 0
        while end < scalars.endIndex, scalars[end] != "。", scalars[end] != "：", length < 60 {
            end = scalars.index(after: end)
            length += 1
        }
        return Paragraph(text: String(paragraph.text[..<end]), line: paragraph.line)
    }
}

extension LabelText {
    /// `startsWithSubsectionNumbering` as it was read on the folded text's unicode scalars (the tests
    /// above hold the byte reading to it).
    static func startsWithSubsectionNumberingByScalars<S: StringProtocol>(_ text: S) -> Bool {
        let folded = fold(text.prefix(8))
        let scalars = folded.unicodeScalars
        guard let first = scalars.first else { return false }
        switch first {
        case "(", "[", "【", "〔", "<", "〈", "《": return true
        default: break
        }
        var index = scalars.startIndex
        var digits = 0
        var chinese = 0
        while index < scalars.endIndex, isNumeral(scalars[index]) {
            if scalars[index].isASCII { digits += 1 } else { chinese += 1 }
            index = scalars.index(after: index)
        }
        guard digits + chinese > 0, index < scalars.endIndex else { return false }
        switch scalars[index] {
        case ")", "]": return true
        case ".": return digits > 0 && chinese == 0
        default: return false
        }
    }
}
