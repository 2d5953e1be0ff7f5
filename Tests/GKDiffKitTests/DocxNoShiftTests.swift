import Testing

@testable import GKDiffKit

/// The property of `NoShiftPropertyTests` on a Word document: each value cell (`<w:tc>` holding a
/// number) of `Fixtures/docx/nanguan-zjj-2024.docx` deleted, duplicated, or moved to the end of the next
/// row, the archive rebuilt, and the report read again. No cell may take a value it did not have; the
/// cells lost (unreadable or missing) belong to at most the two template rows the damage touches, or
/// to table 3, whose 15 values are one row of the document.
@Suite struct DocxNoShiftTests {
    static func read(_ bytes: [UInt8]) throws -> Report {
        try ReportParser.parse(DocumentReader.read(bytes, path: "damaged.docx"), path: "damaged.docx")
    }

    /// The archive with `word/document.xml` replaced (every entry stored).
    static func rebuilt(_ archive: ZipArchive, xml: String) throws -> [UInt8] {
        var out = TestArchive()
        for entry in archive.entries {
            if entry.name == "word/document.xml" {
                out.store(entry.name, xml)
            } else {
                out.store(entry.name, try archive.extract(entry))
            }
        }
        return out.bytes
    }

    /// The `<w:tc>…</w:tc>` elements whose text reads as a number, as scalar offsets.
    static func valueCells(_ xml: [Unicode.Scalar]) -> [Range<Int>] {
        func find(_ needle: String, from: Int) -> Int? {
            let n = Array(needle.unicodeScalars)
            var i = from
            while i + n.count <= xml.count {
                if xml[i] == n[0] && Array(xml[i..<i + n.count]) == n { return i }
                i += 1
            }
            return nil
        }
        var cells: [Range<Int>] = []
        var from = 0
        while let start = find("<w:tc>", from: from), let close = find("</w:tc>", from: start) {
            let end = close + 7
            from = end
            // The text of the cell: what its <w:t> elements hold.
            var text = ""
            var cursor = start
            while let open = find("<w:t", from: cursor), open < end {
                guard xml[open + 4] == ">" || xml[open + 4] == " " else {  // <w:tc>, <w:tcPr>, <w:tbl…
                    cursor = open + 4
                    continue
                }
                guard let gt = find(">", from: open), let stop = find("</w:t>", from: gt), stop < end else { break }
                text.unicodeScalars.append(contentsOf: xml[(gt + 1)..<stop])
                cursor = stop + 6
            }
            if let reading = CellText.read(trimmed: LabelText.trim(Substring(text))), reading.value != .blank {
                cells.append(start..<end)
            }
        }
        return cells
    }

    @Test func damagingOneWordCellChangesNoOtherCell() throws {
        let bytes = try SourceText.readBytes(path: Fixture.path("docx/nanguan-zjj-2024.docx"))
        let archive = try ZipArchive(bytes)
        let xml = Array(
            String(decoding: try archive.extract(archive.entry(named: "word/document.xml")!), as: UTF8.self).unicodeScalars)
        let original = try Self.read(bytes)
        func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
            var out = ""
            out.unicodeScalars.append(contentsOf: s)
            return out
        }
        let cells = Self.valueCells(xml)
        #expect(cells.count > 100)
        var cases = 0
        var failures: [String] = []
        for (number, cell) in cells.enumerated() {
            let before = string(xml[..<cell.lowerBound])
            let element = string(xml[cell])
            let after = string(xml[cell.upperBound...])
            var damages = [("delete", before + after), ("duplicate", before + element + element + after)]
            if let rowEnd = after.firstRange(of: "</w:tr>"), let nextEnd = after[rowEnd.upperBound...].firstRange(of: "</w:tr>") {
                damages.append(("move", before + after[..<nextEnd.lowerBound] + element + after[nextEnd.lowerBound...]))
            }
            for (what, text) in damages {
                cases += 1
                let damaged = try Self.read(try Self.rebuilt(archive, xml: text))
                var lostRows: Set<String> = []
                for (index, key) in original.cellKeys.enumerated() where damaged.cells[index].value != original.cells[index].value
                {
                    let value = damaged.cells[index].value
                    if value != .unreadable && value != .missing {
                        failures.append(
                            "cell \(number) \(what): \(key) \(original.cells[index].value.display) → \(value.display)")
                    } else if key.table != .appeals {
                        lostRows.insert("\(key.table).\(key.row)")
                    }
                }
                if lostRows.count > 2 { failures.append("cell \(number) \(what): lost \(lostRows.sorted())") }
                // A deleted value is always noticed: its row can no longer be read whole.
                if what == "delete", damaged.cells.map(\.value) == original.cells.map(\.value) {
                    failures.append("cell \(number) delete: nothing noticed")
                }
            }
            if failures.count > 10 { break }
        }
        #expect(cases > 300)
        #expect(failures.isEmpty, "\(cases) cases: \(failures.prefix(10).joined(separator: "\n"))")
    }
}
