/// The `LabelMatch`es a table's labels were found to have, by the label's written bytes: the same
/// labels come back in every report of the table (a pair's two years, a batch's thousand pairs), and
/// folding and matching one costs some 1,600 instructions where finding it here costs a tenth of that.
/// Bounded: once full, new labels are matched but no longer kept. A label's match depends on its bytes
/// and the table's words alone (`RowMatchers.labelMatch(of:ambiguity:)`), so a kept one is exact.
struct LabelCache: Sendable {
    /// Most labels kept, and most bytes of them.
    static let capacity = 2048
    static let byteCapacity = 65_536

    /// Open addressing, at least twice as many slots as entries: each 0 (empty) or an entry's index + 1.
    private var slots: [Int32] = []
    /// Entry `i`'s hash.
    private var hashes: [Int] = []
    /// Entry `i`'s bytes end at `ends[i]` in `bytes` (and start where entry `i - 1`'s end).
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var matches: [LabelMatch] = []

    /// FNV-1a of the bytes, taken eight at a time (a label is some thirty bytes), each step's high bits
    /// folded into its low ones, which pick the slot.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(key.count)
        var offset = 0
        if let base = key.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= key.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
                hash ^= hash >> 29
                offset += 8
            }
        }
        while offset < key.count {
            hash = (hash ^ UInt64(key[offset])) &* prime
            offset += 1
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// The match kept for exactly these bytes, if any.
    func match(_ key: UnsafeBufferPointer<UInt8>, hash: Int) -> LabelMatch? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = hash & mask
        return bytes.withUnsafeBufferPointer { kept in
            while case let entry = Int(slots[slot]), entry > 0 {
                let start = entry == 1 ? 0 : ends[entry - 2]
                let end = ends[entry - 1]
                if end - start == key.count && WordList.equal(kept, start, key.count, key, 0) {
                    return matches[entry - 1]
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// Keeps the match of the bytes (not already kept), when there is room.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: Int, _ match: LabelMatch) {
        guard matches.count < Self.capacity, bytes.count + key.count <= Self.byteCapacity else { return }
        if slots.isEmpty {
            // Room for a table's labels in a report or two; grown (`rehash`) as a batch brings more.
            bytes.reserveCapacity(4096)
            ends.reserveCapacity(128)
            hashes.reserveCapacity(128)
            matches.reserveCapacity(128)
            rehash(slots: 256)
        } else if 2 * (matches.count + 1) > slots.count {
            rehash(slots: 2 * slots.count)
        }
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        hashes.append(hash)
        matches.append(match)
        place(entry: matches.count, hash: hash)
    }

    /// Makes `count` empty slots (a power of two) and places every entry again.
    private mutating func rehash(slots count: Int) {
        // Zeroed in one go (`Array(repeating:count:)` writes the slots one by one).
        slots = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: 0)
            initialized = count
        }
        for entry in hashes.indices { place(entry: entry + 1, hash: hashes[entry]) }
    }

    /// Puts entry number `entry` (index + 1) in the first free slot from its hash on.
    private mutating func place(entry: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }
}
