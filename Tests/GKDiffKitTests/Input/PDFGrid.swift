@testable import GKDiffKit

/// The three tables of a PDF document as the tests check them: table 1 as its six value rows, table 2
/// as its body rows (label and 7 values), table 3 as its one row of 15 values.
struct PDFGrid {
    let document: Document

    var tables: [DocumentTable] {
        document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    /// The value cells of a body row as one string ("_" for an empty cell), e.g. "21 0 0 0 0 0 21".
    static func values(_ row: DocumentRow, from column: Int) -> String {
        row.cells.filter { $0.column >= column }.map { $0.text.isEmpty ? "_" : $0.text }.joined(separator: " ")
    }

    /// Table 1: for each row label, its values (`规章` → "0 0 0"); rows without a problem only.
    func proactive() -> [String: String] {
        guard let table = tables.first else { return [:] }
        var result: [String: String] = [:]
        for row in table.rows where row.problem == nil {
            guard let label = row.cells.first, label.column == 0 else { continue }
            let key = LabelText.key(label.text)
            if ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"].contains(key) {
                result[key] = PDFGrid.values(row, from: 1)
            }
        }
        return result
    }

    /// Table 2's body rows after its header: (label, values).
    func requests() -> [(label: String, values: String, problem: String?)] {
        guard tables.count >= 2 else { return [] }
        let rows = tables[1].rows
        guard let header = rows.firstIndex(where: { $0.cells.contains { $0.text == "总计" } }) else { return [] }
        return rows[(header + 1)...].map { row in
            (row.cells.first?.text ?? "", PDFGrid.values(row, from: 1), row.problem)
        }
    }

    /// Table 3's value rows (all 15 values each).
    func appeals() -> [String] {
        guard tables.count >= 3 else { return [] }
        return tables[2].rows.filter { row in row.cells.allSatisfy { PDFLayout.isValue($0.text) || $0.text.isEmpty } }
            .map { PDFGrid.values($0, from: 0) }
    }
}

/// A distinctive part of each table-2 row label, in template order (2021 template).
let requestLabelParts = [
    "本年新收", "上年结转", "予以公开", "部分公开", "国家秘密", "禁止公开", "三安全一稳定", "第三方", "内部事务", "过程性",
    "执法案卷", "行政查询", "不掌握", "另行制作", "仍不明确", "信访举报", "重复申请", "公开出版物", "大量反复", "重新出具",
    "逾期不补正", "收费通知", "3.其他", "总计", "结转下年度",
]
