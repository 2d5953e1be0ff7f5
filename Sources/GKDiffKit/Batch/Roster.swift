/// The agencies expected to report (`--roster 名单.csv`): a name per line, then optional aliases in the
/// following columns; a first line whose first field is a header word (`机关`, `名称`, `agency`, …) is
/// skipped.
public struct Roster: Sendable {
    /// One agency on the roster.
    public struct Entry: Sendable {
        /// The name as the roster writes it.
        public var name: String
        /// Other names it reports under.
        public var aliases: [String]
        /// Name and aliases, folded once.
        var folded: [String]

        /// True when `agency` is this entry's name or an alias, or looks like one agency with it
        /// (`Agency.same`).
        func matches(_ agency: String) -> Bool {
            guard !agency.isEmpty else { return false }
            let name = LabelText.fold(agency)
            if folded.contains(name) { return true }
            return ([self.name] + aliases).contains { Agency.same($0, agency) }
        }
    }

    /// The entries in roster order.
    public var entries: [Entry]

    /// Header words a roster's first line may start with.
    static let headerWords: Set<String> = ["机关", "机关名称", "名称", "单位", "单位名称", "agency", "name"]

    /// Reads a roster file (any encoding gkdiff reads text in).
    /// - Throws: `GKDiffError` when it cannot be read or names no agency.
    static func read(_ path: String) throws -> Roster {
        let roster = parse(try SourceText.read(path: path).text)
        if roster.entries.isEmpty { throw GKDiffError(path: path, reason: "名单中没有机关名称") }
        return roster
    }

    /// The roster in `text`.
    static func parse(_ text: String) -> Roster {
        var entries: [Entry] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { String(LabelText.trim($0)).trimmingQuotes() }
                .filter { !$0.isEmpty }
            guard let name = fields.first else { continue }
            if index == 0 && headerWords.contains(name.lowercased()) { continue }
            let aliases = Array(fields.dropFirst())
            entries.append(Entry(name: name, aliases: aliases, folded: ([name] + aliases).map { LabelText.fold($0) }))
        }
        return Roster(entries: entries)
    }

    /// True when some entry matches `agency`.
    func contains(_ agency: String) -> Bool { entries.contains { $0.matches(agency) } }

    /// The entries no agency in `reported` matches. O(entries × reported) only for names that are not
    /// equal after folding.
    func missing(from reported: [String]) -> [Entry] {
        let exact = Set(reported.map { LabelText.fold($0) })
        return entries.filter { entry in
            !entry.folded.contains(where: exact.contains) && !reported.contains(where: entry.matches)
        }
    }
}
