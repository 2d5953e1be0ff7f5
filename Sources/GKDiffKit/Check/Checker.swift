/// A rule of the template's arithmetic (勾稽关系) or a quality check a supervisor makes.
public struct Rule: Sendable, Hashable {
    /// `R1` … `R4`, `X1`, `X2`, `Q1` … `Q5`.
    public let id: String
    /// Chinese name.
    public let name: String
    /// The formula in Chinese.
    public let formula: String
    /// The formula in English.
    public let english: String

    public static let r1 = Rule(
        id: "R1", name: "表二各列收支平衡", formula: "一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理（每一列）",
        english: "new + carried over = results total + carried forward, every column of table 2")
    public static let r2 = Rule(
        id: "R2", name: "表二各行总计", formula: "总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他（每一行）",
        english: "total = the six applicant columns, every row of table 2")
    public static let r3 = Rule(
        id: "R3", name: "表二办理结果合计", formula: "（七）总计 = （一）至（六）的 23 个办理结果行之和（每一列）",
        english: "results total = the 23 result rows, every column of table 2")
    public static let r4 = Rule(
        id: "R4", name: "表三各组总计", formula: "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（行政复议及两类行政诉讼）",
        english: "each total of table 3 = upheld + corrected + other + pending")
    public static let x1 = Rule(
        id: "X1", name: "跨年度结转衔接", formula: "本年 二、上年结转 = 上年报告 四、结转下年度继续办理（每一列）",
        english: "this year's carried over = last year's carried forward, every column")
    public static let x2 = Rule(
        id: "X2", name: "现行有效件数衔接", formula: "本年 现行有效件数 ≈ 上年 现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件）",
        english: "this year's in force ≈ last year's in force + issued − repealed (regulations, normative documents)")
    public static let q1 = Rule(
        id: "Q1", name: "表格留空或缺失", formula: "三张表的单元格应填写数字（0 也要填），表格不应缺失",
        english: "every cell of the three tables is filled (0 included) and no table is missing")
    public static let q2 = Rule(
        id: "Q2", name: "存在的主要问题及改进情况", formula: "第五部分不应为空、只写“无”，或与上年逐字相同",
        english: "section 5 is not empty, not just 无, and not a word-for-word copy of last year's")
    public static let q3 = Rule(
        id: "Q3", name: "年份未随年度更新", formula: "与上年对应的句子中，年份应随报告年度前移",
        english: "a year in a carried-over sentence moves forward with the report year")
    public static let q4 = Rule(
        id: "Q4", name: "数字大幅变化", formula: "上年值 ≥ 10 时，本年值超过上年的 5 倍或不足上年的 0.2 倍",
        english: "a cell with last year ≥ 10 grows more than ×5 or falls below ×0.2")
    public static let q5 = Rule(
        id: "Q5", name: "年度间隔", formula: "跨年度校验只用于相邻两个年度的报告",
        english: "cross-year rules apply to adjacent years only")
    /// Q6: section 五 or 六 missing (a warning).
    public static let q6 = Rule(
        id: "Q6", name: "章节缺失", formula: "报告应有第五部分「存在的主要问题及改进情况」和第六部分「其他需要报告的事项」",
        english: "the report has section 5 (problems and improvements) and section 6 (other matters)")
    /// P1: what could not be read — unreadable cells, rows or tables not found, a cut file (an error).
    public static let p1 = Rule(
        id: "P1", name: "读取不完整", formula: "三张表的每一格都应读到：无法读取的格、没有找到的行或表、被截断的文件都不作比较和校验",
        english: "every table cell was read: unreadable cells, rows or tables not found and truncated files are not compared")

    /// Every rule, in the order the README lists them.
    public static let all: [Rule] = [p1, r1, r2, r3, r4, x1, x2, q1, q2, q3, q4, q5, q6, n1]
}

/// One cell a finding is about.
public struct FindingCell: Sendable {
    public var key: CellKey
    /// The year of the report the cell is from.
    public var year: Int?
    public var cell: Cell
    /// The path of the report the cell is from (set by `Checker`).
    public var file: String = ""
}

/// A rule that does not hold (or cannot be checked), with the cells and the difference.
public struct Finding: Sendable {
    public var rule: Rule
    public var severity: Diagnostic.Severity
    /// The year of the report concerned, nil for a cross-year finding.
    public var year: Int?
    /// True for a finding across the two years.
    public var acrossYears: Bool
    /// A sentence a supervisor understands, with the numbers.
    public var message: String
    /// The cells compared, with values and source lines.
    public var cells: [FindingCell]
    /// Left side minus right side of the rule, when both are numbers.
    public var difference: Quantity?
    /// The source line the finding points at, when there is one.
    public var line: Int?
    /// The path of the report `line` is in: the report checked, or for a finding across the two
    /// years the newer report (its cells name their own files). Set by `Checker`.
    public var file: String = ""
}

extension Finding {
    /// The finding with `file` set, and `file` on each of its cells that does not name one yet.
    func located(in file: String) -> Finding {
        var finding = self
        finding.file = file
        for index in finding.cells.indices where finding.cells[index].file.isEmpty { finding.cells[index].file = file }
        return finding
    }
}

/// Evaluates the rules on one report (R1–R4, Q1) and on two years (X1, X2, Q2–Q5).
public enum Checker {
    /// Findings within one report.
    public static func check(_ report: Report) -> [Finding] {
        var findings: [Finding] = []
        // Counts of sums not checkable, for R1, R2, R3, R4.
        var notCheckable = [0, 0, 0, 0]
        // Cells are reached by index (`CellGrid`, resolved once per edition in `sums`) and only copied
        // into a finding.
        for sum in sums(report.edition) {
            guard let a = total(sum.left, in: report), let b = total(sum.right, in: report) else {
                notCheckable[sum.slot] += 1
                continue
            }
            guard a != b else { continue }
            // Every index is a cell of the template here (a number was read from it).
            let cells = (sum.left + sum.right).map {
                FindingCell(key: report.edition.cellKeys[$0], year: report.year, cell: report.cells[$0])
            }
            findings.append(
                Finding(
                    rule: sum.rule, severity: .error, year: report.year, acrossYears: false,
                    message: "\(sum.label())：左边 \(a)，右边 \(b)，相差 \(a - b)", cells: cells, difference: a - b,
                    line: report.cells[sum.left[sum.left.startIndex]].line))
        }
        for (slot, rule) in [Rule.r1, .r2, .r3, .r4].enumerated() where notCheckable[slot] > 0 {
            findings.append(
                Finding(
                    rule: rule, severity: .note, year: report.year, acrossYears: false,
                    message: "\(rule.id) 有 \(notCheckable[slot]) 处无法校验：所涉单元格留空、不适用或缺失", cells: [], difference: nil,
                    line: nil))
        }
        findings += quality(report)
        findings += NarrativeNumbers.findings(report)
        return (ReadProblems.findings(report) + findings).map { $0.located(in: report.path) }
    }

    /// One sum of R1–R4 in a template edition: the cells of each side (indices of `Report.cells`, -1
    /// where the template has no such cell) and the label of its finding (written only for a finding).
    struct SumCheck: Sendable {
        let rule: Rule
        /// 0 … 3 for R1 … R4: where a sum not checkable is counted.
        let slot: Int
        /// Slices of one array of all the edition's sums' indices (no array of its own per side).
        let left: ArraySlice<Int>
        let right: ArraySlice<Int>
        /// The edition, and the position of the column (R1, R3) or row (R2, R4) the sum is about:
        /// its label is written from them only for a finding, with no closure made per sum.
        let edition: TemplateEdition
        let position: Int
        /// R3: how many result rows are summed.
        let count: Int

        /// The label of the sum's finding.
        func label() -> String {
            let requests = edition.table(.requests)
            switch rule {
            case .r1: return "表二「\(requests.columns[position].label)」列 一+二 应等于 （七）总计+四"
            case .r3: return "表二「\(requests.columns[position].label)」列 （七）总计 应等于 \(count) 个办理结果行之和"
            case .r2: return "表二「\(requests.rows[position].fullLabel)」行 总计 应等于 六类申请人之和"
            default:
                return "表三「\(edition.table(.appeals).rows[position].label)」总计 应等于 维持+纠正+其他+尚未审结"
            }
        }
    }

    /// The sums of R1–R4 of an edition, in the order their findings are made: R1 and R3 for each
    /// column of table 2, R2 for each of its rows, R4 for each row of table 3. Made once per edition.
    static func sums(_ edition: TemplateEdition) -> [SumCheck] {
        switch edition {
        case .y2019: return sums2019
        case .y2021: return sums2021
        }
    }

    private static let sums2019 = makeSums(.y2019)
    private static let sums2021 = makeSums(.y2021)

    private static func makeSums(_ edition: TemplateEdition) -> [SumCheck] {
        let requests = CellGrid.of(edition, .requests)
        let appeals = CellGrid.of(edition, .appeals)
        let rows = requests.table.rows
        let columns = requests.table.columns
        // The result rows （一）…（六） that （七）总计 sums, and the applicant columns 总计 sums, as positions.
        var results: [Int] = []
        for (position, row) in rows.enumerated() where row.group != nil && row.key != RequestsRow.resultsTotal.rawValue {
            results.append(position)
        }
        let applicants = max(columns.count - 1, 0)
        let count = results.count
        let appealsRows = appeals.table.rows.count
        // Every side's indices one after another in one array, each sum keeping where its sides are:
        // two allocations for all the sums rather than two per sum.
        var flat: [Int] = []
        flat.reserveCapacity(
            columns.count * (4 + 1 + count) + rows.count * (1 + applicants) + appealsRows * 5)
        var bounds: [Int] = []  // for each sum: left start, right start, right end
        let sumCount = columns.count * 2 + rows.count + appealsRows
        bounds.reserveCapacity(sumCount * 3)
        var kinds: [Int] = []  // for each sum: its slot (0 … 3 for R1 … R4) and position
        kinds.reserveCapacity(sumCount * 2)
        func start(_ slot: Int, _ position: Int) {
            kinds.append(slot)
            kinds.append(position)
            bounds.append(flat.count)
        }
        func middle() { bounds.append(flat.count) }
        func end() { bounds.append(flat.count) }
        let new = requests.row(RequestsRow.new.rawValue) ?? -1
        let carriedOver = requests.row(RequestsRow.carriedOver.rawValue) ?? -1
        let resultsTotal = requests.row(RequestsRow.resultsTotal.rawValue) ?? -1
        let carriedForward = requests.row(RequestsRow.carriedForward.rawValue) ?? -1
        func index(_ row: Int, _ column: Int) -> Int { row < 0 ? -1 : requests.index(row, column) }
        for c in columns.indices {
            start(0, c)
            flat.append(index(new, c))
            flat.append(index(carriedOver, c))
            middle()
            flat.append(index(resultsTotal, c))
            flat.append(index(carriedForward, c))
            end()
            start(2, c)
            flat.append(index(resultsTotal, c))
            middle()
            for row in results { flat.append(index(row, c)) }
            end()
        }
        // Column positions found once, not once a row.
        let total = requests.column(ApplicantColumn.total.rawValue)
        for r in rows.indices {
            start(1, r)
            flat.append(requests.index(r, column: total))
            middle()
            for column in 0..<applicants { flat.append(requests.index(r, column)) }
            end()
        }
        let appealsTotal = appeals.column(AppealsColumn.total.rawValue)
        let upheld = appeals.column(AppealsColumn.upheld.rawValue)
        let corrected = appeals.column(AppealsColumn.corrected.rawValue)
        let other = appeals.column(AppealsColumn.other.rawValue)
        let pending = appeals.column(AppealsColumn.pending.rawValue)
        for r in appeals.table.rows.indices {
            start(3, r)
            flat.append(appeals.index(r, column: appealsTotal))
            middle()
            flat.append(appeals.index(r, column: upheld))
            flat.append(appeals.index(r, column: corrected))
            flat.append(appeals.index(r, column: other))
            flat.append(appeals.index(r, column: pending))
            end()
        }
        let rules: [Rule] = [.r1, .r2, .r3, .r4]
        var sums: [SumCheck] = []
        sums.reserveCapacity(sumCount)
        for number in 0..<kinds.count / 2 {
            let slot = kinds[2 * number]
            let bound = 3 * number
            sums.append(
                SumCheck(
                    rule: rules[slot], slot: slot, left: flat[bounds[bound]..<bounds[bound + 1]],
                    right: flat[bounds[bound + 1]..<bounds[bound + 2]], edition: edition,
                    position: kinds[2 * number + 1], count: count))
        }
        return sums
    }

    /// Each table's short name (`表二`), for Q1's message.
    private static let shortNames: [TableKind: String] = Dictionary(
        uniqueKeysWithValues: TableKind.allCases.map { table in
            (table, table.label.split(separator: " ").first.map(String.init) ?? table.label)
        })

    /// Blank and missing tables (Q1).
    static func quality(_ report: Report) -> [Finding] {
        var findings: [Finding] = []
        for table in TableKind.allCases {
            let first = report.edition.firstIndex(of: table)
            let count = report.edition.table(table).cellCount
            guard first + count <= report.cells.count else { continue }
            var blank = 0
            var missing = 0
            // By index: the cells are not copied.
            for index in first..<first + count {
                switch report.cells[index].value {
                case .blank: blank += 1
                case .missing: missing += 1
                default: break
                }
            }
            // A table not found (all missing) is rule P1's, an error: not said again here.
            if missing < count && blank > 0 {
                let cells = report.cells[first..<first + count]
                let name = shortNames[table]!
                let whole = blank == count ? "（整张表未填写）" : ""
                findings.append(
                    Finding(
                        rule: .q1, severity: .warning, year: report.year, acrossYears: false,
                        message: "\(name)留空 \(blank) 处\(whole)：空白不等于 0，应填写数字", cells: [], difference: nil,
                        line: cells.first { $0.value == .blank }?.line))
            }
        }
        // Q6: the two prose sections the template requires after the tables. A file cut short says so
        // under P1 instead.
        if !report.diagnostics.contains(where: { $0.message.hasPrefix("文本在第") }) {
            for kind in [SectionKind.problems, .other] where report.section(kind) == nil {
                findings.append(
                    Finding(
                        rule: .q6, severity: .warning, year: report.year, acrossYears: false,
                        message: "没有找到第\(kind.numeral)部分「\(kind.title)」：年度报告应有这一部分", cells: [], difference: nil,
                        line: nil))
            }
        }
        if let problems = report.section(.problems), foldsToAtMostTwoScalars(problems.paragraphs) {
            let text = LabelText.fold(problems.text)
            if text.isEmpty || text == "无" || text == "无。" {
                findings.append(
                    Finding(
                        rule: .q2, severity: .warning, year: report.year, acrossYears: false,
                        message: "第五部分「存在的主要问题及改进情况」\(text.isEmpty ? "为空" : "只写了“无”")", cells: [],
                        difference: nil, line: problems.line))
            }
        }
        return findings
    }

    /// False when `LabelText.fold(section.text)` has more than two scalars (then it is neither empty
    /// nor `无` nor `无。`), seen on the first scalars: fold maps scalar by scalar, so the fold of a
    /// paragraph's head is the head of its fold, and the newlines between paragraphs fold away.
    static func foldsToAtMostTwoScalars(_ paragraphs: [Paragraph]) -> Bool {
        var count = 0
        for paragraph in paragraphs {
            let head = Substring(paragraph.text.unicodeScalars.prefix(16))
            var folded = Sentences.scalarCount(LabelText.fold(head))
            if folded <= 2 && head.utf8.count < paragraph.text.utf8.count {
                folded = Sentences.scalarCount(LabelText.fold(paragraph.text))
            }
            count += folded
            if count > 2 { return false }
        }
        return true
    }

    /// Findings across the two years of a comparison (X1, X2, Q2 copied, Q3, Q4, Q5), each located in
    /// the newer report (its cells of the older report name that one).
    public static func checkAcross(_ diff: ReportDiff) -> [Finding] {
        across(diff).map { $0.located(in: diff.new.path) }
    }

    static func across(_ diff: ReportDiff) -> [Finding] {
        var findings: [Finding] = []
        let old = diff.old
        let new = diff.new
        guard let a = old.year, let b = new.year, b - a == 1 else {
            let gap = (old.year != nil && new.year != nil) ? "相隔 \(new.year! - old.year!) 年" : "年度不明"
            findings.append(
                Finding(
                    rule: .q5, severity: .note, year: nil, acrossYears: true,
                    message: "两份报告\(gap)，不是相邻年度：不做跨年度校验（X1、X2）", cells: [], difference: nil, line: nil))
            return findings + acrossNarrative(diff) + jumps(diff)
        }
        // X1: this year's carried over = last year's carried forward.
        var uncheckedX1 = 0
        let thisIndices = carriedOver.indices(in: new.edition)
        let lastIndices = carriedForward.indices(in: old.edition)
        for (c, column) in Template.table(.requests).columns.enumerated() {
            let thisKey = carriedOver.keys[c]
            let lastKey = carriedForward.keys[c]
            // `cell(at:)` with a resolved index is `cell(for:)` of the key.
            guard let x = new.number(at: thisIndices[c]), let y = old.number(at: lastIndices[c]) else {
                uncheckedX1 += 1
                continue
            }
            if x != y {
                findings.append(
                    Finding(
                        rule: .x1, severity: .error, year: nil, acrossYears: true,
                        message: "「\(column.label)」列：\(b)年 二、上年结转 \(x)，\(a)年 四、结转下年度继续办理 \(y)，相差 \(x - y)",
                        cells: [
                            FindingCell(key: thisKey, year: b, cell: new.cell(at: thisIndices[c]), file: new.path),
                            FindingCell(key: lastKey, year: a, cell: old.cell(at: lastIndices[c]), file: old.path),
                        ],
                        difference: x - y, line: new.cell(at: thisIndices[c]).line))
            }
        }
        if uncheckedX1 > 0 {
            findings.append(
                Finding(
                    rule: .x1, severity: .note, year: nil, acrossYears: true,
                    message: "X1 有 \(uncheckedX1) 列无法校验：所涉单元格留空、不适用或缺失", cells: [], difference: nil, line: nil))
        }
        // X2: in force carries over with this year's issued and repealed.
        for row in [ProactiveRow.regulations, .normativeDocuments] {
            func key(_ column: ProactiveColumn) -> CellKey { .proactive(row, column) }
            guard let now = new.cell(for: key(.inForce)).number, let before = old.cell(for: key(.inForce)).number,
                let issued = new.cell(for: key(.issued)).number, let repealed = new.cell(for: key(.repealed)).number
            else { continue }
            let expected = before + issued - repealed
            if now != expected {
                let label = Template.table(.proactive).row(row.rawValue)!.label
                findings.append(
                    Finding(
                        rule: .x2, severity: .warning, year: nil, acrossYears: true,
                        message:
                            "\(label)：\(b)年现行有效 \(now)，按 \(a)年 \(before) + 制发 \(issued) − 废止 \(repealed) 应为 \(expected)，相差 \(now - expected)",
                        cells: [
                            FindingCell(key: key(.inForce), year: b, cell: new.cell(for: key(.inForce))),
                            FindingCell(key: key(.inForce), year: a, cell: old.cell(for: key(.inForce)), file: old.path),
                            FindingCell(key: key(.issued), year: b, cell: new.cell(for: key(.issued))),
                            FindingCell(key: key(.repealed), year: b, cell: new.cell(for: key(.repealed))),
                        ],
                        difference: now - expected, line: new.cell(for: key(.inForce)).line))
            }
        }
        return findings + acrossNarrative(diff) + jumps(diff)
    }

    /// Table 2's 二、上年结转 and 四、结转下年度继续办理 in each of its columns (X1), resolved per edition.
    private static let carriedOver = ResolvedKeys(
        Template.table(.requests).columns.map {
            CellKey(table: .requests, row: RequestsRow.carriedOver.rawValue, column: $0.key)
        })
    private static let carriedForward = ResolvedKeys(
        Template.table(.requests).columns.map {
            CellKey(table: .requests, row: RequestsRow.carriedForward.rawValue, column: $0.key)
        })

    /// Whether a section's text does not fold to `无`: true for no section (its text is empty). Seen on
    /// the first scalars when it folds to more than two (`foldsToAtMostTwoScalars`), folded whole only
    /// otherwise.
    static func foldsToOtherThanNone(_ section: Section?) -> Bool {
        guard let section else { return true }
        if !foldsToAtMostTwoScalars(section.paragraphs) { return true }
        return LabelText.fold(section.text) != "无"
    }

    /// Q2 (section 五 copied from last year) and Q3 (a year that did not move forward).
    static func acrossNarrative(_ diff: ReportDiff) -> [Finding] {
        var findings: [Finding] = []
        if let problems = diff.sections.first(where: { $0.kind == .problems }), problems.oldTitle != nil,
            let carried = carriedCharacters(problems), carried >= 0.9,
            foldsToOtherThanNone(diff.new.section(.problems))
        {
            let same = problems.sentences.allSatisfy { $0.status == .unchanged }
            let how = same ? "逐字相同（年份除外）" : "基本相同（\(DiffTextRenderer.percent(carried)) 的文字沿用上年）"
            findings.append(
                Finding(
                    rule: .q2, severity: .warning, year: diff.new.year, acrossYears: true,
                    message: "第五部分「存在的主要问题及改进情况」与上年报告\(how)", cells: [], difference: nil,
                    line: problems.newLine))
        }
        // Q3: a sentence carried over into this year's report still says last year's year where last
        // year's report meant its own year. Only for one agency in adjacent years.
        if !diff.agenciesDiffer, let a = diff.old.year, let b = diff.new.year, b - a == 1 {
            // By index: only the sentences with a kept year are copied.
            for s in diff.sections.indices {
                for c in diff.sections[s].sentences.indices where diff.sections[s].sentences[c].keptYears.contains(a) {
                    guard let new = diff.sections[s].sentences[c].new else { continue }
                    let preview = new.text.unicodeScalars.count > 40 ? "\(new.text.prefix(40))…" : new.text
                    findings.append(
                        Finding(
                            rule: .q3, severity: .warning, year: b, acrossYears: true,
                            message: "本年报告沿用上年的句子，其中「\(a)」仍是上年报告的年份，没有随报告年度更新为 \(b)：\(preview)",
                            cells: [], difference: nil, line: new.line))
                }
            }
        }
        return findings
    }

    /// Share (0…1) of this year's characters in a section that stand in last year's too: whole
    /// sentences carried over and the unchanged pieces of edited ones. Nil when this year has no text.
    static func carriedCharacters(_ section: SectionDiff) -> Double? {
        var total = 0
        var carried = 0
        for change in section.sentences {
            guard let new = change.new else { continue }
            // Both counts as the comparison kept them: no sentence text or pieces made.
            let length = new.scalarCount
            total += length
            switch change.status {
            case .unchanged: carried += length
            case .edited, .numbersOnly: carried += change.sharedScalars
            case .added, .removed: break
            }
        }
        return total == 0 ? nil : Double(carried) / Double(total)
    }

    /// Q4: cells that grew more than five-fold or fell below a fifth, from a base of at least 10.
    static func jumps(_ diff: ReportDiff) -> [Finding] {
        var findings: [Finding] = []
        for index in diff.cells.indices {
            // Only a number that grew or fell can have jumped (an unchanged one, or one from 0, cannot).
            // Decided by index before the change is copied.
            let status = diff.cells[index].status
            guard status == .increased || status == .decreased else { continue }
            let change = diff.cells[index]
            guard let a = change.old.number, let b = change.new.number, a >= 10 else { continue }
            if b > a * 5 || b * 5 < a {
                findings.append(
                    Finding(
                        rule: .q4, severity: .warning, year: nil, acrossYears: true,
                        message:
                            "\(change.key.table.label)「\(change.key.rowSpec.fullLabel)」「\(change.key.columnSpec.label)」从 \(a) 变为 \(b)，\(b > a ? "超过 5 倍" : "不足 0.2 倍")，值得核实",
                        cells: [
                            FindingCell(key: change.key, year: diff.old.year, cell: change.old, file: diff.old.path),
                            FindingCell(key: change.key, year: diff.new.year, cell: change.new),
                        ],
                        difference: b - a, line: change.new.line))
            }
        }
        return findings
    }

    /// Sum of the cells at indices of `report.cells`, nil when any is not a number (or not a cell).
    private static func total(_ indices: ArraySlice<Int>, in report: Report) -> Quantity? {
        var sum = Quantity(0)
        for index in indices {
            guard let number = report.number(at: index) else { return nil }
            sum += number
        }
        return sum
    }
}
