/// `index.html` of a `--details` folder: the district in triage order, each pair linked to its details
/// file, the totals, the files skipped and the counts; one self-contained page a supervisor opens in
/// a browser.
public enum BatchIndexHTML {
    /// The page.
    public static func render(_ summary: BatchSummary) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>gkdiff 批量对比</title>
            <style>
            body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "SimSun", sans-serif; margin: 1.5em; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #ccc; padding: 2px 8px; text-align: left; }
            th { background: #d9d9d9; position: sticky; top: 0; }
            td.n { text-align: right; }
            .unreadable, .incomplete, .errors, .missing { background: #f8cbad; }
            .warnings { background: #fce4d6; }
            .changed { background: #fff2cc; }
            tr.total td { font-weight: bold; }
            </style></head><body>

            """
        out +=
            "<h1>gkdiff 批量对比</h1>\n<p>旧 \(DiffHTMLRenderer.escape(summary.oldFolder)) → 新 \(DiffHTMLRenderer.escape(summary.newFolder))</p>\n"
        for note in summary.notes { out += "<p>\(DiffHTMLRenderer.escape(note))</p>\n" }
        out += "<table>\n<tr>"
        for header in ["状态", "机关", "年度", "变化格数", "勾稽错误", "警告", "说明", "需要注意", "详细比较"] {
            out += "<th>\(header)</th>"
        }
        out += "</tr>\n"
        for row in summary.rows {
            let years =
                row.oldYear == nil && row.newYear == nil
                ? "" : "\(row.oldYear.map(String.init) ?? "–")→\(row.newYear.map(String.init) ?? "–")"
            let name = row.agency.isEmpty ? (row.newFile ?? row.oldFile ?? "") : row.agency
            let link = row.details.map { path -> String in
                let file = path.split(separator: "/").last.map(String.init) ?? path
                return "<a href=\"\(hrefEncoded(file))\">\(DiffHTMLRenderer.escape(file))</a>"
            }
            out += "<tr><td class=\"\(row.status.rawValue)\">\(row.status.label)</td><td>\(DiffHTMLRenderer.escape(name))</td>"
            out += "<td>\(years)</td><td class=\"n\">\(row.cellsChanged.map(String.init) ?? "")</td>"
            out += "<td class=\"n\">\(row.errors.map(String.init) ?? "")</td>"
            out += "<td class=\"n\">\(row.warnings.map(String.init) ?? "")</td><td>\(DiffHTMLRenderer.escape(row.reason))</td>"
            out += "<td>\(row.flags.map(DiffHTMLRenderer.escape).joined(separator: "<br>"))</td><td>\(link ?? "")</td></tr>\n"
        }
        let pairs = summary.rows.filter { $0.cellsChanged != nil }
        out += "<tr class=\"total\"><td>合计</td><td>\(pairs.count) 对</td><td></td>"
        out += "<td class=\"n\">\(pairs.reduce(0) { $0 + ($1.cellsChanged ?? 0) })</td>"
        out += "<td class=\"n\">\(pairs.reduce(0) { $0 + ($1.errors ?? 0) })</td>"
        out += "<td class=\"n\">\(pairs.reduce(0) { $0 + ($1.warnings ?? 0) })</td><td></td><td></td><td></td></tr>\n"
        out += "</table>\n"
        if !summary.skips.isEmpty {
            out += "<h2>跳过的文件</h2>\n<table>\n<tr><th>文件</th><th>原因</th></tr>\n"
            for skip in summary.skips {
                out += "<tr><td>\(DiffHTMLRenderer.escape(skip.path))</td><td>\(DiffHTMLRenderer.escape(skip.reason))</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<p>\(DiffHTMLRenderer.escape(BatchRenderer.countsLine(summary)))</p>\n</body></html>\n"
        return out
    }

    /// A file name as a relative link: every byte but letters, digits and `-._~` percent-encoded.
    static func hrefEncoded(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
