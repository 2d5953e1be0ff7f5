/// Why a ZIP archive could not be read. `detail` is a short English phrase for the error gloss.
enum ZipError: Error, Equatable {
    /// Damaged: no end record, a record outside the file, a bad signature, a CRC or size mismatch.
    case broken(String)
    /// A valid archive in a form not read here: ZIP64, encryption, a compression method other than 0 or 8.
    case unsupported(String)
    /// The entry would expand past the limit or by a ratio no document has: a zip bomb.
    case bomb(String)
}

/// One file listed in a ZIP archive's central directory.
struct ZipEntry: Equatable {
    /// The name as stored (UTF-8 or CP437; only ASCII names are looked up).
    var name: String
    /// 0 stored, 8 deflate.
    var method: Int
    /// General purpose flags (bit 0: encrypted).
    var flags: Int
    var crc: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    /// Offset of the entry's local header from the start of the archive.
    var localHeaderOffset: Int
}

/// A ZIP archive held in memory: its central directory, read once, and extraction of one entry.
///
/// Reads the End Of Central Directory record (searched in the last 65,557 bytes), walks the central
/// directory, and extracts stored and deflated entries with their CRC-32 checked. Every offset is
/// checked against the buffer before it is read; hostile archives throw `ZipError`, never trap.
struct ZipArchive {
    /// Most entries accepted (a .docx has a few dozen).
    static let maxEntries = 10_000
    /// Largest entry expanded, in bytes.
    static let maxEntrySize = 64 << 20
    /// An entry larger than `ratioFloor` bytes may not expand more than `maxRatio` times.
    static let maxRatio = 200
    static let ratioFloor = 4 << 20

    let bytes: [UInt8]
    /// The central directory, in archive order.
    private(set) var entries: [ZipEntry] = []

    /// Reads the central directory of `bytes`.
    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        let end = try Self.endRecord(bytes)
        guard bytes.u16(end + 4) == 0, bytes.u16(end + 6) == 0 else {
            throw ZipError.unsupported("archive split over several disks")
        }
        let count = bytes.u16(end + 10)
        let size = bytes.u32(end + 12)
        let offset = bytes.u32(end + 16)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF
            || (end >= 20 && bytes.u32(end - 20) == 0x0706_4B50)
        {
            throw ZipError.unsupported("ZIP64 archive")
        }
        guard count <= Self.maxEntries else { throw ZipError.broken("too many entries") }
        guard offset <= end, size <= end - offset else { throw ZipError.broken("central directory outside the file") }
        var position = offset
        let stop = offset + size
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard position <= stop - 46, bytes.u32(position) == 0x0201_4B50 else {
                throw ZipError.broken("bad central directory record")
            }
            let nameLength = bytes.u16(position + 28)
            let extraLength = bytes.u16(position + 30)
            let commentLength = bytes.u16(position + 32)
            let nameStart = position + 46
            guard nameLength <= stop - nameStart else { throw ZipError.broken("central directory record cut short") }
            let next = nameStart + nameLength + extraLength + commentLength
            guard next <= stop else { throw ZipError.broken("central directory record cut short") }
            let entry = ZipEntry(
                name: String(decoding: bytes[nameStart..<nameStart + nameLength], as: UTF8.self),
                method: bytes.u16(position + 10), flags: bytes.u16(position + 8), crc: UInt32(bytes.u32(position + 16)),
                compressedSize: bytes.u32(position + 20), uncompressedSize: bytes.u32(position + 24),
                localHeaderOffset: bytes.u32(position + 42))
            if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF
                || entry.localHeaderOffset == 0xFFFF_FFFF
            {
                throw ZipError.unsupported("ZIP64 entry")
            }
            entries.append(entry)
            position = next
        }
    }

    /// The position of the End Of Central Directory record: the last signature from which the record
    /// and its comment fit in the file.
    static func endRecord(_ bytes: [UInt8]) throws -> Int {
        guard bytes.count >= 22 else { throw ZipError.broken("too short for an archive") }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var position = bytes.count - 22
        while position >= lowest {
            if bytes[position] == 0x50, bytes.u32(position) == 0x0605_4B50,
                bytes.u16(position + 20) <= bytes.count - position - 22
            {
                return position
            }
            position -= 1
        }
        throw ZipError.broken("no end of central directory")
    }

    /// The entry called `name`, if the archive lists one.
    func entry(named name: String) -> ZipEntry? { entries.first { $0.name == name } }

    /// The entry's contents, expanded and checked against its CRC-32 and size.
    func extract(_ entry: ZipEntry, limit: Int = maxEntrySize) throws -> [UInt8] {
        guard entry.flags & 1 == 0 else { throw ZipError.unsupported("encrypted entry") }
        guard entry.method == 0 || entry.method == 8 else { throw ZipError.unsupported("compression method \(entry.method)") }
        guard entry.uncompressedSize <= limit else {
            throw ZipError.bomb("\(entry.name) expands to \(entry.uncompressedSize) bytes")
        }
        if entry.uncompressedSize > Self.ratioFloor && entry.uncompressedSize / max(entry.compressedSize, 1) > Self.maxRatio {
            throw ZipError.bomb("\(entry.name) expands \(entry.uncompressedSize / max(entry.compressedSize, 1)) times")
        }
        let header = entry.localHeaderOffset
        guard header <= bytes.count - 30, bytes.u32(header) == 0x0403_4B50 else {
            throw ZipError.broken("bad local header for \(entry.name)")
        }
        let start = header + 30 + bytes.u16(header + 26) + bytes.u16(header + 28)
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw ZipError.broken("\(entry.name) runs past the end of the file")
        }
        let data = Array(bytes[start..<start + entry.compressedSize])
        let contents: [UInt8]
        if entry.method == 0 {
            guard entry.compressedSize == entry.uncompressedSize else { throw ZipError.broken("stored size mismatch") }
            contents = data
        } else {
            do {
                contents = try Inflate.inflate(data, limit: entry.uncompressedSize, expectedSize: entry.uncompressedSize)
            } catch InflateError.tooLarge {
                throw ZipError.broken("\(entry.name) is longer than its declared size")
            } catch InflateError.corrupt(let detail) {
                throw ZipError.broken("\(entry.name): \(detail)")
            }
        }
        guard contents.count == entry.uncompressedSize else { throw ZipError.broken("\(entry.name) size mismatch") }
        guard CRC32.checksum(contents) == entry.crc else { throw ZipError.broken("\(entry.name) CRC mismatch") }
        return contents
    }
}

extension [UInt8] {
    /// The little-endian 16-bit number at `offset`, or 0 when it does not fit in the array.
    @inline(__always) fileprivate func u16(_ offset: Int) -> Int {
        guard offset >= 0, offset <= count - 2 else { return 0 }
        return Int(self[offset]) | Int(self[offset + 1]) << 8
    }

    /// The little-endian 32-bit number at `offset`, or 0 when it does not fit in the array.
    @inline(__always) fileprivate func u32(_ offset: Int) -> Int {
        guard offset >= 0, offset <= count - 4 else { return 0 }
        return Int(self[offset]) | Int(self[offset + 1]) << 8 | Int(self[offset + 2]) << 16 | Int(self[offset + 3]) << 24
    }
}
