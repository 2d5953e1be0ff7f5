import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One row of the batch summary: a compared pair, an unpaired report or an unreadable file.
public struct BatchRow: Sendable {
    /// `ok`, `changed`, `findings`, `incomplete`, `unpaired`, `unreadable`.
    public enum Status: String, Sendable {
        /// `incomplete`: a pair where either report was not read completely (rule P1), worse than
        /// `changed` and `findings`, since neither its changes nor its arithmetic can be trusted.
        case ok, changed, findings, incomplete, unpaired, unreadable

        /// Chinese word for people.
        public var label: String {
            switch self {
            case .ok: return "无变化"
            case .changed: return "有变化"
            case .findings: return "勾稽有误"
            case .incomplete: return "读取不完整"
            case .unpaired: return "未配对"
            case .unreadable: return "无法读取"
            }
        }
    }

    public var status: Status
    public var agency: String
    public var oldFile: String?
    public var newFile: String?
    public var oldYear: Int?
    public var newYear: Int?
    /// Why a file is unpaired or unreadable; how a pair was made (`名称`, `pairs.csv`).
    public var reason: String
    public var cellsChanged: Int?
    /// The key figures, in `Batch.figures` order: (old, new, change).
    public var figures: [(old: Cell?, new: Cell?, change: CellChange?)]
    public var errors: Int?
    public var warnings: Int?
    public var sentencesAdded: Int?
    public var sentencesRemoved: Int?
    public var sentencesEdited: Int?
    /// Carried-over share of this year's sentences for 一、五、六 (nil when the section has no text).
    public var carried: [SectionKind: Double]
    /// The file the full comparison was written to (`--details`).
    public var details: String?
}

/// A key figure of the batch summary: a cell, or the sum of several cells.
public struct BatchFigure: Sendable {
    public let key: String
    public let label: String
    public let cells: [CellKey]
}

/// Batch review: every report in two folders, paired by agency, each pair compared.
public enum Batch {
    /// 本年新收 总计, 予以公开 总计, （七）总计, 行政许可, 行政处罚, 行政复议 总计, 行政诉讼 总计.
    public static let figures: [BatchFigure] = [
        BatchFigure(key: "requests_new", label: "本年新收", cells: [CellKey(table: .requests, row: "new", column: "total")]),
        BatchFigure(key: "granted", label: "予以公开", cells: [CellKey(table: .requests, row: "granted", column: "total")]),
        BatchFigure(
            key: "results_total", label: "办理结果总计", cells: [CellKey(table: .requests, row: "results_total", column: "total")]),
        BatchFigure(key: "licensing", label: "行政许可", cells: [CellKey(table: .proactive, row: "licensing", column: "decisions")]),
        BatchFigure(key: "penalties", label: "行政处罚", cells: [CellKey(table: .proactive, row: "penalties", column: "decisions")]),
        BatchFigure(key: "review", label: "行政复议", cells: [CellKey(table: .appeals, row: "review", column: "total")]),
        BatchFigure(
            key: "litigation", label: "行政诉讼",
            cells: [
                CellKey(table: .appeals, row: "litigation_direct", column: "total"),
                CellKey(table: .appeals, row: "litigation_after_review", column: "total"),
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

        public init(oldFolder: String, newFolder: String, pairsFile: String? = nil, detailsFolder: String? = nil) {
            self.oldFolder = oldFolder
            self.newFolder = newFolder
            self.pairsFile = pairsFile
            self.detailsFolder = detailsFolder
        }
    }

    /// Reads both folders, pairs the reports and compares each pair on all cores.
    /// `progress` is called after each pair (`[37/120] 南关区执法局`).
    /// - Throws: `GKDiffError` when a folder or the pairs file cannot be read.
    public static func run(_ options: Options, progress: (@Sendable (String) -> Void)? = nil) throws -> [BatchRow] {
        let oldFiles = try files(in: options.oldFolder).filter { $0 != options.pairsFile }
        let newFiles = try files(in: options.newFolder).filter { $0 != options.pairsFile }
        let explicit = try options.pairsFile.map { try readPairs($0, options: options) } ?? []

        // Phase 1: who is who (agency and year only; the reports are dropped so memory stays flat).
        let all = oldFiles + newFiles
        let oldCount = oldFiles.count
        let identities = parallelMap(all.count) { index -> Identity in
            let isOld = index < oldCount
            do {
                let (agency, year) = try ReportParser.identify(DocumentReader.read(path: all[index]), path: all[index])
                return Identity(path: all[index], isOld: isOld, agency: agency, year: year, error: nil)
            } catch let error as GKDiffError {
                return Identity(path: all[index], isOld: isOld, agency: "", year: nil, error: error.reason)
            } catch {
                return Identity(path: all[index], isOld: isOld, agency: "", year: nil, error: "\(error)")
            }
        }
        let old = Array(identities[..<oldFiles.count])
        let new = Array(identities[oldFiles.count...])
        var rows: [BatchRow] = []
        for identity in identities where identity.error != nil {
            rows.append(single(identity, status: .unreadable, reason: identity.error!))
        }
        let (pairs, unpaired) = match(
            old: old.filter { $0.error == nil }, new: new.filter { $0.error == nil }, explicit: explicit)
        for (identity, reason) in unpaired { rows.append(single(identity, status: .unpaired, reason: reason)) }

        // Phase 2: compare each pair, keeping only its summary row.
        let done = Mutex(0)
        let compared = parallelMap(pairs.count) { index -> BatchRow in
            let row = compare(pairs[index], options: options)
            if let progress {
                let count = done.withLock { value -> Int in
                    value += 1
                    return value
                }
                progress("[\(count)/\(pairs.count)] \(row.agency)")
            }
            return row
        }
        rows = compared + rows
        return rows
    }

    /// Exit status of a batch: 2 when a file could not be read, 1 when a pair differs, has an error
    /// finding or was not read completely.
    public static func status(_ rows: [BatchRow]) -> ExitStatus {
        if rows.contains(where: { $0.status == .unreadable }) { return .trouble }
        if rows.contains(where: { [.changed, .findings, .incomplete].contains($0.status) }) { return .different }
        return .same
    }

    // MARK: Files

    struct Identity: Sendable {
        var path: String
        /// True for a file of the old (last year's) folder.
        var isOld: Bool
        var agency: String
        var year: Int?
        var error: String?
    }

    struct Pair: Sendable {
        var old: Identity
        var new: Identity
        var how: String
    }

    /// Every regular file below a folder, sorted; symbolic links to folders are not followed.
    static func files(in folder: String) throws -> [String] {
        var info = stat()
        guard stat(folder, &info) == 0 else { throw GKDiffError.missing(folder) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw GKDiffError(path: folder, reason: "不是文件夹（--batch 需要两个文件夹：旧年度 新年度）")
        }
        var result: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            guard let directory = opendir(current) else {
                throw GKDiffError.unreadable(current, String(cString: strerror(errno)))
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                var entryInfo = stat()
                guard lstat(path, &entryInfo) == 0 else { continue }
                switch entryInfo.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFLNK:
                    if stat(path, &entryInfo) == 0 && (entryInfo.st_mode & S_IFMT) == S_IFREG { result.append(path) }
                default: result.append(path)
                }
            }
        }
        return result.sorted()
    }

    /// `old_file,new_file` lines (an optional header line); paths relative to the old and new folders.
    static func readPairs(_ path: String, options: Options) throws -> [(String, String)] {
        let text = try SourceText.read(path: path).text
        var pairs: [(String, String)] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                String(LabelText.trim($0)).trimmingQuotes()
            }
            if index == 0 && fields.first == "old_file" { continue }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw GKDiffError(path: path, reason: "第 \(index + 1) 行应为「旧文件,新文件」两列")
            }
            pairs.append((resolve(fields[0], in: options.oldFolder), resolve(fields[1], in: options.newFolder)))
        }
        return pairs
    }

    private static func resolve(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") ? path : (folder.hasSuffix("/") ? folder + path : folder + "/" + path)
    }

    // MARK: Matching

    /// Pairs: explicit ones first, then equal agency names, then names that `Agency.same` accepts when
    /// exactly one candidate does. Several old reports of one agency: the latest year before the new one.
    static func match(old: [Identity], new: [Identity], explicit: [(String, String)])
        -> (pairs: [Pair], unpaired: [(Identity, String)])
    {
        var pairs: [Pair] = []
        var usedOld = Set<String>()
        var usedNew = Set<String>()
        for (a, b) in explicit {
            if let x = old.first(where: { $0.path == a }), let y = new.first(where: { $0.path == b }) {
                pairs.append(Pair(old: x, new: y, how: "pairs.csv"))
                usedOld.insert(a)
                usedNew.insert(b)
            }
        }
        func candidates(for report: Identity, exact: Bool) -> [Identity] {
            old.filter { candidate in
                !usedOld.contains(candidate.path) && !candidate.agency.isEmpty
                    && (exact
                        ? LabelText.fold(candidate.agency) == LabelText.fold(report.agency)
                        : Agency.same(candidate.agency, report.agency))
                    && (candidate.year == nil || report.year == nil || candidate.year! < report.year!)
            }
        }
        for exact in [true, false] {
            for report in new where !usedNew.contains(report.path) && !report.agency.isEmpty {
                let found = candidates(for: report, exact: exact)
                guard !found.isEmpty else { continue }
                let latest = found.max { ($0.year ?? 0, $1.path) < ($1.year ?? 0, $0.path) }!
                if !exact && found.count > 1 && Set(found.map(\.agency)).count > 1 { continue }  // ambiguous
                pairs.append(Pair(old: latest, new: report, how: exact ? "机关名称相同" : "机关名称相近"))
                usedOld.insert(latest.path)
                usedNew.insert(report.path)
            }
        }
        var unpaired: [(Identity, String)] = []
        func reason(_ report: Identity, otherFolder: String) -> String {
            if report.agency.isEmpty { return "读不到机关名称，无法配对" }
            let twin = pairs.first {
                let paired = report.isOld ? $0.old : $0.new
                return LabelText.fold(paired.agency) == LabelText.fold(report.agency)
            }
            if let twin { return "同一机关的另一份报告已配对（\(report.isOld ? twin.old.path : twin.new.path)）" }
            return "\(otherFolder)文件夹中没有同一机关的报告"
        }
        for report in old where !usedOld.contains(report.path) { unpaired.append((report, reason(report, otherFolder: "新年度"))) }
        for report in new where !usedNew.contains(report.path) { unpaired.append((report, reason(report, otherFolder: "旧年度"))) }
        return (pairs.sorted { $0.new.path < $1.new.path }, unpaired)
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
                try ReportParser.read(path: pair.old.path), try ReportParser.read(path: pair.new.path))
        } catch {
            // The file changed between the two readings.
            var row = single(pair.new, status: .unreadable, reason: "\(error)")
            row.newFile = pair.new.path
            return row
        }
        let errors = diff.findings.filter { $0.severity == .error }.count
        let status: BatchRow.Status =
            diff.isIncomplete ? .incomplete : errors > 0 ? .findings : (diff.hasDifferences ? .changed : .ok)
        var carried: [SectionKind: Double] = [:]
        for section in diff.sections where [.overview, .problems, .other].contains(section.kind) {
            if let share = section.carriedSentences { carried[section.kind] = share }
        }
        func count(_ status: SentenceStatus) -> Int { diff.sections.reduce(0) { $0 + $1.count(status) } }
        var row = BatchRow(
            status: status, agency: diff.new.agency.isEmpty ? diff.old.agency : diff.new.agency,
            oldFile: diff.old.path, newFile: diff.new.path, oldYear: diff.old.year, newYear: diff.new.year,
            reason: pair.how, cellsChanged: diff.changedCells.count,
            figures: figures.map { figure(diff, $0) }, errors: errors,
            warnings: diff.findings.filter { $0.severity == .warning }.count, sentencesAdded: count(.added),
            sentencesRemoved: count(.removed), sentencesEdited: count(.edited) + count(.numbersOnly),
            carried: carried, details: nil)
        if let folder = options.detailsFolder {
            let name =
                "\(row.agency.isEmpty ? "未知机关" : row.agency)_\(row.oldYear.map(String.init) ?? "x")-\(row.newYear.map(String.init) ?? "x")"
            let path = folder + "/" + safeFileName(name) + (options.detailsCSV ? ".csv" : ".txt")
            let text =
                options.detailsCSV
                ? DiffCSVRenderer.render(diff, all: false) : DiffTextRenderer.render(diff, all: false, color: false)
            if (try? FileWriter.write(text, to: path)) != nil { row.details = path }
        }
        return row
    }

    /// A key figure in both years: the cell, or the sum of its cells when all are numbers.
    static func figure(_ diff: ReportDiff, _ figure: BatchFigure) -> (old: Cell?, new: Cell?, change: CellChange?) {
        func value(_ report: Report) -> Cell {
            let cells = figure.cells.map { report[$0] }
            if cells.count == 1 { return cells[0] }
            guard cells.allSatisfy({ $0.number != nil }) else { return cells.first { $0.number == nil }! }
            let sum = cells.reduce(Decimal(0)) { $0 + $1.number! }
            return Cell(value: .number(sum), raw: sum.description, line: cells[0].line)
        }
        let a = value(diff.old)
        let b = value(diff.new)
        return (a, b, CellChange(key: figure.cells[0], old: a, new: b))
    }

    static func safeFileName(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { "/\\:*?\"<>|".unicodeScalars.contains($0) ? "_" : $0 }))
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
