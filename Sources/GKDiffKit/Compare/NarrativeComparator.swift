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
    /// The sentence as pieces, for edited and numbers-only sentences.
    public var pieces: [TextPiece]
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
    private var interner = Interner()

    /// Largest edit distance, in sentences, for a full alignment; beyond it a section is aligned on
    /// sentences unique to both years (and says so).
    static let sentenceCostLimit = 2_000
    /// Largest block of removed × added sentences considered for pairing as edits.
    static let pairingLimit = 40_000

    init(oldYear: Int?, newYear: Int?) {
        self.oldYear = oldYear
        self.newYear = newYear
    }

    mutating func compare(old: Section?, new: Section?, kind: SectionKind) -> SectionDiff {
        let oldBlocks = blocks(old)
        let newBlocks = blocks(new)
        var changes: [SentenceChange] = []
        var degraded = false
        for (a, b) in pairBlocks(oldBlocks, newBlocks) {
            let result = compareSentences(a?.sentences ?? [], b?.sentences ?? [], subsection: b?.title ?? a?.title)
            changes += result.changes
            degraded = degraded || result.degraded
        }
        let newSentences = changes.compactMap(\.new)
        let newCharacters = newSentences.reduce(0) { $0 + $1.text.unicodeScalars.count }
        let oldCharacters = changes.compactMap(\.old).reduce(0) { $0 + $1.text.unicodeScalars.count }
        let carried = changes.filter { $0.status == .unchanged }
        let carriedCharacters = carried.reduce(0) { $0 + ($1.new?.text.unicodeScalars.count ?? 0) }
        var matched = 2 * carriedCharacters
        for change in changes where change.status == .edited || change.status == .numbersOnly {
            for piece in change.pieces { if case .same(let text) = piece { matched += 2 * text.unicodeScalars.count } }
        }
        let total = oldCharacters + newCharacters
        return SectionDiff(
            kind: kind, oldTitle: old?.title, newTitle: new?.title, oldLine: old?.line, newLine: new?.line,
            sentences: changes,
            carriedSentences: newSentences.isEmpty ? nil : Double(carried.count) / Double(newSentences.count),
            carriedCharacters: newCharacters == 0 ? nil : Double(carriedCharacters) / Double(newCharacters),
            similarity: total == 0 ? 1 : Double(matched) / Double(total), degraded: degraded)
    }

    // MARK: Subsections

    /// Prose cut at each subsection title: the text before the first title, then one block per title.
    struct Block {
        var title: String?
        var sentences: [Sentence]
    }

    private func blocks(_ section: Section?) -> [Block] {
        guard let section else { return [] }
        let titleLines = Set(section.subsections.map(\.line))
        var blocks = [Block(title: nil, sentences: [])]
        for paragraph in section.paragraphs {
            if titleLines.contains(paragraph.line) {
                let title = section.subsections.first { $0.line == paragraph.line }!.text
                blocks.append(Block(title: title, sentences: []))
            }
            blocks[blocks.count - 1].sentences += Sentences.split([paragraph])
        }
        if blocks[0].sentences.isEmpty { blocks.removeFirst() }
        return blocks
    }

    /// Pairs blocks: the untitled lead-in with its counterpart, titled ones by title similarity
    /// (numbering ignored), each at most once; unpaired blocks stand alone. Order follows the new report.
    private func pairBlocks(_ old: [Block], _ new: [Block]) -> [(Block?, Block?)] {
        if old.count <= 1 && new.count <= 1 || old.allSatisfy({ $0.title == nil }) || new.allSatisfy({ $0.title == nil }) {
            // Nothing to align on: the whole section as one block.
            let a = old.isEmpty ? nil : Block(title: nil, sentences: old.flatMap(\.sentences))
            let b = new.isEmpty ? nil : Block(title: nil, sentences: new.flatMap(\.sentences))
            return [(a, b)]
        }
        var used = Set<Int>()
        var partner: [Int: Int] = [:]  // new index → old index
        for (j, b) in new.enumerated() {
            var best: (index: Int, score: Double)?
            for (i, a) in old.enumerated() where !used.contains(i) {
                let score: Double
                if a.title == nil && b.title == nil {
                    score = 1
                } else if let ta = a.title, let tb = b.title {
                    score = Self.similarity(LabelText.key(ta), LabelText.key(tb))
                } else {
                    continue
                }
                if score >= 0.5 && score > (best?.score ?? 0) { best = (i, score) }
            }
            if let best {
                used.insert(best.index)
                partner[j] = best.index
            }
        }
        var result: [(Block?, Block?)] = []
        var nextOld = 0
        for (j, b) in new.enumerated() {
            if let i = partner[j] {
                // Old blocks before this partner that nobody took are shown as removed here.
                while nextOld < i {
                    if !used.contains(nextOld) { result.append((old[nextOld], nil)) }
                    nextOld += 1
                }
                nextOld = max(nextOld, i + 1)
                result.append((old[i], b))
            } else {
                result.append((nil, b))
            }
        }
        while nextOld < old.count {
            if !used.contains(nextOld) { result.append((old[nextOld], nil)) }
            nextOld += 1
        }
        return result
    }

    /// Dice similarity of two short texts on their characters (as multisets).
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty && y.isEmpty { return 1 }
        var counts: [Unicode.Scalar: Int] = [:]
        for s in x { counts[s, default: 0] += 1 }
        var common = 0
        for s in y where (counts[s] ?? 0) > 0 {
            counts[s]! -= 1
            common += 1
        }
        return 2 * Double(common) / Double(x.count + y.count)
    }

    // MARK: Sentences

    /// The comparison key of a sentence: tokens with the report's own years masked, spaces dropped.
    private mutating func key(_ sentence: Sentence, year: Int?) -> (id: Int, tokens: [Sentences.Token]) {
        let tokens = Sentences.tokens(sentence.text)
        var key = ""
        for token in tokens { key += mask(token, year: year).text + "\u{1}" }
        return (interner.id(key), tokens)
    }

    /// A number token equal to the report's year (or the year before or after) becomes a placeholder,
    /// so that `2023年` in last year's report equals `2024年` in this year's.
    private func mask(_ token: Sentences.Token, year: Int?) -> Sentences.Token {
        guard token.isNumber, let year, token.text.unicodeScalars.count == 4, let value = Int(token.text) else { return token }
        switch value - year {
        case 0: return Sentences.Token(text: "〈本年〉", isNumber: true)
        case 1: return Sentences.Token(text: "〈次年〉", isNumber: true)
        case -1: return Sentences.Token(text: "〈上年〉", isNumber: true)
        default: return token
        }
    }

    private mutating func compareSentences(_ old: [Sentence], _ new: [Sentence], subsection: String?)
        -> (changes: [SentenceChange], degraded: Bool)
    {
        let oldKeys = old.map { key($0, year: oldYear) }
        let newKeys = new.map { key($0, year: newYear) }
        let (steps, degraded) = Myers.diff(oldKeys.map(\.id), newKeys.map(\.id), maxCost: Self.sentenceCostLimit)
        var changes: [SentenceChange] = []
        var removed: [Int] = []
        var added: [Int] = []
        func flushBlock() {
            changes += pair(removed, added, old, new, oldKeys.map(\.tokens), newKeys.map(\.tokens), subsection)
            removed = []
            added = []
        }
        for step in steps {
            switch step {
            case .equal(let i, let j):
                flushBlock()
                changes.append(SentenceChange(status: .unchanged, old: old[i], new: new[j], subsection: subsection, pieces: []))
            case .delete(let i): removed.append(i)
            case .insert(let j): added.append(j)
            }
        }
        flushBlock()
        return (changes, degraded)
    }

    /// Within a block of removed and added sentences, pairs each added sentence with the most similar
    /// removed one (in order, similarity ≥ 0.5) as an edit; the rest stay added or removed.
    private mutating func pair(
        _ removed: [Int], _ added: [Int], _ old: [Sentence], _ new: [Sentence],
        _ oldTokens: [[Sentences.Token]], _ newTokens: [[Sentences.Token]], _ subsection: String?
    ) -> [SentenceChange] {
        if removed.isEmpty && added.isEmpty { return [] }
        var partner: [Int: Int] = [:]  // added position → removed position
        if removed.count * added.count <= Self.pairingLimit {
            var lowest = 0
            for (position, j) in added.enumerated() {
                var best: (Int, Double)?
                for candidate in lowest..<removed.count {
                    let score = tokenSimilarity(oldTokens[removed[candidate]], newTokens[j])
                    if score >= 0.5 && score > (best?.1 ?? 0) { best = (candidate, score) }
                }
                if let (candidate, _) = best {
                    partner[position] = candidate
                    lowest = candidate + 1
                }
            }
        }
        var changes: [SentenceChange] = []
        var nextRemoved = 0
        for (position, j) in added.enumerated() {
            if let candidate = partner[position] {
                while nextRemoved < candidate {
                    changes.append(
                        SentenceChange(status: .removed, old: old[removed[nextRemoved]], new: nil, subsection: subsection, pieces: []))
                    nextRemoved += 1
                }
                let i = removed[candidate]
                let (pieces, numbersOnly) = tokenDiff(oldTokens[i], newTokens[j])
                changes.append(
                    SentenceChange(
                        status: numbersOnly ? .numbersOnly : .edited, old: old[i], new: new[j], subsection: subsection,
                        pieces: pieces))
                nextRemoved = candidate + 1
            } else {
                changes.append(SentenceChange(status: .added, old: nil, new: new[j], subsection: subsection, pieces: []))
            }
        }
        while nextRemoved < removed.count {
            changes.append(SentenceChange(status: .removed, old: old[removed[nextRemoved]], new: nil, subsection: subsection, pieces: []))
            nextRemoved += 1
        }
        return changes
    }

    /// Dice similarity on token multisets, years masked.
    private func tokenSimilarity(_ a: [Sentences.Token], _ b: [Sentences.Token]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        var counts: [String: Int] = [:]
        for token in a { counts[mask(token, year: oldYear).text, default: 0] += 1 }
        var common = 0
        for token in b {
            let text = mask(token, year: newYear).text
            if let count = counts[text], count > 0 {
                counts[text] = count - 1
                common += 1
            }
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }

    /// Token-level diff of an edited sentence; `numbersOnly` when every difference is a number
    /// replaced by a number (the report's own years masked).
    private mutating func tokenDiff(_ a: [Sentences.Token], _ b: [Sentences.Token]) -> (pieces: [TextPiece], numbersOnly: Bool) {
        let ids = (a.map { interner.id(mask($0, year: oldYear).text) }, b.map { interner.id(mask($0, year: newYear).text) })
        let (steps, _) = Myers.diff(ids.0, ids.1, maxCost: 1_000)
        var segments: [Segment] = []
        var numbersOnly = true
        var removedRun: [Sentences.Token] = []
        var addedRun: [Sentences.Token] = []
        func flushRuns() {
            if removedRun.isEmpty && addedRun.isEmpty { return }
            if removedRun.count != addedRun.count || !(removedRun + addedRun).allSatisfy(\.isNumber) { numbersOnly = false }
            segments.append(.change(removedRun.map(\.text).joined(), addedRun.map(\.text).joined()))
            removedRun = []
            addedRun = []
        }
        for step in steps {
            switch step {
            case .equal(_, let j):
                flushRuns()
                if case .same(let text) = segments.last {
                    segments[segments.count - 1] = .same(text + b[j].text)
                } else {
                    segments.append(.same(b[j].text))
                }
            case .delete(let i): removedRun.append(a[i])
            case .insert(let j): addedRun.append(b[j])
            }
        }
        flushRuns()
        return (Self.pieces(Self.cleanUp(segments)), numbersOnly)
    }

    /// A run of a token diff: text both sides share, or old text replaced by new text.
    enum Segment: Equatable {
        case same(String)
        case change(String, String)
    }

    /// Folds equalities of at most two characters that stand between two changes into both changes,
    /// so that `公开[-标准-]{+强+}化[-规范化水平-]{+服务效能+}` reads `公开[-标准化规范化水平-]{+强化服务效能+}`.
    static func cleanUp(_ segments: [Segment]) -> [Segment] {
        var result: [Segment] = []
        for segment in segments {
            if case .change(let old, let new) = segment, result.count >= 2,
                case .same(let between) = result[result.count - 1], between.unicodeScalars.count <= 2,
                case .change(let previousOld, let previousNew) = result[result.count - 2]
            {
                result.removeLast(2)
                result.append(.change(previousOld + between + old, previousNew + between + new))
            } else {
                result.append(segment)
            }
        }
        return result
    }

    static func pieces(_ segments: [Segment]) -> [TextPiece] {
        var pieces: [TextPiece] = []
        for segment in segments {
            switch segment {
            case .same(let text): pieces.append(.same(text))
            case .change(let old, let new):
                if !old.isEmpty { pieces.append(.removed(old)) }
                if !new.isEmpty { pieces.append(.added(new)) }
            }
        }
        return pieces
    }
}
