#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Rule {
    /// N1: a figure the prose states that its table contradicts (a warning).
    public static let n1 = Rule(
        id: "N1", name: "正文与表格不一致",
        formula: "正文写明的件数（收到/受理/新收申请、上年结转、结转下年度、予以公开、部分公开、被申请行政复议、制发规范性文件）应与表格对应单元格一致",
        english: "a count the prose states (requests received, carried over/forward, granted, partly granted, reviews, "
            + "normative documents issued) equals its table cell")
}

/// Rule N1: the prose against the tables. Only sentences whose subject maps to one cell without doubt are
/// compared (README, "N1 — the patterns"); a sentence about a wider scope (`全区`, `全市`, `各部门`,
/// `备案`, …), about another year, or where the cell is not a number is left alone.
enum NarrativeNumbers {
    /// One pattern: a keyword, the words that must (and must not) stand between it and the number, and
    /// the cell the number is compared with.
    struct Pattern: Sendable {
        /// Where the subject starts, e.g. `收到`.
        let keyword: String
        /// A word that must stand between the keyword and the number (`申请` after `收到`), or nil.
        let through: String?
        /// The cell.
        let key: CellKey
        /// How the cell is named in the message.
        let name: String
        /// The keyword as scalars (made once, not per sentence).
        let keywordScalars: [Unicode.Scalar]
        /// `through` as scalars.
        let throughScalars: [Unicode.Scalar]?

        init(keyword: String, through: String?, key: CellKey, name: String) {
            self.keyword = keyword
            self.through = through
            self.key = key
            self.name = name
            keywordScalars = Array(keyword.unicodeScalars)
            throughScalars = through.map { Array($0.unicodeScalars) }
        }
    }

    /// The patterns, in the order they are tried on a sentence (README, "N1 — the patterns").
    static let patterns: [Pattern] = [
        Pattern(keyword: "收到", through: "申请", key: requests("new"), name: "表二「一、本年新收政府信息公开申请数量·总计」"),
        Pattern(keyword: "受理", through: "申请", key: requests("new"), name: "表二「一、本年新收政府信息公开申请数量·总计」"),
        Pattern(keyword: "新收", through: "申请", key: requests("new"), name: "表二「一、本年新收政府信息公开申请数量·总计」"),
        Pattern(keyword: "上年结转", through: nil, key: requests("carried_over"), name: "表二「二、上年结转政府信息公开申请数量·总计」"),
        Pattern(keyword: "结转下年度", through: nil, key: requests("carried_forward"), name: "表二「四、结转下年度继续办理·总计」"),
        Pattern(keyword: "予以公开", through: nil, key: requests("granted"), name: "表二「（一）予以公开·总计」"),
        Pattern(keyword: "部分公开", through: nil, key: requests("partially_granted"), name: "表二「（二）部分公开·总计」"),
        Pattern(
            keyword: "行政复议", through: nil, key: CellKey(table: .appeals, row: "review", column: "total"),
            name: "表三「行政复议·总计」"),
        Pattern(
            keyword: "制发", through: "规范性文件",
            key: CellKey(table: .proactive, row: "normative_documents", column: "issued"),
            name: "表一「行政规范性文件·本年制发件数」"),
    ]

    static func requests(_ row: String) -> CellKey { CellKey(table: .requests, row: row, column: "total") }

    /// Words that widen a sentence past the agency's own figures: such a sentence is not compared.
    static let widerScope = ["全区", "全市", "全县", "全省", "全国", "全镇", "各部门", "各单位", "各级", "各地", "备案", "累计", "辖区"]

    /// Characters that end a subject: between the keyword and the number only words may stand. (A
    /// switch, not a `Set`: the set's type would be made at run time for this one use.)
    static func isStop(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "。", "；", "：", "、", ",", ";", ":", "（", "）", "(", ")", "“", "”": return true
        default: return false
        }
    }

    /// At most this many characters between the end of the keyword and the number.
    static let maxGap = 14

    /// N1 findings of one report, in sentence order.
    static func findings(_ report: Report) -> [Finding] {
        var findings: [Finding] = []
        // Most sentences state no count: only those with a `件` are read further, so only the
        // paragraphs with one are split (a sentence never spans two paragraphs).
        var paragraphs: [Paragraph] = []
        for section in report.sections {
            for paragraph in section.paragraphs where holdsJian(paragraph.text) { paragraphs.append(paragraph) }
        }
        for sentence in Sentences.split(paragraphs) {
            // Most sentences state no count: only those with a `件` are read further.
            guard holdsJian(sentence.text) else { continue }
            let scalars = Array(sentence.text.unicodeScalars)
            if widerScopeScalars.contains(where: { occurs($0, in: scalars) }) { continue }
            if let year = report.year, namesAnotherYear(scalars, year: year) { continue }
            var seen: [CellKey] = []
            for pattern in patterns where !seen.contains(pattern.key) {
                guard let (number, phrase) = statedNumber(scalars, pattern) else { continue }
                seen.append(pattern.key)
                let cell = report.cell(for: pattern.key)
                guard let value = cell.number, value != number else { continue }
                let place = cell.line.map { "（第 \($0) 行）" } ?? ""
                findings.append(
                    Finding(
                        rule: .n1, severity: .warning, year: report.year, acrossYears: false,
                        message: "正文第 \(sentence.line) 行写「\(phrase)」，\(pattern.name)\(place)是 \(value)：相差 \(number - value)",
                        cells: [FindingCell(key: pattern.key, year: report.year, cell: cell)], difference: number - value,
                        line: sentence.line))
            }
        }
        return findings
    }

    /// True when the text holds `件` (UTF-8 E4 BB B6), as `LabelText.contains(text, "件")`: its last
    /// byte found with `memchr` (many bytes an instruction), then the two before it compared. A lead
    /// byte E4 is never a continuation byte, so the three bytes together are the character. O(n).
    static func holdsJian(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var offset = 2
            while offset < bytes.count, let found = memchr(base + offset, 0xB6, bytes.count - offset) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[index - 1] == 0xBB && bytes[index - 2] == 0xE4 { return true }
                offset = index + 1
            }
            return false
        }
    }

    /// `widerScope` as scalars, searched without making a string per sentence.
    static let widerScopeScalars = widerScope.map { Array($0.unicodeScalars) }

    /// True when `needle` occurs in `hay`. O(hay × needle) in the worst case; needles are a few characters.
    static func occurs(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> Bool {
        guard let first = needle.first, needle.count <= hay.count else { return false }
        var index = 0
        while index + needle.count <= hay.count {
            if hay[index] == first && hay[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// True when the sentence names a year (`2023年`) other than the report's.
    static func namesAnotherYear(_ scalars: [Unicode.Scalar], year: Int) -> Bool {
        var index = 0
        while index + 4 < scalars.count {
            if let value = Metadata.fourDigits(scalars, at: index), (1990...2099).contains(value), scalars[index + 4] == "年" {
                if value != year { return true }
                index += 4
            } else {
                index += 1
            }
        }
        return false
    }

    /// The number the sentence gives for the pattern's subject and the phrase it says it in
    /// (`受理政府信息公开申请10件`): the keyword, then at most `maxGap` characters with no digit and no
    /// punctuation (containing `through` when the pattern has one), then a whole number and `件`.
    static func statedNumber(_ text: String, _ pattern: Pattern) -> (Quantity, String)? {
        statedNumber(Array(text.unicodeScalars), pattern)
    }

    /// Words that put another subject between the keyword and the number, with their scalars.
    static let otherSubjects = ["诉讼", "和", "及", "与", "咨询", "不予"]
    /// `otherSubjects` as scalars, by position (two arrays: an array of pairs has its type made at run
    /// time).
    static let otherSubjectScalars: [[Unicode.Scalar]] = otherSubjects.map { Array($0.unicodeScalars) }

    /// The words between a keyword and its number, searched as a string is (`String.contains`, which
    /// matches whole characters), on the scalars when every one of them is a character of its own
    /// that nothing else is canonically equivalent to (ASCII, CJK ideographs, full-width forms: what
    /// such a gap nearly always holds), else on the string itself.
    struct Gap {
        let scalars: [Unicode.Scalar]
        let plain: Bool

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            plain = scalars.allSatisfy {
                switch $0.value {
                case 0x20...0x7E, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
                default: return false
                }
            }
        }

        /// True when the gap holds `word` (a few CJK ideographs), given as text and as scalars.
        func contains(_ word: String, _ wordScalars: [Unicode.Scalar]) -> Bool {
            if plain { return NarrativeNumbers.occurs(wordScalars, in: scalars) }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            return text.contains(word)
        }
    }

    /// `statedNumber` on the sentence's scalars.
    static func statedNumber(_ scalars: [Unicode.Scalar], _ pattern: Pattern) -> (Quantity, String)? {
        let keyword = pattern.keywordScalars
        guard occurs(keyword, in: scalars) else { return nil }
        var start = 0
        while start + keyword.count <= scalars.count {
            defer { start += 1 }
            guard scalars[start] == keyword[0], scalars[start..<start + keyword.count].elementsEqual(keyword) else { continue }
            // `不予以公开` is not 予以公开.
            if pattern.keyword == "予以公开" && start > 0 && scalars[start - 1] == "不" { continue }
            let gapStart = start + keyword.count
            var index = gapStart
            while index < scalars.count, index - gapStart <= maxGap, !Sentences.isDigit(scalars[index]),
                !isStop(scalars[index])
            {
                index += 1
            }
            guard index < scalars.count, Sentences.isDigit(scalars[index]), index - gapStart <= maxGap else { continue }
            let gap = Gap(scalars: Array(scalars[gapStart..<index]))
            if let through = pattern.through, let throughScalars = pattern.throughScalars,
                !gap.contains(through, throughScalars)
            {
                continue
            }
            // Another subject between: `行政复议和行政诉讼2件`, `收到申请和咨询…`.
            if otherSubjects.indices.contains(where: { gap.contains(otherSubjects[$0], otherSubjectScalars[$0]) }) {
                continue
            }
            var digits = ""
            while index < scalars.count, Sentences.isDigit(scalars[index]) {
                digits.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard index < scalars.count, scalars[index] == "件", let number = Quantity(string: digits) else { continue }
            var phrase = ""
            for scalar in scalars[start...index] { phrase.unicodeScalars.append(scalar) }
            return (number, phrase)
        }
        return nil
    }
}
