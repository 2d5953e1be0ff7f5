@testable import GKDiffKit

/// A tiny ZIP writer for tests: stored entries, or data deflated elsewhere, with every header field
/// open to tampering (sizes, CRC, offsets) so that broken and hostile archives can be built.
struct TestArchive {
    struct Entry {
        var name: String
        /// The bytes as they go into the archive (compressed for method 8).
        var data: [UInt8]
        var method: UInt16 = 0
        var crc: UInt32
        var uncompressedSize: UInt32
        /// Added to the local header offset written in the central directory.
        var offsetShift: Int = 0
        /// Flag bit 3, as streaming writers (Java, .NET) do: zero CRC and sizes in the local header,
        /// the real ones in a data descriptor after the data.
        var dataDescriptor = false
    }

    var entries: [Entry] = []

    /// Adds `data` as a stored entry.
    mutating func store(_ name: String, _ data: [UInt8]) {
        entries.append(Entry(name: name, data: data, crc: CRC32.checksum(data), uncompressedSize: UInt32(data.count)))
    }

    /// Adds `text` (UTF-8) as a stored entry.
    mutating func store(_ name: String, _ text: String) { store(name, Array(text.utf8)) }

    /// Adds raw deflate data `compressed` that expands to `size` bytes with CRC `crc`.
    mutating func deflated(_ name: String, _ compressed: [UInt8], size: Int, crc: UInt32) {
        entries.append(Entry(name: name, data: compressed, method: 8, crc: crc, uncompressedSize: UInt32(size)))
    }

    /// The archive's bytes: local headers and data, central directory, end record.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        var offsets: [Int] = []
        for entry in entries {
            offsets.append(out.count)
            let name = Array(entry.name.utf8)
            out.le32(0x0403_4B50)
            out.le16(20)
            out.le16(entry.dataDescriptor ? 8 : 0)
            out.le16(entry.method)
            out.le16(0)
            out.le16(0)
            out.le32(entry.dataDescriptor ? 0 : entry.crc)
            out.le32(entry.dataDescriptor ? 0 : UInt32(entry.data.count))
            out.le32(entry.dataDescriptor ? 0 : entry.uncompressedSize)
            out.le16(UInt16(name.count))
            out.le16(0)
            out.append(contentsOf: name)
            out.append(contentsOf: entry.data)
            if entry.dataDescriptor {
                out.le32(0x0807_4B50)
                out.le32(entry.crc)
                out.le32(UInt32(entry.data.count))
                out.le32(entry.uncompressedSize)
            }
        }
        let directory = out.count
        for (entry, offset) in zip(entries, offsets) {
            let name = Array(entry.name.utf8)
            out.le32(0x0201_4B50)
            out.le16(20)
            out.le16(20)
            out.le16(entry.dataDescriptor ? 8 : 0)
            out.le16(entry.method)
            out.le16(0)
            out.le16(0)
            out.le32(entry.crc)
            out.le32(UInt32(entry.data.count))
            out.le32(entry.uncompressedSize)
            out.le16(UInt16(name.count))
            out.le16(0)
            out.le16(0)
            out.le16(0)
            out.le16(0)
            out.le32(0)
            out.le32(UInt32(truncatingIfNeeded: offset + entry.offsetShift))
            out.append(contentsOf: name)
        }
        let size = out.count - directory
        out.le32(0x0605_4B50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(entries.count))
        out.le16(UInt16(entries.count))
        out.le32(UInt32(size))
        out.le32(UInt32(directory))
        out.le16(0)
        return out
    }

    /// A minimal .docx whose body is `body` (WordprocessingML inside `<w:body>`).
    static func docx(body: String) -> [UInt8] {
        var archive = TestArchive()
        archive.store(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """)
        archive.store("word/document.xml", documentXML(body: body))
        return archive.bytes
    }

    /// `word/document.xml` around `body`, with the namespaces Word declares for text boxes.
    static func documentXML(body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
    }
}

/// Raw DEFLATE streams made in tests, for inputs too large to keep as files.
enum TestDeflate {
    /// `count` zero bytes (count ≡ 1 mod 258) as one fixed-Huffman block: a literal 0, then copies of
    /// 258 bytes at distance 1 (13 bits each), so 100 MB compress to about 630 KB.
    static func zeros(copies: Int) -> (data: [UInt8], size: Int) {
        var writer = BitWriter()
        writer.write(1, bits: 1)  // final
        writer.write(1, bits: 2)  // fixed Huffman
        writer.writeCode(0b0011_0000, length: 8)  // literal 0
        for _ in 0..<copies {
            writer.writeCode(0b1100_0101, length: 8)  // length symbol 285 = 258
            writer.writeCode(0, length: 5)  // distance symbol 0 = 1
        }
        writer.writeCode(0, length: 7)  // end of block (256)
        return (writer.finished, 1 + copies * 258)
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var count = 0

        /// Writes `bits` bits of `value`, least significant first (header fields, extra bits).
        mutating func write(_ value: UInt32, bits: Int) {
            for bit in 0..<bits { push(value >> UInt32(bit) & 1) }
        }

        /// Writes a Huffman code, most significant bit first.
        mutating func writeCode(_ code: UInt32, length: Int) {
            for bit in stride(from: length - 1, through: 0, by: -1) { push(code >> UInt32(bit) & 1) }
        }

        private mutating func push(_ bit: UInt32) {
            buffer |= bit << UInt32(count)
            count += 1
            if count == 8 { flush() }
        }

        private mutating func flush() {
            bytes.append(UInt8(buffer & 0xFF))
            buffer = 0
            count = 0
        }

        var finished: [UInt8] {
            var copy = self
            if copy.count > 0 { copy.flush() }
            return copy.bytes
        }
    }
}

extension [UInt8] {
    fileprivate mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(value >> UInt32(shift) & 0xFF)) }
    }
}
