/// One word box of `pdftotext -tsv`, with its vertical position made global: a page's y is offset by
/// the heights of the pages before it, so a table that runs over a page break is still one column of
/// boxes top to bottom.
struct PDFWord: Sendable, Hashable {
    /// The 1-based page.
    var page: Int
    /// Left and right edges, in points from the page's left edge.
    var left: Double
    var right: Double
    /// Top and bottom edges, in points from the top of the first page.
    var top: Double
    var bottom: Double
    /// The text pdftotext put in the box (never empty).
    var text: String
    /// The document line (see `Document`) this word was grouped into; set by `PDFLayout.lines`.
    var line: Int = 0
    /// A table value: a number (`12`, `7730.28`, `1,234`, `-3`, `+1`) or a mark for "not applicable"
    /// (`/`, `—`, `-`, `无`).
    let isValue: Bool
    /// The size of one full-width character: the box's width over its characters (half-width ones
    /// counting half), which for CJK text is the font size even when pdftotext's box height is the
    /// line height.
    let em: Double

    init(page: Int, left: Double, right: Double, top: Double, bottom: Double, text: String) {
        self.page = page
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
        self.text = text
        isValue = PDFLayout.isValue(text)
        var units = 0.0
        for scalar in text.unicodeScalars { units += scalar.value < 0x2E80 ? 0.5 : 1 }
        em = units > 0 ? min((right - left) / units, bottom - top) : bottom - top
    }

    var height: Double { bottom - top }
    var width: Double { right - left }
    var centerX: Double { (left + right) / 2 }
    var centerY: Double { (top + bottom) / 2 }

    /// Same line: the vertical centres are closer than a third of the smaller box.
    func sharesLine(with other: PDFWord) -> Bool {
        abs(centerY - other.centerY) <= 0.35 * min(height, other.height)
    }

    /// Horizontal overlap with another box, in points (negative: the gap between them).
    func overlapX(_ other: PDFWord) -> Double { min(right, other.right) - max(left, other.left) }
}

/// One line of a page: words sharing a baseline, left to right.
struct PDFLine: Sendable {
    /// The words, by `left`.
    var words: [PDFWord]
    /// The document line number (running over all pages, from 1).
    var number: Int
    var page: Int { words[0].page }
    var left: Double { words[0].left }
    var right: Double { words.reduce(0) { max($0, $1.right) } }
    var height: Double { words.reduce(0) { max($0, $1.height) } }
    var centerY: Double { words.reduce(0) { $0 + $1.centerY } / Double(words.count) }
    /// The words joined: no space where they touch (CJK text and the numbers inside it), one space where
    /// pdftotext saw a real gap.
    var text: String { PDFLayout.join(words) }
    /// True when some word is a table value.
    var hasValue: Bool { words.contains { $0.isValue } }
}

/// Geometry shared by the PDF reader: lines from word boxes, page furniture, paragraphs, and the
/// words that start and end a table.
enum PDFLayout {
    /// `text` is a number or a not-applicable mark.
    static func isValue(_ text: String) -> Bool {
        switch text {
        case "/", "／", "—", "——", "-", "－", "–", "无", "\\": return true
        default: break
        }
        var digits = 0
        var afterPoint = -1
        for (index, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9":
                digits += 1
                if afterPoint >= 0 { afterPoint += 1 }
            case ".":
                if afterPoint >= 0 || digits == 0 { return false }
                afterPoint = 0
            case ",": if digits == 0 || afterPoint >= 0 { return false }
            case "-", "−", "+": if index != 0 { return false }
            default: return false
            }
        }
        return digits > 0 && afterPoint != 0
    }

    /// Words joined in reading order: a space only where the gap is wider than half a character.
    static func join(_ words: [PDFWord], spaces: Bool = true) -> String {
        var text = ""
        var previous: PDFWord?
        for word in words {
            if spaces, let previous, word.left - previous.right > 0.5 * min(previous.em, word.em) {
                text += " "
            }
            text += word.text
            previous = word
        }
        return text
    }

    /// Groups each page's words into lines (by vertical centre), top to bottom, and numbers the lines
    /// over all pages from 1. Page furniture (page numbers near the top or bottom) is dropped; `pageStarts`
    /// gets the number of each page's first line.
    static func lines(
        _ words: [PDFWord], pages: [(top: Double, height: Double)]
    ) -> (lines: [PDFLine], pageStarts: [Int]) {
        var byPage = [[PDFWord]](repeating: [], count: pages.count)
        for word in words where word.page >= 1 && word.page <= pages.count { byPage[word.page - 1].append(word) }
        var lines: [PDFLine] = []
        var pageStarts: [Int] = []
        var number = 1
        for (index, pageWords) in byPage.enumerated() {
            pageStarts.append(number)
            var grouped: [[PDFWord]] = []
            for word in pageWords.sorted(by: { $0.centerY < $1.centerY }) {
                if let last = grouped.indices.last, grouped[last].contains(where: { $0.sharesLine(with: word) }) {
                    grouped[last].append(word)
                } else {
                    grouped.append([word])
                }
            }
            for group in grouped {
                var line = PDFLine(words: group.sorted { $0.left < $1.left }, number: 0)
                if isFurniture(line, page: pages[index]) { continue }
                line.number = number
                for k in line.words.indices { line.words[k].line = number }
                lines.append(line)
                number += 1
            }
        }
        return (lines, pageStarts)
    }

    /// A page number or a `- 3 -` / `第 3 页` / `3/5` line in the top or bottom eighth of its page.
    static func isFurniture(_ line: PDFLine, page: (top: Double, height: Double)) -> Bool {
        let nearEdge =
            line.words[0].top - page.top < page.height / 8 || page.top + page.height - line.words[0].bottom < page.height / 8
        guard nearEdge else { return false }
        var digits = 0
        for scalar in line.words.map(\.text).joined().unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case "-", "—", "－", "–", "第", "页", "共", "，", ",", "/", "／", " ", "　", "·": continue
            default: return false
            }
        }
        return digits > 0
    }

    /// The line starts with a heading or list numeral (`一、`, `（二）`, `(3)`, `1.`, `2、`).
    static func startsWithNumeral(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(6).filter { $0 != " " && $0 != "\u{3000}" })
        guard let first = scalars.first else { return false }
        if first == "（" || first == "(" {
            var index = 1
            while index < scalars.count, isNumeral(scalars[index]) { index += 1 }
            return index > 1 && index < scalars.count && (scalars[index] == "）" || scalars[index] == ")")
        }
        if isChineseNumeral(first) {
            var index = 1
            while index < scalars.count, isChineseNumeral(scalars[index]) { index += 1 }
            return index < scalars.count && scalars[index] == "、"
        }
        if isDigit(first) {
            var index = 1
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            guard index < scalars.count else { return false }
            switch scalars[index] {
            case "、", "．": return true
            case ".": return index + 1 >= scalars.count || !isDigit(scalars[index + 1])
            default: return false
            }
        }
        return false
    }

    static func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
        "一二三四五六七八九十".unicodeScalars.contains(scalar)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool { isChineseNumeral(scalar) || isDigit(scalar) }

    /// Paragraphs from the lines outside tables: a line that reaches the right margin and does not end a
    /// sentence continues on the next line, unless that one starts with a heading numeral.
    static func paragraphs(_ lines: [PDFLine], rightMargin: Double) -> [DocumentParagraph] {
        var paragraphs: [DocumentParagraph] = []
        var previous: PDFLine?
        for line in lines {
            let text = line.text
            if let previous, continues(previous, rightMargin: rightMargin), !startsWithNumeral(text),
                let last = paragraphs.indices.last
            {
                paragraphs[last].text += text
            } else {
                paragraphs.append(DocumentParagraph(text: text, line: line.number))
            }
            previous = line
        }
        return paragraphs
    }

    private static func continues(_ line: PDFLine, rightMargin: Double) -> Bool {
        guard let last = line.words.last?.text.unicodeScalars.last else { return false }
        switch last {
        case "。", "！", "？", "：", "!", "?", ":": return false
        default: return line.right >= rightMargin - 2.5 * line.words.map(\.em).max()!
        }
    }

    /// The line can open a table: it holds a column header or a table title as a word of its own.
    static func opensTable(_ line: PDFLine) -> Bool {
        for word in line.words {
            let key = LabelText.fold(word.text)
            if tableOpeners.contains(key) { return true }
            if key.hasPrefix("第二十条第") && key.count <= 12 { return true }
            if key.hasPrefix("(本列数据") || key.hasPrefix("本列数据") { return true }
        }
        return false
    }

    static let tableOpeners: Set<String> = [
        "信息内容", "申请人情况", "自然人", "行政复议", "行政诉讼", "结果维持", "本年制发件数", "本年新制作数量",
    ]

    /// The line ends a table: a section heading (`四、政府信息公开行政复议…`, `4、 政府信息公开…`) or a
    /// sentence of prose, and no table value in it.
    static func closesTable(_ line: PDFLine) -> Bool {
        if line.hasValue { return false }
        let text = LabelText.fold(line.text)
        if let first = text.unicodeScalars.first, startsWithSectionNumeral(text) {
            if rowWords.contains(where: { text.contains($0) }) { return false }
            // `3、` also numbers table-2 rows in some reports: only a section's words make it a heading.
            return isChineseNumeral(first) || sectionWords.contains { text.contains($0) }
        }
        return text.count >= 15 && text.hasSuffix("。")
    }

    private static func startsWithSectionNumeral(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(4))
        guard let first = scalars.first, isNumeral(first) else { return false }
        var index = 1
        while index < scalars.count, isNumeral(scalars[index]) { index += 1 }
        return index < scalars.count && scalars[index] == "、"
    }

    /// Words of section headings.
    private static let sectionWords = ["总体情况", "主动公开", "收到和处理", "行政复议", "行政诉讼", "存在的主要问题", "其他需要报告"]

    /// Words of the table-2 row labels that start with a section-like numeral.
    private static let rowWords = ["本年新收", "上年结转", "本年度办理", "结转下", "转结", "下年度", "下一年度"]
}
