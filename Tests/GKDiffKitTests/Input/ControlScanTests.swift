import Testing

@testable import GKDiffKit

/// The eight-bytes-at-a-time scans of `SourceText.decode` decide as the byte-by-byte ones did: the
/// word tests against a plain loop, and the binary and control-character limits at every alignment.
@Suite struct ControlScanTests {
    @Test func wordTestsAgreeWithALoop() {
        var generator = SystemRandomNumberGenerator()
        var words: [UInt64] = []
        for position in 0..<8 {
            for byte in 0..<256 {
                // One chosen byte among ordinary text bytes (`a`, and a CJK lead and trail).
                var word: UInt64 = 0xE4B8_8061_E4B8_8061
                word &= ~(UInt64(0xFF) << UInt64(position * 8))
                word |= UInt64(byte) << UInt64(position * 8)
                words.append(word)
            }
        }
        for _ in 0..<20_000 { words.append(generator.next()) }
        for word in words {
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64($0 * 8)) }
            #expect(Bytes8.hasLess(word, than: 0x20) == bytes.contains { $0 < 0x20 })
            for probe: UInt8 in [0x7F, 0xC2, 0xEF, 0x00, 0x80, 0xFF] {
                #expect(Bytes8.has(word, probe) == bytes.contains(probe))
            }
        }
    }

    /// Text padded to each offset modulo 8, then `count` controls (`control` bytes) spread in it.
    func text(offset: Int, count: Int, control: [UInt8]) -> [UInt8] {
        var bytes = Array(repeating: UInt8(ascii: "a"), count: offset)
        for _ in 0..<count { bytes += Array("政府信息".utf8) + control + Array("公开".utf8) }
        return bytes + [0x0A]
    }

    @Test func limitsHoldAtEveryAlignment() {
        for offset in 0..<16 {
            // Nine BEL bytes in a short text: binary (before decoding); eight: read.
            let nineBells = text(offset: offset, count: 9, control: [0x07])
            let eightBells = text(offset: offset, count: 8, control: [0x07])
            #expect(throws: GKDiffError.self) { try SourceText.decode(nineBells, path: "x") }
            #expect(throws: Never.self) { try SourceText.decode(eightBells, path: "x") }
            // C1 controls (`C2 85`), DEL, escape and U+FFFD are counted after decoding.
            for control: [UInt8] in [[0xC2, 0x85], [0x7F], [0xEF, 0xBF, 0xBD], [0x1B], [0x0D, 0x0D]] {
                let nine = text(offset: offset, count: 9, control: control)
                let eight = text(offset: offset, count: 8, control: control)
                if control == [0x0D, 0x0D] {
                    // Carriage returns are line ends, never controls.
                    #expect(throws: Never.self) { try SourceText.decode(nine, path: "x") }
                } else if control == [0x1B] {
                    #expect(throws: GKDiffError.self) { try SourceText.decode(nine, path: "x") }
                    #expect(throws: Never.self) { try SourceText.decode(eight, path: "x") }
                } else {
                    #expect(throws: GKDiffError.self) { try SourceText.decode(nine, path: "x") }
                    #expect(throws: Never.self) { try SourceText.decode(eight, path: "x") }
                }
            }
        }
    }
}
