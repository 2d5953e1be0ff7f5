/// Rule P1 读取不完整: what gkdiff could not read in a report, as findings (errors) so that every
/// output says it — a cell that was not read is never compared, summed or taken for a blank.
enum ReadProblems {
    /// One finding per table not found, per row with cells not read (unreadable or missing), and one
    /// for a file that ends early; each with the line and the cells concerned.
    static func findings(_ report: Report) -> [Finding] {
        var findings: [Finding] = []
        let truncations = report.diagnostics.filter { $0.message.hasPrefix("文本在第") }
        let cut = truncations.first { $0.message.contains("截断") } ?? truncations.first
        if let cut {
            findings.append(finding(report, "文件没有读完，可能被截断：\(cut.message)", cells: [], line: cut.line))
        }
        for table in report.edition.tables {
            let first = report.edition.firstIndex(of: table.kind)
            let keys = report.edition.cellKeys[first..<first + table.cells.count]
            guard first + keys.count <= report.cells.count else { continue }
            let name = table.kind.label
            // By index: the cells are not copied.
            if (first..<first + keys.count).allSatisfy({ report.cells[$0].value == .missing }) {
                let section = report.section(table.kind.section)
                let why =
                    section == nil
                    ? "没有找到第\(table.kind.section.numeral)部分「\(table.kind.section.title)」的标题"
                    : "找到了第\(table.kind.section.numeral)部分的标题，但没有读到表格"
                findings.append(
                    finding(report, "\(name)没有读到（\(why)）：\(keys.count) 格都记为缺失，不作比较和校验", cells: [], line: section?.line))
                continue
            }
            // Rows in template order, each with its cells not read.
            var rows: [(row: String, cells: [(CellKey, Cell)])] = []
            for offset in 0..<keys.count {
                // Most cells were read: decided on the value before anything is copied.
                switch report.cells[first + offset].value {
                case .unreadable, .missing: break
                default: continue
                }
                let key = keys[first + offset]
                let cell = report.cells[first + offset]
                if rows.last?.row == key.row {
                    rows[rows.count - 1].cells.append((key, cell))
                } else {
                    rows.append((key.row, [(key, cell)]))
                }
            }
            // How many cells the template gives a row: counted only for the rows with cells not read.
            func columnsPerRow(_ row: String) -> Int { keys.reduce(0) { $0 + ($1.row == row ? 1 : 0) } }
            let wholeRowsMissing = rows.filter { row in
                row.cells.count == columnsPerRow(row.row) && row.cells.allSatisfy { $0.1.value == .missing }
            }
            if cut != nil && wholeRowsMissing.count > 1 {
                // A cut file: the rows never reached, said once.
                let labels = wholeRowsMissing.prefix(3).map { $0.cells[0].0.rowSpec.fullLabel }.joined(separator: "、")
                let count = wholeRowsMissing.reduce(0) { $0 + $1.cells.count }
                findings.append(
                    finding(
                        report,
                        "\(name)有 \(wholeRowsMissing.count) 行没有读到（\(labels)\(wholeRowsMissing.count > 3 ? "…" : "")），\(count) 格记为缺失：文件在表格中途结束",
                        cells: wholeRowsMissing.flatMap(\.cells), line: cut?.line))
                rows.removeAll { row in wholeRowsMissing.contains { $0.row == row.row } }
            }
            for row in rows {
                findings.append(
                    rowFinding(report, table: name, row.cells, rowSize: columnsPerRow(row.row), fallbackLine: cut?.line))
            }
        }
        return findings
    }

    /// `表二「（一）予以公开」：2 格无法读取（自然人「abc」，总计「62220212345678901」数字过大，不像件数），5 格缺失`.
    private static func rowFinding(
        _ report: Report, table: String, _ cells: [(CellKey, Cell)], rowSize: Int, fallbackLine: Int?
    ) -> Finding {
        let label = cells[0].0.rowSpec.fullLabel
        let unreadable = cells.filter { $0.1.value == .unreadable }
        let missing = cells.count - unreadable.count
        var parts: [String] = []
        if !unreadable.isEmpty {
            let shown = unreadable.prefix(4).map { key, cell -> String in
                let raw = cell.raw.isEmpty ? "" : "「\(cell.raw)」"
                let large = CellText.isTooLarge(cell.raw) ? "数字过大，不像件数（可能是账号或几格数字连在一起）" : ""
                return key.columnSpec.label + raw + large
            }
            parts.append("\(unreadable.count) 格无法读取（\(shown.joined(separator: "，"))\(unreadable.count > 4 ? "…" : "")）")
        }
        if missing > 0 {
            parts.append(missing == rowSize ? "这一行没有找到，\(missing) 格记为缺失" : "\(missing) 格缺失")
        }
        let line = unreadable.compactMap(\.1.line).first ?? cells.compactMap(\.1.line).first ?? fallbackLine
        return finding(
            report, "\(table)「\(label)」：\(parts.joined(separator: "，"))；这些格不作比较和校验", cells: cells, line: line)
    }

    private static func finding(_ report: Report, _ message: String, cells: [(CellKey, Cell)], line: Int?) -> Finding {
        Finding(
            rule: .p1, severity: .error, year: report.year, acrossYears: false, message: message,
            cells: cells.map { FindingCell(key: $0.0, year: report.year, cell: $0.1, file: report.path) }, difference: nil,
            line: line, file: report.path)
    }
}
