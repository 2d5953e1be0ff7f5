import Testing

@testable import GKDiffKit

/// The promise of the table reader, tested as a property over every layout: damage one cell of a
/// table — delete it, duplicate it, move it to the next row — or cut the file anywhere in its tables,
/// and no cell may take a value it did not have. Cells of the damaged rows may become `unreadable` or
/// `missing` (with a diagnostic); every other cell keeps its value. The oracle is the undamaged file's
/// own reading, which the layout tests check against values read by eye.
@Suite struct NoShiftPropertyTests {
    /// One file of each layout, with how its table cells can be cut out of a line.
    struct Sample: CustomStringConvertible, Sendable {
        var file: String
        var cells: CellShape
        var description: String { file }
    }

    /// Where a cell is in the text.
    enum CellShape: Sendable {
        /// A cell is a whole line (cell per line).
        case line
        /// A cell is a line and the separator line after it (`|` alone, or a blank line): deleting only
        /// the value would leave two separators, which these layouts read as an empty cell written there.
        case separatedLines
        /// Cells are the fields of a line between separators (tab rows, pipe rows).
        case fields(Character)
        /// Cells are `<td>…</td>` elements.
        case html
    }

    static let samples: [Sample] = [
        Sample(file: "nanguan-zfj-2024.txt", cells: .line),  // cell per line (real seed 000)
        Sample(file: "nanguan-xinchun-2024.txt", cells: .line),  // cell per line, headings without numbers
        Sample(file: "nanguan-zfj-2023.txt", cells: .fields("\t")),  // tab rows, all tables filled
        Sample(file: "huzhu-cgj-2023.txt", cells: .fields("\t")),  // tab rows with the seed's quirks
        Sample(file: "layouts/nanguan-zjj-2024.pipe.txt", cells: .fields("|")),  // Markdown-like pipe rows
        Sample(file: "layouts/nanguan-zjj-2024.trailing-pipe.txt", cells: .separatedLines),  // `cell |`, `|` lines
        Sample(file: "layouts/nanguan-zjj-2024.blank-lines.txt", cells: .separatedLines),  // cells as paragraphs
        Sample(file: "layouts/nanguan-zjj-2024.html", cells: .html),  // HTML with colspan/rowspan
        Sample(file: "layouts/nanguan-zjj-2024.md", cells: .fields("|")),  // Markdown: pipe rows, HTML table 3
        Sample(file: "layouts/nanguan-mzj-2021.txt", cells: .fields("\t")),  // the 2019 template, tab rows
    ]

    static func read(_ text: String, name: String) throws -> Report {
        try ReportParser.parse(DocumentReader.read(Array(text.utf8), path: name), path: name)
    }

    /// Compares a damaged reading with the undamaged one. `window` gives the lines whose rows may be
    /// unreadable or missing now; nil lets any cell be (a cut file loses everything after the cut).
    static func violations(_ damaged: Report, _ original: Report, window: ClosedRange<Int>?) -> [String] {
        var damagedRows: Set<String> = []
        if let window {
            for (index, key) in original.cellKeys.enumerated() {
                if let line = original.cells[index].line, window.contains(line) {
                    damagedRows.insert("\(key.table).\(key.row)")
                }
            }
            // Table 3 is one row of 15 numbers in most layouts: damage to one is damage to that row.
            if damagedRows.contains(where: { $0.hasPrefix("appeals.") }) {
                for key in original.cellKeys where key.table == .appeals { damagedRows.insert("\(key.table).\(key.row)") }
            }
        }
        var found: [String] = []
        for (index, key) in original.cellKeys.enumerated() where index < damaged.cells.count {
            let before = original.cells[index].value
            let after = damaged.cells[index].value
            if after == before { continue }
            let lost = after == .unreadable || after == .missing
            if lost && (window == nil || damagedRows.contains("\(key.table).\(key.row)")) { continue }
            found.append("\(key): \(before.display) → \(after.display)")
        }
        if found.isEmpty, window != nil, damaged.cells.map(\.value) != original.cells.map(\.value),
            !damaged.diagnostics.contains(where: { $0.severity >= .warning })
        {
            found.append("cells lost without a diagnostic")
        }
        return found
    }

    /// The lines of the three table sections (1-based, inclusive).
    static func tableLines(_ report: Report) -> ClosedRange<Int> {
        let tables = report.sections.filter { $0.kind.table != nil }
        return (tables.map(\.line).min() ?? 1)...(tables.map(\.endLine).max() ?? 1)
    }

    /// Every single-cell damage of one line: delete, duplicate, and (for row layouts) move the cell to
    /// the next row. Each is the new text and the lines whose rows it touches.
    static func damages(of lines: [String], at index: Int, shape: CellShape, cellLines: Set<Int>) -> [(
        text: [String], touched: ClosedRange<Int>
    )] {
        let line = index + 1
        var result: [(text: [String], touched: ClosedRange<Int>)] = []
        switch shape {
        case .line, .separatedLines:
            guard !lines[index].allSatisfy({ $0 == " " || $0 == "\t" }) else { return [] }
            var unit = 1
            if case .separatedLines = shape, index + 1 < lines.count,
                lines[index + 1].allSatisfy({ $0 == " " || $0 == "|" })
            {
                unit = 2
            }
            var deleted = lines
            deleted.removeSubrange(index..<index + unit)
            var duplicated = lines
            duplicated.insert(contentsOf: lines[index..<index + unit], at: index)
            // Streams of cells: a row may run over a dozen lines, and a lost label joins its values to
            // the row before.
            let touched = max(1, line - 12)...(line + 12)
            result.append((deleted, touched))
            result.append((duplicated, touched))
        case .fields(let separator):
            let fields = lines[index].split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else { return [] }
            // The next row of the same table: the next line that holds cells, a few lines on at most.
            let next = (index + 1..<min(lines.count, index + 4)).first { cellLines.contains($0 + 1) }
            for field in fields.indices {
                // Value cells only: a number or a not-applicable mark (moving a label is another matter).
                let trimmed = LabelText.trim(Substring(fields[field]))
                guard let reading = CellText.read(trimmed: trimmed), reading.value != .blank else { continue }
                var less = fields
                less.remove(at: field)
                var more = fields
                more.insert(fields[field], at: field)
                var deleted = lines
                deleted[index] = less.joined(separator: String(separator))
                var duplicated = lines
                duplicated[index] = more.joined(separator: String(separator))
                result.append((deleted, line...line))
                result.append((duplicated, line...line))
                if let next {
                    var moved = deleted
                    var target = lines[next].split(separator: separator, omittingEmptySubsequences: false).map(String.init)
                    target.insert(fields[field], at: min(field, target.count))
                    moved[next] = target.joined(separator: String(separator))
                    result.append((moved, line...(next + 1)))
                }
            }
        case .html:
            break  // done on the whole text, see `htmlDamages`
        }
        return result
    }

    /// Every `<td>` of the tables deleted, duplicated, and moved into the next `<tr>`.
    static func htmlDamages(_ text: String) -> [(text: String, touched: ClosedRange<Int>)] {
        let scalars = Array(text.unicodeScalars)
        func find(_ needle: String, from: Int) -> Int? {
            let n = Array(needle.unicodeScalars)
            guard n.count <= scalars.count else { return nil }
            var i = from
            while i + n.count <= scalars.count {
                if scalars[i] == n[0] && Array(scalars[i..<i + n.count]) == n { return i }
                i += 1
            }
            return nil
        }
        func lineOf(_ offset: Int) -> Int { scalars[..<offset].filter { $0 == "\n" }.count + 1 }
        func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
            var out = ""
            out.unicodeScalars.append(contentsOf: s)
            return out
        }
        var result: [(text: String, touched: ClosedRange<Int>)] = []
        var from = 0
        while let start = find("<td", from: from), let close = find("</td>", from: start) {
            let end = close + 5
            from = end
            let cell = scalars[start..<end]
            // Value cells only: a number or a not-applicable mark between the tags.
            guard let open = find(">", from: start), open < close,
                let reading = CellText.read(trimmed: LabelText.trim(Substring(string(scalars[(open + 1)..<close])))),
                reading.value != .blank
            else { continue }
            let line = lineOf(start)
            let before = scalars[..<start]
            let after = scalars[end...]
            result.append((string(before) + string(after), line...line))
            result.append((string(before) + string(cell) + string(cell) + string(after), line...line))
            if let row = find("<tr", from: end), let open = find(">", from: row) {
                let moved =
                    string(before) + string(scalars[end...open]) + string(cell) + string(scalars[(open + 1)...])
                // A cell put before a rowspan cell moves that cell, and so every row it spans: those
                // rows are damaged too (their cells may be unreadable, never another value).
                var reach = lineOf(row) + 6
                if let rowEnd = find("</tr>", from: row), let span = find("rowspan=\"", from: row), span < rowEnd {
                    let digits = scalars[(span + 9)...].prefix { ("0"..."9").contains($0) }
                    reach += Int(string(digits)) ?? 0
                }
                result.append((moved, line...reach))
            }
        }
        return result
    }

    @Test(arguments: samples)
    func damagingOneCellChangesNoOtherCell(sample: Sample) throws {
        let text = try Fixture.text(sample.file)
        let original = try Self.read(text, name: sample.file)
        let tables = Self.tableLines(original)
        var cases = 0
        var failures: [String] = []
        func check(_ damagedText: String, touched: ClosedRange<Int>, what: String) {
            cases += 1
            guard failures.count < 10 else { return }
            do {
                let damaged = try Self.read(damagedText, name: sample.file)
                let found = Self.violations(damaged, original, window: touched)
                if !found.isEmpty { failures.append("\(what): \(found.prefix(4).joined(separator: "; "))") }
            } catch {
                failures.append("\(what): \(error)")
            }
        }
        if case .html = sample.cells {
            for (number, damage) in Self.htmlDamages(text).enumerated() {
                check(damage.text, touched: damage.touched, what: "td damage \(number) near line \(damage.touched)")
            }
        } else {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let cellLines = Set(original.cells.compactMap(\.line))
            for index in lines.indices where tables.contains(index + 1) && cellLines.contains(index + 1) {
                for (number, damage) in Self.damages(of: lines, at: index, shape: sample.cells, cellLines: cellLines)
                    .enumerated()
                {
                    check(
                        damage.text.joined(separator: "\n"), touched: damage.touched, what: "line \(index + 1) damage \(number)")
                }
            }
        }
        #expect(cases > 40, "\(sample): only \(cases) cases")
        #expect(failures.isEmpty, "\(sample) (\(cases) cases): \(failures.joined(separator: "\n"))")
    }

    @Test(arguments: samples)
    func cuttingTheFileInsideATableNeverChangesAValue(sample: Sample) throws {
        let text = try Fixture.text(sample.file)
        let original = try Self.read(text, name: sample.file)
        let bytes = Array(text.utf8)
        // The byte offsets of the table sections' lines.
        let tables = Self.tableLines(original)
        var line = 1
        var start = bytes.count
        var end = bytes.count
        for (offset, byte) in bytes.enumerated() {
            if line == tables.lowerBound && start == bytes.count { start = offset }
            if byte == 0x0A {
                line += 1
                if line > tables.upperBound {
                    end = offset
                    break
                }
            }
        }
        var failures: [String] = []
        var cases = 0
        for cut in start..<end where bytes[cut] & 0xC0 != 0x80 {  // at every character boundary
            cases += 1
            let damaged: Report
            do {
                damaged = try ReportParser.parse(
                    DocumentReader.read(Array(bytes[..<cut]), path: sample.file), path: sample.file)
            } catch {
                continue  // a file cut before anything a report has is refused: nothing is misread
            }
            let found = Self.violations(damaged, original, window: nil)
            if !found.isEmpty { failures.append("cut at byte \(cut): \(found.prefix(4).joined(separator: "; "))") }
            if failures.count >= 10 { break }
        }
        #expect(cases > 400, "\(sample): only \(cases) cuts")
        #expect(failures.isEmpty, "\(sample) (\(cases) cuts): \(failures.joined(separator: "\n"))")
    }
}
