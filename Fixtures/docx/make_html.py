#!/usr/bin/env python3
"""Write a text fixture (2021 template) as an HTML page with Word-shaped tables, for LibreOffice to
turn into .docx (see Fixtures/README.md, "Word documents").

Every non-empty line outside the three tables becomes a <p>, in order; each table is the 2021
template's grid (the colspan/rowspan Word uses, as in layouts/nanguan-zjj-2024.html) filled with the
fixture's own cell text, read by Scripts/check_fixtures.py's parser (blank cells stay empty).

A report on the 2019 template (one cell per line, like layouts/nanguan-mzj-2020.txt) is read row by
row instead: table 1 keeps the fixture's own rows (a one-cell row spans the four columns, a three-cell
row's last cell spans two), table 2 is the 2019 grid (one （六）其他处理 row) with the last seven cells
of each value row, table 3 the 2021 grid with the fixture's fifteen values.

usage: python3 Fixtures/docx/make_html.py Fixtures/nanguan-zfj-2024.txt > /tmp/out/nanguan-zfj-2024.html
"""
import html
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Scripts"))
import check_fixtures as cf  # noqa: E402

cf.val = lambda s: s.strip()  # keep each cell's text as written ("236.40", "")

T2_LABELS = [
    ("一、本年新收政府信息公开申请数量",), ("二、上年结转政府信息公开申请数量",),
    ("三、本年度办理结果", "（一）予以公开"), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",),
    ("（三）不予公开", "1.属于国家秘密"), ("2.其他法律行政法规禁止公开",), ("3.危及“三安全一稳定”",),
    ("4.保护第三方合法权益",), ("5.属于三类内部事务信息",), ("6.属于四类过程性信息",), ("7.属于行政执法案卷",),
    ("8.属于行政查询事项",), ("（四）无法提供", "1.本机关不掌握相关政府信息"), ("2.没有现成信息需要另行制作",),
    ("3.补正后申请内容仍不明确",), ("（五）不予处理", "1.信访举报投诉类申请"), ("2.重复申请",),
    ("3.要求提供公开出版物",), ("4.无正当理由大量反复申请",), ("5.要求行政机关确认或重新出具已获取信息",),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",), ("3.其他",), ("（七）总计",),
    ("四、结转下年度继续办理",),
]
ROWSPANS = {"三、本年度办理结果": 22, "（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}


def td(text, colspan=1, rowspan=1):
    attrs = (' colspan="%d"' % colspan if colspan > 1 else "") + (' rowspan="%d"' % rowspan if rowspan > 1 else "")
    return "<td%s>%s</td>" % (attrs, html.escape(text))


def table1(p):
    rows = ['<tr>' + td("第二十条第（一）项", 4) + '</tr>',
            '<tr>' + td("信息内容") + td("本年制发件数") + td("本年废止件数") + td("现行有效件数") + '</tr>']
    for key, label in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
        rows.append('<tr>' + td(label) + "".join(td(v) for v in p[key]) + '</tr>')
    for item, header, keys in (("（五）", "本年处理决定数量", [("licensing", "行政许可")]),
                               ("（六）", "本年处理决定数量", [("penalties", "行政处罚"), ("enforcement", "行政强制")]),
                               ("（八）", "本年收费金额（单位：万元）", [("fees", "行政事业性收费")])):
        rows.append('<tr>' + td("第二十条第%s项" % item, 4) + '</tr>')
        rows.append('<tr>' + td("信息内容") + td(header, 3) + '</tr>')
        for key, label in keys:
            rows.append('<tr>' + td(label) + td(p[key][0], 3) + '</tr>')
    return rows


def table2(r):
    rows = ['<tr>' + td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3) + td("申请人情况", 7) + '</tr>',
            '<tr>' + td("自然人", 1, 2) + td("法人或其他组织", 5) + td("总计", 1, 2) + '</tr>',
            '<tr>' + "".join(td(h) for h in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")) + '</tr>']
    for (key, _), labels in zip(cf.T2, T2_LABELS):
        cells = []
        for label in labels:
            if label in ROWSPANS:
                cells.append(td(label, 1, ROWSPANS[label]))
            elif label.startswith(("一、", "二、", "四、")):
                cells.append(td(label, 3))
            elif label.startswith(("（一）", "（二）", "（七）")):
                cells.append(td(label, 2))
            else:
                cells.append(td(label))
        rows.append('<tr>' + "".join(cells) + "".join(td(v) for v in r[key]) + '</tr>')
    return rows


def table3(a):
    heads = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    rows = ['<tr>' + td("行政复议", 5) + td("行政诉讼", 10) + '</tr>',
            '<tr>' + "".join(td(h, 1, 2) for h in heads) + td("未经复议直接起诉", 5) + td("复议后起诉", 5) + '</tr>',
            '<tr>' + "".join(td(h) for h in heads * 2) + '</tr>',
            '<tr>' + "".join(td(v) for row in cf.A_ROWS for v in a[row]) + '</tr>']
    return rows


def text_rows(lines):
    """The rows of a one-cell-per-line table: runs of tab lines, ended by any other line."""
    rows, row = [], []
    for line in lines + [""]:
        if line.startswith("\t"):
            row.append(line[1:])
        elif row:
            rows.append(row)
            row = []
    return rows


def table1_2019(rows):
    out = []
    for row in rows:
        if len(row) == 1:
            out.append('<tr>' + td(row[0], 4) + '</tr>')
        elif len(row) == 3:
            out.append('<tr>' + td(row[0]) + td(row[1]) + td(row[2], 2) + '</tr>')
        else:
            out.append('<tr>' + "".join(td(c) for c in row) + '</tr>')
    return out


def table2_2019(rows):
    values = [row[-7:] for row in rows if len(row) >= 8 and all(c.strip().isdigit() for c in row[-7:])]
    assert len(values) == 23, len(values)
    labels = T2_LABELS[:20] + [("（六）其他处理",)] + T2_LABELS[23:]
    spans = dict(ROWSPANS, **{"三、本年度办理结果": 20})
    out = table2({key: [""] * 7 for key, _ in cf.T2})[:3]  # the three header rows
    for labels_of_row, vals in zip(labels, values):
        cells = []
        for label in labels_of_row:
            if label in spans and label != "（六）其他处理":
                cells.append(td(label, 1, spans[label]))
            elif label.startswith(("一、", "二、", "四、")):
                cells.append(td(label, 3))
            elif label.startswith(("（一）", "（二）", "（六）", "（七）")):
                cells.append(td(label, 2))
            else:
                cells.append(td(label))
        out.append('<tr>' + "".join(cells) + "".join(td(v) for v in vals) + '</tr>')
    return out


def main(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    if any(line == "\t本年新制作数量" for line in lines):
        return main_2019(path, lines)
    rep = cf.parse(path)
    s2 = next(i for i, l in enumerate(lines) if "主动公开政府信息情况" in l and not l.startswith("\t") and "、" in l[:3])
    s3 = next(i for i, l in enumerate(lines) if i > s2 and "收到和处理政府信息公开申请情况" in l and not l.startswith("\t"))
    s4 = next(i for i, l in enumerate(lines)
              if i > s3 and "行政复议" in l and "行政诉讼" in l and "情况" in l and not l.startswith("\t"))
    s5 = next(i for i, l in enumerate(lines) if i > s4 and "存在的主要问题" in l)
    tables = {s2: table1(rep["proactive"]), s3: table2(rep["requests"]), s4: table3(rep["appeals"])}
    out = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head><meta charset="utf-8"><title>%s</title></head>' % html.escape(
        os.path.basename(path)), '<body>']
    skip = set()
    for a, b in ((s2, s3), (s3, s4), (s4, s5)):
        skip.update(range(a + 1, b))
    for i, line in enumerate(lines):
        if i in skip or not line.strip():
            continue
        out.append("<p>%s</p>" % html.escape(line.strip("\t")))
        if i in tables:
            out.append('<table border="1" cellspacing="0">')
            out.extend(tables[i])
            out.append('</table>')
    write(out)


def write(out):
    out += ['</body>', '</html>', '']
    sys.stdout.write("\n".join(out))


def main_2019(path, lines):
    s2 = next(i for i, l in enumerate(lines) if l.startswith("二、主动公开政府信息情况"))
    s3 = next(i for i, l in enumerate(lines) if l.startswith("三、收到和处理政府信息公开申请情况"))
    s4 = next(i for i, l in enumerate(lines) if l.startswith("四、政府信息公开行政复议"))
    s5 = next(i for i, l in enumerate(lines) if l.startswith("五、"))
    last = text_rows(lines[s4 + 1:s5])[-1]
    assert len(last) == 15, last
    appeals = {row: last[5 * n:5 * n + 5] for n, row in enumerate(cf.A_ROWS)}
    tables = {s2: table1_2019(text_rows(lines[s2 + 1:s3])), s3: table2_2019(text_rows(lines[s3 + 1:s4])),
              s4: table3(appeals)}
    out = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head><meta charset="utf-8"><title>%s</title></head>' % html.escape(
        os.path.basename(path)), '<body>']
    for i, line in enumerate(lines):
        if any(a < i < b for a, b in ((s2, s3), (s3, s4), (s4, s5))) or not line.strip():
            continue
        out.append("<p>%s</p>" % html.escape(line))
        if i in tables:
            out += ['<table border="1" cellspacing="0">'] + tables[i] + ['</table>']
    write(out)


if __name__ == "__main__":
    main(sys.argv[1])
