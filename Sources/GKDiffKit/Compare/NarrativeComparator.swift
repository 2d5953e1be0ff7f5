/// How a sentence changed from last year's report to this year's.
public enum SentenceStatus: String, Sendable {
    /// Carried over word for word (the report's own years masked).
    case unchanged
    /// Same sentence, only numbers inside it changed.
    case numbersOnly = "numbers_only"
    /// Same sentence, reworded.
    case edited
    /// New this year.
    case added
    /// Gone this year.
    case removed

    /// Chinese word for people.
    public var label: String {
        switch self {
        case .unchanged: return "未变"
        case .numbersOnly: return "仅数字变化"
        case .edited: return "修改"
        case .added: return "新增"
        case .removed: return "删除"
        }
    }
}

/// A piece of an edited sentence: text both years share, or text only one has.
public enum TextPiece: Sendable, Hashable {
    case same(String)
    case removed(String)
    case added(String)
}

/// One sentence of the comparison.
public struct SentenceChange: Sendable {
    public var status: SentenceStatus
    public var old: Sentence?
    public var new: Sentence?
    /// The subsection title the sentence stands under (in the new report when it has one).
    public var subsection: String?
    /// The sentence as pieces, for edited and numbers-only sentences. Made when asked for: the
    /// comparison keeps the text both years share as where it is in this year's sentence (`store`),
    /// not as a copy (the copies were a sixth of a large comparison's peak memory).
    public var pieces: [TextPiece] {
        get {
            switch store {
            case .given(let pieces): return pieces
            case .coded(let words): return PieceCode.pieces(words, new: new)
            }
        }
        set { store = .given(newValue) }
    }
    /// The pieces as kept.
    var store: PieceStore
    /// Years written the same in last year's sentence and this year's where last year's meant its
    /// own report year (a `2023年` carried into the 2024 report unchanged): what rule Q3 looks at.
    public var keptYears: [Int] = []

    init(status: SentenceStatus, old: Sentence?, new: Sentence?, subsection: String?, pieces: [TextPiece]) {
        self.init(status: status, old: old, new: new, subsection: subsection, store: .given(pieces))
    }

    init(status: SentenceStatus, old: Sentence?, new: Sentence?, subsection: String?, store: PieceStore) {
        self.status = status
        self.old = old
        self.new = new
        self.subsection = subsection
        self.store = store
    }

    /// The scalars of the pieces of text both years share. O(n).
    var sharedScalars: Int {
        switch store {
        case .given(let pieces):
            var count = 0
            for case .same(let text) in pieces { count += Sentences.scalarCount(text) }
            return count
        case .coded(let words): return PieceCode.sharedScalars(words, new: new)
        }
    }
}

/// How a `SentenceChange` keeps its pieces: as given, or as a comparison made them (`PieceCode`).
enum PieceStore: Sendable {
    case given([TextPiece])
    case coded([Int])
}

/// The pieces of an edited sentence as the comparison keeps them, in one array of words (`Int`s, each a
/// bit pattern: an array type the program has made already, as a new one costs its metadata at run
/// time): text both years share as where it is in this year's sentence (one word: kind 0, start and
/// end), other text as its bytes (a word of kind and length, then the bytes eight a word). The pieces
/// as `TextPiece`s are made when asked for.
enum PieceCode {
    static let shared: UInt64 = 0
    static let same: UInt64 = 1
    static let removed: UInt64 = 2
    static let added: UInt64 = 3

    /// Words a piece of text of `count` bytes takes.
    static func words(bytes count: Int) -> Int { 1 + (count + 7) / 8 }

    /// Appends the piece of bytes `start..<end` of this year's sentence.
    static func appendShared(_ range: Range<Int>, to words: inout [Int]) {
        let word = shared | UInt64(truncatingIfNeeded: range.lowerBound) << 2 | UInt64(truncatingIfNeeded: range.upperBound) << 33
        words.append(Int(bitPattern: UInt(word)))
    }

    /// Appends a piece of text of `kind`: its bytes copied into the words after its own.
    static func append(_ kind: UInt64, _ text: String, to words: inout [Int]) {
        var text = text
        text.withUTF8 { bytes in
            words.append(Int(bitPattern: UInt(kind | UInt64(bytes.count) << 2)))
            let start = words.count
            words.append(contentsOf: repeatElement(0, count: (bytes.count + 7) / 8))
            guard let source = bytes.baseAddress else { return }
            words.withUnsafeMutableBufferPointer { words in
                UnsafeMutableRawPointer(words.baseAddress.unsafelyUnwrapped + start).copyMemory(
                    from: source, byteCount: bytes.count)
            }
        }
    }

    /// The piece whose word is at `index` of `base`: its kind; its bytes, in this year's sentence for a
    /// shared piece, else in the words from `index + 1` on (counted in bytes); and where the next
    /// piece's word is.
    @inline(__always)
    static func piece(_ base: UnsafePointer<Int>, at index: Int) -> (kind: UInt64, bytes: Range<Int>, next: Int) {
        let word = UInt64(UInt(bitPattern: base[index]))
        let kind = word & 3
        if kind == shared { return (kind, Int(word >> 2 & 0x7FFF_FFFF)..<Int(word >> 33), index + 1) }
        let count = Int(word >> 2)
        return (kind, 0..<count, index + Self.words(bytes: count))
    }

    /// Calls `body` with each piece: its kind, and its bytes (this year's sentence's for a shared one).
    /// Through pointers (a slice of the words would have its type made at run time).
    static func forEach(
        _ words: [Int], new: Sentence?, _ body: (_ kind: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        func walk(_ sentence: UnsafeBufferPointer<UInt8>) {
            words.withUnsafeBufferPointer { words in
                guard let base = words.baseAddress else { return }
                var index = 0
                while index < words.count {
                    let (kind, range, next) = piece(base, at: index)
                    if kind == shared {
                        let bytes = sentence.baseAddress.map {
                            UnsafeBufferPointer(start: $0 + range.lowerBound, count: range.count)
                        }
                        body(shared, bytes ?? UnsafeBufferPointer(start: nil, count: 0))
                    } else {
                        (base + index + 1).withMemoryRebound(to: UInt8.self, capacity: range.count) {
                            body(kind, UnsafeBufferPointer(start: $0, count: range.count))
                        }
                    }
                    index = next
                }
            }
        }
        if let new { new.withUTF8 { walk($0) } } else { walk(UnsafeBufferPointer(start: nil, count: 0)) }
    }

    /// The pieces, as `TextPiece`s: the text both years share copied from this year's sentence as a
    /// substring is (without validating its bytes again), the rest decoded from its bytes.
    static func pieces(_ words: [Int], new: Sentence?) -> [TextPiece] {
        words.withUnsafeBufferPointer { words in
            guard let base = words.baseAddress else { return [] }
            // Counted first, for an array of their exact count.
            var count = 0
            var index = 0
            while index < words.count {
                count += 1
                index = piece(base, at: index).next
            }
            var pieces: [TextPiece] = []
            pieces.reserveCapacity(count)
            index = 0
            while index < words.count {
                let (kind, range, next) = piece(base, at: index)
                if kind == shared {
                    if let new {
                        let offset = Int(new.start)
                        pieces.append(
                            .same(Sentences.slice(new.source, (offset + range.lowerBound)..<(offset + range.upperBound))))
                    } else {
                        pieces.append(.same(""))
                    }
                } else {
                    // Bytes of Swift strings: valid UTF-8, so decoding changes nothing.
                    let text = (base + index + 1).withMemoryRebound(to: UInt8.self, capacity: range.count) {
                        String(decoding: UnsafeBufferPointer(start: $0, count: range.count), as: UTF8.self)
                    }
                    switch kind {
                    case removed: pieces.append(.removed(text))
                    case added: pieces.append(.added(text))
                    default: pieces.append(.same(text))
                    }
                }
                index = next
            }
            return pieces
        }
    }

    /// The scalars of the text both years share.
    static func sharedScalars(_ words: [Int], new: Sentence?) -> Int {
        var count = 0
        forEach(words, new: new) { kind, bytes in
            if kind == shared || kind == same { count += Sentences.scalarCount(bytes) }
        }
        return count
    }
}

/// The comparison of one section's prose.
public struct SectionDiff: Sendable {
    public var kind: SectionKind
    public var oldTitle: String?
    public var newTitle: String?
    public var oldLine: Int?
    public var newLine: Int?
    /// Every sentence of both years, in reading order.
    public var sentences: [SentenceChange]
    /// Share of this year's sentences carried over word for word (0…1), nil when this year has none.
    public var carriedSentences: Double?
    /// Share of this year's characters in carried-over sentences (0…1).
    public var carriedCharacters: Double?
    /// Similarity of the two years' text (0…1): matched characters over all characters.
    public var similarity: Double
    /// True when the section was too large for a sentence-by-sentence alignment and a coarser one was used.
    public var degraded: Bool

    /// Sentences with a status.
    public func count(_ status: SentenceStatus) -> Int { sentences.reduce(0) { $0 + ($1.status == status ? 1 : 0) } }

    /// True when anything in the section changed.
    public var hasChanges: Bool { sentences.contains { $0.status != .unchanged } }
}

/// Aligns two years' prose: sections by kind, subsections by title, sentences by Myers, then
/// near-identical removed/added sentences paired as edits and diffed token by token.
struct NarrativeComparator {
    let oldYear: Int?
    let newYear: Int?
    /// Token identities, with the interned words they need.
    private var identity = TokenIdentity()
    /// Sentence identities, for the alignment.
    private var sentences = SentenceInterner()
    /// Scratch space for token identities (kept to reuse its storage).
    private var idBuffer: [Int] = []
    private var otherBuffer: [Int] = []

    /// Largest edit distance, in sentences, for a full alignment; beyond it a section is aligned on
    /// sentences unique to both years (and says so).
    static let sentenceCostLimit = 2_000
    /// Largest block of removed × added sentences considered for pairing as edits.
    static let pairingLimit = 40_000

    init(oldYear: Int?, newYear: Int?) {
        self.oldYear = oldYear
        self.newYear = newYear
    }

    /// Compares one section of each year. The sections are let go once split into sentences, and then
    /// `split` is called (a caller that gave them up can let go of the reports' paragraphs there).
    mutating func compare(
        old: consuming Section?, new: consuming Section?, kind: SectionKind, split: () -> Void = {}
    ) -> SectionDiff {
        var (oldAll, oldBlocks) = blocks(old)
        var (newAll, newBlocks) = blocks(new)
        let (oldTitle, newTitle, oldLine, newLine) = (old?.title, new?.title, old?.line, new?.line)
        (old, new) = (nil, nil)
        split()
        var degraded = false
        let pairs = pairBlocks(oldBlocks, newBlocks)
        (oldBlocks, newBlocks) = ([], [])
        // Each block aligned and its edits chosen first, so that the changes are counted before the
        // array that holds them is made, at its exact length: it is the comparison's largest, kept to
        // the end, and one grown by doubling would stand up to half empty.
        var plans: [Plan] = []
        plans.reserveCapacity(pairs.count)
        var changeCount = 0
        var budget = Self.tokenCacheBudget
        var changes: [SentenceChange] = []
        oldAll.withUnsafeBufferPointer { oldAll in
            newAll.withUnsafeBufferPointer { newAll in
                // A block's sentences, of a year's.
                func sentences(_ block: Block?, _ all: UnsafeBufferPointer<Sentence>) -> UnsafeBufferPointer<Sentence> {
                    guard let block else { return UnsafeBufferPointer(start: nil, count: 0) }
                    return UnsafeBufferPointer(rebasing: all[block.range])
                }
                for pair in pairs {
                    let (a, b) = (pair.old, pair.new)
                    let plan = plan(sentences(a, oldAll), sentences(b, newAll), budget: &budget)
                    changeCount += plan.count
                    degraded = degraded || plan.degraded
                    plans.append(plan)
                }
                changes.reserveCapacity(changeCount)
                for index in pairs.indices {
                    let (a, b) = (pairs[index].old, pairs[index].new)
                    let plan = plans[index]
                    plans[index] = Plan()
                    apply(
                        plan, sentences(a, oldAll), sentences(b, newAll), subsection: b?.title ?? a?.title,
                        into: &changes)
                }
            }
        }
        (oldAll, newAll) = ([], [])
        assert(changes.count == changeCount, "the changes as counted")
        // Characters counted on the UTF-8 bytes, without decoding.
        var newSentences = 0
        var newCharacters = 0
        var oldCharacters = 0
        var carried = 0
        var carriedCharacters = 0
        var matched = 0
        for change in changes {
            let newLength = change.new?.scalarCount ?? 0
            if change.new != nil { newSentences += 1 }
            newCharacters += newLength
            if let old = change.old { oldCharacters += old.scalarCount }
            switch change.status {
            case .unchanged:
                carried += 1
                carriedCharacters += newLength
                matched += 2 * newLength
            case .edited, .numbersOnly:
                matched += 2 * change.sharedScalars
            case .added, .removed: break
            }
        }
        let total = oldCharacters + newCharacters
        return SectionDiff(
            kind: kind, oldTitle: oldTitle, newTitle: newTitle, oldLine: oldLine, newLine: newLine,
            sentences: changes,
            carriedSentences: newSentences == 0 ? nil : Double(carried) / Double(newSentences),
            carriedCharacters: newCharacters == 0 ? nil : Double(carriedCharacters) / Double(newCharacters),
            similarity: total == 0 ? 1 : Double(matched) / Double(total), degraded: degraded)
    }

    // MARK: Subsections

    /// Prose cut at each subsection title: the text before the first title, then one block per title.
    /// A block of last year's and its counterpart of this year's (either may be missing). (A struct,
    /// not a tuple: an array of tuples has its type made at run time the first time.)
    struct BlockPair {
        var old: Block?
        var new: Block?
    }

    struct Block {
        var title: String?
        /// The block's sentences, of the section's.
        var range: Range<Int>
    }

    /// The section's sentences, and its blocks. The sentences are in one array of their exact count:
    /// they are kept while the section is compared, and an array grown by appending stands up to half
    /// empty.
    private func blocks(_ section: Section?) -> (sentences: [Sentence], blocks: [Block]) {
        guard let section else { return ([], []) }
        // The first title of each line, sorted by line and found by binary search (a dictionary or a
        // set of lines would cost more to make, the first time, than a section's comparison).
        var titles = section.subsections
        if !titles.isEmpty {
            // In line order, the first of a line first (a stable sort), then one a line.
            titles = titles.indices.sorted { (titles[$0].line, $0) < (titles[$1].line, $1) }.map { titles[$0] }
            var unique: [Paragraph] = []
            for title in titles where unique.last?.line != title.line { unique.append(title) }
            titles = unique
        }
        let titleLines = titles.map(\.line)
        var sentences: [Sentence] = []
        var blocks = [Block(title: nil, range: 0..<0)]
        for paragraph in Self.unwrapped(section.paragraphs, titles: titleLines) {
            let index = Self.position(of: paragraph.line, in: titleLines)
            if index < titleLines.count && titleLines[index] == paragraph.line {
                blocks.append(Block(title: titles[index].text, range: sentences.count..<sentences.count))
            }
            Sentences.split(paragraph, into: &sentences)
            blocks[blocks.count - 1].range = blocks[blocks.count - 1].range.lowerBound..<sentences.count
        }
        if blocks[0].range.isEmpty { blocks.removeFirst() }
        if sentences.capacity - sentences.count > sentences.count / 8 {
            var exact: [Sentence] = []
            exact.reserveCapacity(sentences.count)
            exact += sentences
            sentences = exact
        }
        return (sentences, blocks)
    }

    /// The paragraphs as prose is compared: the lines a web page puts around the text (`字号：大 中 小`,
    /// `打印本页`, `来源：…`, `日期：…`) dropped, and a line that stops inside a sentence (hard-wrapped
    /// text, a title broken over two lines) joined with the next, which keeps the first one's line
    /// number. A subsection title or a numbered line always starts a paragraph of its own.
    /// (`titles`: the lines of subsection titles, ascending.)
    static func unwrapped(_ paragraphs: [Paragraph], titles: [Int]) -> [Paragraph] {
        var result: [Paragraph] = []
        var open = false  // the last paragraph stops inside a sentence
        for paragraph in paragraphs where !isPageChrome(paragraph.text) {
            func isTitle(_ line: Int) -> Bool {
                let index = position(of: line, in: titles)
                return index < titles.count && titles[index] == line
            }
            // Whether the line starts a paragraph of its own matters only after an unfinished one.
            func starts() -> Bool {
                isTitle(paragraph.line) || LabelText.startsWithSubsectionNumbering(paragraph.text)
                    || startsWithSectionNumbering(paragraph.text)
            }
            if open && !starts(), !result.isEmpty {
                result[result.count - 1].text += paragraph.text
            } else {
                result.append(paragraph)
            }
            let scalars = paragraph.text.unicodeScalars
            switch scalars.last(where: { !LabelText.isSpace($0) }) {
            case "。", "！", "？", "；", "：", "!", "?", ";", ":", "）", ")", "”", nil: open = false
            default:
                // Prose stopped mid-sentence; a title, a signature or a date line (short, no
                // punctuation) stands alone.
                var count = 0
                open = false
                for scalar in scalars {
                    count += 1
                    switch scalar {
                    case "，", ",", "、", "（", "(", "“", "《": open = true
                    default: if count >= 30 { open = true }
                    }
                    if open { break }
                }
            }
        }
        return result
    }

    /// Where `line` is, or would go, in ascending `lines`. O(log n).
    static func position(of line: Int, in lines: [Int]) -> Int {
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle] < line { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// `三、…`, `3、…`, `一是…`: a line that starts a new paragraph even after an unfinished one.
    private static func startsWithSectionNumbering(_ text: String) -> Bool {
        let scalars = LabelText.trim(text).unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex, LabelText.isNumeral(scalars[index]) { index = scalars.index(after: index) }
        guard index > scalars.startIndex, index < scalars.endIndex else { return false }
        return scalars[index] == "、" || scalars[index] == "是"
    }

    /// A line of a web page's furniture rather than the report: `字号：大 中 小`, `打印本页`, `关闭窗口`,
    /// `来源：…`, `日期：…`, `发布日期：…`, `版权所有…`, a breadcrumb `首页 > 政务公开 > …` (short lines
    /// only; Traditional and full-width forms alike).
    static func isPageChrome(_ text: String) -> Bool {
        // At most 80 scalars (`LabelText.isShort`), decided on the byte count when it can be: a
        // scalar takes one to four bytes.
        let bytes = text.utf8.count
        guard bytes <= 80 || (bytes <= 320 && Sentences.scalarCount(text) <= 80) else { return false }
        // Decided on the first character for almost every line: each of these starts with one of a few.
        guard let first = text.unicodeScalars.first(where: { !LabelText.isSpace($0) && $0 != "【" && $0 != "】" }) else {
            return false
        }
        switch Sentences.normalized(first) {
        case "字", "来", "日", "发", "信", "浏", "版", "首", "当", "打", "关": break
        default:
            // … or holds 打印本页 关闭窗口 after something else (窗口 is the same in both scripts).
            guard LabelText.contains(text, "窗口") else { return false }
        }
        let folded = LabelText.string(
            LabelText.scalars(text).lazy.map(Sentences.normalized).filter { !LabelText.isSpace($0) && $0 != "【" && $0 != "】" })
        if folded == "打印本页" || folded == "关闭窗口" || LabelText.contains(folded, "打印本页关闭窗口") { return true }
        for prefix in Self.chromePrefixes where folded.hasPrefix(prefix) { return true }
        return false
    }

    /// How the lines of `isPageChrome` start, folded (made once, not at each call).
    private static let chromePrefixes = ["字号:", "来源:", "日期:", "发布日期:", "发布时间:", "信息来源:", "浏览次数:", "版权所有", "首页>", "当前位置:"]

    /// Pairs blocks: the untitled lead-in with its counterpart, titled ones by title similarity
    /// (numbering ignored), each at most once; unpaired blocks stand alone. Order follows the new report.
    private func pairBlocks(_ old: [Block], _ new: [Block]) -> [BlockPair] {
        if old.count <= 1 && new.count <= 1 || old.allSatisfy({ $0.title == nil }) || new.allSatisfy({ $0.title == nil }) {
            // Nothing to align on: the whole section as one block.
            // (The blocks' sentences are all of the section's, in order.)
            let a = old.isEmpty ? nil : Block(title: nil, range: 0..<old[old.count - 1].range.upperBound)
            let b = new.isEmpty ? nil : Block(title: nil, range: 0..<new[new.count - 1].range.upperBound)
            return [BlockPair(old: a, new: b)]
        }
        var used = [Bool](repeating: false, count: old.count)
        var usedCount = 0
        var partner = [Int](repeating: -1, count: new.count)  // new index → old index, or -1
        // Titles compared without their numbering, as sorted characters, once each (in arrays of
        // plain types: an array of optional tuples has its type made at run time the first time,
        // which costs more than the pairing).
        func prepared(_ blocks: [Block]) -> (titled: [Bool], keys: [String], sorted: [[Int]]) {
            var titled: [Bool] = []
            var keys: [String] = []
            var sorted: [[Int]] = []
            for block in blocks {
                titled.append(block.title != nil)
                if let title = block.title {
                    let key = LabelText.key(title)
                    var scalars = LabelText.scalars(key).map { Int($0.value) }
                    Self.sort(&scalars)
                    keys.append(LabelText.stripNumbering(key))
                    sorted.append(scalars)
                } else {
                    keys.append("")
                    sorted.append([])
                }
            }
            return (titled, keys, sorted)
        }
        let oldTitles = prepared(old)
        let newTitles = prepared(new)
        // First the blocks whose titles are equal (numbering aside), by dictionary: O(n); a few blocks
        // by looking through them (cheaper than making the dictionary), the first free one each time.
        var byKey: [String: [Int]] = [:]
        var untitled: [Int] = []
        let few = old.count * new.count <= 1_024
        for i in old.indices {
            if !oldTitles.titled[i] {
                untitled.append(i)
            } else if !few {
                byKey[oldTitles.keys[i], default: []].append(i)
            }
        }
        func equalTitle(_ j: Int) -> Int? {
            guard few else { return byKey[newTitles.keys[j]]?.first(where: { !used[$0] }) }
            return old.indices.first { oldTitles.titled[$0] && !used[$0] && oldTitles.keys[$0] == newTitles.keys[j] }
        }
        for j in new.indices {
            if newTitles.titled[j] {
                if let i = equalTitle(j) {
                    used[i] = true
                    usedCount += 1
                    partner[j] = i
                }
            } else if let i = untitled.first(where: { !used[$0] }) {
                used[i] = true
                usedCount += 1
                partner[j] = i
            }
        }
        // Then the rest by title similarity (≥ 0.5, the best first); when many are left, only against
        // old blocks near the same place in the section, so that the work stays linear.
        let window = 32
        for j in new.indices where partner[j] < 0 && newTitles.titled[j] {
            let expected = new.count > 1 ? j * max(old.count - 1, 0) / (new.count - 1) : 0
            let range =
                old.count - usedCount > 2 * window
                ? max(0, expected - window)..<min(old.count, expected + window + 1) : 0..<old.count
            var best: (index: Int, score: Double)?
            for i in range where !used[i] && oldTitles.titled[i] {
                let score = Self.bagSimilarity(oldTitles.sorted[i], newTitles.sorted[j])
                if score >= 0.5 && score > (best?.score ?? 0) { best = (i, score) }
            }
            if let best {
                used[best.index] = true
                usedCount += 1
                partner[j] = best.index
            }
        }
        var result: [BlockPair] = []
        var nextOld = 0
        for (j, b) in new.enumerated() {
            let i = partner[j]
            if i >= 0 {
                // Old blocks before this partner that nobody took are shown as removed here.
                while nextOld < i {
                    if !used[nextOld] { result.append(BlockPair(old: old[nextOld], new: nil)) }
                    nextOld += 1
                }
                nextOld = max(nextOld, i + 1)
                result.append(BlockPair(old: old[i], new: b))
            } else {
                result.append(BlockPair(old: nil, new: b))
            }
        }
        while nextOld < old.count {
            if !used[nextOld] { result.append(BlockPair(old: old[nextOld], new: nil)) }
            nextOld += 1
        }
        return result
    }

    // MARK: Sentences

    /// A sentence ready for a token diff: its tokens and their identities (years masked). Made only
    /// for the two sentences of an edit, and dropped after it.
    struct Prepared {
        var sentence: Sentence
        var tokens: TokenIdentity.Tokens
        var ids: [Int] { tokens.ids }

        /// Text of the sentence's bytes in `range`.
        func text(_ range: Range<Int>) -> String {
            let start = Int(sentence.start)
            return Sentences.slice(sentence.source, (start + range.lowerBound)..<(start + range.upperBound))
        }

        /// The normalised text of one token (without the spaces after it).
        func normalizedText(_ index: Int) -> String { sentence.withUTF8 { TokenIdentity.normalizedText($0, tokens, index) } }

        /// True when token `index` and token `other` of `prepared` read the same once normalised, as
        /// strings compare (canonical equivalence). Their unmasked identities decide, but when one
        /// is a single non-ASCII scalar (which may have a canonical equivalent of another value).
        func sameText(_ index: Int, as other: Int, of prepared: Prepared) -> Bool {
            let x = tokens.details[index].raw
            let y = prepared.tokens.details[other].raw
            if x == y { return true }
            if (0x80..<0x11_0000).contains(x) || (0x80..<0x11_0000).contains(y) {
                return normalizedText(index) == prepared.normalizedText(other)
            }
            return false
        }
    }

    /// The tokens and token identities of a sentence, for `tokenDiff`.
    private mutating func prepare(_ sentence: Sentence, year: Int?, _ cache: TokenCache?, member: Int) -> Prepared {
        if let cache {
            let range = cache.range(member)
            return Prepared(
                sentence: sentence,
                tokens: TokenIdentity.Tokens(
                    ids: Array(cache.ids[range]), details: Array(cache.details[range]), byteCount: sentence.byteCount))
        }
        return Prepared(sentence: sentence, tokens: sentence.withUTF8 { identity.tokens(of: $0, year: year) })
    }

    /// The sentence's identity within a block: equal for two sentences whose token identities are
    /// equal (the report years masked). Interned by a hash of the token identities; a sentence whose
    /// hash is already known is compared with that entry (its bytes when both come from one report,
    /// else its token identities), so that two different sentences never share an identity. `member`
    /// is the sentence's place (`old[i]` as `i`, `new[j]` as `old.count + j`).
    private mutating func key(
        _ sentence: Sentence, year: Int?, member: Int, _ old: UnsafeBufferPointer<Sentence>, _ new: UnsafeBufferPointer<Sentence>,
        _ cache: TokenCache?
    ) -> Int {
        if let cache {
            // The tokens kept: an entry whose hash matches is compared on them.
            let range = cache.range(member)
            let hash = cache.ids.withUnsafeBufferPointer { SentenceInterner.hash(UnsafeBufferPointer(rebasing: $0[range])) }
            var position = sentences.start(hash)
            while let entry = sentences.next(hash, at: &position) {
                if cache.ids[cache.range(sentences[entry])] == cache.ids[range] { return entry }
            }
            return sentences.insert(hash, member: member, at: position)
        }
        let count = sentence.withUTF8 { identity.fill(&idBuffer, with: $0, year: year) }
        let hash = idBuffer.withUnsafeBufferPointer { SentenceInterner.hash(UnsafeBufferPointer(rebasing: $0[..<count])) }
        var position = sentences.start(hash)
        while let entry = sentences.next(hash, at: &position) {
            let other = sentences[entry]
            let (entrySentence, entryYear) = other < old.count ? (old[other], oldYear) : (new[other - old.count], newYear)
            if entryYear == year && Self.sameBytes(entrySentence, sentence) { return entry }
            if entrySentence.withUTF8({ identity.fill(&otherBuffer, with: $0, year: entryYear) }) == count
                && idBuffer[..<count] == otherBuffer[..<count]
            {
                return entry
            }
        }
        return sentences.insert(hash, member: member, at: position)
    }

    /// True when the two sentences have the same UTF-8 bytes. O(n).
    static func sameBytes(_ a: Sentence, _ b: Sentence) -> Bool {
        guard a.byteCount == b.byteCount else { return false }
        return a.withUTF8 { x in b.withUTF8 { y in sameBytes(x, y) } }
    }

    /// True when the two strings have the same UTF-8 bytes (`LabelText.sameBytes`), compared through
    /// pointers rather than element by element on the UTF-8 views. O(n).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in sameBytes(x, y) } }
    }

    /// True when the two buffers, of the same length, hold the same bytes. O(n).
    @inline(__always)
    static func sameBytes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = UnsafeRawPointer(x.baseAddress), let q = UnsafeRawPointer(y.baseAddress) else { return true }
        // Eight bytes at a time, then the rest.
        var index = 0
        while index + 8 <= x.count {
            if p.loadUnaligned(fromByteOffset: index, as: UInt64.self) != q.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            {
                return false
            }
            index += 8
        }
        while index < x.count {
            if x[index] != y[index] { return false }
            index += 1
        }
        return true
    }

    /// The sorted token identities of a sentence, for `bagSimilarity`.
    private mutating func bag(_ sentence: Sentence, year: Int?, _ cache: TokenCache?, member: Int) -> [Int] {
        if let cache {
            var ids = Array(cache.ids[cache.range(member)])
            Self.sort(&ids)
            return ids
        }
        // Read into the scratch buffer and copied at its exact length: bags are kept for a block.
        let count = sentence.withUTF8 { identity.fill(&idBuffer, with: $0, year: year) }
        var ids = Array(idBuffer[..<count])
        Self.sort(&ids)
        return ids
    }

    /// Sorts integers in place: a quicksort (median of three) finished by insertion sort, on the
    /// buffer. Bags need only some order; this one costs a fraction of the standard library's
    /// stable sort on a few hundred identities. O(n log n) expected.
    static func sort(_ values: inout [Int]) {
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 1 else { return }
            quicksort(base, 0, buffer.count - 1)
        }
    }

    private static func quicksort(_ a: UnsafeMutablePointer<Int>, _ low: Int, _ high: Int) {
        func swap(_ i: Int, _ j: Int) { (a[i], a[j]) = (a[j], a[i]) }
        var low = low
        var high = high
        while high - low > 16 {
            let middle = low + (high - low) / 2
            if a[middle] < a[low] { swap(middle, low) }
            if a[high] < a[low] { swap(high, low) }
            if a[high] < a[middle] { swap(high, middle) }
            let pivot = a[middle]
            var i = low
            var j = high
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    swap(i, j)
                    i += 1
                    j -= 1
                }
            }
            // The smaller side first by recursion, the larger by the loop: O(log n) depth.
            if j - low < high - i {
                if low < j { quicksort(a, low, j) }
                low = i
            } else {
                if i < high { quicksort(a, i, high) }
                high = j
            }
        }
        var index = low + 1
        while index <= high {
            let value = a[index]
            var slot = index
            while slot > low && a[slot - 1] > value {
                a[slot] = a[slot - 1]
                slot -= 1
            }
            a[slot] = value
            index += 1
        }
    }

    /// Bytes of a section's sentences, both years, whose tokens are read once and kept (`TokenCache`)
    /// rather than read again for each use: a small report's prose, not a large one's (its tokens take
    /// about ten times its bytes).
    static let tokenCacheBudget = 1 << 16

    /// The tokens of a block's sentences, read once for the sentences' identities and kept for the
    /// bags and the token diffs.
    struct TokenCache {
        var ids: [Int] = []
        var details: [TokenIdentity.Token] = []
        /// Where each sentence's tokens start (`old`'s, then `new`'s), and where the last ones end.
        var starts: [Int] = []

        /// The tokens of sentence `member` (`old[i]` as `i`, `new[j]` as `old.count + j`).
        func range(_ member: Int) -> Range<Int> { starts[member]..<starts[member + 1] }
    }

    /// Reads the tokens of a block's sentences into one `TokenCache`. O(n).
    private mutating func cache(_ old: UnsafeBufferPointer<Sentence>, _ new: UnsafeBufferPointer<Sentence>) -> TokenCache {
        var cache = TokenCache()
        cache.starts.reserveCapacity(old.count + new.count + 1)
        // As many slots as scalars (a token takes at least one), cut to the tokens read.
        var capacity = 0
        for sentence in old { capacity += sentence.scalarCount }
        for sentence in new { capacity += sentence.scalarCount }
        guard capacity > 0 else {
            cache.starts = [Int](repeating: 0, count: old.count + new.count + 1)
            return cache
        }
        var details: [TokenIdentity.Token] = []
        var starts: [Int] = []
        starts.reserveCapacity(old.count + new.count + 1)
        cache.ids = [Int](unsafeUninitializedCapacity: capacity) { ids, idsCount in
            details = [TokenIdentity.Token](unsafeUninitializedCapacity: capacity) { details, detailsCount in
                let (ids, details) = (ids.baseAddress.unsafelyUnwrapped, details.baseAddress.unsafelyUnwrapped)
                var written = 0
                func read(_ sentences: UnsafeBufferPointer<Sentence>, year: Int?) {
                    for sentence in sentences {
                        starts.append(written)
                        written += sentence.withUTF8 {
                            identity.write($0, year: year, ids: ids + written, details: details + written)
                        }
                    }
                }
                read(old, year: oldYear)
                read(new, year: newYear)
                starts.append(written)
                detailsCount = written
            }
            idsCount = details.count
        }
        cache.details = details
        cache.starts = starts
        return cache
    }

    /// A block's alignment, and which of its removed and added sentences pair as edits.
    struct Plan {
        var steps: [EditStep] = []
        /// The block's tokens, when they were kept (`tokenCacheBudget`).
        var tokens: TokenCache?
        /// For each added sentence of each run that `pair` considered, in order, the position in its
        /// run of the removed sentence it pairs with, or -1.
        var partners: [Int] = []
        /// How many changes the block gives.
        var count = 0
        /// True when the alignment was the coarse one.
        var degraded = false
    }

    /// Aligns a block's sentences (Myers on their identities) and pairs, in each run of removed and
    /// added sentences, the near-identical ones (`pair`).
    private mutating func plan(_ old: UnsafeBufferPointer<Sentence>, _ new: UnsafeBufferPointer<Sentence>, budget: inout Int)
        -> Plan
    {
        var plan = Plan()
        var bytes = 0
        for sentence in old { bytes += sentence.byteCount }
        for sentence in new { bytes += sentence.byteCount }
        if bytes <= budget {
            budget -= bytes
            plan.tokens = cache(old, new)
        }
        sentences.reset(count: old.count + new.count)
        var a: [Int] = []
        a.reserveCapacity(old.count)
        for (i, sentence) in old.enumerated() {
            a.append(key(sentence, year: oldYear, member: i, old, new, plan.tokens))
        }
        var b: [Int] = []
        b.reserveCapacity(new.count)
        for (j, sentence) in new.enumerated() {
            b.append(key(sentence, year: newYear, member: old.count + j, old, new, plan.tokens))
        }
        (plan.steps, plan.degraded) = Myers.diff(a, b, maxCost: Self.sentenceCostLimit)
        var count = 0
        var partners: [Int] = []
        partners.reserveCapacity(min(new.count, 256))
        let tokens = plan.tokens
        Self.forEachRun(
            plan.steps, old: old.count, new: new.count, equal: { _, _ in count += 1 },
            run: { removed, added in count += pair(removed, added, old, new, tokens, into: &partners) })
        (plan.partners, plan.count) = (partners, count)
        return plan
    }

    /// Walks a block's alignment in order: `run` with each run of removed (last year's positions) and
    /// added (this year's) sentences, `equal` with each sentence both years share.
    static func forEachRun(
        _ steps: [EditStep], old: Int, new: Int, equal: (Int, Int) -> Void, run: ([Int], [Int]) -> Void
    ) {
        var removed: [Int] = []
        var added: [Int] = []
        // (Room for most runs at once: a run is rarely longer.)
        removed.reserveCapacity(min(old, 256))
        added.reserveCapacity(min(new, 256))
        for step in steps {
            switch step {
            case .equal(let i, let j):
                if !removed.isEmpty || !added.isEmpty {
                    run(removed, added)
                    removed.removeAll(keepingCapacity: true)
                    added.removeAll(keepingCapacity: true)
                }
                equal(i, j)
            case .delete(let i): removed.append(i)
            case .insert(let j): added.append(j)
            }
        }
        if !removed.isEmpty || !added.isEmpty { run(removed, added) }
    }

    /// Whether `pair` considers a run of removed and added sentences.
    static func pairs(removed: Int, added: Int) -> Bool { removed > 0 && removed * added <= pairingLimit }

    /// Within a run of removed and added sentences, pairs each added sentence with the most similar
    /// removed one (in order, similarity ≥ 0.5) as an edit; the rest stay added or removed. Appends
    /// each added sentence's partner to `partners` (when the run is considered, `pairs`); returns how
    /// many changes the run gives. Token bags are made only here, for runs small enough to pair.
    private mutating func pair(
        _ removed: [Int], _ added: [Int], _ old: UnsafeBufferPointer<Sentence>, _ new: UnsafeBufferPointer<Sentence>,
        _ cache: TokenCache?,
        into partners: inout [Int]
    ) -> Int {
        guard Self.pairs(removed: removed.count, added: added.count) else { return removed.count + added.count }
        var removedBags: [[Int]] = []
        removedBags.reserveCapacity(removed.count)
        for i in removed { removedBags.append(bag(old[i], year: oldYear, cache, member: i)) }
        var lowest = 0
        var paired = 0
        for j in added {
            guard lowest < removed.count else {
                partners.append(-1)
                continue
            }
            let addedBag = bag(new[j], year: newYear, cache, member: old.count + j)
            var best = -1
            var bestScore = 0.0
            for candidate in lowest..<removed.count {
                let score = Self.bagSimilarity(removedBags[candidate], addedBag)
                if score >= 0.5 && score > bestScore {
                    best = candidate
                    bestScore = score
                }
            }
            partners.append(best)
            if best >= 0 {
                lowest = best + 1
                paired += 1
            }
        }
        return removed.count + added.count - paired
    }

    /// Appends a block's changes, as `plan` aligned and paired them, to `changes`: the pairs token by
    /// token (`tokenDiff`).
    private mutating func apply(
        _ plan: Plan, _ old: UnsafeBufferPointer<Sentence>, _ new: UnsafeBufferPointer<Sentence>, subsection: String?,
        into changes: inout [SentenceChange]
    ) {
        var nextPartner = 0
        Self.forEachRun(
            plan.steps, old: old.count, new: new.count,
            equal: { i, j in
                changes.append(SentenceChange(status: .unchanged, old: old[i], new: new[j], subsection: subsection, pieces: []))
            },
            run: { removed, added in edit(removed, added, old, new, plan, &nextPartner, subsection, into: &changes) })
    }

    /// The changes of a run of removed and added sentences, paired as `partners` says from
    /// `nextPartner` on (when `pair` considered the run), appended in order.
    private mutating func edit(
        _ removed: [Int], _ added: [Int], _ old: UnsafeBufferPointer<Sentence>, _ new: UnsafeBufferPointer<Sentence>,
        _ plan: Plan, _ nextPartner: inout Int,
        _ subsection: String?, into changes: inout [SentenceChange]
    ) {
        let considered = Self.pairs(removed: removed.count, added: added.count)
        var nextRemoved = 0
        for (position, j) in added.enumerated() {
            let candidate = considered ? plan.partners[nextPartner + position] : -1
            if candidate >= 0 {
                while nextRemoved < candidate {
                    changes.append(
                        SentenceChange(
                            status: .removed, old: old[removed[nextRemoved]], new: nil, subsection: subsection, pieces: []))
                    nextRemoved += 1
                }
                let i = removed[candidate]
                let (pieces, numbersOnly, kept) = Self.tokenDiff(
                    prepare(old[i], year: oldYear, plan.tokens, member: i),
                    prepare(new[j], year: newYear, plan.tokens, member: old.count + j))
                let changed = pieces.changed
                var change = SentenceChange(
                    status: !changed ? .unchanged : numbersOnly ? .numbersOnly : .edited, old: old[i],
                    new: new[j], subsection: subsection, store: changed ? .coded(pieces.words) : .given([]))
                change.keptYears = kept
                changes.append(change)
                nextRemoved = candidate + 1
            } else {
                changes.append(SentenceChange(status: .added, old: nil, new: new[j], subsection: subsection, pieces: []))
            }
        }
        if considered { nextPartner += added.count }
        while nextRemoved < removed.count {
            changes.append(
                SentenceChange(status: .removed, old: old[removed[nextRemoved]], new: nil, subsection: subsection, pieces: []))
            nextRemoved += 1
        }
    }

    /// Dice similarity of two sorted bags: a sentence's token ids (years masked), or a subsection
    /// title's scalar values. O(n + m), no allocation.
    static func bagSimilarity(_ a: [Int], _ b: [Int]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        var i = 0
        var j = 0
        var common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }

    /// Token-level diff of an edited sentence; `numbersOnly` when every difference is a number
    /// replaced by a number (the report's own years masked).
    /// A year written the same in both sentences whose meaning did not move with the report year
    /// (`2023年` in last year's report and in this year's) is not shown as a change (it reads the
    /// same); it is returned in `keptYears` for rule Q3.
    static func tokenDiff(_ a: Prepared, _ b: Prepared) -> (
        pieces: (words: [Int], changed: Bool), numbersOnly: Bool, keptYears: [Int]
    ) {
        let (steps, _) = Myers.diff(a.ids, b.ids, maxCost: 1_000)
        // Each scratch array allocated once, at the most it can hold, not grown by appending.
        var segments: [Segment] = []
        segments.reserveCapacity(steps.count)
        var numbersOnly = true
        var removedRun: [Int] = []
        var addedRun: [Int] = []
        removedRun.reserveCapacity(a.ids.count)
        addedRun.reserveCapacity(b.ids.count)
        var sameStart: Int?
        var sameEnd = 0
        func text(_ side: Prepared, _ run: [Int]) -> String {
            guard let first = run.first, let last = run.last else { return "" }
            // A changed piece ends with its own text; the spaces after it are not part of the change.
            return side.text(side.tokens.range(first, first).lowerBound..<Int(side.tokens.details[last].end))
        }
        func flushSame() {
            if let start = sameStart { segments.append(.shared(b.tokens.range(start, sameEnd))) }
            sameStart = nil
        }
        var keptYears: [Int] = []
        func flushRuns() {
            if removedRun.isEmpty && addedRun.isEmpty { return }
            if removedRun.count == addedRun.count,
                zip(removedRun, addedRun).allSatisfy({ a.sameText($0, as: $1, of: b) })
            {
                // The same text on both sides, told apart only by the year masking.
                for index in addedRun {
                    if let year = Int(b.normalizedText(index)) { keptYears.append(year) }
                }
                if let first = addedRun.first, let last = addedRun.last {
                    segments.append(.shared(b.tokens.range(first, first).lowerBound..<Int(b.tokens.details[last].end)))
                } else {
                    segments.append(.same(""))
                }
                removedRun.removeAll(keepingCapacity: true)
                addedRun.removeAll(keepingCapacity: true)
                return
            }
            if removedRun.count != addedRun.count || !removedRun.allSatisfy({ a.tokens.details[$0].isNumber })
                || !addedRun.allSatisfy({ b.tokens.details[$0].isNumber })
            {
                numbersOnly = false
            }
            segments.append(.change(text(a, removedRun), text(b, addedRun)))
            removedRun.removeAll(keepingCapacity: true)
            addedRun.removeAll(keepingCapacity: true)
        }
        // (The nested flushes are called only when they have something to do: a call costs more
        // than the test.)
        for step in steps {
            switch step {
            case .equal(_, let j):
                if !removedRun.isEmpty || !addedRun.isEmpty { flushRuns() }
                if sameStart == nil { sameStart = j }
                sameEnd = j + 1
            case .delete(let i):
                if sameStart != nil { flushSame() }
                removedRun.append(i)
            case .insert(let j):
                if sameStart != nil { flushSame() }
                addedRun.append(j)
            }
        }
        flushSame()
        flushRuns()
        return (pieces(cleanUp(segments, in: b)), numbersOnly, keptYears)
    }

    /// A run of a token diff: text both sides share, as text or as bytes of this year's sentence
    /// (`shared`), or old text replaced by new text.
    enum Segment: Equatable {
        case same(String)
        case shared(Range<Int>)
        case change(String, String)
    }

    /// Folds equalities of at most two characters that stand between two changes into both changes,
    /// so that `公开[-标准-]{+强+}化[-规范化水平-]{+服务效能+}` reads `公开[-标准化规范化水平-]{+强化服务效能+}`.
    /// (`b`: the sentence `shared` segments are bytes of.)
    static func cleanUp(_ segments: [Segment], in b: Prepared? = nil) -> [Segment] {
        var result: [Segment] = []
        result.reserveCapacity(segments.count)
        // The text of an equality of at most two characters, else nil.
        func short(_ segment: Segment) -> String? {
            switch segment {
            case .same(let text): return text.unicodeScalars.count <= 2 ? text : nil
            case .shared(let range):
                guard let b, range.count <= 8,
                    b.sentence.withUTF8({ Sentences.scalarCount(UnsafeBufferPointer(rebasing: $0[range])) }) <= 2
                else { return nil }
                return b.text(range)
            case .change: return nil
            }
        }
        for segment in segments {
            if case .change(let old, let new) = segment, result.count >= 2,
                case .change(let previousOld, let previousNew) = result[result.count - 2],
                let between = short(result[result.count - 1])
            {
                result.removeLast(2)
                result.append(.change(previousOld + between + old, previousNew + between + new))
            } else {
                result.append(segment)
            }
        }
        return result
    }

    /// The segments as pieces (`PieceCode`), and whether any text differs.
    static func pieces(_ segments: [Segment]) -> (words: [Int], changed: Bool) {
        // Counted first: the pieces are kept to the end, in an array of their exact count.
        var count = 0
        var changed = false
        for segment in segments {
            switch segment {
            case .same(let text): count += PieceCode.words(bytes: text.utf8.count)
            case .shared: count += 1
            case .change(let old, let new):
                if !old.isEmpty { count += PieceCode.words(bytes: old.utf8.count) }
                if !new.isEmpty { count += PieceCode.words(bytes: new.utf8.count) }
                changed = changed || !old.isEmpty || !new.isEmpty
            }
        }
        var words: [Int] = []
        words.reserveCapacity(count)
        for segment in segments {
            switch segment {
            case .same(let text): PieceCode.append(PieceCode.same, text, to: &words)
            case .shared(let range): PieceCode.appendShared(range, to: &words)
            case .change(let old, let new):
                if !old.isEmpty { PieceCode.append(PieceCode.removed, old, to: &words) }
                if !new.isEmpty { PieceCode.append(PieceCode.added, new, to: &words) }
            }
        }
        return (words, changed)
    }
}
