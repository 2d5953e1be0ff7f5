import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One row of the batch summary: a compared pair, an unpaired report, an unreadable file or folder, or
/// an agency on the roster without a report.
public struct BatchRow: Sendable {
    /// Triage, worst first: the order rows are sorted in.
    public enum Status: String, Sendable, CaseIterable, Comparable {
        /// `unreadable`: a file or folder that could not be read (exit 2).
        case unreadable
        /// `incomplete`: a pair where either report was not read completely (rule P1), worse than
        /// `errors`, since neither its changes nor its arithmetic can be trusted.
        case incomplete
        /// `errors`: a pair with an error finding (the tables do not add up).
        case errors
        /// `warnings`: a pair with a warning finding and no error.
        case warnings
        /// `changed`: a pair that differs, with no finding.
        case changed
        /// `same`: a pair with no difference and no finding.
        case same
        /// `unpaired`: a report without a partner in the other folder.
        case unpaired
        /// `missing`: an agency on the roster with no report this year.
        case missing

        /// Chinese word for people.
        public var label: String {
            switch self {
            case .unreadable: return "无法读取"
            case .incomplete: return "读取不完整"
            case .errors: return "勾稽有误"
            case .warnings: return "有警告"
            case .changed: return "有变化"
            case .same: return "无变化"
            case .unpaired: return "未配对"
            case .missing: return "未报送"
            }
        }

        /// Position in the triage order (0 is worst).
        public var rank: Int { Self.allCases.firstIndex(of: self)! }

        /// Worse first.
        public static func < (a: Status, b: Status) -> Bool { a.rank < b.rank }
    }

    public var status: Status
    public var agency: String
    public var oldFile: String?
    public var newFile: String?
    public var oldYear: Int?
    public var newYear: Int?
    /// Why a file is unpaired or unreadable; how a pair was made (`名称`, `pairs.csv`).
    public var reason: String
    /// Things to look at besides the status: `年度不符：…`, `不在名单上`, a file name decoded from GBK,
    /// a details file that could not be written.
    public var flags: [String] = []
    public var cellsChanged: Int?
    /// Whether the pair differs in any cell or sentence.
    public var differs: Bool = false
    /// The key figures, in `Batch.figures` order: (old, new, change).
    public var figures: [(old: Cell?, new: Cell?, change: CellChange?)]
    /// The review sheet's rates (实质公开率, 不予公开率, 纠错率 …), old and new, in `Batch.rates` order.
    public var rates: [KeyIndicatorChange] = []
    public var errors: Int?
    public var warnings: Int?
    public var sentencesAdded: Int?
    public var sentencesRemoved: Int?
    public var sentencesEdited: Int?
    /// Carried-over share of this year's sentences for 一、五、六 (nil when the section has no text).
    public var carried: [SectionKind: Double]
    /// The file the full comparison was written to (`--details`).
    public var details: String?
    /// Why the details file could not be written (a row error: exit 2).
    public var detailsError: String?
}

/// The outcome of a batch: the rows in triage order, the files skipped and the counts of the last lines.
public struct BatchSummary: Sendable {
    /// Rows sorted worst first, then by agency and file.
    public var rows: [BatchRow]
    /// Files found and not read, each with its reason.
    public var skips: [BatchSkip]
    /// Things said about the whole run (folders swapped, the years of the folders).
    public var notes: [String]
    /// The year most reports in each folder are of (after a swap, old is the earlier).
    public var oldYear: Int?
    public var newYear: Int?
    /// Files found (read or skipped), read (identified as reports), paired, skipped.
    public var seen = 0
    public var read = 0
    public var paired = 0
    /// The folder paths as compared (swapped when the folders were given the wrong way round).
    public var oldFolder: String
    public var newFolder: String
}

/// A key figure of the batch summary: a cell, or the sum of several cells.
public struct BatchFigure: Sendable {
    public let key: String
    public let label: String
    public let cells: [CellKey]
}

/// Batch review: every report in two folders, paired by agency, each pair compared.
public enum Batch {
    /// The ids and labels of the review sheet's rates the summary shows (`KeyIndicators`), in order.
    public static let rates: [String] = KeyIndicatorSpec.rates.map(\.id)

    /// 本年新收 总计, 予以公开 总计, （七）总计, 行政许可, 行政处罚, 行政复议 总计, 行政诉讼 总计.
    public static let figures: [BatchFigure] = [
        BatchFigure(key: "requests_new", label: "本年新收", cells: [.requests(.new, .total)]),
        BatchFigure(key: "granted", label: "予以公开", cells: [.requests(.granted, .total)]),
        BatchFigure(
            key: "results_total", label: "办理结果总计", cells: [.requests(.resultsTotal, .total)]),
        BatchFigure(key: "licensing", label: "行政许可", cells: [.proactive(.licensing, .decisions)]),
        BatchFigure(key: "penalties", label: "行政处罚", cells: [.proactive(.penalties, .decisions)]),
        BatchFigure(key: "review", label: "行政复议", cells: [.appeals(.review, .total)]),
        BatchFigure(
            key: "litigation", label: "行政诉讼",
            cells: [
                .appeals(.litigationDirect, .total), .appeals(.litigationAfterReview, .total),
            ]),
    ]

    /// What to do.
    public struct Options: Sendable {
        public var oldFolder: String
        public var newFolder: String
        /// A CSV of `old_file,new_file` lines that override the matching.
        public var pairsFile: String?
        /// Folder to write each pair's full comparison into.
        public var detailsFolder: String?
        /// `text` or `csv` for the details files.
        public var detailsCSV: Bool = false
        /// A CSV of the agencies expected to report: a name per line, then optional aliases.
        public var rosterFile: String?
        /// Files written by this run (the summary): never read as reports.
        public var outputs: [String] = []
        /// Folders treated as unreadable, for tests running as root (where `chmod 000` denies nothing).
        var refusedFolders: Set<String> = []
        /// Files whose names match read once for both phases (off only in tests, to compare with).
        var readOnce = true

        public init(
            oldFolder: String, newFolder: String, pairsFile: String? = nil, detailsFolder: String? = nil,
            rosterFile: String? = nil
        ) {
            self.oldFolder = oldFolder
            self.newFolder = newFolder
            self.pairsFile = pairsFile
            self.detailsFolder = detailsFolder
            self.rosterFile = rosterFile
        }
    }

    /// Reads both folders, pairs the reports and compares each pair on all cores.
    /// `progress` is called after each pair (`[37/120] 南关区执法局`).
    /// - Throws: `GKDiffError` when a folder, the pairs file or the roster cannot be read.
    public static func run(_ options: Options, progress: (@Sendable (String) -> Void)? = nil) throws -> BatchSummary {
        for folder in [options.oldFolder, options.newFolder] {
            guard let info = FileSystem.status(folder) else { throw GKDiffError.missing(folder) }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw GKDiffError(path: folder, reason: "不是文件夹（--batch 需要两个文件夹：旧年度 新年度）")
            }
        }
        let roster = try options.rosterFile.map(Roster.read)
        var excluded: [FileSystem.Identity: String] = [:]
        for (path, what) in [(options.pairsFile, "配对文件"), (options.rosterFile, "名单文件"), (options.detailsFolder, "详情文件夹")]
            + options.outputs.map({ ($0, "汇总输出") })
        {
            if let path, let identity = FileSystem.identity(path) { excluded[identity] = what }
        }
        var oldWalk = BatchWalk.walk(options.oldFolder, excluded: excluded, refused: options.refusedFolders)
        var newWalk = BatchWalk.walk(options.newFolder, excluded: excluded, refused: options.refusedFolders)
        var known: [String: FileSystem.Identity] = [:]  // by the path as shown (a GBK name decoded)
        for file in oldWalk.files + newWalk.files { known[file.path] = file.identity }
        let explicit =
            try options.pairsFile.map { try readPairs($0, options: options, known: known) } ?? (pairs: [], missing: [])

        // Phase 1: who is who (agency and year). A file of each folder whose name matches one file of the
        // other (`0001.txt` in both, or names equal but for a year) is read once for both phases: the
        // two are identified, parsed and compared together, and the row is used when the matching pairs
        // them that way; otherwise the pair is compared in phase 2 as any other. The reports are dropped
        // either way, so memory stays flat (the rows are kept in any case).
        let guesses =
            options.detailsFolder == nil && options.readOnce ? guessedPairs(old: oldWalk.files, new: newWalk.files) : []
        let readings = readFiles(old: oldWalk.files, new: newWalk.files, guesses: guesses)
        var old = readings.old
        var new = readings.new
        let early = readings.rows
        var notes: [String] = []
        var oldYear = majorityYear(old)
        var newYear = majorityYear(new)
        var oldFolder = options.oldFolder
        var newFolder = options.newFolder
        if let a = oldYear, let b = newYear, a > b {
            notes.append(
                "两个文件夹似乎放反了：「\(options.oldFolder)」里多为 \(a) 年的报告，「\(options.newFolder)」里多为 \(b) 年；已按年度顺序比较（旧 \(b) → 新 \(a)）")
            swap(&old, &new)
            swap(&oldYear, &newYear)
            swap(&oldFolder, &newFolder)
            swap(&oldWalk, &newWalk)
            for index in old.indices { old[index].isOld = true }
            for index in new.indices { new[index].isOld = false }
        }
        if let a = oldYear, let b = newYear { notes.insert("旧年度文件夹多为 \(a) 年的报告，新年度文件夹多为 \(b) 年", at: 0) }

        var rows: [BatchRow] = []
        for folder in oldWalk.unreadableFolders + newWalk.unreadableFolders {
            var row = BatchRow(
                status: .unreadable, agency: "", oldFile: nil, newFile: nil, oldYear: nil, newYear: nil,
                reason: folder.reason, cellsChanged: nil, figures: [], errors: nil, warnings: nil, sentencesAdded: nil,
                sentencesRemoved: nil, sentencesEdited: nil, carried: [:], details: nil)
            if oldWalk.unreadableFolders.contains(folder) { row.oldFile = folder.path } else { row.newFile = folder.path }
            rows.append(row)
        }
        for identity in old + new where identity.error != nil {
            rows.append(single(identity, status: .unreadable, reason: identity.error!))
        }
        let readable = (old: old.filter { $0.error == nil }, new: new.filter { $0.error == nil })
        var (pairs, unpaired) = match(old: readable.old, new: readable.new, explicit: explicit.pairs)
        for (line, path) in explicit.missing {
            var row = BatchRow(
                status: .unreadable, agency: "", oldFile: nil, newFile: nil, oldYear: nil, newYear: nil,
                reason: "配对文件第 \(line) 行：找不到这个文件", cellsChanged: nil, figures: [], errors: nil, warnings: nil,
                sentencesAdded: nil, sentencesRemoved: nil, sentencesEdited: nil, carried: [:], details: nil)
            row.oldFile = path
            rows.append(row)
        }
        for (identity, reason) in unpaired {
            var row = single(identity, status: .unpaired, reason: reason)
            row.flags += flags(identity, majority: identity.isOld ? oldYear : newYear)
            rows.append(row)
        }
        if let folder = options.detailsFolder { pairs = detailNames(pairs, folder: folder, csv: options.detailsCSV) }

        // Phase 2: compare each pair, keeping only its summary row.
        let done = Mutex(0)
        let started = ContinuousClock.now
        let plan = pairs
        let years = (old: oldYear, new: newYear)
        var compared = parallelMap(plan.count) { index -> BatchRow in
            var row: BatchRow
            if let early = early[FilePair(old: plan[index].old.file, new: plan[index].new.file)] {
                row = early
                row.reason = plan[index].how
            } else {
                row = compare(plan[index], options: options)
            }
            row.flags += flags(plan[index].old, majority: years.old) + flags(plan[index].new, majority: years.new)
            if let progress {
                let count = done.withLock { value -> Int in
                    value += 1
                    return value
                }
                progress(progressLine(count, of: plan.count, since: started, agency: row.agency))
            }
            return row
        }
        if let roster {
            let reported = readable.new.map(\.agency)
            for index in compared.indices where !roster.contains(compared[index].agency) {
                compared[index].flags.append("不在名单上")
            }
            for index in rows.indices where rows[index].status == .unpaired && rows[index].newFile != nil {
                if !roster.contains(rows[index].agency) { rows[index].flags.append("不在名单上") }
            }
            for entry in roster.missing(from: reported) {
                let hadOld = readable.old.contains { entry.matches($0.agency) }
                rows.append(
                    BatchRow(
                        status: .missing, agency: entry.name, oldFile: nil, newFile: nil, oldYear: nil, newYear: newYear,
                        reason: hadOld ? "名单上有，新年度没有报告（旧年度有）" : "名单上有，两个年度都没有报告",
                        cellsChanged: nil, figures: [], errors: nil, warnings: nil, sentencesAdded: nil, sentencesRemoved: nil,
                        sentencesEdited: nil, carried: [:], details: nil))
            }
        }
        rows = sorted(compared + rows)
        let skips = oldWalk.skips + newWalk.skips
        return BatchSummary(
            rows: rows, skips: skips, notes: notes, oldYear: oldYear, newYear: newYear,
            seen: old.count + new.count + skips.count, read: readable.old.count + readable.new.count,
            paired: pairs.count * 2, oldFolder: oldFolder, newFolder: newFolder)
    }

    // MARK: Reading

    /// Two files, one of each folder, as a dictionary key.
    struct FilePair: Hashable, Sendable {
        var old: BatchFile
        var new: BatchFile
    }

    /// A file's identity: its agency and year, or why it could not be read.
    static func identify(_ file: BatchFile, isOld: Bool) -> Identity {
        do {
            let (agency, year) = try ReportParser.reading(bytes(file), path: file.path) {
                try ReportParser.identify($0, path: file.path)
            }
            return Identity(file: file, isOld: isOld, agency: agency, year: year, error: nil)
        } catch let error as GKDiffError {
            return Identity(file: file, isOld: isOld, agency: "", year: nil, error: error.reason)
        } catch {
            return Identity(file: file, isOld: isOld, agency: "", year: nil, error: "\(error)")
        }
    }

    /// A file parsed whole, with its identity taken from the report; when it cannot be parsed, the
    /// identity `identify` gives (its reason, or what it reads of a file that is no report).
    static func parsed(_ file: BatchFile, isOld: Bool) -> (Identity, Report?) {
        guard let report = try? report(file) else { return (identify(file, isOld: isOld), nil) }
        return (Identity(file: file, isOld: isOld, agency: report.agency, year: report.year, error: nil), report)
    }

    /// Every file identified, in walk order; and for each guessed pair that both parse, the pair's row
    /// (without its pairing reason) from the same reading. Runs on all cores.
    ///
    /// A guess is parsed and compared only when the two reports name the same agency, the old one of an
    /// earlier year, and no other guess names that agency (several reports of one agency are paired by
    /// year, which a name cannot tell): a wrong guess costs a comparison done for nothing.
    static func readFiles(old: [BatchFile], new: [BatchFile], guesses: [(old: Int, new: Int)]) -> (
        old: [Identity], new: [Identity], rows: [FilePair: BatchRow]
    ) {
        var guessedOld = Set<Int>()
        var guessedNew = Set<Int>()
        for guess in guesses {
            guessedOld.insert(guess.old)
            guessedNew.insert(guess.new)
        }
        // Work units: a guessed pair, or one file (isOld, index).
        let singles =
            old.indices.filter { !guessedOld.contains($0) }.map { (true, $0) }
            + new.indices.filter { !guessedNew.contains($0) }.map { (false, $0) }
        let claimed = Mutex(Set<String>())  // agencies a guess has been compared for
        let results = parallelMap(guesses.count + singles.count) { unit -> [(Bool, Int, Identity, BatchRow?)] in
            guard unit < guesses.count else {
                let (isOld, index) = singles[unit - guesses.count]
                return [(isOld, index, identify((isOld ? old : new)[index], isOld: isOld), nil)]
            }
            let guess = guesses[unit]
            // Parsed whole at once: the identity is the parse's agency and year (what `identify`
            // gives, checked on every fixture), and the parse is not done a second time.
            let (a, reportA) = parsed(old[guess.old], isOld: true)
            let (b, reportB) = parsed(new[guess.new], isOld: false)
            var row: BatchRow?
            let agency = LabelText.fold(a.agency)
            if let reportA, let reportB, !agency.isEmpty, agency == LabelText.fold(b.agency), let yearA = a.year,
                let yearB = b.year, yearA < yearB, claimed.withLock({ $0.insert(agency).inserted })
            {
                row = self.row(ReportComparator.compare(reportA, reportB), how: "", details: nil, detailsCSV: false)
            }
            return [(true, guess.old, a, row), (false, guess.new, b, nil)]
        }
        var identities: (old: [Identity?], new: [Identity?]) = (
            Array(repeating: nil, count: old.count), Array(repeating: nil, count: new.count)
        )
        var rows: [FilePair: BatchRow] = [:]
        for (unit, result) in results.enumerated() {
            for (isOld, index, identity, _) in result {
                if isOld { identities.old[index] = identity } else { identities.new[index] = identity }
            }
            if unit < guesses.count, let row = result[0].3 {
                rows[FilePair(old: old[guesses[unit].old], new: new[guesses[unit].new])] = row
            }
        }
        return (identities.old.map { $0! }, identities.new.map { $0! }, rows)
    }

    /// Files likely to be paired: names equal in the two folders once 4-digit years (19xx, 20xx) are
    /// left out (`0001.txt`, `执法局2023.txt` and `执法局2024.txt`); a name several files share is no guess.
    /// Only a guess: the pairing is decided by agency names after every file is identified.
    static func guessedPairs(old: [BatchFile], new: [BatchFile]) -> [(old: Int, new: Int)] {
        func key(_ file: BatchFile) -> [UInt8] {
            let name = file.raw.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).last ?? []
            var key: [UInt8] = []
            var index = name.startIndex
            while index < name.endIndex {
                if index + 4 <= name.endIndex, name[index] == UInt8(ascii: "1") || name[index] == UInt8(ascii: "2"),
                    name[index + 1] == UInt8(ascii: "9") || name[index + 1] == UInt8(ascii: "0"),
                    name[index..<index + 4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                    index == name.startIndex || !(0x30...0x39).contains(name[index - 1]),
                    index + 4 == name.endIndex || !(0x30...0x39).contains(name[index + 4])
                {
                    index += 4
                    continue
                }
                key.append(name[index])
                index += 1
            }
            return key
        }
        func unique(_ files: [BatchFile]) -> [[UInt8]: Int] {
            var found: [[UInt8]: Int] = [:]
            var repeated = Set<[UInt8]>()
            for (index, file) in files.enumerated() {
                let name = key(file)
                if found.updateValue(index, forKey: name) != nil { repeated.insert(name) }
            }
            for name in repeated { found[name] = nil }
            return found
        }
        let newByName = unique(new)
        return unique(old).compactMap { name, index in newByName[name].map { (index, $0) } }.sorted { $0.old < $1.old }
    }

    /// Rows worst first, then by agency, then by file.
    static func sorted(_ rows: [BatchRow]) -> [BatchRow] {
        // Positions sorted by keys taken once, then the rows in that order: the order sorting the rows
        // themselves gives (the same comparisons), without moving the large rows about.
        let keys = rows.map { ($0.status.rank, $0.agency, $0.newFile ?? $0.oldFile ?? "") }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        return order.map { rows[$0] }
    }

    /// `[37/120] 南关区执法局  约 12 秒后完成`.
    static func progressLine(_ count: Int, of total: Int, since started: ContinuousClock.Instant, agency: String) -> String {
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let left = Int((seconds / Double(count) * Double(total - count)).rounded())
        return "[\(count)/\(total)] \(agency)" + (count < total ? "  约 \(left) 秒后完成" : "")
    }

    /// The year most reports of a folder are of (the earlier on a tie).
    static func majorityYear(_ identities: [Identity]) -> Int? {
        var counts: [Int: Int] = [:]
        for identity in identities { if let year = identity.year { counts[year, default: 0] += 1 } }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }

    /// `年度不符` when the report's year is not its folder's, and the file name's decoding.
    static func flags(_ identity: Identity, majority: Int?) -> [String] {
        var flags: [String] = []
        if let year = identity.year, let majority, year != majority {
            flags.append("年度不符：\(identity.file.path) 是 \(year) 年的报告，该文件夹多为 \(majority) 年")
        }
        if let note = identity.file.nameNote { flags.append("\(identity.file.path)：\(note)") }
        return flags
    }

    /// Exit status of a batch: 2 when a file or folder could not be read or a details file could not be
    /// written; 1 when a pair differs, has an error finding or was not read completely, or an agency on
    /// the roster has no report; otherwise 0.
    public static func status(_ rows: [BatchRow]) -> ExitStatus {
        if rows.contains(where: { $0.status == .unreadable || $0.detailsError != nil }) { return .trouble }
        if rows.contains(where: { [.changed, .errors, .incomplete, .missing].contains($0.status) || $0.differs }) {
            return .different
        }
        return .same
    }

    // MARK: Files

    struct Identity: Sendable {
        var file: BatchFile
        /// True for a file of the old (last year's) folder.
        var isOld: Bool
        var agency: String
        var year: Int?
        var error: String?
        var path: String { file.path }
    }

    struct Pair: Sendable {
        var old: Identity
        var new: Identity
        var how: String
        /// Where the details go (`--details`), unique in the folder.
        var details: String?
    }

    /// The document of a file, opened by the bytes of its name.
    /// The bytes of a file found by the walk (opened by its raw name: a GBK name is shown decoded).
    static func bytes(_ file: BatchFile) throws -> [UInt8] {
        try FileSystem.readRegular(rawPath: file.raw, shown: file.path, limit: SourceText.sizeLimit)
    }

    /// The report in a file found by the walk, read as `ReportParser.read(path:)` reads (Big5 retried).
    static func report(_ file: BatchFile) throws -> Report {
        try ReportParser.reading(bytes(file), path: file.path) { try ReportParser.parse($0, path: file.path) }
    }

    /// `old_file,new_file` lines (an optional header line); paths relative to the old and new folders,
    /// or as given (relative to the working folder, as our own summary writes them). Lines naming a
    /// file that does not exist are returned with their line number, never dropped.
    static func readPairs(_ path: String, options: Options, known: [String: FileSystem.Identity] = [:]) throws -> (
        pairs: [(FileSystem.Identity, FileSystem.Identity)], missing: [(Int, String)]
    ) {
        let text = try SourceText.read(path: path).text
        var pairs: [(FileSystem.Identity, FileSystem.Identity)] = []
        var missing: [(Int, String)] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                String(LabelText.trim($0)).trimmingQuotes()
            }
            if index == 0 && fields.first == "old_file" { continue }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw GKDiffError(path: path, reason: "第 \(index + 1) 行应为「旧文件,新文件」两列")
            }
            let a = resolve(fields[0], in: options.oldFolder, known: known)
            let b = resolve(fields[1], in: options.newFolder, known: known)
            if a == nil { missing.append((index + 1, fields[0])) }
            if b == nil { missing.append((index + 1, fields[1])) }
            if let a, let b { pairs.append((a, b)) }
        }
        return (pairs, missing)
    }

    /// The file a `--pairs` path names: under the folder, or as given; by the name as the file system
    /// has it, or as we show it (a GBK name decoded, copied from our own summary).
    private static func resolve(_ path: String, in folder: String, known: [String: FileSystem.Identity])
        -> FileSystem.Identity?
    {
        let candidates = path.hasPrefix("/") ? [path] : [folder.hasSuffix("/") ? folder + path : folder + "/" + path, path]
        for candidate in candidates {
            if let identity = FileSystem.identity(candidate) ?? known[candidate] { return identity }
        }
        return nil
    }

    // MARK: Matching

    /// Pairs: explicit ones first, then equal agency names, then names that `Agency.same` accepts when
    /// exactly one candidate does. Several old reports of one agency: the latest year before the new one.
    /// Names are folded once and equal names found through a dictionary; only the reports left after
    /// that are compared with each other. O(n log n) when names match exactly.
    static func match(old: [Identity], new: [Identity], explicit: [(FileSystem.Identity, FileSystem.Identity)])
        -> (pairs: [Pair], unpaired: [(Identity, String)])
    {
        var pairs: [Pair] = []
        // The positions in `old` and `new` of each pair's reports, in the order of `pairs`.
        var pairedAt: [(old: Int, new: Int)] = []
        var usedOld = Set<Int>()
        var usedNew = Set<Int>()
        if !explicit.isEmpty {
            var oldIndex: [FileSystem.Identity: Int] = [:]
            var newIndex: [FileSystem.Identity: Int] = [:]
            for (index, report) in old.enumerated() { if let id = report.file.identity { oldIndex[id] = index } }
            for (index, report) in new.enumerated() { if let id = report.file.identity { newIndex[id] = index } }
            for (a, b) in explicit {
                guard let x = oldIndex[a], let y = newIndex[b], !usedOld.contains(x), !usedNew.contains(y) else { continue }
                pairs.append(Pair(old: old[x], new: new[y], how: "pairs.csv"))
                pairedAt.append((x, y))
                usedOld.insert(x)
                usedNew.insert(y)
            }
        }
        let oldFolded = old.map { LabelText.fold($0.agency) }
        let newFolded = new.map { LabelText.fold($0.agency) }
        var byName: [String: [Int]] = [:]
        byName.reserveCapacity(old.count)
        for (index, name) in oldFolded.enumerated() where !name.isEmpty { byName[name, default: []].append(index) }
        func earlier(_ candidate: Identity, _ report: Identity) -> Bool {
            candidate.year == nil || report.year == nil || candidate.year! < report.year!
        }
        func take(_ found: [Int], for index: Int, how: String) {
            let latest = found.max { (old[$0].year ?? 0, old[$1].path) < (old[$1].year ?? 0, old[$0].path) }!
            pairs.append(Pair(old: old[latest], new: new[index], how: how))
            pairedAt.append((latest, index))
            usedOld.insert(latest)
            usedNew.insert(index)
        }
        for index in new.indices where !usedNew.contains(index) && !newFolded[index].isEmpty {
            let found = (byName[newFolded[index]] ?? []).filter { !usedOld.contains($0) && earlier(old[$0], new[index]) }
            if !found.isEmpty { take(found, for: index, how: "机关名称相同") }
        }
        let leftOld = old.indices.filter { !usedOld.contains($0) && !oldFolded[$0].isEmpty }
        for index in new.indices where !usedNew.contains(index) && !newFolded[index].isEmpty {
            let found = leftOld.filter {
                !usedOld.contains($0) && earlier(old[$0], new[index]) && Agency.same(old[$0].agency, new[index].agency)
            }
            guard !found.isEmpty else { continue }
            if found.count > 1 && Set(found.map { old[$0].agency }).count > 1 { continue }  // ambiguous
            take(found, for: index, how: "机关名称相近")
        }
        // The paired reports by folded name, for the reasons of the unpaired: made only when some report
        // is unpaired (hashing a name is costly), from the names folded above.
        var pairedOld: [String: String] = [:]
        var pairedNew: [String: String] = [:]
        if usedOld.count < old.count || usedNew.count < new.count {
            pairedOld.reserveCapacity(pairs.count)
            pairedNew.reserveCapacity(pairs.count)
            for (x, y) in pairedAt {
                pairedOld[oldFolded[x]] = old[x].path
                pairedNew[newFolded[y]] = new[y].path
            }
        }
        var unpaired: [(Identity, String)] = []
        func reason(_ report: Identity, folded: String, otherFolder: String) -> String {
            if report.agency.isEmpty { return "读不到机关名称，无法配对" }
            if let twin = (report.isOld ? pairedOld : pairedNew)[folded] {
                return "同一机关的另一份报告已配对（\(twin)）"
            }
            return "\(otherFolder)文件夹中没有同一机关的报告"
        }
        for index in old.indices where !usedOld.contains(index) {
            unpaired.append((old[index], reason(old[index], folded: oldFolded[index], otherFolder: "新年度")))
        }
        for index in new.indices where !usedNew.contains(index) {
            unpaired.append((new[index], reason(new[index], folded: newFolded[index], otherFolder: "旧年度")))
        }
        // Positions sorted, then the pairs taken in that order: the same order as sorting the pairs
        // themselves (the same comparisons), without moving the large pairs about.
        let paths = pairs.map(\.new.path)
        let order = paths.indices.sorted { paths[$0] < paths[$1] }
        return (order.map { pairs[$0] }, unpaired)
    }

    // MARK: Details

    /// Longest agency part of a details file name, in UTF-8 bytes (a file name may have 255).
    static let detailNameLimit = 150

    /// Gives each pair a details file of its own: `机关_2023-2024.txt`, the agency cut to
    /// `detailNameLimit` bytes; when two names would be one file (also after case folding), each gets
    /// `_` and a short hash of its new report's path, and a number if even that collides.
    static func detailNames(_ pairs: [Pair], folder: String, csv: Bool) -> [Pair] {
        let ext = csv ? ".csv" : ".txt"
        let bases = pairs.map { pair -> String in
            let agency = pair.new.agency.isEmpty ? (pair.old.agency.isEmpty ? "未知机关" : pair.old.agency) : pair.new.agency
            let years = "\(pair.old.year.map(String.init) ?? "x")-\(pair.new.year.map(String.init) ?? "x")"
            return boundedBytes(safeFileName(agency), detailNameLimit) + "_" + years
        }
        var counts: [String: Int] = [:]
        for base in bases { counts[base.lowercased(), default: 0] += 1 }
        var used = Set<String>()
        var result = pairs
        for index in pairs.indices {
            var name = bases[index]
            if counts[name.lowercased()]! > 1 { name += "_" + shortHash(pairs[index].new.path) }
            var candidate = name
            var number = 2
            while !used.insert(candidate.lowercased()).inserted {
                candidate = name + "_\(number)"
                number += 1
            }
            result[index].details = folder + "/" + candidate + ext
        }
        return result
    }

    /// Six hex digits of FNV-1a of `text`: the same file gets the same name on every run.
    static func shortHash(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(hash & 0xFF_FFFF, radix: 16)
        return String(repeating: "0", count: 6 - hex.count) + hex
    }

    /// The longest prefix of whole characters of `text` in at most `limit` UTF-8 bytes.
    static func boundedBytes(_ text: String, _ limit: Int) -> String {
        var bytes = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf8.count
            if bytes + size > limit { break }
            bytes += size
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    // MARK: Comparing

    static func single(_ identity: Identity, status: BatchRow.Status, reason: String) -> BatchRow {
        BatchRow(
            status: status, agency: identity.agency, oldFile: identity.isOld ? identity.path : nil,
            newFile: identity.isOld ? nil : identity.path, oldYear: identity.isOld ? identity.year : nil,
            newYear: identity.isOld ? nil : identity.year, reason: reason, cellsChanged: nil, figures: [], errors: nil,
            warnings: nil, sentencesAdded: nil, sentencesRemoved: nil, sentencesEdited: nil, carried: [:], details: nil)
    }

    static func compare(_ pair: Pair, options: Options) -> BatchRow {
        let diff: ReportDiff
        do {
            diff = ReportComparator.compare(
                try report(pair.old.file), try report(pair.new.file))
        } catch {
            // The file changed between the two readings.
            var row = single(pair.new, status: .unreadable, reason: (error as? GKDiffError)?.reason ?? "\(error)")
            row.oldFile = pair.old.path
            return row
        }
        return row(diff, how: pair.how, details: pair.details, detailsCSV: options.detailsCSV)
    }

    /// The row of a compared pair: `how` it was paired, and the file to write its full comparison to.
    static func row(_ diff: ReportDiff, how: String, details: String?, detailsCSV: Bool) -> BatchRow {
        // Counted in place, by index: `filter`, `changedCells` and even `reduce` would copy the findings
        // and the cells.
        let (errors, warnings) = diff.findingCounts
        var changedCells = 0
        for index in diff.cells.indices {
            let status = diff.cells[index].status
            if status != .unchanged && status != .unreadable { changedCells += 1 }
        }
        let differs = diff.hasDifferences
        let status: BatchRow.Status =
            diff.isIncomplete
            ? .incomplete : errors > 0 ? .errors : warnings > 0 ? .warnings : (differs ? .changed : .same)
        var carried: [SectionKind: Double] = [:]
        for section in diff.sections where [.overview, .problems, .other].contains(section.kind) {
            if let share = section.carriedSentences { carried[section.kind] = share }
        }
        func count(_ status: SentenceStatus) -> Int { diff.sections.reduce(0) { $0 + $1.count(status) } }
        var row = BatchRow(
            status: status, agency: diff.new.agency.isEmpty ? diff.old.agency : diff.new.agency,
            oldFile: diff.old.path, newFile: diff.new.path, oldYear: diff.old.year, newYear: diff.new.year,
            reason: how, cellsChanged: changedCells,
            figures: figures.indices.map { figure(diff, $0) }, errors: errors, warnings: warnings, sentencesAdded: count(.added),
            sentencesRemoved: count(.removed), sentencesEdited: count(.edited) + count(.numbersOnly),
            carried: carried, details: nil)
        row.differs = differs
        // Only the rates are kept: the counts are not computed.
        row.rates = KeyIndicators.compare(old: diff.old, new: diff.new, specs: KeyIndicatorSpec.rates)
        // A table filled last year and left entirely blank this year is more than a change.
        for table in TableKind.allCases where diff.tableBlankedThisYear(table) && !diff.tableNotCompared(table) {
            row.flags.append("\(table.label.split(separator: " ").first ?? "")今年整张留空")
            if row.status > .warnings { row.status = .warnings }
        }
        if let path = details {
            let text =
                detailsCSV
                ? DiffCSVRenderer.render(diff, all: false) : DiffTextRenderer.render(diff, all: false, color: false)
            do {
                try FileWriter.write(text, to: path)
                row.details = path
            } catch {
                let reason = (error as? GKDiffError)?.reason ?? "\(error)"
                row.detailsError = "详情文件 \(path) 未写入：\(reason)"
                row.flags.append(row.detailsError!)
            }
        }
        return row
    }

    /// The cells of each of `figures`, resolved per template edition.
    private static let figureCells = figures.map { ResolvedKeys($0.cells) }

    /// A key figure (by position in `figures`) in both years: the cell, or the sum of its cells when
    /// all are numbers.
    static func figure(_ diff: ReportDiff, _ position: Int) -> (old: Cell?, new: Cell?, change: CellChange?) {
        let figure = figures[position]
        let resolved = figureCells[position]
        func value(_ report: Report) -> Cell {
            // `cell(at:)` is `report[key]` at the key's index.
            let cells = resolved.indices(in: report.edition).map { report.cell(at: $0) }
            if cells.count == 1 { return cells[0] }
            guard cells.allSatisfy({ $0.number != nil }) else { return cells.first { $0.number == nil }! }
            let sum = cells.reduce(Quantity(0)) { $0 + $1.number! }
            return Cell(value: .number(sum), raw: sum.description, line: cells[0].line)
        }
        let a = value(diff.old)
        let b = value(diff.new)
        return (a, b, CellChange(key: figure.cells[0], old: a, new: b))
    }

    /// A name with the characters no file name may hold (on Linux, Windows or a zip) and control
    /// characters replaced by `_`, and no leading dot (a hidden file).
    static func safeFileName(_ name: String) -> String {
        let scalars = name.unicodeScalars.map { scalar -> Unicode.Scalar in
            "/\\:*?\"<>|".unicodeScalars.contains(scalar) || scalar.value < 0x20 || scalar.value == 0x7F ? "_" : scalar
        }
        let dots = scalars.prefix { $0 == "." }.count
        let result = String(repeating: "_", count: dots) + String(String.UnicodeScalarView(scalars.dropFirst(dots)))
        return result.isEmpty ? "_" : result
    }
}

/// `body(0) … body(count-1)` on all cores, results in order.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = Mutex<[T?]>(Array(repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let value = body(index)
        results.withLock { $0[index] = value }
    }
    return results.withLock { $0.map { $0! } }
}

extension String {
    /// Without one pair of surrounding double quotes.
    func trimmingQuotes() -> String {
        guard count >= 2, hasPrefix("\""), hasSuffix("\"") else { return self }
        return String(dropFirst().dropLast())
    }
}
