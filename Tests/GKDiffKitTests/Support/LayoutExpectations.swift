import GKDiffKit

/// The figures of the constructed report `Fixtures/layouts/nanguan-zjj-2024.*` (南关区住建局 2024,
/// 2021 template), as written into the fixture text, the same in every layout; each layout's own
/// quirks are in `LayoutCase.differences`. "_" marks a blank cell. R1–R4 hold: per column
/// 一 41/9/1/2/1/3/57 + 二 3/1/0/0/0/0/4 = （七） 42/9/1/2/1/3/58 + 四 2/1/0/0/0/0/3, and （七） is the
/// sum of the 21 result rows in every column.
enum ZJJ2024 {
    /// Table 1: regulations issued/repealed/in_force, normative_documents issued/repealed/in_force,
    /// licensing, penalties, enforcement decisions, fees amount (万元).
    static let proactive = "0 0 0 3 1 12 1234 57 6 25.1"
    /// Table 2, 25 rows in template order, 7 values each (自然人 … 总计).
    static let requests = [
        "41 9 1 2 1 3 57",  // new
        "3 1 0 0 0 0 4",  // carried_over
        "20 4 1 1 0 1 27",  // granted
        "5 2 0 0 1 0 8",  // partially_granted
        "0 0 0 0 0 0 0",  // denied_state_secret
        "1 0 0 0 0 0 1",  // denied_prohibited_by_law
        "0 0 0 0 0 0 0",  // denied_security_stability
        "2 0 0 0 0 0 2",  // denied_third_party
        "1 0 0 0 0 0 1",  // denied_internal_affairs
        "2 1 0 0 0 0 3",  // denied_process_info
        "0 0 0 0 0 0 0",  // denied_enforcement_file
        "1 0 0 0 0 0 1",  // denied_inquiry
        "4 1 0 1 0 0 6",  // unable_not_held
        "1 0 0 0 0 0 1",  // unable_needs_creation
        "1 0 0 0 0 0 1",  // unable_unclear
        "1 0 0 0 0 0 1",  // declined_petition
        "1 0 0 0 0 1 2",  // declined_duplicate
        "0 0 0 0 0 0 0",  // declined_publication
        "0 0 0 0 0 0 0",  // declined_excessive
        "1 0 0 0 0 0 1",  // declined_confirmation
        "1 0 0 0 0 0 1",  // other_no_correction
        "0 0 0 0 0 1 1",  // other_unpaid_fee
        "0 1 0 0 0 0 1",  // other_other
        "42 9 1 2 1 3 58",  // results_total
        "2 1 0 0 0 0 3",  // carried_forward
    ]
    /// Table 3: review, litigation_direct, litigation_after_review (维持 纠正 其他 尚未审结 总计).
    static let appeals = ["2 1 0 1 4", "1 0 0 0 1", "0 0 1 1 2"]

    /// All 200 expected values in `Template.cellKeys` order.
    static var values: [String] {
        var all = proactive.split(separator: " ").map(String.init)
        for row in requests + appeals { all += row.split(separator: " ").map(String.init) }
        return all
    }
}

/// One layout fixture of the 住建局 report and how it differs from the common figures.
struct LayoutCase: Sendable, CustomStringConvertible {
    /// File under Fixtures/layouts/.
    let file: String
    /// Cells that read differently in this file: key → expected value ("_" for blank).
    let differences: [String: String]
    /// Cells whose raw text is not the number as printed: key → raw text.
    let raws: [String: String]

    var description: String { file }

    static let all: [LayoutCase] = [
        // `| … |` rows, some without the leading or trailing pipe, `| |||` filler, a Markdown rule,
        // `自 然 人`, `商业 企业`, `(一)予以公开` half-width; `1,234` and `251000元` (converted to 25.1 万元).
        LayoutCase(
            file: "nanguan-zjj-2024.pipe.txt", differences: [:],
            raws: ["proactive.licensing.decisions": "1,234", "proactive.fees.amount": "251000元"]),
        // One cell per line ending in ` |` (tables 1, 2), `|` alone between cells (table 3).
        // 规章 本年废止件数 is ` |` (blank); 未经复议直接起诉 结果纠正 is two `|` lines in a row (blank).
        LayoutCase(
            file: "nanguan-zjj-2024.trailing-pipe.txt",
            differences: ["proactive.regulations.repealed": "_", "appeals.litigation_direct.corrected": "_"], raws: [:]),
        // Cells as paragraphs between blank lines; labels broken over lines (`本年制发\n件数`,
        // `一、本年新收政府信息公开\n申请数量`), `三、本年度办理结果 （一）予以公开` on one line;
        // 二、上年结转 法律服务机构 is three blank lines (one blank cell); the fee written `25.10`.
        LayoutCase(
            file: "nanguan-zjj-2024.blank-lines.txt", differences: ["requests.carried_over.legal_service": "_"],
            raws: ["proactive.fees.amount": "25.10"]),
        // HTML: colspan/rowspan (rowspan 22 for 三、本年度办理结果), `<br>` in header cells, entities,
        // script, style, comment, navigation before the title; fee `25.1&nbsp;万元`.
        LayoutCase(file: "nanguan-zjj-2024.html", differences: [:], raws: ["proactive.fees.amount": "25.1\u{A0}万元"]),
        // The same page in GB18030 with `charset=gb2312` in a `<meta http-equiv>`.
        LayoutCase(file: "nanguan-zjj-2024.gbk.html", differences: [:], raws: ["proactive.fees.amount": "25.1\u{A0}万元"]),
        // The same page through a Big5 gateway: traditional characters (opencc s2tw), Big5 bytes, charset=big5.
        LayoutCase(file: "nanguan-zjj-2024.big5.html", differences: [:], raws: ["proactive.fees.amount": "25.1\u{A0}萬元"]),
        // The pipe text in traditional characters (opencc s2tw), UTF-8.
        LayoutCase(
            file: "nanguan-zjj-2024.traditional.txt", differences: [:],
            raws: ["proactive.licensing.decisions": "1,234", "proactive.fees.amount": "251000元"]),
    ]
}
