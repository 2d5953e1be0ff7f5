#!/usr/bin/env python3
"""Check the gkdiff fixtures: R1-R4 within each report, X1/X2 across each pair.

Understands the two layouts used in Fixtures/: one cell per line (seeds 000/001/002/004)
and one tab-separated row per line (seed 003). Blank cells are None and are skipped by
the arithmetic (a fully blank table is reported, not counted as an error).

usage: python3 Scripts/check_fixtures.py [Fixtures-dir]      exit status 1 on any error
"""
import os, re, sys

T1 = [("regulations", "规章", 3), ("normative_documents", "行政规范性文件", 3),
      ("licensing", "行政许可", 1), ("penalties", "行政处罚", 1),
      ("enforcement", "行政强制", 1), ("fees", "行政事业性收费", 1)]
T2 = [("new", "本年新收"), ("carried_over", "上年结转"), ("granted", "予以公开"),
      ("partially_granted", "部分公开"), ("denied_state_secret", "属于国家秘密"),
      ("denied_prohibited_by_law", "其他法律行政法规禁止公开"),
      ("denied_security_stability", "三安全一稳定"), ("denied_third_party", "保护第三方"),
      ("denied_internal_affairs", "三类内部事务"), ("denied_process_info", "四类过程性"),
      ("denied_enforcement_file", "行政执法案卷"), ("denied_inquiry", "行政查询事项"),
      ("unable_not_held", "本机关不掌握"), ("unable_needs_creation", "没有现成信息"),
      ("unable_unclear", "补正后申请内容"), ("declined_petition", "信访举报投诉"),
      ("declined_duplicate", "重复申请"), ("declined_publication", "公开出版物"),
      ("declined_excessive", "大量反复申请"), ("declined_confirmation", "确认或重新出具"),
      ("other_no_correction", "逾期不补正"), ("other_unpaid_fee", "收费通知"),
      ("other_other", "3.其他"), ("results_total", "（七）总计"), ("carried_forward", "结转下年度")]
COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
A_ROWS = ["review", "litigation_direct", "litigation_after_review"]
A_COLS = ["upheld", "corrected", "other", "pending", "total"]


def norm(s):
    return s.replace(" ", "").replace("\u3000", "").replace("(", "（").replace(")", "）")


def val(s):
    s = s.strip()
    if s == "":
        return None
    if re.fullmatch(r"\d+", s):
        return int(s)
    if re.fullmatch(r"\d+\.\d+", s):
        return float(s)
    raise ValueError("not a cell value: %r" % s)


def parse(path):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    tab_layout = any(l.startswith("行政许可\t") for l in lines)
    s2 = next(i for i, l in enumerate(lines) if "主动公开政府信息情况" in l and not l.startswith("\t") and "、" in l[:3])
    s3 = next(i for i, l in enumerate(lines) if i > s2 and "收到和处理政府信息公开申请情况" in l and not l.startswith("\t"))
    s4 = next(i for i, l in enumerate(lines) if i > s3 and "行政复议" in l and "行政诉讼" in l and "情况" in l and not l.startswith("\t"))
    s5 = next(i for i, l in enumerate(lines) if i > s4 and "存在的主要问题" in l)
    rep = {"tab_layout": tab_layout, "proactive": {}, "requests": {}, "appeals": {}}
    # table 1
    for key, label, k in T1:
        i = next(i for i in range(s2, s3) if norm(lines[i].split("\t")[0 if tab_layout else 1] if "\t" in lines[i] else "") == label)
        if tab_layout:
            cells = lines[i].split("\t")[1:1 + k]
        else:
            cells = [lines[i + 1 + j] for j in range(k)]
            assert all(c.startswith("\t") for c in cells), (path, key)
        rep["proactive"][key] = [val(c) for c in cells]
    # table 2
    pos = s3
    for key, label in T2:
        while label not in norm(lines[pos]):
            pos += 1
            assert pos < s4, (path, "row not found", key)
        if tab_layout:
            cells = lines[pos].split("\t")
            idx = max(j for j, c in enumerate(cells) if label in norm(c))
            vals = [c for c in cells[idx + 1:] if c.strip() != ""]
            if not vals:
                rep["requests"][key] = [None] * 7
            else:
                assert len(vals) == 7, (path, key, cells)
                rep["requests"][key] = [val(c) for c in vals]
        else:
            cells = lines[pos + 1:pos + 8]
            assert all(c.startswith("\t") for c in cells), (path, key, cells)
            rep["requests"][key] = [val(c) for c in cells]
        pos += 1
    # table 3
    if tab_layout:
        data = [l for l in lines[s4 + 1:s5] if l.strip() and not re.search(r"[\u4e00-\u9fff]", l)]
        if data:
            assert len(data) == 1, (path, data)
            cells = data[0].split("\t")
            assert len(cells) == 15, (path, cells)
            flat = [val(c) for c in cells]
        else:
            flat = [None] * 15
    else:
        last = max(i for i in range(s4, s5) if lines[i] == "\t总计")
        cells = [l for l in lines[last + 1:s5] if l.startswith("\t")][:15]
        assert len(cells) == 15, (path, cells)
        flat = [val(c) for c in cells]
    rep["appeals"] = {r: flat[5 * n:5 * n + 5] for n, r in enumerate(A_ROWS)}
    return rep


def check_report(name, rep, errs, notes):
    t2 = rep["requests"]
    if all(v is None for row in t2.values() for v in row):
        notes.append("%s: table 2 entirely blank" % name)
    else:
        for c, col in enumerate(COLS):  # R1 and R3
            g = lambda k: t2[k][c] or 0
            if g("new") + g("carried_over") != g("results_total") + g("carried_forward"):
                errs.append("%s R1 %s" % (name, col))
            s = sum(g(k) for k, _ in T2[2:23])
            if s != g("results_total"):
                errs.append("%s R3 %s: %d != %d" % (name, col, s, g("results_total")))
        for k, _ in T2:  # R2
            row = [v or 0 for v in t2[k]]
            if sum(row[:6]) != row[6]:
                errs.append("%s R2 %s" % (name, k))
    t3 = rep["appeals"]
    if all(v is None for row in t3.values() for v in row):
        notes.append("%s: table 3 entirely blank" % name)
    for r in A_ROWS:  # R4
        row = [v or 0 for v in t3[r]]
        if sum(row[:4]) != row[4]:
            errs.append("%s R4 %s" % (name, r))


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures")
    errs, notes, reps = [], [], {}
    for f in sorted(os.listdir(d)):
        m = re.fullmatch(r"(.+)-(\d{4})\.txt", f)
        if not m:
            continue
        rep = parse(os.path.join(d, f))
        reps[(m.group(1), int(m.group(2)))] = rep
        check_report(f, rep, errs, notes)
    for (agency, year), cur in sorted(reps.items()):
        prev = reps.get((agency, year - 1))
        if not prev:
            continue
        pair = "%s %d/%d" % (agency, year - 1, year)
        for c, col in enumerate(COLS):  # X1
            a, b = cur["requests"]["carried_over"][c], prev["requests"]["carried_forward"][c]
            if a is None or b is None:
                if (a or 0) != (b or 0):
                    errs.append("%s X1 %s: %r vs %r" % (pair, col, a, b))
                elif a != b:
                    notes.append("%s X1 %s: blank vs 0" % (pair, col))
            elif a != b:
                errs.append("%s X1 %s: carried_over %r != last carried_forward %r" % (pair, col, a, b))
        for k in ("regulations", "normative_documents"):  # X2
            iss, rp, inf = cur["proactive"][k]
            last = prev["proactive"][k][2]
            if None in (iss, rp, inf, last):
                notes.append("%s X2 %s: blank cells, not checked" % (pair, k))
            elif last + iss - rp != inf:
                errs.append("%s X2 %s: %d + %d - %d != %d" % (pair, k, last, iss, rp, inf))
    for n in notes:
        print("note:", n)
    for e in errs:
        print("ERROR:", e)
    print("%d reports, %d pairs, %d errors" % (len(reps), sum(1 for a, y in reps if (a, y - 1) in reps), len(errs)))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
