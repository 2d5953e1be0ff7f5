/// Text output built as UTF-8 bytes in one growing buffer: each piece is copied in once, with no
/// intermediate strings (`"\(a) \(b)"`). Every piece comes from a `String`, so the whole is valid UTF-8
/// (pieces are whole strings or whole scalars) and the command line writes it without checking it again.
struct TextBytes {
    /// The text so far.
    var bytes: [UInt8] = []

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Bytes so far.
    var count: Int { bytes.count }

    /// Appends the UTF-8 of `text`.
    @inline(__always)
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends the UTF-8 of `text`.
    mutating func append(_ text: Substring) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if done == nil { append(String(text)) }
    }

    /// Appends one byte (ASCII).
    @inline(__always)
    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Appends a line feed.
    @inline(__always)
    mutating func newline() { bytes.append(0x0A) }

    /// Appends `number` in decimal, as `"\(number)"` writes it (`-12`).
    mutating func append(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written from the right
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// Appends `count` spaces.
    mutating func spaces(_ count: Int) { TextLayout.appendSpaces(count, to: &bytes) }

    /// Drops everything from `offset` on.
    mutating func truncate(to offset: Int) { bytes.removeSubrange(offset...) }

    /// The text as a `String` (its UTF-8 checked once).
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// An output written as UTF-8 bytes into `bytes` (the CSV and JSON writers), handed on in pieces.
protocol ByteOutput {
    /// The output so far (since the last `take`), as UTF-8 bytes.
    var bytes: [UInt8] { get set }
}

extension ByteOutput {
    /// The output so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// The output written since the last `take`, handed on and forgotten (to pass a long output on in
    /// pieces); `output` and `take` after it give only what follows.
    mutating func take() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `take()` handed to `deliver` as UTF-8 bytes.
    mutating func take(_ deliver: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer(deliver)
        bytes.removeAll(keepingCapacity: true)
    }
}
