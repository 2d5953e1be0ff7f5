#!/usr/bin/env bash
# Speed and memory of gkdiff against GNU diff -u and a Python difflib character diff, in one run.
#
# Builds the release binary with the standard library linked statically (as Scripts/install.sh does),
# generates the inputs under .build-bench/inputs, and prints medians over repeated runs, the ratios,
# instruction counts from valgrind --tool=callgrind where installed, and peak memory.
#
# Python (the harness and the difflib baseline) is run as the interpreter itself, never through a shell
# shim such as pyenv's (the shim alone costs 50–90 ms per start and would inflate the ratios).
#
# Usage: Scripts/bench.sh [runs]     (default 30 runs per timing; needs python3 for the harness)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
work=.build-bench
mkdir -p "$work/inputs"
echo "building release binary (static stdlib and libstdc++, as Scripts/install.sh)…" >&2
bin=$(Scripts/static-build.sh "$work/build" 2>/dev/null)
python=$(python3 -c 'import sys; print(sys.executable)')

"$python" - "$bin" "$work/inputs" "$runs" <<'PY'
import os, random, resource, shutil, statistics, subprocess, sys, time

python = sys.executable  # the interpreter itself, not a shim

bin, inputs, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
fx = "Fixtures"
old10, new10 = f"{fx}/nanguan-zfj-2023.txt", f"{fx}/nanguan-zfj-2024.txt"

def read(p): return open(p, encoding="utf-8").read()
def write(p, s):
    with open(p, "w", encoding="utf-8") as f: f.write(s)

def narrative(text):
    """Prose lines only (table cells start with a tab): what the Python baseline diffs."""
    return "\n".join(l for l in text.split("\n") if l and not l.startswith("\t") and "\t" not in l)

# --- inputs ---------------------------------------------------------------------------------------
rng = random.Random(7)
def grow(text, factor, tag):
    """The report with its overview prose repeated `factor` times, numbers varied per copy."""
    lines = text.split("\n")
    head = next(i for i, l in enumerate(lines) if l.startswith("一、"))
    end = next(i for i, l in enumerate(lines) if l.startswith("二、"))
    body = lines[head + 1:end]
    extra = []
    for k in range(factor - 1):
        for l in body:
            extra.append(l.replace("条", f"条（第{k}{tag}批）", 1))
    return "\n".join(lines[:end] + extra + lines[end:])

old50, new50 = f"{inputs}/zfj-50k-2023.txt", f"{inputs}/zfj-50k-2024.txt"
write(old50, grow(read(old10), 12, "甲"))
write(new50, grow(read(new10), 12, "甲"))

# Realistic large pairs: the fixture's overview (its subsection titles `（一）…` included) repeated until
# the file has the size, so the same subsection titles come back hundreds of times, as in a long report.
def grown_to(text, size, tag):
    overview = len(grow(text, 2, tag).encode()) - len(text.encode())
    return grow(text, max(2, (size - len(text.encode())) // overview + 1), tag)
large = {}
for label, size in (("1 MB", 1_000_000), ("5 MB", 5_000_000)):
    a, b = f"{inputs}/real-{label.replace(' ', '')}-2023.txt", f"{inputs}/real-{label.replace(' ', '')}-2024.txt"
    write(a, grown_to(read(old10), size, "乙"))
    write(b, grown_to(read(new10), size, "乙"))
    large[label] = (a, b)

# 31 MB of one-character lines: refused, or finished within 2 GB.
tiny_old, tiny_new = f"{inputs}/tiny-lines-2023.txt", f"{inputs}/tiny-lines-2024.txt"
def tiny_lines(seed):
    r = random.Random(seed)
    return "2024年测试局政府信息公开工作年度报告\n一、总体情况\n" + "".join(r.choice("甲乙丙丁") + "\n" for _ in range(7_750_000))
write(tiny_old, tiny_lines(3))
write(tiny_new, tiny_lines(4))

def everything_changed(year, seed, size):
    r = random.Random(seed)
    words = "政务公开信息发布平台建设监督保障依申请办理规范化标准化便民服务数据开放解读回应培训考核制度机制"
    out = [f"{year}年测试局政府信息公开工作年度报告", "一、总体情况"]
    total = 0
    while total < size:
        s = "".join(r.choice(words) for _ in range(r.randint(20, 60))) + f"{r.randint(1, 999)}条。"
        out.append(s)
        total += len(s.encode())
    out += ["五、存在的主要问题及改进情况", "无", ""]
    return "\n".join(out)
old5m, new5m = f"{inputs}/big-2023.txt", f"{inputs}/big-2024.txt"
write(old5m, everything_changed(2023, 1, 5_000_000))
write(new5m, everything_changed(2024, 2, 5_000_000))

pairs = [(f"{fx}/nanguan-zfj-2023.txt", f"{fx}/nanguan-zfj-2024.txt", "南关区执法局"),
         (f"{fx}/nanguan-xinchun-2023.txt", f"{fx}/nanguan-xinchun-2024.txt", "南关区新春街道"),
         (f"{fx}/nanguan-sthj-2023.txt", f"{fx}/nanguan-sthj-2024.txt", "长春市生态环境局南关区分局"),
         (f"{fx}/nanguan-zsj-2023.txt", f"{fx}/nanguan-zsj-2024.txt", "南关区政务服务和数字化建设管理局"),
         (f"{fx}/huzhu-cgj-2023.txt", f"{fx}/huzhu-cgj-2024.txt", "互助县城市管理综合行政执法局")]
texts = [(read(a), read(b), agency) for a, b, agency in pairs]
batch_sizes = (1000, 5000)
batch_folders = {}
for count in batch_sizes:
    batch_old, batch_new = f"{inputs}/batch{count}/2023", f"{inputs}/batch{count}/2024"
    shutil.rmtree(f"{inputs}/batch{count}", ignore_errors=True)
    os.makedirs(batch_old); os.makedirs(batch_new)
    for i in range(count):
        a, b, agency = texts[i % len(texts)]
        name = agency.replace("局", f"第{i:04d}局", 1) if "局" in agency else agency + f"第{i:04d}号"
        write(f"{batch_old}/{i:04d}.txt", a.replace(agency, name))
        write(f"{batch_new}/{i:04d}.txt", b.replace(agency, name))
    batch_folders[count] = (batch_old, batch_new)
# The 12,000 batch files were just written: flushed now, so that their write-back is not timed.
os.sync()

difflib_script = f"{inputs}/difflib_char.py"
write(difflib_script, '''import difflib, sys
a = open(sys.argv[1], encoding="utf-8").read()
b = open(sys.argv[2], encoding="utf-8").read()
keep = lambda t: "\\n".join(l for l in t.split("\\n") if l and "\\t" not in l)
ops = difflib.SequenceMatcher(None, keep(a), keep(b), autojunk=False).get_opcodes()
print(sum(1 for o in ops if o[0] != "equal"))
''')

# --- timing ---------------------------------------------------------------------------------------
def measure(cmd, n, statuses=(0, 1)):
    """Median wall time of n runs after one untimed warm-up run (as `hyperfine --warmup 1`: the inputs
    are in the page cache, and a first run's page faults are not counted), and the exit status of the last."""
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
        if p.returncode not in statuses:
            sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}")
    return statistics.median(times), p.returncode

def peak_kb(cmd):
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try: return int(r.stderr.strip().split("\n")[-1])
    except ValueError: return None

def instructions(cmd):
    if not shutil.which("valgrind"): return None
    out = f"{inputs}/callgrind.out"
    r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in r.stderr.split("\n"):
        if "Collected" in line: return int(line.split()[-1])
    return None

def ms(s): return f"{s * 1000:8.2f} ms"
def mib(kb): return f"{kb / 1024:7.1f} MiB" if kb else "      ?"
def mi(n): return f"{n / 1e6:7.2f} M" if n else "      ?"

print(f"gkdiff benchmark — {runs} runs each, medians; machine: {os.cpu_count()} cores")
print(f"{'case':38} {'median':>11} {'instructions':>12} {'peak mem':>11} {'mem/input byte':>14}")
peaks, statuses_seen = {}, {}
def case(name, cmd, n=runs, count=True, inputs=(), statuses=(0, 1)):
    med, status = measure(cmd, n, statuses)
    ins = instructions(cmd) if count else None
    kb = peak_kb(cmd)
    peaks[name], statuses_seen[name] = kb, status
    total = sum(os.path.getsize(p) for p in inputs)
    per = f"{kb * 1024 / total:9.1f} B/B" if kb and total else ""
    print(f"{name:38} {ms(med):>11} {mi(ins):>12} {mib(kb):>11} {per:>14}")
    return med, ins

size = lambda p: os.path.getsize(p) // 1024
print(f"-- fixture pair ({size(old10)} KB + {size(new10)} KB), text output")
d10, dins = case("diff -u", ["diff", "-u", old10, new10])
g10, gins = case("gkdiff", [bin, old10, new10], inputs=(old10, new10))
p10, _ = case("python difflib (char diff of the prose)", [python, difflib_script, old10, new10], n=max(3, runs // 5), count=False)
print(f"-- 50 KB pair ({size(old50)} KB + {size(new50)} KB)")
case("diff -u (50 KB)", ["diff", "-u", old50, new50])
g50, g50ins = case("gkdiff (50 KB)", [bin, old50, new50], inputs=(old50, new50))
p50, _ = case("python difflib (50 KB prose)", [python, difflib_script, old50, new50], n=3, count=False)
glarge = {}
for label, (a, b) in large.items():
    print(f"-- realistic {label} pair, subsection titles repeated ({size(a)} KB + {size(b)} KB)")
    case(f"diff -u (realistic {label})", ["diff", "-u", a, b], n=3, count=False)
    glarge[label], _ = case(f"gkdiff (realistic {label})", [bin, a, b], n=3 if label == "1 MB" else 1, count=False,
                            inputs=(a, b))
print(f"-- 5 MB pair, everything changed ({size(old5m)} KB + {size(new5m)} KB)")
case("diff -u (5 MB all changed)", ["diff", "-u", old5m, new5m], n=3, count=False)
g5m, _ = case("gkdiff (5 MB all changed)", [bin, old5m, new5m], n=3, count=False, inputs=(old5m, new5m))
print(f"-- 31 MB of one-character lines ({size(tiny_old)} KB + {size(tiny_new)} KB)")
# Once, with the address space capped at 3 GiB so that a run that would take more fails instead of
# pressing on the machine's memory (it is shared); its status says which.
def capped():
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
t = time.perf_counter()
try:
    r = subprocess.run(["/usr/bin/time", "-f", "%M", bin, tiny_old, tiny_new], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, preexec_fn=capped, timeout=600)
    tiny_status, tiny_err = r.returncode, r.stderr
except subprocess.TimeoutExpired:
    tiny_status, tiny_err = "timed out (10 min)", ""
tiny_seconds = time.perf_counter() - t
tiny_refused = tiny_status == 2 and "gkdiff:" in tiny_err  # an error message, not a crash
try: tiny_kb = int(tiny_err.strip().split("\n")[-1])
except ValueError: tiny_kb = None
peaks["gkdiff (31 MB one-character lines)"] = tiny_kb
total = os.path.getsize(tiny_old) + os.path.getsize(tiny_new)
per = f"{tiny_kb * 1024 / total:9.1f} B/B" if tiny_kb else ""
print(f"{'gkdiff (31 MB one-character lines)':38} {ms(tiny_seconds):>11} {mi(None):>12} {mib(tiny_kb):>11} {per:>14}  exit {tiny_status}")
batch_seconds = {}
for count in batch_sizes:
    print(f"-- batch: {count} pairs (2 folders)")
    batch_old, batch_new = batch_folders[count]
    batch_seconds[count], _ = case(f"gkdiff --batch ({count} pairs)", [bin, "--batch", "--format", "csv", "-o", f"{inputs}/summary.csv", batch_old, batch_new], n=5, count=False)

print()
print("targets (issues 14 and 15)                          measured             target")
def line(what, value, target="", ok=None):
    print(f"  {what:48} {value:>14}  {target:>17}  {'' if ok is None else 'ok' if ok else 'MISSED'}".rstrip())
line("fixture pair: gkdiff instructions", f"{gins / 1e6:.2f} M" if gins else "?", "≤ 6 M", bool(gins) and gins <= 6e6)
line("fixture pair: gkdiff / diff -u wall time", f"{g10 / d10:.2f}×", "≤ 2.5×", g10 / d10 <= 2.5)
if gins and g50ins:
    line("50 KB pair / fixture pair (instructions)", f"{g50ins / gins:.2f}×", "≤ 4×", g50ins / gins <= 4)
else:
    line("50 KB pair / fixture pair (wall time, no valgrind)", f"{g50 / g10:.2f}×", "≤ 4×", g50 / g10 <= 4)
line("realistic 5 MB pair", f"{glarge['5 MB']:.2f} s", "< 1 s", glarge["5 MB"] < 1)
kb, total = peaks["gkdiff (realistic 5 MB)"], sum(os.path.getsize(p) for p in large["5 MB"])
if kb:
    line("realistic 5 MB pair: peak memory per input byte", f"{kb * 1024 / total:.1f} B", "≤ 4 B", kb * 1024 / total <= 4)
kb = peaks["gkdiff (31 MB one-character lines)"]
line("31 MB of one-character lines", ("refused" if tiny_refused else f"exit {tiny_status}") + f", {mib(kb).strip()}",
     "refused or ≤ 2 GB", tiny_refused or (tiny_status in (0, 1) and kb is not None and kb <= 2 * 1024 * 1024))
for count in batch_sizes:  # issue 14: no quadratic step, so the rate holds from 1,000 to 5,000 pairs
    rate = count / batch_seconds[count]
    line(f"batch pairs per second ({count} pairs)", f"{rate:.0f}/s", "≥ 1,500/s", rate >= 1500)
print("comparisons (not targets)")
line("5 MB everything-changed pair", f"{g5m:.2f} s")
line("python difflib / gkdiff, 50 KB pair (same prose)", f"{p50 / g50:.0f}×")
line("python difflib / gkdiff, fixture pair (same prose)", f"{p10 / g10:.0f}×")
PY
