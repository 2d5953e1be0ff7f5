import Testing

@testable import GKDiffKit

/// The text comparison as a review sheet (issue 13, bullet 2): verdict, key indicators and section
/// summary on the first screen; nothing wider than 100 columns.
@Suite struct TextReviewTests {
    static let pairs = ExpectedOutputTests.pairs.map(\.name)

    static func diff(_ name: String) throws -> ReportDiff {
        let pair = try #require(ExpectedOutputTests.pairs.first { $0.name == name })
        return ReportComparator.compare(try Fixture.report(pair.old), try Fixture.report(pair.new))
    }

    @Test(arguments: pairs)
    func theFirst24LinesHoldTheVerdictIndicatorsAndSectionSummary(name: String) throws {
        let diff = try Self.diff(name)
        let text = DiffTextRenderer.render(diff, all: false, color: false)
        let first = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(24).joined(separator: "\n")
        #expect(first.contains("结论："))
        #expect(first.contains("勾稽校验：错误 "))
        #expect(first.contains("关键指标"))
        for label in ["新收申请", "实质公开率", "不予公开率", "行政复议", "复议纠错率", "行政许可", "收费"] {
            #expect(first.contains(label), "\(name): \(label) not on the first screen")
        }
        #expect(first.contains("表格："))
        for section in diff.sections {
            #expect(first.contains(DiffTextRenderer.sectionName(section)), "\(name): section summary cut")
        }
    }

    @Test(arguments: pairs)
    func noLineIsWiderThan100Columns(name: String) throws {
        let diff = try Self.diff(name)
        for all in [false, true] {
            for color in [false, true] {
                let text = DiffTextRenderer.render(diff, all: all, color: color)
                for line in text.split(separator: "\n") {
                    // Colour sequences take no columns.
                    let plain = line.replacing(/\u{1B}\[[0-9;]*m/, with: "")
                    #expect(TextLayout.width(plain) <= 100, "\(name) all=\(all): \(plain)")
                }
            }
        }
    }

    @Test func theLegendExplainsTheMarks() throws {
        let text = DiffTextRenderer.render(try Self.diff("nanguan-zsj-2023-2024"), all: false, color: false)
        let legend = try #require(text.split(separator: "\n").first { $0.contains("标记：") })
        for mark in ["~ 修改", "+ 新增", "- 删除", "# 仅数字变化", "[-删去的文字-]", "{+新增的文字+}"] {
            #expect(legend.contains(mark))
        }
    }

    @Test func anIncompleteReadIsTheVerdict() throws {
        // nanguan-zsj-2024 with the 2024 report cut after line 100, inside table 2: rule P1.
        let text = try Fixture.text("nanguan-zsj-2024.txt")
        let cut = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(100).joined(separator: "\n")
        let diff = ReportComparator.compare(
            try Fixture.report("nanguan-zsj-2023.txt"), try Fixture.parse(cut, path: "cut.txt"))
        #expect(diff.isIncomplete)
        let lines = DiffTextRenderer.render(diff, all: false, color: false).split(separator: "\n")
        let verdict = try #require(lines.first { $0.hasPrefix("结论：") })
        #expect(verdict.contains("读取不完整") && verdict.contains("本年报告"))
        #expect(lines.firstIndex { $0.hasPrefix("结论：") }! < 6)
    }

    /// Columns: two spaces between, numbers right-aligned, no trailing spaces; the widest line is
    /// counted in terminal columns (a Chinese character is two).
    @Test func tableAlignsAndMeasures() {
        let rows = [["本年新收", "5", "→", "8"], ["予以公开 总计", "12", "→", ""], ["a"]]
        let (text, widest) = TextLayout.measuredTable(rows, rightAligned: [1, 3])
        #expect(text == "  本年新收        5  →  8\n  予以公开 总计  12  →\n  a\n")
        #expect(widest == 25)
        #expect(TextLayout.table(rows, rightAligned: [1, 3]) == text)
        // A cell holding a line break is measured as the lines it makes.
        #expect(TextLayout.measuredTable([["甲甲甲\n乙", "x"]]).widest == 8)
    }

    /// The width read on UTF-8 bytes (ideographs without decoding) is the width of each scalar.
    @Test func widthOnBytesIsTheScalarsWidth() {
        for value in UInt32(0)...0x2_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "字"
            #expect(TextLayout.width(text) == 1 + TextLayout.width(scalar) + 2, "U+\(String(value, radix: 16))")
        }
    }

    /// The bound `wrap` uses to pass a line without measuring it is never below the line's width.
    @Test func widthBoundIsNeverBelowTheWidth() {
        for value in UInt32(0)...0x2_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = "ab" + String(scalar) + String(scalar) + "字·"
            let (width, bound) = text.withUTF8 { (TextLayout.width($0), TextLayout.widthBound($0)) }
            #expect(bound >= width, "U+\(String(value, radix: 16))")
        }
    }

    @Test func wrapBreaksOnlyLongLinesAndKeepsColour() {
        let long = String(repeating: "字", count: 60)
        let wrapped = TextLayout.wrap("  " + long + "\nshort", width: 100)
        let lines = wrapped.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(TextLayout.width(lines[0]) == 100)
        #expect(lines[1].hasPrefix("    字"))
        #expect(lines[2] == "short")
        let coloured = TextLayout.wrap("\u{1B}[31m" + long + "\u{1B}[0m", width: 100)
        #expect(coloured.contains("\u{1B}[31m") && coloured.contains("\u{1B}[0m"))
    }
}
