import Testing

@testable import GKDiffKit

/// A regular file is read into one buffer of its size, not one grown by doubling (which held up to
/// twice the file, and copied it at each step).
@Suite struct ReadSizeTests {
    @Test func aFileIsReadWholeIntoABufferOfItsSize() throws {
        // 1 MiB and a bit: past a power of two, where doubling would have made 2 MiB of room.
        let bytes = (0..<(1 << 20) + 4097).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = Fixture.temporaryFile("big.bin", bytes)
        let read = try FileSystem.readInput(path: path, limit: 1 << 24)
        #expect(read == bytes)
        #expect(read.capacity < bytes.count + bytes.count / 16)
    }
}
