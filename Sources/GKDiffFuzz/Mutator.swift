#if canImport(Glibc)
    import Glibc
#endif

/// SplitMix64: a tiny deterministic generator, so that `(seed, index)` always gives the same input.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A file to feed to gkdiff: where it came from, what was done to it, and its bytes.
public struct FuzzCase: Sendable {
    /// File name to write it under (keeps the fixture's extension, which decides HTML reading).
    public var name: String
    /// The fixture it was made from.
    public var fixture: String
    /// The mutations applied, in order.
    public var mutations: [String]
    /// The bytes.
    public var bytes: [UInt8]
}

/// Makes hostile inputs from the fixtures: truncated anywhere, bytes flipped, lines dropped or
/// duplicated, table rows shuffled, random bytes, tags and separators inserted, layouts and encodings
/// changed, a 5 MB line without a newline, a 50 MB file. Deterministic in `(seed, index)`.
public struct Mutator: Sendable {
    /// One fixture: its path relative to `Fixtures/` and its bytes.
    public struct Seed: Sendable {
        /// Path under `Fixtures/`, e.g. `layouts/nanguan-zjj-2024.html`.
        public var name: String
        /// The file's bytes.
        public var bytes: [UInt8]
        /// A fixture from its name and bytes.
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// The fixtures inputs are made from.
    public let fixtures: [Seed]

    /// Size of the "very large file" mutation, above `SourceText.sizeLimit`.
    public static let largeFileSize = 50 * 1_048_576
    /// Length of the "one very long line" mutation.
    public static let longLineSize = 5 * 1_048_576

    /// A mutator over these fixtures (at least one).
    public init(fixtures: [Seed]) {
        precondition(!fixtures.isEmpty, "no fixtures to mutate")
        self.fixtures = fixtures
    }

    /// Every `.txt` and `.html` file under `folder` (one level of subfolders), sorted by name.
    public static func load(folder: String) -> [Seed] {
        var seeds: [Seed] = []
        for name in list(folder).sorted() {
            let path = folder + "/" + name
            if isDirectory(path) {
                for inner in list(path).sorted() where inner.hasSuffix(".txt") || inner.hasSuffix(".html") {
                    if let bytes = read(path + "/" + inner) { seeds.append(Seed(name: name + "/" + inner, bytes: bytes)) }
                }
            } else if name.hasSuffix(".txt") || name.hasSuffix(".html"), let bytes = read(path) {
                seeds.append(Seed(name: name, bytes: bytes))
            }
        }
        return seeds
    }

    /// The input number `index` of the run with `seed`.
    public func make(seed: UInt64, index: Int) -> FuzzCase {
        var random = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD605_BBB5_8C8A_BBC5))
        let fixture = fixtures[Int(random.next() % UInt64(fixtures.count))]
        var bytes = fixture.bytes
        var applied: [String] = []
        // Per 10 000 inputs: 5 files of 50 MB, 25 with a 5 MB line, 290 of random bytes; the rest get
        // one to three of the mutations of `mutate`.
        let roll = random.next() % 10_000
        if roll < 5 {
            applied.append("large_file")
            bytes = Self.largeFile(from: bytes)
        } else if roll < 30 {
            applied.append("long_line")
            bytes = Self.longLine(into: bytes, using: &random)
        } else if roll < 400 {
            applied.append("random_bytes")
            bytes = (0..<Int(random.next() % 65_536)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        } else {
            let count = 1 + Int(random.next() % 3)
            for _ in 0..<count {
                let (name, result) = Self.mutate(bytes, using: &random)
                applied.append(name)
                bytes = result
            }
        }
        let ext = fixture.name.hasSuffix(".html") ? "html" : "txt"
        return FuzzCase(name: "input.\(ext)", fixture: fixture.name, mutations: applied, bytes: bytes)
    }

    // MARK: Mutations

    static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> (String, [UInt8]) {
        var bytes = bytes
        let roll = random.next() % 100
        switch roll {
        case 0..<15:
            let cut = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
            return ("truncate", Array(bytes.prefix(cut)))
        case 15..<27:
            guard !bytes.isEmpty else { return ("flip", bytes) }
            for _ in 0..<(1 + Int(random.next() % 16)) {
                let at = Int(random.next() % UInt64(bytes.count))
                bytes[at] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8))
            }
            return ("flip", bytes)
        case 27..<37:
            var lines = split(bytes)
            for _ in 0..<(1 + Int(random.next() % 5)) where !lines.isEmpty {
                lines.remove(at: Int(random.next() % UInt64(lines.count)))
            }
            return ("drop_lines", join(lines))
        case 37..<47:
            var lines = split(bytes)
            for _ in 0..<(1 + Int(random.next() % 5)) where !lines.isEmpty {
                let at = Int(random.next() % UInt64(lines.count))
                lines.insert(lines[at], at: at)
            }
            return ("duplicate_lines", join(lines))
        case 47..<57:
            var lines = split(bytes)
            guard lines.count > 2 else { return ("shuffle_rows", bytes) }
            let length = min(lines.count, 3 + Int(random.next() % 40))
            let start = Int(random.next() % UInt64(lines.count - length + 1))
            var block = Array(lines[start..<start + length])
            block.shuffle(using: &random)
            lines.replaceSubrange(start..<start + length, with: block)
            return ("shuffle_rows", join(lines))
        case 57..<65:
            let at = Int(random.next() % UInt64(bytes.count + 1))
            let chunk = (0..<(1 + Int(random.next() % 256))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes.insert(contentsOf: chunk, at: at)
            return ("insert_bytes", bytes)
        case 65..<75:
            for _ in 0..<(1 + Int(random.next() % 8)) {
                let token = tokens[Int(random.next() % UInt64(tokens.count))]
                let at = boundary(in: bytes, near: Int(random.next() % UInt64(bytes.count + 1)))
                bytes.insert(contentsOf: token.utf8, at: at)
            }
            return ("insert_tokens", bytes)
        case 75..<83:
            let lines = split(bytes)
            switch random.next() % 4 {
            case 0: return ("tabs_to_pipes", join(lines.map { replace($0, 0x09, with: Array(" | ".utf8)) }))
            case 1: return ("tabs_to_lines", join(lines.map { replace($0, 0x09, with: [0x0A]) }))
            case 2: return ("no_blank_lines", join(lines.filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }))
            default: return ("blank_lines_between", join(lines.flatMap { [$0, []] }))
            }
        case 83..<90:
            switch random.next() % 3 {
            case 0: return ("crlf", join(split(bytes).map { $0 + [0x0D] }))
            case 1: return ("utf8_bom", [0xEF, 0xBB, 0xBF] + bytes)
            default: return ("utf16le", utf16LittleEndian(bytes))
            }
        case 90..<95:
            // Cut a line in the middle and lose the rest: a page that stopped loading.
            let lines = split(bytes)
            guard !lines.isEmpty else { return ("cut_mid_line", bytes) }
            let at = Int(random.next() % UInt64(lines.count))
            var kept = Array(lines.prefix(at))
            let line = lines[at]
            kept.append(Array(line.prefix(line.isEmpty ? 0 : Int(random.next() % UInt64(line.count)))))
            var result = join(kept)
            if result.last == 0x0A { result.removeLast() }
            return ("cut_mid_line", result)
        default:
            let lines = split(bytes)
            guard !lines.isEmpty else { return ("swap_lines", bytes) }
            var swapped = lines
            let a = Int(random.next() % UInt64(lines.count))
            let b = Int(random.next() % UInt64(lines.count))
            swapped.swapAt(a, b)
            return ("swap_lines", join(swapped))
        }
    }

    /// Things that matter to the readers, inserted at random places.
    static let tokens: [String] = [
        "\t", "|", " | ", "||||", "\n", "\n\n\n", "<td>", "</td>", "<tr>", "</tr>", "<table>", "</table>",
        "<td colspan=\"99999\">", "<td rowspan=\"1000000\">", "<br>", "&nbsp;", "&#x3000;", "&#99999999;", "&", "<",
        "<!--", "<script>", "<head>", "-1", "+3", "251000元", "1,234", "5125.11", "—", "/", "无", "？",
        "一、本年新收政府信息公开申请数量", "三、本年度办理结果", "（七）总计", "3.其他", "行政复议", "总计", "其他",
        "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "第二十条第（九）项", "政府集中采购", "本年新制作数量", "[bookmark: _GoBack]", "**", "\u{FEFF}", "\u{2028}",
        "統計期限", "報告", "\u{0}", "\r",
    ]

    /// The nearest index at or after `index` that is not inside a UTF-8 sequence.
    static func boundary(in bytes: [UInt8], near index: Int) -> Int {
        var at = min(index, bytes.count)
        while at < bytes.count && bytes[at] & 0xC0 == 0x80 { at += 1 }
        return at
    }

    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    static func join(_ lines: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for (position, line) in lines.enumerated() {
            if position > 0 { out.append(0x0A) }
            out += line
        }
        return out
    }

    static func replace(_ line: [UInt8], _ byte: UInt8, with replacement: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for b in line { if b == byte { out += replacement } else { out.append(b) } }
        return out
    }

    static func utf16LittleEndian(_ bytes: [UInt8]) -> [UInt8] {
        guard let text = String(validating: bytes, as: UTF8.self) else { return bytes }
        var out: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { out += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return out
    }

    /// The fixture repeated to `largeFileSize` bytes: many lines, more than gkdiff reads.
    static func largeFile(from bytes: [UInt8]) -> [UInt8] {
        let unit = bytes.isEmpty ? Array("一、总体情况\n".utf8) : bytes
        var out: [UInt8] = []
        out.reserveCapacity(largeFileSize + unit.count)
        while out.count < largeFileSize { out += unit }
        return out
    }

    /// Shapes of a 5 MB line: text, digits, tabs, pipes, tags, entities, brackets, Word marks.
    static let longLineShapes: [String] = [
        "政府信息公开年度报告本年新收申请予以公开", "1234567890", "\t1", "| 1 ", "<td>1</td>", "<tr><td rowspan=99>x</td>",
        "[bookmark: ", "（一）", "自2024年", "&#", "<", "发布信息17条。", "*", " ", "第二十条第（一）项规章\t0",
    ]

    /// A line of `longLineSize` bytes with no newline, put in at a line start or at the end.
    static func longLine(into bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        let shape = longLineShapes[Int(random.next() % UInt64(longLineShapes.count))]
        var line: [UInt8] = []
        line.reserveCapacity(longLineSize + 64)
        if shape == longLineShapes[0] {
            let scalars = Array(shape.unicodeScalars)
            while line.count < longLineSize {
                line += String(scalars[Int(random.next() % UInt64(scalars.count))]).utf8
            }
        } else {
            let unit = Array(shape.utf8)
            while line.count < longLineSize { line += unit }
        }
        var lines = split(bytes)
        if random.next() % 2 == 0 || lines.isEmpty {
            return bytes + [0x0A] + line
        }
        lines.insert(line, at: Int(random.next() % UInt64(lines.count)))
        return join(lines)
    }

    // MARK: Files

    static func list(_ folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }
}
