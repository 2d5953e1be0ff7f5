/// Agency, year and statistics period from the title and the preamble.
enum Metadata {
    /// The first year written as `2024年` or `2024 年` (19xx or 20xx).
    static func year(in text: String) -> Int? {
        let scalars = LabelText.scalars(text)
        var index = 0
        while index + 4 <= scalars.count {
            if let value = fourDigits(scalars, at: index), (1990...2099).contains(value) {
                var next = index + 4
                while next < scalars.count, LabelText.isSpace(scalars[next]) { next += 1 }
                if next < scalars.count, scalars[next] == "年" { return value }
            }
            index += 1
        }
        return nil
    }

    /// The value of exactly four ASCII digits at `index` that no other digit touches, else nil.
    static func fourDigits(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        if index > 0, ("0"..."9").contains(scalars[index - 1]) { return nil }
        var value = 0
        for offset in 0..<4 {
            guard ("0"..."9").contains(scalars[index + offset]) else { return nil }
            value = value * 10 + Int(scalars[index + offset].value - 48)
        }
        if index + 4 < scalars.count, ("0"..."9").contains(scalars[index + 4]) { return nil }
        return value
    }

    /// The agency named in a title: the year phrase and the `…信息公开工作年度报告` tail removed.
    /// `2024年南关区执法局信息公开工作年度报告` → `南关区执法局`;
    /// `互助县城市管理综合行政执法局 2024 年度政府信息公开工作年度报告` → `互助县城市管理综合行政执法局`.
    /// A title in traditional characters (`…政府信息公開工作年度報告`) is searched in its simplified
    /// form and cut in its own.
    static func agency(fromTitle title: String) -> String {
        // Lazily: `unicodeScalars.filter` would build a string scalar by scalar first.
        var scalars = Array(title.unicodeScalars.lazy.filter { !LabelText.isSpace($0) })
        var simple = scalars.map(Traditional.simplified)
        // Remove every year phrase `2024年` / `2024年度`.
        var index = 0
        while index + 5 <= scalars.count {
            if fourDigits(scalars, at: index) != nil, simple[index + 4] == "年" {
                var end = index + 5
                if end < scalars.count, simple[end] == "度" { end += 1 }
                scalars.removeSubrange(index..<end)
                simple.removeSubrange(index..<end)
                continue
            }
            index += 1
        }
        for tail in ["政府信息公开", "政务信息公开", "信息公开", "政务公开", "工作年度报告", "年度报告"] {
            if let cut = find(Array(tail.unicodeScalars), in: simple, from: 0) {
                scalars.removeSubrange(cut...)
                simple.removeSubrange(cut...)
                break
            }
        }
        if simple.starts(with: ["关", "于"]) {
            scalars.removeFirst(2)
            simple.removeFirst(2)
        }
        while let last = simple.last, last == "的" || last == "（" || last == "(" {
            scalars.removeLast()
            simple.removeLast()
        }
        return LabelText.string(scalars)
    }

    /// The statistics period, e.g. `2024年1月1日起至2024年12月31日止`, from `统计期限自…止` or `自…止`.
    static func period(in text: String) -> String? {
        period(inParagraphs: [text])
    }

    /// `period(in: texts.joined(separator: "\n"))`, found without joining the texts or decoding them
    /// into arrays (the preamble and overview of a 5 MB report are 5 MB): the searches read the bytes
    /// of each text in place, and only the few scalars of the period itself are collected. Simplified
    /// forms (`Traditional.simplified`) are compared, original scalars returned, as before. O(n).
    static func period(inParagraphs texts: [String]) -> String? {
        var start: Walk?
        // `统计期限` (or a traditional form) and a `自` that starts at most eleven scalars after the
        // label's start. The label holds no line feed, so it lies inside one text; the `自` may be in
        // the next.
        if var walk = Walk.first(of: labelScalars, in: texts) {
            for _ in 0..<(12 - labelScalars.count) {
                guard let (_, simple) = walk.next() else { break }
                if simple == 0x81EA {  // 自
                    start = walk
                    break
                }
            }
        }
        if start == nil { start = Walk.firstDatedFrom(in: texts) }
        guard var walk = start, walk.hasNext else { return nil }
        var original: [Unicode.Scalar] = []
        var simplified: [Unicode.Scalar] = []
        while original.count < 40, let (scalar, simple) = walk.next() {
            let accepted: Bool
            switch simple {
            case 0x6B62: accepted = true  // 止, which ends the period
            case 0x30...0x39, 0x5E74, 0x6708, 0x65E5, 0x8D77, 0x81F3, 0x5230, 0x2D, 0x2014, 0xFF0D, 0x7E, 0xFF5E:
                accepted = true  // digits, 年月日起至到 and the dashes and tildes -—－~～
            default: accepted = LabelText.isSpace(simple)
            }
            guard accepted else { break }
            original.append(Unicode.Scalar(scalar).unsafelyUnwrapped)
            simplified.append(Unicode.Scalar(simple).unsafelyUnwrapped)
            if simple == 0x6B62 { break }
        }
        let period = LabelText.string(original)
        return year(in: LabelText.string(simplified)) == nil ? nil : period
    }

    /// `统计期限`.
    private static let labelScalars: [UInt32] = [0x7EDF, 0x8BA1, 0x671F, 0x9650]

    /// A place in texts joined by line feeds, read forward a scalar at a time: each scalar with its
    /// simplified form (`Traditional.simplified`), the joining line feed between texts included.
    struct Walk {
        let texts: [String]
        /// The text read and the byte offset in it; at its end, the line feed to the next comes next.
        var text: Int
        var offset: Int

        /// True when a scalar follows.
        var hasNext: Bool {
            text < texts.count && (offset < texts[text].utf8.count || text + 1 < texts.count)
        }

        /// The next scalar and its simplified form, nil at the end.
        mutating func next() -> (UInt32, UInt32)? {
            guard text < texts.count else { return nil }
            var offset = self.offset
            let value: UInt32? =
                texts[text].utf8.withContiguousStorageIfAvailable { bytes in
                    offset < bytes.count ? LabelText.decode(bytes, at: &offset) : nil
                } ?? Walk.decode(Array(texts[text].utf8), at: &offset)
            if let value {
                self.offset = offset
                return (value, value >= 0x4E00 ? Traditional.simplified(value) : value)
            }
            guard text + 1 < texts.count else {
                text = texts.count
                return nil
            }
            text += 1
            self.offset = 0
            return (0x0A, 0x0A)
        }

        private static func decode(_ bytes: [UInt8], at offset: inout Int) -> UInt32? {
            bytes.withUnsafeBufferPointer { offset < $0.count ? LabelText.decode($0, at: &offset) : nil }
        }

        /// The place after the first occurrence of `needle` (simplified scalars, none a line feed)
        /// among the simplified scalars of the joined texts; nil when there is none.
        static func first(of needle: [UInt32], in texts: [String]) -> Walk? {
            let membership = Traditional.membership
            for (number, text) in texts.enumerated() {
                let found: Int? = scan(text) { bytes in
                    var index = 0
                    while index < bytes.count {
                        var next = index
                        var matched = 0
                        while matched < needle.count && next < bytes.count {
                            let v = LabelText.decode(bytes, at: &next)
                            let simple = v >= 0x4E00 ? Traditional.simplified(v, in: membership) : v
                            guard simple == needle[matched] else { break }
                            matched += 1
                        }
                        if matched == needle.count { return next }
                        _ = LabelText.decode(bytes, at: &index)
                    }
                    return nil
                }
                if let found { return Walk(texts: texts, text: number, offset: found) }
            }
            return nil
        }

        /// The place after the first `自` followed by four ASCII digits and then by some scalar other
        /// than a digit (the joining line feed counts); nil when there is none.
        static func firstDatedFrom(in texts: [String]) -> Walk? {
            let membership = Traditional.membership
            for (number, text) in texts.enumerated() {
                let last = number == texts.count - 1
                let found: Int? = scan(text) { bytes in
                    var index = 0
                    while index < bytes.count {
                        var next = index
                        let v = LabelText.decode(bytes, at: &next)
                        if v >= 0x4E00, Traditional.simplified(v, in: membership) == 0x81EA, next + 4 <= bytes.count,
                            bytes[next..<next + 4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
                        {
                            let after = next + 4
                            if after < bytes.count ? !(bytes[after] >= 0x30 && bytes[after] <= 0x39) : !last {
                                return next
                            }
                        }
                        index = next
                    }
                    return nil
                }
                if let found { return Walk(texts: texts, text: number, offset: found) }
            }
            return nil
        }

        /// `body` on the bytes of `text`.
        private static func scan(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Int?) -> Int? {
            if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
            return Array(text.utf8).withUnsafeBufferPointer(body)
        }
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = from
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
