/// Normalisation of labels and headings so that what a report writes matches what the template says:
/// full-width folded to half-width, spaces and quotes removed, numbering such as `（三）`, `3、`, `1.` dropped.
/// Scans unicode scalars with switches (this runs on every line).
enum LabelText {
    /// Full-width ASCII folded to ASCII, every kind of space and every quote mark removed, `**` removed.
    /// Scans the UTF-8 bytes and writes the result straight into the new string's storage (the output
    /// is never longer than the input: folding only shortens, and traditional and simplified characters
    /// are both three bytes). O(n).
    static func fold<S: StringProtocol>(_ text: S) -> String {
        if let folded = text.utf8.withContiguousStorageIfAvailable(fold) { return folded }
        return Array(text.utf8).withUnsafeBufferPointer(fold)
    }

    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var index = 0
            while index < bytes.count {
                let start = index
                var v = decode(bytes, at: &index)
                if v >= 0x10000 {
                    // Four-byte scalars are never folded or skipped: copy them.
                    for k in 0..<4 { out[count + k] = bytes[start + k] }
                    count += 4
                    continue
                }
                if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII
                switch v {
                case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x2002...0x200B, 0x2028, 0x2029, 0xFEFF: continue  // spaces
                case 0x22, 0x27, 0x2A, 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F: continue  // quotes, *
                default: break
                }
                if v >= 0x4E00 { v = Traditional.simplified(v) }
                count += encode(v, into: out, at: count)
            }
            return count
        }
    }

    /// The scalar value of the valid UTF-8 sequence at `index`, which moves past it.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32 {
        let lead = bytes[index]
        if lead < 0x80 {
            index += 1
            return UInt32(lead)
        }
        if lead < 0xE0 {
            defer { index += 2 }
            return UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        }
        if lead < 0xF0 {
            defer { index += 3 }
            return UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        }
        defer { index += 4 }
        return UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F)
    }

    /// Writes the UTF-8 bytes of scalar value `v` (below 0x10000) at `index`; returns how many.
    @inline(__always)
    private static func encode(_ v: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        if v < 0x80 {
            out[index] = UInt8(v)
            return 1
        }
        if v < 0x800 {
            out[index] = UInt8(0xC0 | v >> 6)
            out[index + 1] = UInt8(0x80 | v & 0x3F)
            return 2
        }
        out[index] = UInt8(0xE0 | v >> 12)
        out[index + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
        out[index + 2] = UInt8(0x80 | v & 0x3F)
        return 3
    }

    /// `fold` and then the leading numbering removed: `（三）不予公开` → `不予公开`, `3、收到…` → `收到…`,
    /// `1.属于国家秘密` → `属于国家秘密`, `三、本年度办理结果` → `本年度办理结果`.
    static func key<S: StringProtocol>(_ text: S) -> String {
        stripNumbering(fold(text))
    }

    /// A heading's key: `key` with the punctuation inside removed (`、，,：:。`), so that
    /// `政府信息公开行政复议、行政诉讼情况` and `…复议和行政诉讼…` variants compare on their words.
    static func headingKey<S: StringProtocol>(_ text: S) -> String {
        let key = self.key(text)
        let scalars = key.unicodeScalars
        // Most keys have no such mark: keep the string as it is.
        guard scalars.contains(where: isHeadingPunctuation) else { return key }
        return string(scalars.filter { !isHeadingPunctuation($0) })
    }

    /// 、 , ， : 。 . ;
    private static func isHeadingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3001, 0x2C, 0xFF0C, 0x3A, 0x3002, 0x2E, 0x3B: return true
        default: return false
        }
    }

    /// The text's unicode scalars as an array, decoded from its UTF-8 bytes in place
    /// (`Array(text.unicodeScalars)` counts the scalars first and then walks them again). O(n).
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }  // lead bytes: one per scalar
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(count)
            var index = 0
            while index < bytes.count {
                let v = decode(bytes, at: &index)
                scalars.append(Unicode.Scalar(v)!)  // valid UTF-8 decodes to valid scalars
            }
            return scalars
        }
    }

    /// A string of the scalars, written as UTF-8 straight into its storage (appending scalar by scalar
    /// to a `String.UnicodeScalarView` costs several hundred instructions each). O(n).
    static func string<C: Collection<Unicode.Scalar>>(_ scalars: C) -> String {
        if scalars.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: scalars.count * 4) { out in
            var count = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x10000 {
                    count += encode(v, into: out, at: count)
                } else {
                    out[count] = UInt8(0xF0 | v >> 18)
                    out[count + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                    out[count + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
                    out[count + 3] = UInt8(0x80 | v & 0x3F)
                    count += 4
                }
            }
            return count
        }
    }

    /// Removes one leading numbering: Chinese or Arabic numerals followed by `、` `.` `，`, or in brackets.
    /// O(length of the numbering), plus one copy of the rest when something is removed.
    static func stripNumbering(_ folded: String) -> String {
        let scalars = folded.unicodeScalars
        let endIndex = scalars.endIndex
        var start = scalars.startIndex
        guard start < endIndex else { return folded }
        if scalars[start] == "(" || scalars[start] == "[" {
            var end = scalars.index(after: start)
            let first = end
            while end < endIndex, isNumeral(scalars[end]) { end = scalars.index(after: end) }
            if end > first, end < endIndex, scalars[end] == ")" || scalars[end] == "]" {
                start = scalars.index(after: end)
            }
        } else {
            var end = start
            while end < endIndex, isNumeral(scalars[end]) { end = scalars.index(after: end) }
            if end > start, end < endIndex {
                switch scalars[end] {
                case "、", ".", ",", "，", "．": start = scalars.index(after: end)
                default: break
                }
            }
        }
        guard start > scalars.startIndex else { return folded }
        return String(scalars[start...])
    }

    /// True when the text starts with a subsection's numbering, below the template's section level:
    /// `（二）`, `(二)`, `(1)`, `【一】`, `1.`, `2．`, `二）`. A section is numbered `三、` (or `3、` when Word's
    /// automatic numbering was lost) or not at all, so `(二)依申请公开情况` or `1.主动公开情况` inside
    /// 一、总体情况 is never taken for section 三 or 二.
    static func startsWithSubsectionNumbering<S: StringProtocol>(_ text: S) -> Bool {
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

    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": return true
        default: return false
        }
    }

    /// True for scalars that are space-like (ASCII, no-break, ideographic, zero-width).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002...0x200B, 0x2028, 0x2029, 0xFEFF: return true
        default: return false
        }
    }

    /// True when the two strings have the same UTF-8 bytes: `==` for plain strings (`isPlain`). O(n).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    /// True when every scalar is ASCII, CJK punctuation (U+3000…3029, 302F…303F — the tone marks
    /// U+302A…302E combine), a CJK unified ideograph (U+4E00…9FFF) or a full-width form (U+FF00…FFEF):
    /// scalars without canonical decomposition that combine with nothing, so that a string of them is
    /// its own normal form. O(n).
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                guard lead >= 0xE0 && lead < 0xF0 && index + 2 < bytes.count else { return false }
                let v = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                switch v {
                case 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF: index += 3
                default: return false
                }
            }
            return true
        }
    }

    /// True when `needle` occurs in `text`, compared as UTF-8 bytes (exact for valid UTF-8, where no
    /// character's bytes start inside another's). The standard `contains` builds a searcher on every
    /// call, far too slow for every token against every header word. O(n·m), no allocation.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { t in needle.withUTF8 { n in firstMatch(t, n, prefixOnly: false) } }
    }

    /// True when `text` starts with `prefix`, compared as UTF-8 bytes.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        var text = text
        var prefix = prefix
        return text.withUTF8 { t in prefix.withUTF8 { n in firstMatch(t, n, prefixOnly: true) } }
    }

    private static func firstMatch(_ t: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, prefixOnly: Bool) -> Bool {
        if n.isEmpty { return true }
        if n.count > t.count { return false }
        let last = prefixOnly ? 0 : t.count - n.count
        var i = 0
        while i <= last {
            if t[i] == n[0] {
                var j = 1
                while j < n.count && t[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }

    /// True when the text has at most `limit` unicode scalars; stops counting there, so it is O(limit)
    /// even on a 5 MB line.
    static func isShort<S: StringProtocol>(_ text: S, limit: Int) -> Bool {
        // A scalar is one to four UTF-8 bytes: the byte count (O(1) for native strings) mostly decides.
        let bytes = text.utf8.count
        if bytes <= limit { return true }
        if bytes > 4 * limit { return false }
        var count = 0
        for _ in text.unicodeScalars {
            count += 1
            if count > limit { return false }
        }
        return true
    }

    /// The text without leading and trailing spaces of any kind.
    static func trim<S: StringProtocol>(_ text: S) -> Substring {
        let scalars = Substring(text).unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }
}

/// The traditional characters of the template's labels, headings and title words (and common ones
/// around them), mapped to simplified ones scalar for scalar, so that a report mirrored through a Big5
/// gateway reads like the original. Only labels are folded; narrative text stays as written.
enum Traditional {
    /// The simplified form of a traditional character in the table; any other scalar as it is.
    static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0x4E00 else { return scalar }
        return Unicode.Scalar(simplified(scalar.value)) ?? scalar
    }

    /// The simplified form of a scalar value: a bit test for the common case (not in the table), else
    /// a binary search. O(log n), no hashing.
    @inline(__always)
    static func simplified(_ value: UInt32) -> UInt32 {
        let bits = Self.bits
        guard value >= first, case let offset = Int(value - first), offset >> 6 < bits.count,
            bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
        else { return value }
        return lookup(value)
    }

    private static func lookup(_ value: UInt32) -> UInt32 {
        let keys = sorted.keys
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < value { low = middle + 1 } else { high = middle }
        }
        return sorted.values[low]
    }

    /// The table sorted by traditional scalar ("a later pair wins", as it always has).
    private static let sorted: (keys: [UInt32], values: [UInt32]) = {
        // Sorted by scalar and then by position in `pairs`; the last of a run of equal scalars wins.
        var order: [UInt64] = []  // scalar << 32 | position: plain integers sort fast
        for (position, pair) in pairs.enumerated() where pair.0 != pair.1 {
            order.append(UInt64(pair.0.value) << 32 | UInt64(position))
        }
        order.sort()
        var keys: [UInt32] = []
        var values: [UInt32] = []
        for entry in order {
            let (traditional, simplified) = pairs[Int(entry & 0xFFFF_FFFF)]
            if keys.last == traditional.value {
                values[values.count - 1] = simplified.value
            } else {
                keys.append(traditional.value)
                values.append(simplified.value)
            }
        }
        return (keys, values)
    }()

    /// The smallest traditional scalar in the table.
    private static let first: UInt32 = sorted.keys[0]

    /// Which scalars from `first` on are in the table, one bit each. Allocated once for the life of
    /// the process, so that the test on every CJK scalar touches no reference count.
    /// Never written after it is built, hence `nonisolated(unsafe)`.
    nonisolated(unsafe) private static let bits: UnsafeBufferPointer<UInt64> = {
        let keys = sorted.keys
        let words = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: Int(keys.last! - keys[0]) / 64 + 1)
        words.initialize(repeating: 0)
        for key in keys { words[Int(key - keys[0]) >> 6] |= 1 << UInt64(Int(key - keys[0]) & 63) }
        return UnsafeBufferPointer(words)
    }()

    /// Every character of the template's labels, section titles, title words and metadata words that
    /// has a traditional form, plus common ones around them. Pairs are (traditional, simplified).
    private static let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [
        ("開", "开"), ("資", "资"), ("訊", "讯"), ("請", "请"), ("處", "处"), ("結", "结"), ("轉", "转"),
        ("與", "与"), ("計", "计"), ("數", "数"), ("總", "总"), ("審", "审"), ("維", "维"), ("糾", "纠"),
        ("訴", "诉"), ("訟", "讼"), ("議", "议"), ("規", "规"), ("範", "范"), ("許", "许"), ("罰", "罚"),
        ("強", "强"), ("製", "制"), ("廢", "废"), ("費", "费"), ("額", "额"), ("萬", "万"), ("況", "况"),
        ("務", "务"), ("體", "体"), ("動", "动"), ("報", "报"), ("題", "题"), ("進", "进"), ("項", "项"),
        ("際", "际"), ("關", "关"), ("機", "机"), ("構", "构"), ("組", "组"), ("織", "织"), ("業", "业"),
        ("會", "会"), ("學", "学"), ("號", "号"), ("國", "国"), ("諮", "咨"), ("詢", "询"), ("權", "权"),
        ("內", "内"), ("為", "为"), ("無", "无"), ("現", "现"), ("復", "复"), ("補", "补"), ("確", "确"),
        ("類", "类"), ("級", "级"), ("區", "区"), ("縣", "县"), ("長", "长"), ("門", "门"), ("單", "单"),
        ("負", "负"), ("責", "责"), ("實", "实"), ("們", "们"), ("問", "问"), ("經", "经"), ("執", "执"),
        ("紀", "纪"), ("據", "据"), ("應", "应"), ("舉", "举"), ("設", "设"), ("統", "统"), ("營", "营"),
        ("環", "环"), ("義", "义"), ("險", "险"), ("穩", "稳"), ("護", "护"), ("屬", "属"), ("條", "条"),
        ("過", "过"), ("錄", "录"), ("戶", "户"), ("擊", "击"), ("買", "买"), ("賣", "卖"), ("給", "给"),
        ("場", "场"), ("選", "选"), ("獨", "独"), ("視", "视"), ("訪", "访"), ("舊", "旧"), ("兩", "两"),
        ("認", "认"), ("證", "证"), ("聯", "联"), ("輯", "辑"), ("複", "复"), ("將", "将"), ("獲", "获"),
        ("閱", "阅"), ("準", "准"), ("這", "这"), ("個", "个"), ("對", "对"), ("種", "种"), ("讓", "让"),
        ("繳", "缴"), ("納", "纳"), ("調", "调"), ("書", "书"), ("態", "态"), ("發", "发"), ("歸", "归"),
        ("決", "决"), ("來", "来"), ("達", "达"), ("邏", "逻"), ("戰", "战"), ("稅", "税"),
        // Added for the full template vocabulary (2019 and 2021), headings and metadata.
        ("辦", "办"), ("於", "于"), ("後", "后"), ("係", "系"), ("繫", "系"), ("沒", "没"), ("當", "当"),
        ("繼", "继"), ("續", "续"), ("採", "采"), ("購", "购"), ("減", "减"), ("億", "亿"), ("務", "务"),
        ("網", "网"), ("站", "站"), ("門", "门"), ("電", "电"), ("話", "话"), ("郵", "邮"), ("編", "编"),
        ("聯", "联"), ("歲", "岁"), ("專", "专"), ("欄", "栏"), ("頁", "页"), ("規", "规"), ("劃", "划"),
        ("質", "质"), ("總", "总"), ("結", "结"), ("節", "节"), ("點", "点"), ("見", "见"), ("覽", "览"),
        ("園", "园"), ("圖", "图"), ("畫", "画"), ("價", "价"), ("東", "东"), ("車", "车"), ("軍", "军"),
        ("鄉", "乡"), ("鎮", "镇"), ("僅", "仅"), ("約", "约"), ("導", "导"), ("領", "领"), ("黨", "党"),
        ("員", "员"), ("習", "习"), ("優", "优"), ("勢", "势"), ("們", "们"), ("傳", "传"), ("權", "权"),
        ("歷", "历"), ("曆", "历"), ("產", "产"), ("濟", "济"), ("災", "灾"), ("醫", "医"), ("療", "疗"),
        ("衛", "卫"), ("廣", "广"), ("濱", "滨"), ("熱", "热"), ("線", "线"), ("辭", "辞"), ("陽", "阳"),
        ("與", "与"), ("華", "华"), ("夠", "够"), ("並", "并"), ("據", "据"), ("標", "标"), ("準", "准"),
        ("隊", "队"), ("團", "团"), ("衝", "冲"), ("農", "农"), ("龍", "龙"), ("門", "门"), ("慶", "庆"),
        ("簡", "简"), ("稱", "称"), ("餘", "余"), ("徑", "径"), ("聽", "听"), ("觀", "观"), ("處", "处"),
        ("備", "备"), ("險", "险"), ("離", "离"), ("雜", "杂"), ("難", "难"), ("響", "响"), ("頭", "头"),
        ("顯", "显"), ("驗", "验"), ("齊", "齐"), ("爭", "争"), ("積", "积"), ("極", "极"), ("構", "构"),
        ("協", "协"), ("調", "调"), ("訂", "订"), ("評", "评"), ("議", "议"), ("謀", "谋"), ("識", "识"),
        ("觸", "触"), ("貫", "贯"), ("徹", "彻"), ("貼", "贴"), ("範", "范"), ("圍", "围"), ("屆", "届"),
        ("兒", "儿"), ("週", "周"), ("進", "进"), ("運", "运"), ("還", "还"), ("邊", "边"), ("遞", "递"),
        ("適", "适"), ("違", "违"), ("遺", "遗"), ("遼", "辽"), ("變", "变"), ("紐", "纽"), ("細", "细"),
        ("純", "纯"), ("級", "级"), ("終", "终"), ("絡", "络"), ("給", "给"), ("綜", "综"), ("緊", "紧"),
        ("綠", "绿"), ("練", "练"), ("總", "总"), ("績", "绩"), ("區", "区"), ("劃", "划"),
        // Variants a converter may choose: 反覆 (反复), 祕密 (秘密), 爲 (为), 裏 (里), 着 stays.
        ("覆", "复"), ("祕", "秘"), ("爲", "为"), ("裏", "里"), ("裡", "里"), ("峯", "峰"), ("綫", "线"),
    ]
}
