/// A ZIP archive written in memory with stored (uncompressed) entries, UTF-8 names and a fixed
/// timestamp, so the same content gives the same bytes. Enough for an xlsx workbook; the reader is
/// `ZipArchive`.
struct ZipWriter {
    /// The archive so far (local headers and data).
    private var bytes: [UInt8] = []
    /// The central directory so far.
    private var directory: [UInt8] = []
    private var count = 0

    /// Adds a file. O(size).
    mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(data)
        let offset = bytes.count
        // Local file header.
        append32(&bytes, 0x0403_4B50)
        append16(&bytes, 20)  // version needed
        append16(&bytes, 0x0800)  // UTF-8 names
        append16(&bytes, 0)  // stored
        append16(&bytes, 0)  // time 00:00
        append16(&bytes, 0x21)  // date 1980-01-01
        append32(&bytes, crc)
        append32(&bytes, UInt32(data.count))
        append32(&bytes, UInt32(data.count))
        append16(&bytes, UInt16(nameBytes.count))
        append16(&bytes, 0)
        bytes += nameBytes
        bytes += data
        // Central directory entry.
        append32(&directory, 0x0201_4B50)
        append16(&directory, 20)  // made by
        append16(&directory, 20)  // needed
        append16(&directory, 0x0800)
        append16(&directory, 0)
        append16(&directory, 0)
        append16(&directory, 0x21)
        append32(&directory, crc)
        append32(&directory, UInt32(data.count))
        append32(&directory, UInt32(data.count))
        append16(&directory, UInt16(nameBytes.count))
        append16(&directory, 0)  // extra
        append16(&directory, 0)  // comment
        append16(&directory, 0)  // disk
        append16(&directory, 0)  // internal attributes
        append32(&directory, 0)  // external attributes
        append32(&directory, UInt32(offset))
        directory += nameBytes
        count += 1
    }

    /// The finished archive: the entries, the central directory and its end record.
    func finished() -> [UInt8] {
        var result = bytes + directory
        append32(&result, 0x0605_4B50)
        append16(&result, 0)
        append16(&result, 0)
        append16(&result, UInt16(count))
        append16(&result, UInt16(count))
        append32(&result, UInt32(directory.count))
        append32(&result, UInt32(bytes.count))
        append16(&result, 0)
        return result
    }

    private func append16(_ out: inout [UInt8], _ value: UInt16) {
        out += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private func append32(_ out: inout [UInt8], _ value: UInt32) {
        out += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
