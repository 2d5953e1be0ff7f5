import GKDiffFuzz
import Testing

@testable import GKDiffKit

/// Inflate against streams made by zlib (`Fixtures/docx/deflate/`, see Fixtures/README.md), and damaged
/// streams that must throw, never trap.
@Suite struct InflateTests {
    static func bytes(_ name: String) throws -> [UInt8] { try SourceText.readBytes(path: Fixture.path(name)) }

    /// The original bytes each stream was made from.
    static func source(_ stem: String) throws -> [UInt8] {
        switch stem {
        case "empty": return []
        case "html": return try bytes("layouts/nanguan-zjj-2024.html")
        case "random": return try bytes("docx/deflate/random.bin")
        case "zeros": return [UInt8](repeating: 0, count: 300_000)
        default:
            let names = [
                "huzhu-cgj-2023.txt", "huzhu-cgj-2024.txt", "nanguan-sthj-2023.txt", "nanguan-sthj-2024.txt",
                "nanguan-xinchun-2023.txt", "nanguan-xinchun-2024.txt", "nanguan-zfj-2023.txt", "nanguan-zfj-2024.txt",
                "nanguan-zsj-2023.txt", "nanguan-zsj-2024.txt",
            ]
            return try names.flatMap { try bytes($0) }
        }
    }

    static let streams = [
        "empty.l0", "empty.l1", "empty.l6", "empty.l9", "html.l0", "html.l1", "html.l6", "html.l9", "html.fixed",
        "html.huffman", "html.rle", "random.l1", "random.l9", "zeros.l9", "zeros.fixed", "texts.l0", "texts.l6",
    ]

    @Test(arguments: streams)
    func expandsZlibStream(_ name: String) throws {
        let stream = try Self.bytes("docx/deflate/\(name).deflate")
        let expected = try Self.source(String(name.prefix { $0 != "." }))
        let output = try Inflate.inflate(stream, limit: 1 << 20)
        #expect(output.count == expected.count)
        #expect(output == expected)
    }

    @Test func knownChecksums() {
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test func outputLimitStopsExpansion() throws {
        let stream = try Self.bytes("docx/deflate/zeros.l9.deflate")
        #expect(throws: InflateError.tooLarge(limit: 299_999)) { try Inflate.inflate(stream, limit: 299_999) }
        #expect(try Inflate.inflate(stream, limit: 300_000).count == 300_000)
        let stored = try Self.bytes("docx/deflate/html.l0.deflate")
        #expect(throws: InflateError.tooLarge(limit: 100)) { try Inflate.inflate(stored, limit: 100) }
    }

    @Test func bombIsStoppedAtTheLimit() throws {
        let bomb = TestDeflate.zeros(copies: 400_000)  // 103 MB of zeros in ~650 KB
        #expect(bomb.size > 100_000_000)
        #expect(throws: InflateError.tooLarge(limit: 1 << 20)) { try Inflate.inflate(bomb.data, limit: 1 << 20) }
        let small = TestDeflate.zeros(copies: 10)
        #expect(try Inflate.inflate(small.data, limit: 1 << 20) == [UInt8](repeating: 0, count: small.size))
    }

    /// Hand-made damaged streams, each with the reason it is wrong.
    @Test(
        arguments: [
            ([0x07], "block type 3"),
            ([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41], "stored length and complement disagree"),
            ([0x01, 0x05, 0x00, 0xFA], "stored block header cut short"),
            ([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41, 0x42], "stored data cut short"),
            ([0x03], "fixed block with no symbols"),
            ([0x0B, 0x00, 0x11], "fixed block cut inside"),
            ([0x05, 0xFF, 0xFF, 0xFF, 0xFF], "dynamic header with all code lengths 7 (over-subscribed)"),
            ([0x05, 0x00, 0x00, 0x00], "dynamic header with no code-length code"),
            ([0xED, 0xFF], "dynamic header with too many codes"),
        ] as [([UInt8], String)])
    func damagedStreamThrows(_ stream: [UInt8], _ why: String) {
        #expect(throws: InflateError.self, "\(why)") { try Inflate.inflate(stream, limit: 1 << 20) }
    }

    @Test func copyBeforeTheStartThrows() {
        // Fixed block: literal 'a' (0x91, 8 bits), length 3 (symbol 257, 7 bits), distance symbol 1
        // (distance 2): the copy reaches one byte before the start.
        var writer = TestDeflate.BitWriter()
        writer.write(1, bits: 1)
        writer.write(1, bits: 2)
        writer.writeCode(0x30 + 0x61, length: 8)
        writer.writeCode(1, length: 7)
        writer.writeCode(1, length: 5)
        writer.writeCode(0, length: 7)
        #expect(throws: InflateError.corrupt("distance before the start")) {
            try Inflate.inflate(writer.finished, limit: 100)
        }
    }

    @Test func invalidDistanceSymbolThrows() {
        var writer = TestDeflate.BitWriter()
        writer.write(1, bits: 1)
        writer.write(1, bits: 2)
        writer.writeCode(0x30 + 0x61, length: 8)
        writer.writeCode(1, length: 7)
        writer.writeCode(30, length: 5)
        writer.writeCode(0, length: 7)
        #expect(throws: InflateError.corrupt("invalid distance symbol")) { try Inflate.inflate(writer.finished, limit: 100) }
    }

    /// Every prefix of real streams either throws or, for the whole stream, gives the source.
    @Test(arguments: ["html.l9", "html.fixed", "html.l0", "texts.l6"])
    func everyCutThrows(_ name: String) throws {
        let stream = try Self.bytes("docx/deflate/\(name).deflate")
        var cuts = 0
        for cut in stride(from: 0, to: stream.count, by: max(1, stream.count / 400)) {
            #expect(throws: InflateError.self) { try Inflate.inflate(Array(stream[0..<cut]), limit: 1 << 20) }
            cuts += 1
        }
        #expect(cuts >= 300)
    }

    /// Flipping bits of a dynamic stream: whatever happens, no trap, and output stays within the limit.
    @Test func flippedBitsNeverTrap() throws {
        let stream = try Self.bytes("docx/deflate/html.l9.deflate")
        var generator = SplitMix64(seed: 10)
        var failures = 0
        for _ in 0..<2_000 {
            var damaged = stream
            for _ in 0..<3 {
                let index = Int(generator.next() % UInt64(damaged.count))
                damaged[index] ^= UInt8(1 << (generator.next() % 8))
            }
            do {
                let output = try Inflate.inflate(damaged, limit: 20_000)
                #expect(output.count <= 20_000)
            } catch is InflateError {
                failures += 1
            }
        }
        #expect(failures > 1_000)
    }
}
