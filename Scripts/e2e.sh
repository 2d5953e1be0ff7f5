#!/usr/bin/env bash
# End-to-end checks on the built binary: every exit status of every command (compare, show, check, batch,
# --help, --version, bad usage), write errors (/dev/full, a closed pipe), -o, special files, terminal
# safety, option syntax, and that every JSON output parses. Fails (exit 1) on any failed check; needs
# python3 for the JSON and closed-pipe checks and fails without it rather than skipping them.
# Usage: Scripts/e2e.sh [path-to-gkdiff]   (default: builds and uses .build/debug/gkdiff)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v python3 >/dev/null; then
  echo "e2e: python3 is required (JSON and closed-pipe checks); install it and run again" >&2
  exit 1
fi
bin=${1:-}
if [ -z "$bin" ]; then
  swift build >/dev/null
  bin=.build/debug/gkdiff
fi
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
F=Fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok:   $*"; }
bad() { echo "FAIL: $*"; fail=1; }
expect() {  # expect STATUS DESCRIPTION -- command...   (stdout in $tmp/out, stderr in $tmp/err)
  local want=$1 what=$2
  shift 3
  local got=0
  timeout 60 "$@" >"$tmp/out" 2>"$tmp/err" || got=$?
  if [ "$got" != "$want" ]; then
    bad "$what: exit $got, expected $want"; sed -n '1,3s/^/  stderr: /p' "$tmp/err"
  else
    ok "$what (exit $got)"
  fi
}
one_line() {  # one_line DESCRIPTION PREFIX: stderr is exactly one line starting with PREFIX, stdout empty
  local what=$1 prefix=$2
  if [ -s "$tmp/out" ]; then bad "$what: stdout not empty"; fi
  if [ "$(wc -l <"$tmp/err")" != 1 ] || [ "$(head -c ${#prefix} "$tmp/err")" != "$prefix" ]; then
    bad "$what: stderr is not one '$prefix…' line:"; cat "$tmp/err"
  fi
}
expect_trouble() {  # one line on stderr starting with gkdiff: PATH:, nothing on stdout
  local what=$1 path=$2
  shift 2
  expect 2 "$what" -- "$@"
  one_line "$what" "gkdiff: $path: "
}
json_ok() {  # json_ok DESCRIPTION FILE: the file parses as JSON
  if python3 -m json.tool "$2" >/dev/null 2>"$tmp/json-err"; then ok "$1: JSON parses"; else bad "$1: invalid JSON: $(cat "$tmp/json-err")"; fi
}
old=$F/nanguan-zfj-2023.txt
new=$F/nanguan-zfj-2024.txt

echo "-- compare: 0 same, 1 different, 2 trouble"
expect 1 "a pair with changes" -- "$bin" $old $new
expect 0 "a report against itself" -- "$bin" $new $new
expect 0 "a report against its GB18030 copy" -- "$bin" $new $F/encodings/nanguan-zfj-2024.gb18030.txt
expect 1 "old report from stdin" -- sh -c "'$bin' - $new < $old"
expect 1 "old report from a pipe" -- sh -c "cat $old | '$bin' - $new"
expect_trouble "compare: missing file" "$tmp/absent.txt" "$bin" "$tmp/absent.txt" $new
expect 1 "compare json" -- "$bin" --format json $old $new
json_ok "compare json" "$tmp/out"
expect 0 "compare json --all, same" -- "$bin" --all --format=json $new $new
json_ok "compare json --all" "$tmp/out"
expect 1 "csv to a file" -- "$bin" --format csv -o "$tmp/changes.csv" $old $new
head -c 3 "$tmp/changes.csv" | od -An -tx1 | grep -q "ef bb bf" && ok "csv starts with a BOM" || bad "csv BOM"

echo "-- show: 0, 2"
expect 0 "show" -- "$bin" show $F/huzhu-cgj-2024.txt
expect 0 "show json" -- "$bin" show --format json $F/nanguan-sthj-2024.txt
json_ok "show json" "$tmp/out"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['cells'])==200" "$tmp/out" \
  && ok "show json has 200 cells" || bad "show json: not 200 cells"
expect_trouble "show: a folder" "$F" "$bin" show "$F"
expect 2 "show --format csv" -- "$bin" show --format csv $new

echo "-- check: 0 no error, 1 an error finding, 2 trouble"
expect 0 "check a clean report" -- "$bin" check $F/nanguan-zsj-2024.txt
expect 0 "check json" -- "$bin" check --format json $F/nanguan-zsj-2024.txt
json_ok "check json" "$tmp/out"
# zsj-2024 with table 2's 予以公开/自然人 raised by 1000: R1, R2 and R3 break.
"$bin" show --format json $F/nanguan-zsj-2024.txt >"$tmp/zsj.json"
python3 - "$tmp/zsj.json" $F/nanguan-zsj-2024.txt "$tmp/broken.txt" <<'PY'
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
cell = next(c for c in cells if c["table"] == "requests" and c["row"] == "granted" and c["column"] == "natural_person")
lines = open(sys.argv[2], encoding="utf-8").read().split("\n")
i = cell["line"] - 1
raw = str(cell["raw"])
assert raw in lines[i], (raw, lines[i])
lines[i] = lines[i].replace(raw, str(int(raw) + 1000), 1)
open(sys.argv[3], "w", encoding="utf-8").write("\n".join(lines))
PY
expect 1 "check a report whose table 2 does not add up" -- "$bin" check "$tmp/broken.txt"
grep -q "R3" "$tmp/out" && ok "check names R3" || bad "check does not name R3"
expect_trouble "check: empty file" "$tmp/empty.txt" sh -c ": >'$tmp/empty.txt'; '$bin' check '$tmp/empty.txt'"

echo "-- batch: 0 nothing differs, 1 a pair differs, 2 a file unreadable"
mkdir -p "$tmp/b/old" "$tmp/b/new" "$tmp/b0/old" "$tmp/b0/new"
cp $old "$tmp/b/old/"; cp $new "$tmp/b/new/"
cp $F/nanguan-zsj-2024.txt "$tmp/b0/old/a.txt"; cp $F/nanguan-zsj-2024.txt "$tmp/b0/new/b.txt"
printf 'a.txt,b.txt\n' >"$tmp/pairs.csv"
expect 0 "batch: one unchanged pair" -- "$bin" --batch --pairs "$tmp/pairs.csv" "$tmp/b0/old" "$tmp/b0/new"
expect 1 "batch: one changed pair" -- "$bin" --batch "$tmp/b/old" "$tmp/b/new"
expect 1 "batch json" -- "$bin" --batch --format json "$tmp/b/old" "$tmp/b/new"
json_ok "batch json" "$tmp/out"
expect 1 "batch csv to a file by extension" -- "$bin" --batch -o "$tmp/summary.csv" "$tmp/b/old" "$tmp/b/new"
head -1 "$tmp/summary.csv" | grep -q "^.status,status_label,agency" && ok "batch -o .csv is CSV" || bad "batch -o .csv is not CSV"
mkfifo "$tmp/b/old/pipe"; : >"$tmp/b/new/.DS_Store"
expect 1 "batch: a FIFO and .DS_Store are named skips, never waited on" -- "$bin" --batch "$tmp/b/old" "$tmp/b/new"
grep -q "命名管道" "$tmp/out" && grep -q "隐藏文件" "$tmp/out" && ok "batch names the skipped files" || bad "batch did not name the skipped files"
expect 1 "batch xlsx to a file by extension" -- "$bin" --batch -o "$tmp/summary.xlsx" "$tmp/b/old" "$tmp/b/new"
unzip -l "$tmp/summary.xlsx" >"$tmp/list" 2>&1 || true  # listed first: grep -q on a pipe would SIGPIPE unzip under pipefail
grep -q "xl/worksheets/sheet1.xml" "$tmp/list" && ok "batch -o .xlsx is a workbook" || bad "batch -o .xlsx is not a workbook"
rm -f "$tmp/b/old/pipe" "$tmp/b/new/.DS_Store"
head -c 4096 /bin/ls >"$tmp/b/new/binary.txt"
expect 2 "batch: an unreadable file" -- "$bin" --batch "$tmp/b/old" "$tmp/b/new"
[ -s "$tmp/out" ] && ok "batch still writes the summary" || bad "batch wrote no summary"
expect 2 "batch: a missing folder" -- "$bin" --batch "$tmp/absent" "$tmp/b/new"

echo "-- help, version, usage"
expect 0 "--help" -- "$bin" --help
expect 0 "--version" -- "$bin" --version
expect 0 "--vers (a prefix)" -- "$bin" --vers
expect 2 "bad option" -- "$bin" --frobnicate a b
one_line "bad option" "gkdiff: "
expect 2 "one file only" -- "$bin" $new
expect 2 "- - (both from standard input)" -- sh -c "'$bin' - - < $old"
one_line "- -" "gkdiff: "
grep -q "标准输入" "$tmp/err" && ! grep -q "空的" "$tmp/err" && ok "- - says standard input, not empty" || bad "- - message"
expect 2 "-o with .xlsx" -- "$bin" -o "$tmp/x.xlsx" $old $new
one_line "-o .xlsx" "gkdiff: "
[ ! -e "$tmp/x.xlsx" ] && ok "no .xlsx written" || bad ".xlsx written"
expect 1 "-o with .html (the review sheet)" -- "$bin" -o "$tmp/审阅.html" $old $new
head -c 15 "$tmp/审阅.html" | grep -q "<!DOCTYPE html>" && ! grep -q "src=\|href=\|@import\|url(\|<script" "$tmp/审阅.html" \
  && ok ".html is one self-contained page" || bad ".html output"
expect 2 "check --format csv (not a check format)" -- "$bin" check --format csv $new
one_line "check --format csv" "gkdiff: "
expect 1 "--csv-header zh" -- "$bin" --format csv --csv-header zh $old $new
head -c 12 "$tmp/out" | grep -q "类别" && ok "--csv-header zh writes Chinese headers" || bad "--csv-header zh"

echo "-- GNU option forms"
expect 1 "bundled -ao FILE" -- "$bin" -ao "$tmp/all.txt" $old $new
grep -q "（无变化）\|→" "$tmp/all.txt" && ok "-ao wrote text" || bad "-ao wrote nothing"
expect 1 "attached -oFILE.json" -- "$bin" "-o$tmp/attached.json" $old $new
json_ok "-oFILE.json infers JSON" "$tmp/attached.json"
expect 1 "--form csv (a prefix) --output=FILE" -- "$bin" --form csv "--output=$tmp/p.txt" $old $new
head -c 3 "$tmp/p.txt" | od -An -tx1 | grep -q "ef bb bf" && ok "--format wins over the extension" || bad "--form csv"
cp $new "$tmp/-x.txt"
expect 0 "-- ends options" -- sh -c "cd '$tmp' && '$bin' -- -x.txt -x.txt"

echo "-- write errors"
for args in "$old $new" "$new $new" "show $new" "check $new" "--format json $old $new" "--batch $tmp/b0/old $tmp/b0/new"; do
  expect 2 "gkdiff $args > /dev/full" -- sh -c "'$bin' $args > /dev/full"
  one_line "gkdiff $args > /dev/full" "gkdiff: write error: "
done
# A closed pipe with SIGPIPE ignored (as under some supervisors and shells): status 2, no message.
cat >"$tmp/closed.py" <<'PY'
import os, signal, subprocess, sys
r, w = os.pipe()
os.close(r)
signal.signal(signal.SIGPIPE, signal.SIG_IGN)
p = subprocess.run(sys.argv[1:], stdout=w, stderr=subprocess.PIPE, restore_signals=False)
sys.stderr.write(p.stderr.decode())
sys.exit(p.returncode)
PY
expect 2 "stdout is a closed pipe" -- python3 "$tmp/closed.py" "$bin" $old $new
[ -s "$tmp/err" ] && bad "closed pipe: stderr not empty: $(cat "$tmp/err")" || ok "closed pipe: no message"

echo "-- -o"
cp $new "$tmp/2024.txt"
expect_trouble "-o onto an input" "$tmp/2024.txt" "$bin" -o "$tmp/2024.txt" $old "$tmp/2024.txt"
cmp -s $new "$tmp/2024.txt" && ok "the input is untouched" || bad "-o changed an input"
expect 2 "-o onto the file on standard input" -- sh -c "'$bin' -o '$tmp/2024.txt' $old - < '$tmp/2024.txt'"
one_line "-o onto standard input's file" "gkdiff: $tmp/2024.txt: "
ln -s "$tmp/2024.txt" "$tmp/link.txt"
expect_trouble "-o onto a link to an input" "$tmp/link.txt" "$bin" -o "$tmp/link.txt" $old "$tmp/2024.txt"
expect_trouble "-o into a missing folder" "$tmp/absent/out.txt" "$bin" -o "$tmp/absent/out.txt" $old $new
expect_trouble "-o onto a folder" "$tmp" "$bin" -o "$tmp" $old $new
printf 'keep\n' >"$tmp/keep.txt"
expect 2 "-o kept when reading fails" -- "$bin" -o "$tmp/keep.txt" $old "$tmp/absent.txt"
[ "$(cat "$tmp/keep.txt")" = keep ] && ok "the target is untouched on trouble" || bad "target changed on trouble"
ls -a "$tmp" | grep -q '^\.gkdiff-' && bad "a temporary file was left behind" || ok "no temporary file left"

echo "-- special files"
mkfifo "$tmp/fifo.txt"
expect_trouble "a FIFO argument (not waited on)" "$tmp/fifo.txt" "$bin" "$tmp/fifo.txt" $new
expect_trouble "show a FIFO" "$tmp/fifo.txt" "$bin" show "$tmp/fifo.txt"
expect_trouble "a device" "/dev/zero" "$bin" check /dev/zero
head -c 4096 /bin/ls >"$tmp/binary"
expect_trouble "binary file" "$tmp/binary" "$bin" "$tmp/binary" $new
printf '会议纪要\n今天讨论了绿化工作。\n' >"$tmp/notes.txt"
expect_trouble "not a report" "$tmp/notes.txt" "$bin" show "$tmp/notes.txt"

echo "-- terminal safety"
nl_name="$tmp/bad
name.txt"
expect 2 "a newline in a file name" -- "$bin" show "$nl_name"
one_line "a newline in a file name" "gkdiff: $tmp/bad\x0aname.txt: "
python3 - $new "$tmp/hostile.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
mark = "全年发布微信公众号文章53篇。"
assert mark in text
text = text.replace(mark, mark + "\x1b[2K\x1b[1A\u202e恶意\u0085句子。", 1)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
expect 1 "a report with ESC and U+202E" -- "$bin" --color=always $old "$tmp/hostile.txt"
grep -qF '\x1b[2K\x1b[1A<U+202E>恶意<U+0085>句子' "$tmp/out" && ok "shown escaped" || bad "not escaped"
python3 -c "
import re, sys
t = open(sys.argv[1], encoding='utf-8').read()
t = re.sub(r'\x1b\[(0|1|31|32|1;33)m', '', t)
bad = [c for c in t if (ord(c) < 32 and c not in '\t\n') or 0x7f <= ord(c) <= 0x9f or c in '\u202e\u2066\u200f']
sys.exit(1 if bad else 0)" "$tmp/out" && ok "only gkdiff's own colours reach the terminal" || bad "raw control characters in the output"
expect 1 "hostile JSON" -- "$bin" --format json $old "$tmp/hostile.txt"
json_ok "hostile JSON" "$tmp/out"
grep -qF '\u001b[2K' "$tmp/out" && ok "JSON escapes ESC" || bad "JSON does not escape ESC"

[ $fail = 0 ] && echo "e2e: all passed" || { echo "e2e: FAILED"; exit 1; }
