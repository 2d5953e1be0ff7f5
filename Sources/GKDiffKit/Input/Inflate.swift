/// Why a DEFLATE stream could not be expanded. `detail` is a short English phrase for the error gloss.
enum InflateError: Error, Equatable {
    /// The stream is damaged: a bad block type, a bad code, a distance before the start, cut short.
    case corrupt(String)
    /// The output would pass the limit the caller set.
    case tooLarge(limit: Int)
}

/// Expands raw DEFLATE data (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Every read is bounded by the input and every write by `limit`; damaged input throws, never traps.
/// Huffman codes are decoded through one lookup table per code, indexed by the next `maxLength` bits
/// of the stream (bit-reversed codes), so a symbol costs one table read. O(input + output).
enum Inflate {
    /// Expands `input`; throws `InflateError.tooLarge` as soon as the output would exceed `limit` bytes.
    static func inflate(_ input: [UInt8], limit: Int, expectedSize: Int = 0) throws -> [UInt8] {
        var state = InflateState(input: input, limit: limit)
        state.output.reserveCapacity(min(max(expectedSize, 0), limit))
        var final = false
        while !final {
            final = try state.bits(1) == 1
            switch try state.bits(2) {
            case 0: try state.storedBlock()
            case 1: try state.codedBlock(literals: HuffmanTable.fixedLiterals, distances: HuffmanTable.fixedDistances)
            case 2:
                let (literals, distances) = try state.dynamicTables()
                try state.codedBlock(literals: literals, distances: distances)
            default: throw InflateError.corrupt("block type 3")
            }
        }
        return state.output
    }
}

/// A canonical Huffman code as a lookup table: entry = symbol << 4 | code length; 0 marks a bit
/// pattern no code starts with (an incomplete code).
struct HuffmanTable {
    var entries: [UInt32]
    var maxLength: Int

    /// Builds the table for the code lengths (0 = symbol unused). Throws on an over-subscribed set.
    init(lengths: [UInt8]) throws {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[Int(length)] += 1 }
        counts[0] = 0
        var left = 1
        for length in 1...15 {
            left = left << 1 - counts[length]
            if left < 0 { throw InflateError.corrupt("over-subscribed Huffman code") }
        }
        var maxLength = 0
        for length in 1...15 where counts[length] > 0 { maxLength = length }
        self.maxLength = maxLength
        entries = [UInt32](repeating: 0, count: 1 << maxLength)
        guard maxLength > 0 else { return }
        // First canonical code of each length.
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + counts[length - 1]) << 1
            next[length] = code
        }
        for (symbol, lengthByte) in lengths.enumerated() where lengthByte > 0 {
            let length = Int(lengthByte)
            let value = next[length]
            next[length] += 1
            var reversed = 0
            for bit in 0..<length where value & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
            let entry = UInt32(symbol) << 4 | UInt32(length)
            var index = reversed
            while index < entries.count {
                entries[index] = entry
                index += 1 << length
            }
        }
    }

    /// The fixed literal/length code of RFC 1951 3.2.6.
    static let fixedLiterals: HuffmanTable = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        return try! HuffmanTable(lengths: lengths)  // constant, complete code
    }()

    /// The fixed distance code: 30 usable symbols of 5 bits (30 and 31 are rejected when decoded).
    static let fixedDistances: HuffmanTable = try! HuffmanTable(lengths: [UInt8](repeating: 5, count: 32))
}

/// The decoder's cursor: input position, a bit buffer, and the output so far.
private struct InflateState {
    let input: [UInt8]
    let limit: Int
    var output: [UInt8] = []
    /// Next input byte to load into `buffer`.
    var position = 0
    /// Unconsumed bits, least significant first.
    var buffer: UInt64 = 0
    var count = 0
    /// How many of the bits in `buffer` are zero padding past the end of the input.
    var padding = 0

    init(input: [UInt8], limit: Int) {
        self.input = input
        self.limit = limit
    }

    static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Tops the buffer up to at least 32 bits, padding with zeros past the end of the input.
    mutating func refill() {
        while count <= 56 {
            if position < input.count {
                buffer |= UInt64(input[position]) << UInt64(count)
                position += 1
            } else {
                padding += 8
            }
            count += 8
        }
    }

    /// Drops `n` bits; throws when that reaches into the padding (the stream was cut short).
    mutating func consume(_ n: Int) throws {
        buffer >>= UInt64(n)
        count -= n
        if count < padding { throw InflateError.corrupt("stream cut short") }
    }

    /// Reads `n` (≤ 32) bits as a number, first bit least significant.
    mutating func bits(_ n: Int) throws -> Int {
        if count < n { refill() }
        let value = Int(buffer & ((1 << UInt64(n)) - 1))
        try consume(n)
        return value
    }

    /// Reads one symbol of `table`.
    mutating func symbol(_ table: HuffmanTable) throws -> Int {
        if count < table.maxLength { refill() }
        let entry = table.entries[Int(buffer & ((1 << UInt64(table.maxLength)) - 1))]
        let length = Int(entry & 15)
        if length == 0 { throw InflateError.corrupt("invalid Huffman code") }
        try consume(length)
        return Int(entry >> 4)
    }

    /// A stored block: skip to a byte boundary, LEN and its complement, LEN raw bytes.
    mutating func storedBlock() throws {
        // Give back the whole bytes still in the buffer, then continue byte-aligned from the input.
        let dropped = count % 8
        try consume(dropped)
        let unread = (count - padding) / 8
        position -= unread
        buffer = 0
        count = 0
        padding = 0
        guard position + 4 <= input.count else { throw InflateError.corrupt("stored block cut short") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == ~complement & 0xFFFF else { throw InflateError.corrupt("stored block length check") }
        position += 4
        guard length <= input.count - position else { throw InflateError.corrupt("stored block cut short") }
        guard length <= limit - output.count else { throw InflateError.tooLarge(limit: limit) }
        output.append(contentsOf: input[position..<position + length])
        position += length
    }

    /// The two code tables of a dynamic block, read from its header.
    mutating func dynamicTables() throws -> (HuffmanTable, HuffmanTable) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw InflateError.corrupt("too many codes") }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount { codeLengthLengths[Self.codeLengthOrder[index]] = UInt8(try bits(3)) }
        let codeLengths = try HuffmanTable(lengths: codeLengthLengths)
        let total = literalCount + distanceCount
        var lengths: [UInt8] = []
        lengths.reserveCapacity(total)
        while lengths.count < total {
            let symbol = try self.symbol(codeLengths)
            var repeated: UInt8 = 0
            var times = 0
            switch symbol {
            case 0...15:
                lengths.append(UInt8(symbol))
                continue
            case 16:
                guard let previous = lengths.last else { throw InflateError.corrupt("repeat with no previous length") }
                repeated = previous
                times = 3 + (try bits(2))
            case 17: times = 3 + (try bits(3))
            default: times = 11 + (try bits(7))
            }
            guard lengths.count + times <= total else { throw InflateError.corrupt("code lengths overflow") }
            lengths.append(contentsOf: repeatElement(repeated, count: times))
        }
        guard lengths[256] != 0 else { throw InflateError.corrupt("no end-of-block code") }
        let literals = try HuffmanTable(lengths: Array(lengths[0..<literalCount]))
        let distances = try HuffmanTable(lengths: Array(lengths[literalCount...]))
        return (literals, distances)
    }

    /// A Huffman-coded block: literals and (length, distance) copies up to the end-of-block symbol.
    mutating func codedBlock(literals: HuffmanTable, distances: HuffmanTable) throws {
        while true {
            let symbol = try self.symbol(literals)
            switch symbol {
            case 0..<256:
                guard output.count < limit else { throw InflateError.tooLarge(limit: limit) }
                output.append(UInt8(symbol))
            case 256:
                return
            case 257...285:
                let index = symbol - 257
                let length = Self.lengthBase[index] + (try bits(Self.lengthExtra[index]))
                guard distances.maxLength > 0 else { throw InflateError.corrupt("copy with no distance code") }
                let distanceSymbol = try self.symbol(distances)
                guard distanceSymbol < 30 else { throw InflateError.corrupt("invalid distance symbol") }
                let distance = Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
                guard distance <= output.count else { throw InflateError.corrupt("distance before the start") }
                guard length <= limit - output.count else { throw InflateError.tooLarge(limit: limit) }
                var from = output.count - distance
                for _ in 0..<length {
                    output.append(output[from])
                    from += 1
                }
            default:
                throw InflateError.corrupt("invalid length symbol")
            }
        }
    }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP stores it; table-driven.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// The CRC-32 of `bytes`. O(n).
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { bytes in
                for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            }
        }
        return ~crc
    }
}
