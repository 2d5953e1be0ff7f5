import GKDiffFuzz
import Testing

@testable import GKDiffKit

/// The ZIP reader on archives written by LibreOffice, by WPS, and by `TestArchive` with damaged fields.
@Suite struct ZipTests {
    static func fixture(_ name: String) throws -> [UInt8] { try SourceText.readBytes(path: Fixture.path(name)) }

    @Test func listsAndExtractsLibreOfficeArchive() throws {
        let archive = try ZipArchive(try Self.fixture("docx/nanguan-zjj-2024.docx"))
        #expect(archive.entries.count == 10)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        #expect(entry.method == 8)
        let xml = try archive.extract(entry)
        #expect(xml.count == entry.uncompressedSize)
        #expect(xml.starts(with: Array("<?xml".utf8)))
        #expect(archive.entry(named: "word/missing.xml") == nil)
    }

    @Test func storedAndDeflatedEntries() throws {
        let html = try Self.fixture("layouts/nanguan-zjj-2024.html")
        var test = TestArchive()
        test.store("a.txt", "hello")
        test.store("empty", [])
        test.deflated("page.html", try Self.fixture("docx/deflate/html.l9.deflate"), size: html.count, crc: CRC32.checksum(html))
        let archive = try ZipArchive(test.bytes)
        #expect(archive.entries.map(\.name) == ["a.txt", "empty", "page.html"])
        #expect(try archive.extract(archive.entries[0]) == Array("hello".utf8))
        #expect(try archive.extract(archive.entries[1]) == [])
        #expect(try archive.extract(archive.entries[2]) == html)
    }

    @Test func dataDescriptorEntries() throws {
        let html = try Self.fixture("layouts/nanguan-zjj-2024.html")
        var test = TestArchive()
        test.store("a.txt", "hello")
        test.deflated("page.html", try Self.fixture("docx/deflate/html.l6.deflate"), size: html.count, crc: CRC32.checksum(html))
        test.entries[0].dataDescriptor = true
        test.entries[1].dataDescriptor = true
        let archive = try ZipArchive(test.bytes)
        #expect(try archive.extract(archive.entries[0]) == Array("hello".utf8))
        #expect(try archive.extract(archive.entries[1]) == html)
    }

    @Test func endRecordAfterAComment() throws {
        var bytes = TestArchive.docxLike
        bytes[bytes.count - 2] = 5
        bytes.append(contentsOf: Array("PK\u{5}\u{6}!".utf8))  // a comment that looks like a signature
        let archive = try ZipArchive(bytes)
        #expect(archive.entries.count == 1)
    }

    @Test func badCRCThrows() throws {
        var test = TestArchive()
        test.store("a.txt", "hello")
        test.entries[0].crc ^= 1
        let archive = try ZipArchive(test.bytes)
        #expect(throws: ZipError.broken("a.txt CRC mismatch")) { try archive.extract(archive.entries[0]) }
    }

    @Test func offsetOutsideTheFileThrows() throws {
        for shift in [1, 7, 1_000_000, -5, Int(Int32.max)] {
            var test = TestArchive()
            test.store("a.txt", "hello")
            test.entries[0].offsetShift = shift
            let archive = try ZipArchive(test.bytes)
            #expect(throws: ZipError.self) { try archive.extract(archive.entries[0]) }
        }
    }

    @Test func declaredBombIsRefusedBeforeExpanding() throws {
        let bomb = TestDeflate.zeros(copies: 400_000)
        var test = TestArchive()
        test.deflated("word/document.xml", bomb.data, size: bomb.size, crc: 0)
        let archive = try ZipArchive(test.bytes)
        #expect(throws: ZipError.bomb("word/document.xml expands to \(bomb.size) bytes")) {
            try archive.extract(archive.entries[0])
        }
    }

    @Test func lyingBombStopsAtTheDeclaredSize() throws {
        let bomb = TestDeflate.zeros(copies: 400_000)
        var test = TestArchive()
        test.deflated("word/document.xml", bomb.data, size: 1_000, crc: 0)
        let archive = try ZipArchive(test.bytes)
        #expect(throws: ZipError.broken("word/document.xml is longer than its declared size")) {
            try archive.extract(archive.entries[0])
        }
    }

    @Test func ratioBombIsRefused() throws {
        let bomb = TestDeflate.zeros(copies: 40_000)  // 10 MB in 65 KB: ratio 158 is allowed …
        var test = TestArchive()
        test.deflated("ok.xml", bomb.data, size: bomb.size, crc: CRC32.checksum([UInt8](repeating: 0, count: bomb.size)))
        // … but the same size declared for 20 KB of data is a ratio of 516.
        test.deflated("bomb.xml", Array(bomb.data.prefix(20_000)), size: bomb.size, crc: 0)
        let archive = try ZipArchive(test.bytes)
        #expect(try archive.extract(archive.entries[0]).count == bomb.size)
        #expect(throws: ZipError.bomb("bomb.xml expands 516 times")) { try archive.extract(archive.entries[1]) }
    }

    @Test func unsupportedForms() throws {
        var test = TestArchive()
        test.store("a.txt", "hello")
        test.entries[0].method = 12
        var archive = try ZipArchive(test.bytes)
        #expect(throws: ZipError.unsupported("compression method 12")) { try archive.extract(archive.entries[0]) }

        var zip64 = TestArchive.docxLike
        for offset in (zip64.count - 6)..<(zip64.count - 2) { zip64[offset] = 0xFF }  // directory offset 0xFFFFFFFF
        #expect(throws: ZipError.unsupported("ZIP64 archive")) { try ZipArchive(zip64) }

        var encrypted = TestArchive.docxLike
        let directory = try ZipArchive.endRecord(encrypted) - 46 - "word/document.xml".utf8.count
        encrypted[directory + 8] = 1
        archive = try ZipArchive(encrypted)
        #expect(throws: ZipError.unsupported("encrypted entry")) { try archive.extract(archive.entries[0]) }
    }

    @Test func notAnArchive() {
        #expect(throws: ZipError.broken("too short for an archive")) { try ZipArchive([]) }
        #expect(throws: ZipError.broken("no end of central directory")) {
            try ZipArchive(Array(repeating: 0x50, count: 100_000))
        }
    }

    @Test func entryCountBeyondTheDirectoryThrows() throws {
        var bytes = TestArchive.docxLike
        let end = try ZipArchive.endRecord(bytes)
        bytes[end + 10] = 0x30  // 48 entries claimed, one present
        #expect(throws: ZipError.broken("bad central directory record")) { try ZipArchive(bytes) }
        bytes[end + 10] = 0xFF
        bytes[end + 11] = 0xFE
        #expect(throws: ZipError.broken("too many entries")) { try ZipArchive(bytes) }
    }

    /// The real archive cut at 600 points: each cut either reads (a cut inside a trailing part the
    /// directory does not need is impossible here, as the directory is last) or throws ZipError.
    @Test func truncatedAtManyPointsThrows() throws {
        let bytes = try Self.fixture("docx/nanguan-zjj-2024.docx")
        var cases = 0
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 600)) {
            let prefix = Array(bytes[0..<cut])
            #expect(throws: ZipError.self) {
                let archive = try ZipArchive(prefix)
                for entry in archive.entries { _ = try archive.extract(entry) }
            }
            cases += 1
        }
        #expect(cases >= 600)
    }

    /// Random byte changes in the real archive: no trap, and every failure a ZipError.
    @Test func damagedBytesNeverTrap() throws {
        let bytes = try Self.fixture("docx/nanguan-zjj-2024.docx")
        var generator = SplitMix64(seed: 7)
        var thrown = 0
        for _ in 0..<500 {
            var damaged = bytes
            for _ in 0..<4 {
                let index = Int(generator.next() % UInt64(damaged.count))
                damaged[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            do {
                let archive = try ZipArchive(damaged)
                if let entry = archive.entry(named: "word/document.xml") { _ = try archive.extract(entry) }
            } catch is ZipError {
                thrown += 1
            }
        }
        #expect(thrown > 0)
    }
}

extension TestArchive {
    /// One stored `word/document.xml` with one paragraph.
    static var docxLike: [UInt8] {
        var test = TestArchive()
        test.store("word/document.xml", documentXML(body: "<w:p><w:r><w:t>x</w:t></w:r></w:p>"))
        return test.bytes
    }
}
