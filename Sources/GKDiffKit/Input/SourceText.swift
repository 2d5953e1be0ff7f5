#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text of one input file, decoded to a Swift string with `\n` line ends.
public struct SourceText: Sendable {
    /// The path as given (`-` for standard input).
    public var path: String
    /// The decoded text, line ends normalised to `\n`, without a byte order mark.
    public var text: String
    /// The encoding the bytes were in: `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE`, `GB18030`.
    public var encoding: String
    /// Problems with the bytes that did not stop reading (a truncated last character).
    public var diagnostics: [Diagnostic]
    /// What the file was: plain text, or an HTML page (`text` is then its markup).
    public var format: SourceFormat
    /// True when the file stops in the middle of a line (no final line end): the last thing in it may
    /// be cut short.
    public var endsMidLine: Bool

    /// Largest input accepted: a real report is 5–50 KB, so anything near this is not one.
    public static let sizeLimit = 32 * 1_048_576

    /// Text given as it is; `endsMidLine` defaults to whether the text lacks a final line end.
    public init(
        path: String, text: String, encoding: String = "UTF-8", diagnostics: [Diagnostic] = [],
        format: SourceFormat = .text, endsMidLine: Bool? = nil
    ) {
        self.path = path
        self.text = text
        self.encoding = encoding
        self.diagnostics = diagnostics
        self.format = format
        self.endsMidLine = endsMidLine ?? (!text.isEmpty && text.utf8.last != 0x0A)
    }

    /// Reads and decodes a file, or standard input for `-`.
    /// - Throws: `GKDiffError` naming the path: missing, a folder, unreadable, empty, binary, too large
    ///   or not text in a known encoding.
    public static func read(path: String) throws -> SourceText {
        let bytes = try readBytes(path: path)
        return try decode(bytes, path: path)
    }

    /// Decodes bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, otherwise GB18030 via iconv.
    /// A web page (`.html`/`.htm`, or bytes that start like one) is decoded by the same rules, except
    /// that when it is not valid UTF-8 the `charset` its `<meta>` declares decides (gb2312/gbk/gb18030
    /// read as GB18030, big5 as Big5); its `format` is `.html` and its text is the page's markup
    /// (`DocumentReader` turns it into paragraphs and table grids with `HTMLText`).
    public static func decode(_ bytes: [UInt8], path: String) throws -> SourceText {
        if bytes.isEmpty { throw GKDiffError.empty(path) }
        let isHTML = HTMLText.looksLikeHTML(path: path, bytes: bytes)
        var source = try decodeText(bytes, path: path, charset: isHTML ? HTMLText.declaredCharset(bytes) : nil)
        if isHTML { source.format = .html }
        return source
    }

    /// Bytes that are not UTF-8 read as Big5 rather than GB18030: for a text file without a charset
    /// mark that GB18030 decodes into something that is not a report (Big5 bytes are mostly valid
    /// GB18030, as other characters).
    static func decodeAsBig5(_ bytes: [UInt8], path: String) throws -> SourceText {
        var source = try decodeText(bytes, path: path, charset: "big5")
        source.format = HTMLText.looksLikeHTML(path: path, bytes: bytes) ? .html : .text
        return source
    }

    /// Bytes to text, with the charset a web page declares as the fallback for bytes that are not UTF-8.
    private static func decodeText(_ bytes: [UInt8], path: String, charset: String?) throws -> SourceText {
        var diagnostics: [Diagnostic] = []
        let text: String
        var encoding: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            text = decodeUTF16(bytes.dropFirst(2), littleEndian: little)
            encoding = little ? "UTF-16LE" : "UTF-16BE"
        } else {
            let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
            if looksBinary(body) { throw GKDiffError.binary(path) }
            if let utf8 = String(validating: body, as: UTF8.self) {
                text = utf8
                encoding = hasBOM ? "UTF-8 (BOM)" : "UTF-8"
            } else if let cut = truncatedUTF8Length(body), let utf8 = String(validating: body[..<cut], as: UTF8.self) {
                text = utf8
                encoding = "UTF-8"
                diagnostics.append(
                    Diagnostic(.warning, line: nil, "文件在一个字符的中间结束（最后 \(body.count - cut) 个字节不完整），文件可能被截断"))
            } else if !hasBOM, let declared = charset.flatMap(iconvName), let page = iconvDecode(body, from: declared) {
                text = page
                encoding = declared == "GB18030" ? "GB18030" : "Big5"
            } else if !hasBOM, let gb = iconvDecode(body, from: "GB18030") {
                text = gb
                encoding = "GB18030"
            } else {
                throw GKDiffError.undecodable(path)
            }
        }
        if let charset { encoding += "（网页声明 charset=\(charset)）" }
        let normalised = normaliseLineEnds(text)
        if normalised.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw GKDiffError.empty(path) }
        if hasManyControlCharacters(normalised) { throw GKDiffError.binary(path) }
        return SourceText(path: path, text: normalised, encoding: encoding, diagnostics: diagnostics)
    }

    // MARK: Bytes

    /// Reads a regular file, or standard input for `-`; never waits on a FIFO, socket or device
    /// (see `FileSystem.readInput`).
    static func readBytes(path: String) throws -> [UInt8] {
        try FileSystem.readInput(path: path, limit: sizeLimit)
    }

    static func readAll(fd: Int32, path: String) throws -> [UInt8] {
        try FileSystem.readAll(fd: fd, path: path, limit: sizeLimit)
    }

    // MARK: Decoding

    private static func decodeUTF16(_ body: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index + 1 < body.endIndex {
            let a = UInt16(body[index])
            let b = UInt16(body[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Length of the valid prefix when the only problem is an incomplete sequence in the last 3 bytes.
    private static func truncatedUTF8Length(_ body: [UInt8]) -> Int? {
        var cut = body.count
        var steps = 0
        while cut > 0 && steps < 3 && body[cut - 1] & 0xC0 == 0x80 {
            cut -= 1
            steps += 1
        }
        guard cut > 0, body[cut - 1] >= 0xC0 else { return nil }
        return cut - 1
    }

    /// The iconv name for a charset a page declares, for the charsets that are not UTF-8.
    static func iconvName(_ charset: String) -> String? {
        switch charset {
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn", "hz-gb-2312", "x-euc-cn", "gb_2312-80":
            return "GB18030"
        case "big5", "big5-hkscs", "cp950", "x-x-big5", "windows-950", "x-big5":
            return "BIG5-HKSCS"
        default:
            return nil
        }
    }

    /// Bytes in `encoding` (an iconv name) as a string; nil when they are not valid in it.
    private static func iconvDecode(_ body: [UInt8], from encoding: String) -> String? {
        #if canImport(Glibc)
            let converter = iconv_open("UTF-8", encoding)
            guard converter != iconv_t(bitPattern: -1) else { return nil }
            defer { iconv_close(converter) }
            var input = body.map { CChar(bitPattern: $0) }
            var output = [CChar](repeating: 0, count: body.count * 2 + 16)
            let length: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                    var inLeft = inBuffer.count
                    var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                    var outLeft = outBuffer.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    if result == -1 || inLeft != 0 { return nil }
                    return outBuffer.count - outLeft
                }
            }
            guard let length else { return nil }
            return String(validating: output[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
            return nil
        #endif
    }

    // MARK: Checks and normalisation

    /// NUL bytes or many C0 control bytes: not a text report.
    private static func looksBinary(_ body: [UInt8]) -> Bool {
        body.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all.prefix(65_536))
            var controls = 0
            var index = 0
            let count = bytes.count
            while index < count {
                // Eight bytes at a time: most hold no byte below 0x20 and are passed over at once.
                if index + 8 <= count, let base = bytes.baseAddress, !Bytes8.hasLess(Bytes8.load(base, index), than: 0x20) {
                    index += 8
                    continue
                }
                let end = min(index + 8, count)
                while index < end {
                    let byte = bytes[index]
                    index += 1
                    guard byte < 0x20 else { continue }
                    if byte == 0 { return true }
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B { controls += 1 }
                }
            }
            return controls > 8 && controls * 100 > min(body.count, 65_536)
        }
    }

    /// More than 8 control characters (C0 but tab, line feed, form feed; DEL; C1; U+FFFD) and more
    /// than one in 20 of the first 65,536 scalars. Scans the UTF-8 bytes: a scalar is counted at its
    /// lead byte, C1 controls are `C2 80`…`C2 9F` and U+FFFD is `EF BF BD`. O(min(n, 65,536)).
    private static func hasManyControlCharacters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.count <= 65_536 && controlCount(bytes) <= 8 { return false }
            if bytes.count > 65_536 {
                // The bytes of the first 65,536 scalars: up to the 65,537th lead byte.
                var cut = 0
                var leads = 0
                while cut < bytes.count {
                    if bytes[cut] & 0xC0 != 0x80 {
                        if leads == 65_536 { break }
                        leads += 1
                    }
                    cut += 1
                }
                if controlCount(UnsafeBufferPointer(rebasing: bytes[..<cut])) <= 8 { return false }
            }
            var controls = 0
            var total = 0
            var previous: UInt8 = 0
            var beforePrevious: UInt8 = 0
            for byte in bytes {
                if byte & 0xC0 != 0x80 {
                    // A lead byte: a new scalar starts.
                    if total == 65_536 { break }
                    total += 1
                    if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C) || byte == 0x7F { controls += 1 }
                } else if previous == 0xC2 && byte <= 0x9F {
                    controls += 1  // U+0080…U+009F
                } else if beforePrevious == 0xEF && previous == 0xBF && byte == 0xBD {
                    controls += 1  // U+FFFD
                }
                beforePrevious = previous
                previous = byte
            }
            return controls > 8 && controls * 20 > total
        }
    }

    /// The control characters `hasManyControlCharacters` counts, in all of valid UTF-8 `bytes`, found
    /// without counting scalars: enough to decide most files, whose scalars are all among the first
    /// 65,536 when they have no more bytes than that. Eight bytes at a time: a word with no C0 control,
    /// DEL, `C2` (a C1 control's lead) or `BD` (U+FFFD's last byte, found by its two bytes before) is
    /// passed over at once; the others byte by byte. O(n).
    private static func controlCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var controls = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let end: Int
            if index + 8 <= count {
                let word = Bytes8.load(base, index)
                if !Bytes8.hasLess(word, than: 0x20) && !Bytes8.has(word, 0x7F) && !Bytes8.has(word, 0xC2)
                    && !Bytes8.has(word, 0xBD)
                {
                    index += 8
                    continue
                }
                end = index + 8
            } else {
                end = count
            }
            while index < end {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0C { controls += 1 }
                } else if byte == 0x7F {
                    controls += 1
                } else if byte == 0xC2 {
                    // U+0080…U+009F
                    if index + 1 < count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F { controls += 1 }
                } else if byte == 0xBD {
                    if index >= 2 && bytes[index - 1] == 0xBF && bytes[index - 2] == 0xEF { controls += 1 }  // U+FFFD
                }
                index += 1
            }
        }
        return controls
    }

    /// CRLF and CR become LF.
    static func normaliseLineEnds(_ text: String) -> String {
        let hasCR =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
                return memchr(base, 0x0D, bytes.count) != nil
            } ?? text.utf8.contains(0x0D)
        guard hasCR else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == 0x0D {
                bytes.append(0x0A)
                previousCR = true
                continue
            }
            if byte == 0x0A && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// What kind of file a report came in.
public enum SourceFormat: String, Sendable {
    /// Plain text (a Word export, text copied from a web page).
    case text
    /// An HTML page.
    case html
    /// A Word document (Office Open XML, `.docx`), read natively.
    case docx
    /// A PDF with a text layer, read through poppler's `pdftotext`.
    case pdf
}

/// Tests on eight bytes at once (a `UInt64` loaded from any address), exact as to whether any byte is
/// such; which byte it is is left to a byte-by-byte look.
enum Bytes8 {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    /// True when a byte of `word` is below `limit` (≤ 128).
    @inline(__always)
    static func hasLess(_ word: UInt64, than limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// True when a byte of `word` is `byte`.
    @inline(__always)
    static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// The high bit of each byte of `word` below `limit` (≤ 128), and no other bit: exact for every
    /// byte (no borrow runs from one byte into the next).
    @inline(__always)
    static func lessMask(_ word: UInt64, than limit: UInt8) -> UInt64 {
        ~(((word & ~highs) &+ ones &* UInt64(0x80 - limit)) | word) & highs
    }

    /// The high bit of each byte of `word` equal to `byte`, and no other bit.
    @inline(__always)
    static func equalMask(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return ~(((x & ~highs) &+ ~highs) | x) & highs
    }
}
