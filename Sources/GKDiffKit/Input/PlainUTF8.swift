#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DocumentReader {
    /// The document `document(from: SourceText.decode(bytes, path:))` gives for a plain text file in
    /// UTF-8 (with or without a byte order mark), made straight from the bytes: each line's paragraph
    /// is validated and copied once, with no decoded copy of the whole text in between (which was a
    /// second copy of the file, and a second validation). Nil for anything else, which the general
    /// path reads, or rejects, as before: UTF-16, invalid or truncated UTF-8 (another encoding), a web
    /// page, a line starting with `<table`, text of white space only, a C0 control other than tab, line
    /// feed, form feed and carriage return, more than 8 of the other control characters
    /// `SourceText` counts, or more lines than `lineLimit`. O(n).
    static func plainUTF8(_ bytes: [UInt8], path: String) -> Document? {
        guard !bytes.isEmpty, !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]),
            !HTMLText.looksLikeHTML(path: path, bytes: bytes)
        else { return nil }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        return bytes.withUnsafeBufferPointer { all -> Document? in
            let body = UnsafeBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...])
            // `SourceText.looksBinary` finds nothing when there is no such control at all, and
            // `hasManyControlCharacters` nothing with 8 or fewer of the others.
            guard let scan = PlainScan(body), scan.controls <= 8 else { return nil }
            // Without carriage returns, a line per line feed and the last: the list is made at its size.
            let lines = scan.carriageReturns ? 0 : min(scan.lineFeeds + 1, lineLimit)
            guard let blocks = plainLines(body, carriageReturns: scan.carriageReturns, lines: lines),
                hasNonWhitespace(body)
            else {
                return nil
            }
            let last = body[body.count - 1]
            return Document(
                blocks: blocks, format: .text, encoding: hasBOM ? "UTF-8 (BOM)" : "UTF-8", diagnostics: [],
                endsMidLine: last != 0x0A && last != 0x0D)
        }
    }

    /// `plainTextBlocks` of the text with its line ends normalised (`SourceText.normaliseLineEnds`: a
    /// carriage return and line feed, or a carriage return alone, ends a line as a line feed does),
    /// each line validated as UTF-8 on the way; nil when a line is not valid UTF-8 or starts with
    /// `<table`, or there are more than `lineLimit` lines. `lines`: room to make for lines at first.
    private static func plainLines(_ body: UnsafeBufferPointer<UInt8>, carriageReturns: Bool, lines: Int)
        -> [DocumentBlock]?
    {
        guard let base = body.baseAddress else { return nil }
        var blocks: [DocumentBlock] = []
        blocks.reserveCapacity(lines)
        var start = 0
        var number = 0
        let count = body.count
        var lastEmpty = false
        while true {
            // To the end of the line.
            var end = count
            if carriageReturns {
                end = start
                while end < count && body[end] != 0x0A && body[end] != 0x0D { end += 1 }
            } else if start < count, let found = memchr(base + start, 0x0A, count - start) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            let line = UnsafeBufferPointer(rebasing: body[start..<end])
            if startsWithTable(line) { return nil }
            number += 1
            if number > lineLimit { return nil }
            let from = headingMarksLength(line)
            guard let paragraph = validString(UnsafeBufferPointer(rebasing: line[from...])) else { return nil }
            lastEmpty = paragraph.isEmpty
            blocks.append(.paragraph(DocumentParagraph(text: paragraph, line: number)))
            if end >= count { break }
            if body[end] == 0x0D && end + 1 < count && body[end + 1] == 0x0A { end += 1 }
            start = end + 1
        }
        if blocks.count > 1 && lastEmpty { blocks.removeLast() }
        return blocks
    }

    /// The bytes, which hold no NUL, as a string when they are valid UTF-8; else nil. Through
    /// `String(validatingCString:)` on a copy with a NUL after it: the generic `String(validating:as:)`
    /// looks up generic metadata on every call, several hundred instructions a line.
    private static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let source = bytes.baseAddress else { return "" }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            UnsafeMutableRawPointer(base).copyMemory(from: source, byteCount: bytes.count)
            base[bytes.count] = 0
            return String(validatingCString: base)
        }
    }

    /// True when a scalar of the valid UTF-8 `body` is not white space
    /// (`Unicode.Scalar.Properties.isWhitespace`): the text is not empty. Nearly always decided on the
    /// first scalar.
    private static func hasNonWhitespace(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < body.count {
            let v = LabelText.decode(body, at: &index)
            guard let scalar = Unicode.Scalar(v), scalar.properties.isWhitespace else { return true }
        }
        return false
    }

    /// What `plainUTF8` needs to know of the bytes: whether a carriage return is there, and how many
    /// of the control characters `SourceText.hasManyControlCharacters` counts besides C0 ones (DEL,
    /// C1 as `C2 80`…`C2 9F`, U+FFFD as `EF BF BD`) are; nil when a C0 control other than tab, line
    /// feed, form feed or carriage return is there. The C0 controls eight bytes at a time (a word with
    /// no byte below 0x20 is passed over at once), the others from one `memchr` hit to the next.
    struct PlainScan {
        var carriageReturns = false
        var controls = 0
        /// How many line feeds there are.
        var lineFeeds = 0

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var index = 0
            while index + 8 <= count {
                let word = Bytes8.load(base, index)
                index += 8
                guard Bytes8.hasLess(word, than: 0x20) else { continue }
                let breaks = Bytes8.equalMask(word, 0x0D)
                let feeds = Bytes8.equalMask(word, 0x0A)
                let allowed = Bytes8.equalMask(word, 0x09) | feeds | Bytes8.equalMask(word, 0x0C)
                if Bytes8.lessMask(word, than: 0x20) & ~(allowed | breaks) != 0 { return nil }
                if breaks != 0 { carriageReturns = true }
                lineFeeds += feeds.nonzeroBitCount
            }
            while index < count {
                switch bytes[index] {
                case 0x09, 0x0C: break
                case 0x0A: lineFeeds += 1
                case 0x0D: carriageReturns = true
                case 0..<0x20: return nil
                default: break
                }
                index += 1
            }
            var controls = 0
            Self.forEach(0x7F, in: bytes) { _ in controls += 1 }
            Self.forEach(0xC2, in: bytes) { at in
                // U+0080…U+009F
                if at + 1 < count && bytes[at + 1] >= 0x80 && bytes[at + 1] <= 0x9F { controls += 1 }
            }
            Self.forEach(0xBD, in: bytes) { at in
                if at >= 2 && bytes[at - 1] == 0xBF && bytes[at - 2] == 0xEF { controls += 1 }  // U+FFFD
            }
            self.controls = controls
        }

        /// `body` with the offset of each `byte` in `bytes`, found with `memchr`.
        @inline(__always)
        private static func forEach(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(byte), bytes.count - offset) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                body(at)
                offset = at + 1
            }
        }
    }

    /// True when the text holds a line feed (`memchr` on a native string's bytes).
    static func hasLineFeed(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, 0x0A, bytes.count) != nil
        } ?? text.utf8.contains(0x0A)
    }
}
