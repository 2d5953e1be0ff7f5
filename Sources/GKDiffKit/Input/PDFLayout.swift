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

/// A page's place in the stack of pages (its top, in points from the top of the first page) and its size.
struct PDFPage: Sendable {
    var top: Double
    var width: Double
    var height: Double
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
        _ words: [PDFWord], pages: [PDFPage]
    ) -> (lines: [PDFLine], pageStarts: [Int]) {
        var byPage = [[PDFWord]](repeating: [], count: pages.count)
        for word in words where word.page >= 1 && word.page <= pages.count { byPage[word.page - 1].append(word) }
        var grouped: [[PDFLine]] = []
        for pageWords in byPage {
            var groups: [[PDFWord]] = []
            for word in pageWords.sorted(by: { $0.centerY < $1.centerY }) {
                if let last = groups.indices.last, groups[last].contains(where: { $0.sharesLine(with: word) }) {
                    groups[last].append(word)
                } else {
                    groups.append([word])
                }
            }
            grouped.append(groups.map { PDFLine(words: $0.sorted { $0.left < $1.left }, number: 0) })
        }
        // Page numbers: the first or last line of a page that reads as one, whose number is the page's index
        // plus the offset most such lines share (a number in a table row at a page's foot rarely is).
        var candidates: [(page: Int, position: Int, offset: Int)] = []
        for (index, page) in grouped.enumerated() {
            for position in Set([0, page.count - 1]) where !page.isEmpty {
                if let number = pageNumber(page[position], page: pages[index]) {
                    candidates.append((index, position, number - (index + 1)))
                }
            }
        }
        var counts: [Int: Int] = [:]
        for candidate in candidates { counts[candidate.offset, default: 0] += 1 }
        var offset = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        // A lone candidate is a page number only when it is about its page's index.
        if let shared = offset, counts[shared] == 1, abs(shared) > 1 { offset = nil }
        let furniture = Set(candidates.filter { $0.offset == offset }.map { $0.page * 1_000_000 + $0.position })

        var lines: [PDFLine] = []
        var pageStarts: [Int] = []
        var number = 1
        for (index, page) in grouped.enumerated() {
            pageStarts.append(number)
            for (position, var line) in page.enumerated() where !furniture.contains(index * 1_000_000 + position) {
                line.number = number
                for k in line.words.indices { line.words[k].line = number }
                lines.append(line)
                number += 1
            }
        }
        return (lines, pageStarts)
    }

    /// The page number a line shows, if it looks like one: in the top or bottom eighth of its page, centred
    /// or in an outer quarter, holding one number and at most the marks around it (`3`, `- 3 -`, `第 3 页`,
    /// `第3页 共5页`, `3/5`; the first number is the page's).
    static func pageNumber(_ line: PDFLine, page: PDFPage) -> Int? {
        let top = line.words.map(\.top).min()!
        let bottom = line.words.map(\.bottom).max()!
        guard top - page.top < page.height / 8 || page.top + page.height - bottom < page.height / 8 else { return nil }
        let center = (line.left + line.right) / 2
        let centred = abs(center - page.width / 2) < page.width * 0.15
        guard centred || center < page.width / 4 || center > page.width * 3 / 4 else { return nil }
        var numbers: [Int] = []
        var inNumber = false
        var total = false
        for scalar in line.words.map(\.text).joined(separator: " ").unicodeScalars {
            switch scalar {
            case "0"..."9":
                let digit = Int(scalar.value) - 48
                if inNumber, let last = numbers.popLast() {
                    guard last < 100_000 else { return nil }
                    numbers.append(last * 10 + digit)
                } else {
                    numbers.append(digit)
                }
                inNumber = true
                continue
            case "共", "/", "／": total = true
            case "-", "—", "－", "–", "第", "页", "，", ",", " ", "　", "·": break
            default: return nil
            }
            inNumber = false
        }
        return numbers.count == 1 || numbers.count == 2 && total ? numbers.first : nil
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
            // A row label wrapped in its merged cell beside the next column's words (`三、本` `法提供`, the
            // rest of `三、本年度办理结果` on the lines below): its first word is the start of a row's words.
            if let word = line.words.min(by: { $0.left < $1.left }),
                let mark = LabelText.fold(word.text).unicodeScalars.firstIndex(of: "、")
            {
                let rest = String(LabelText.fold(word.text).unicodeScalars[mark...].dropFirst())
                if !rest.isEmpty, rowWords.contains(where: { $0.hasPrefix(rest) }),
                    !sectionWords.contains(where: { text.contains($0) })
                {
                    return false
                }
            }
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
    private static let rowWords = ["本年新收", "上年结转", "本年度", "结转下", "转结", "下年度", "下一年度"]
}
