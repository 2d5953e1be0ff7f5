import Testing

@testable import GKDiffKit

/// Damage to the word boxes of table 2 in `Fixtures/pdf/nanguan-zjj-2024.tsv` (values left-aligned at
/// x 403.7, 430.1, 448.9, 467.8, 498.8, 529.9, 548.7 on page 3): a value moved under the next column, a
/// value printed twice, a value moved off the table. The damaged row must carry a problem, and no other
/// row may change — a value is never placed by its order in the row.
@Suite struct PDFDamageTests {
    static let columns = [403.7, 430.1, 448.9, 467.8, 498.8, 529.9, 548.7]

    static func rows(_ tsv: String) throws -> [DocumentRow] {
        let document = try PDFReader.document(fromTSV: tsv, path: "damaged.pdf")
        return PDFGrid(document: document).tables[1].rows
    }

    /// The TSV lines, and the indices of table 2's value words on page 3.
    static func baseline() throws -> (lines: [String], values: [Int]) {
        let lines = try SourceText.read(path: Fixture.path("pdf/nanguan-zjj-2024.tsv")).text
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let values = lines.indices.filter { index in
            let fields = lines[index].split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 12, fields[0] == "5", fields[1] == "3", let x = Double(fields[6]) else { return false }
            return PDFLayout.isValue(String(fields[11])) && columns.contains { abs($0 - x) < 0.5 }
        }
        return (lines, values)
    }

    /// The line with its x replaced.
    static func moved(_ line: String, to x: Double) -> String {
        var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        fields[6] = String(x)
        return fields.joined(separator: "\t")
    }

    /// Checks that exactly the rows holding the damaged line's baseline changed, and that they have a problem.
    static func check(_ damaged: [String], _ original: [DocumentRow], _ description: String) throws {
        let rows = try Self.rows(damaged.joined(separator: "\n"))
        #expect(rows.count == original.count, "\(description)")
        guard rows.count == original.count else { return }
        let changed = rows.indices.filter { rows[$0] != original[$0] }
        #expect(changed.count == 1, "\(description): \(changed.count) rows changed")
        for index in changed {
            #expect(
                rows[index].problem != nil, "\(description): row \(rows[index].cells.first?.text ?? "") read without a problem")
        }
    }

    @Test func aValueMovedUnderTheNextColumn() throws {
        let (lines, values) = try Self.baseline()
        #expect(values.count == 7 * 22)  // rows 一 … （六）2. on page 3
        let original = try Self.rows(lines.joined(separator: "\n"))
        for index in values {
            let x = Double(lines[index].split(separator: "\t")[6])!
            let column = Self.columns.firstIndex { abs($0 - x) < 0.5 }!
            let target = Self.columns[column == Self.columns.count - 1 ? column - 1 : column + 1]
            var damaged = lines
            damaged[index] = Self.moved(lines[index], to: target)
            try Self.check(damaged, original, "line \(index + 1) moved to x \(target)")
        }
    }

    @Test func aValuePrintedTwice() throws {
        let (lines, values) = try Self.baseline()
        let original = try Self.rows(lines.joined(separator: "\n"))
        for index in values {
            var damaged = lines
            let x = Double(lines[index].split(separator: "\t")[6])!
            damaged.insert(Self.moved(lines[index], to: x + 3), at: index + 1)
            try Self.check(damaged, original, "line \(index + 1) twice")
        }
    }

    @Test func aValueMovedOffTheTable() throws {
        let (lines, values) = try Self.baseline()
        let original = try Self.rows(lines.joined(separator: "\n"))
        for index in values {
            var damaged = lines
            damaged[index] = Self.moved(lines[index], to: 585)
            try Self.check(damaged, original, "line \(index + 1) moved right of the table")
        }
    }
}
