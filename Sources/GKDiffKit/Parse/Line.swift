#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One source line: its text (without the line end) and its 1-based number.
struct Line: Sendable {
    var text: Substring
    var number: Int

    /// True when the line holds nothing but spaces (a tab-only line is not empty: it is an empty cell).
    var isEmpty: Bool {
        // Most lines are decided by their first byte: one that starts neither a space nor nothing.
        guard let first = text.utf8.first else { return true }
        switch first {
        case 0x20, 0x0A...0x0D, 0xC2, 0xE2, 0xE3, 0xEF: break
        default: return false
        }
        for scalar in text.unicodeScalars where scalar == "\t" || !LabelText.isSpace(scalar) { return false }
        return true
    }
    /// True when the line starts with a tab (one byte, so the first byte says it).
    var startsWithTab: Bool { text.utf8.first == 0x09 }

    /// `isEmpty`, `startsWithTab` and `Line.count(of: 9, in: text, upTo: 2)`, from one look at a
    /// native string's bytes (each of the three reaches the bytes through the substring's view).
    var shape: LineShape {
        if let shape = Line.withBytes(of: text, Line.shape) { return shape }
        return LineShape(isEmpty: isEmpty, startsWithTab: startsWithTab, tabs: Line.count(of: 9, in: text, upTo: 2))
    }

    /// `shape` of the bytes of valid UTF-8 text.
    static func shape(_ bytes: UnsafeBufferPointer<UInt8>) -> LineShape {
        let tabs = count(of: 9, in: bytes, upTo: 2)
        return LineShape(isEmpty: tabs == 0 && isBlank(bytes), startsWithTab: bytes.first == 0x09, tabs: tabs)
    }

    /// True when every scalar of the valid UTF-8 bytes is a space (`LabelText.isSpace`): `isEmpty` of
    /// text without a tab.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            guard LabelText.isSpace(LabelText.decode(bytes, at: &index)) else { return false }
        }
        return true
    }

    /// The text without its first byte, for a line that starts with a tab: `text.dropFirst()` without
    /// the grapheme-breaking walk (a tab is a control character, a grapheme cluster of its own).
    var textAfterTab: Substring {
        text[text.utf8.index(after: text.utf8.startIndex)...]
    }

    /// How many `byte`s the text holds, counting no further than `limit`; scans a native string's bytes
    /// in place. O(n).
    static func count(of byte: UInt8, in text: Substring, upTo limit: Int) -> Int {
        if let counted = Line.withBytes(of: text, { Line.count(of: byte, in: $0, upTo: limit) }) {
            return counted
        }
        var count = 0
        for b in text.utf8 where b == byte {
            count += 1
            if count >= limit { break }
        }
        return count
    }

    /// `text.utf8.withContiguousStorageIfAvailable(body)`, through the base string's UTF-8 view, whose
    /// methods are inlined: the substring's view goes through a generic slice, some ninety
    /// instructions a call. Nil when the text is not stored as contiguous UTF-8.
    @inline(__always)
    static func withBytes<R>(of text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let utf8 = text.base.utf8
        let start = utf8.distance(from: utf8.startIndex, to: text.startIndex)
        let end = utf8.distance(from: utf8.startIndex, to: text.endIndex)
        return utf8.withContiguousStorageIfAvailable { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// How many `byte`s `bytes` holds, counting no further than `limit`, with `memchr` from one to the
    /// next (a whole file's line feeds for the line limit, a line's tabs). O(n).
    static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, Int32(byte), bytes.count - offset) {
            count += 1
            if count >= limit { break }
            offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    /// Calls `body` with the byte range of each piece of `bytes` between `separator` bytes, empty pieces
    /// kept, the last one too; a line feed right after a carriage return does not split (CRLF is one
    /// character). O(n).
    static func forEachPiece(
        of bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, _ body: (_ start: Int, _ end: Int) -> Void
    ) {
        var start = 0
        var offset = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return body(0, 0) }
        while offset < count {
            // To the next separator byte, with `memchr`: most bytes are not one.
            guard let found = memchr(base + offset, Int32(separator), count - offset) else { break }
            offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if !(separator == 0x0A && offset > 0 && bytes[offset - 1] == 0x0D) {
                body(start, offset)
                start = offset + 1
            }
            offset += 1
        }
        body(start, count)
    }

    /// The pieces of `text` between `separator` bytes (an ASCII control such as tab or line feed), empty
    /// pieces kept: what `split(separator: Character, omittingEmptySubsequences: false)` gives, without
    /// walking characters. As there, a line feed right after a carriage return is one CRLF character and
    /// does not split. O(n).
    static func pieces(of text: Substring, separator: UInt8) -> [Substring] {
        let utf8 = text.utf8
        // Native strings: scan the bytes in place and cut by offset (O(1) per index).
        let fast = utf8.withContiguousStorageIfAvailable { bytes -> [Substring] in
            var pieces: [Substring] = []
            forEachPiece(of: bytes, separator: separator) { start, end in
                pieces.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            }
            return pieces
        }
        if let fast { return fast }
        var pieces: [Substring] = []
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == separator && !(separator == 0x0A && previous == 0x0D) {
                pieces.append(text[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        pieces.append(text[start..<utf8.endIndex])
        return pieces
    }
}

/// What the tab layouts ask of a line (`Line.shape`), worked out once per line.
struct LineShape {
    /// `Line.isEmpty`.
    var isEmpty: Bool
    /// `Line.startsWithTab`.
    var startsWithTab: Bool
    /// How many tabs the line holds, counting no further than 2.
    var tabs: Int
}
