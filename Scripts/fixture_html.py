#!/usr/bin/env python3
"""Writes an HTML version of a 2021-template fixture whose three tables are real <table>s (merged cells
as colspan/rowspan, as in the official template), for LibreOffice to print to PDF.

Input on stdin: `gkdiff show --format json FIXTURE` (sections and raw cell texts, as gkdiff reads the
fixture today). Usage: gkdiff show --format json F.txt | Scripts/fixture_html.py [--center] > F.html
--center centres every table cell (the usual Word/WPS look); the default leaves them left-aligned.
"""
import html
import json
import sys

REQUEST_ROWS = [
    ("new", 3, None, "一、本年新收政府信息公开申请数量"),
    ("carried_over", 3, None, "二、上年结转政府信息公开申请数量"),
    ("granted", 2, ("三、本年度办理结果", 22), "（一）予以公开"),
    ("partially_granted", 2, None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", 1, ("（三）不予公开", 8), "1.属于国家秘密"),
    ("denied_prohibited_by_law", 1, None, "2.其他法律行政法规禁止公开"),
    ("denied_security_stability", 1, None, "3.危及“三安全一稳定”"),
    ("denied_third_party", 1, None, "4.保护第三方合法权益"),
    ("denied_internal_affairs", 1, None, "5.属于三类内部事务信息"),
    ("denied_process_info", 1, None, "6.属于四类过程性信息"),
    ("denied_enforcement_file", 1, None, "7.属于行政执法案卷"),
    ("denied_inquiry", 1, None, "8.属于行政查询事项"),
    ("unable_not_held", 1, ("（四）无法提供", 3), "1.本机关不掌握相关政府信息"),
    ("unable_needs_creation", 1, None, "2.没有现成信息需要另行制作"),
    ("unable_unclear", 1, None, "3.补正后申请内容仍不明确"),
    ("declined_petition", 1, ("（五）不予处理", 5), "1.信访举报投诉类申请"),
    ("declined_duplicate", 1, None, "2.重复申请"),
    ("declined_publication", 1, None, "3.要求提供公开出版物"),
    ("declined_excessive", 1, None, "4.无正当理由大量反复申请"),
    ("declined_confirmation", 1, None, "5.要求行政机关确认或重新出具已获取信息"),
    ("other_no_correction", 1, ("（六）其他处理", 3), "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_unpaid_fee", 1, None, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", 1, None, "3.其他"),
    ("results_total", 2, None, "（七）总计"),
    ("carried_forward", 3, None, "四、结转下年度继续办理"),
]
REQUEST_COLUMNS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
APPEAL_ROWS = ["review", "litigation_direct", "litigation_after_review"]
APPEAL_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]


def main():
    center = "--center" in sys.argv
    report = json.load(sys.stdin)
    raw = {(c["table"], c["row"], c["column"]): (c.get("raw") or "") for c in report["cells"]}

    def td(text, attrs=""):
        return f"<td{attrs}>{html.escape(text)}</td>"

    def value(table, row, column):
        return td(raw.get((table, row, column), ""))

    out = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head>', '<meta charset="utf-8">',
           f'<title>{html.escape(report["title"])}</title>', '<style>',
           '  table { border-collapse: collapse; } td { border: 1px solid #000; padding: 2px 4px; }']
    if center:
        out.append('  td { text-align: center; vertical-align: middle; }')
    out += ['</style>', '</head>', '<body>']
    for section in report["sections"]:
        if section["title"]:
            out.append(f'<p><strong>{html.escape(section["title"])}</strong></p>')
        for line in section["text"].split("\n"):
            if line.strip():
                out.append(f"<p>{html.escape(line)}</p>")
        kind = section["kind"]
        if kind == "proactive":
            out.append('<table border="1" cellspacing="0">')
            rows = [("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
                     [("规章", "regulations"), ("行政规范性文件", "normative_documents")], ["issued", "repealed", "in_force"]),
                    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", "licensing")], ["decisions"]),
                    ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", "penalties"), ("行政强制", "enforcement")],
                     ["decisions"]),
                    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", "fees")], ["amount"])]
            for title, headers, items, columns in rows:
                out.append(f'<tr><td colspan="4">{title}</td></tr>')
                span = ' colspan="3"' if len(headers) == 1 else ""
                out.append("<tr>" + td("信息内容") + "".join(td(h, span) for h in headers) + "</tr>")
                for label, key in items:
                    cells = [td(raw.get(("proactive", key, c), ""), span) for c in columns]
                    out.append("<tr>" + td(label) + "".join(cells) + "</tr>")
            out.append("</table>")
        elif kind == "requests":
            out += ['<table border="1" cellspacing="0">',
                    '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
                    '<td colspan="7">申请人情况</td></tr>',
                    '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
                    '<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益<br>组织</td><td>法律服务<br>机构</td>'
                    '<td>其他</td></tr>']
            for key, span, group, label in REQUEST_ROWS:
                cells = []
                if group:
                    cells.append(td(group[0], f' rowspan="{group[1]}"'))
                cells.append(td(label, f' colspan="{span}"' if span > 1 else ""))
                cells += [value("requests", key, c) for c in REQUEST_COLUMNS]
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</table>")
        elif kind == "appeals":
            out += ['<table border="1" cellspacing="0">',
                    '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>',
                    '<tr>' + "".join(td(h, ' rowspan="2"') for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
                    + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
                    '<tr>' + "".join(td(h) for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + '</tr>',
                    '<tr>' + "".join(value("appeals", r, c) for r in APPEAL_ROWS for c in APPEAL_COLUMNS) + '</tr>',
                    '</table>']
    out += ["</body>", "</html>", ""]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
