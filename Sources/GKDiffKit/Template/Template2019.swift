/// The 2019 national template (国办公开办函〔2019〕60号), used for the 2019 and 2020 reports: its own
/// table 1 (other columns, two more rows), table 2 with one `（六）其他处理` row instead of three, and the
/// same table 3. Keys are shared with the 2021 template wherever the two mean the same thing.
extension Template {
    // MARK: Table 1 — 主动公开政府信息情况 (2019): 22 cells

    static let created = ColumnSpec(key: "created", label: "本年新制作数量")
    static let published = ColumnSpec(key: "published", label: "本年新公开数量")
    static let publishedTotal = ColumnSpec(key: "published_total", label: "对外公开总数量")
    static let itemsLastYear = ColumnSpec(key: "items_last_year", label: "上一年项目数量")
    static let itemsChange = ColumnSpec(key: "items_change", label: "本年增/减", unit: .change)
    static let decisions2019 = ColumnSpec(key: "decisions", label: "处理决定数量")
    static let procurementItems = ColumnSpec(key: "procurement_items", label: "采购项目数量")
    /// The template leaves the unit open; it is read as 万元 like 本年收费金额 (see README, units).
    static let procurementAmount = ColumnSpec(key: "procurement_amount", label: "采购总金额（万元）", unit: .tenThousandYuan)

    static let proactive2019: TableSpec = {
        let documents = [created, published, publishedTotal]
        let items = [itemsLastYear, itemsChange, decisions2019]
        return TableSpec(
            kind: .proactive,
            rows: [
                RowSpec(key: "regulations", label: "规章", group: "第二十条第（一）项", match: ["规章"]),
                RowSpec(
                    key: "normative_documents", label: "规范性文件", group: "第二十条第（一）项",
                    match: ["规范性文件", "行政规范性文件"]),
                RowSpec(key: "licensing", label: "行政许可", group: "第二十条第（五）项", match: ["行政许可"]),
                RowSpec(
                    key: "other_services", label: "其他对外管理服务事项", group: "第二十条第（五）项",
                    match: ["其他对外管理服务事项", "其他对外管理服务"]),
                RowSpec(key: "penalties", label: "行政处罚", group: "第二十条第（六）项", match: ["行政处罚"]),
                RowSpec(key: "enforcement", label: "行政强制", group: "第二十条第（六）项", match: ["行政强制"]),
                RowSpec(
                    key: "fees", label: "行政事业性收费", group: "第二十条第（八）项", match: ["行政事业性收费"]),
                RowSpec(
                    key: "procurement", label: "政府集中采购", group: "第二十条第（九）项", match: ["政府集中采购"]),
            ],
            columns: documents + items + [procurementItems, procurementAmount],
            layout: { row in
                switch row {
                case "regulations", "normative_documents": return documents
                case "licensing", "other_services", "penalties", "enforcement": return items
                case "fees": return [itemsLastYear, itemsChange]
                case "procurement": return [procurementItems, procurementAmount]
                default: return []
                }
            },
            headerWords: [
                "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增减",
                "处理决定数量", "采购项目数量", "采购总金额", "第二十条第",
            ],
            padding: .trailing)
    }()

    // MARK: Table 2 — 收到和处理政府信息公开申请情况 (2019): 23 rows × 7 = 161 cells

    /// The 2021 rows with the three `（六）` rows replaced by the one `（六）其他处理` row.
    static let requests2019: TableSpec = {
        let rows2021 = requests.rows
        let other = RowSpec(key: "other", label: "（六）其他处理", group: "三、本年度办理结果", match: ["其他处理"])
        var rows: [RowSpec] = []
        for row in rows2021 where !Template.otherRows2021.contains(row.key) {
            if row.key == "results_total" { rows.append(other) }
            rows.append(row)
        }
        return TableSpec(
            kind: .requests, rows: rows, columns: requests.columns,
            headerWords: requests.headerWords.filter { $0 != "其他处理" },
            padding: .leading)
    }()

    /// The three 2021 rows under `（六）其他处理` that the 2019 template counts as one row.
    static let otherRows2021 = ["other_no_correction", "other_unpaid_fee", "other_other"]

    // MARK: 2019 ↔ 2021

    /// For a 2021 cell that is part of a sum the 2019 template has as one cell: that 2019 cell and all
    /// the 2021 cells that add up to it (`requests.other.total` = the three `（六）` rows' totals).
    /// Every other cell means the same in both templates exactly when both have its key: table 2's other
    /// 22 rows, table 3, and table 1's 处理决定数量 of 行政许可, 行政处罚 and 行政强制. Table 1's other
    /// columns measure different things (本年新制作数量 is not 本年制发件数, 对外公开总数量 is not
    /// 现行有效件数, fee items are not a fee amount) and have no counterpart.
    static func summedCounterpart(of key2021: CellKey) -> (CellKey, [CellKey])? {
        guard key2021.table == .requests, otherRows2021.contains(key2021.row) else { return nil }
        let parts = otherRows2021.map { CellKey(table: .requests, row: $0, column: key2021.column) }
        return (CellKey(table: .requests, row: "other", column: key2021.column), parts)
    }

    /// How a sum of the three 2021 `（六）` rows is labelled wherever it is shown.
    static let sumLabel = "2021 年版（六）其他处理 1.+2.+3. 三行之和"
}
