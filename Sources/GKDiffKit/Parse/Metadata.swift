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
        var scalars = Array(title.unicodeScalars.filter { !LabelText.isSpace($0) })
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
        let (original, scalars) = scalarsAndSimplified(text)
        var start: Int?
        if let label = find(Array("统计期限".unicodeScalars), in: scalars, from: 0) {
            start = scalars[label...].firstIndex(of: "自").map { $0 + 1 }
            if let found = start, found - label > 12 { start = nil }
        }
        if start == nil {
            var index = 0
            while index + 5 < scalars.count {
                if scalars[index] == "自", fourDigits(scalars, at: index + 1) != nil { start = index + 1; break }
                index += 1
            }
        }
        guard let from = start, from < scalars.count else { return nil }
        var end = from
        while end < scalars.count && end - from < 40 {
            let scalar = scalars[end]
            if scalar == "止" { end += 1; break }
            guard ("0"..."9").contains(scalar) || "年月日起至到-—－~～".unicodeScalars.contains(scalar) || LabelText.isSpace(scalar)
            else { break }
            end += 1
        }
        let period = LabelText.string(original[from..<end])
        return year(in: LabelText.string(scalars[from..<end])) == nil ? nil : period
    }

    /// `Array(text.unicodeScalars)` and its `map(Traditional.simplified)`, decoded from the UTF-8
    /// bytes in one pass into storage allocated once. O(n).
    static func scalarsAndSimplified(_ text: String) -> (original: [Unicode.Scalar], simplified: [Unicode.Scalar]) {
        var text = text
        return text.withUTF8 { bytes in
            let membership = Traditional.membership
            var count = 0
            var simplified: [Unicode.Scalar] = []
            let original = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, initialized in
                simplified = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { simple, made in
                    var index = 0
                    while index < bytes.count {
                        let v = LabelText.decode(bytes, at: &index)
                        // Valid UTF-8 decodes to valid scalars, and the table maps scalars to scalars.
                        out[count] = Unicode.Scalar(v).unsafelyUnwrapped
                        simple[count] =
                            v >= 0x4E00 ? Unicode.Scalar(Traditional.simplified(v, in: membership)).unsafelyUnwrapped : out[count]
                        count += 1
                    }
                    made = count
                }
                initialized = count
            }
            return (original, simplified)
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
