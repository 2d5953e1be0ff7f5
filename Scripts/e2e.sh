#!/usr/bin/env bash
# End-to-end checks on the built binary: exit statuses 0/1/2, stderr format, stdout empty on trouble.
# Usage: Scripts/e2e.sh [path-to-gkdiff]   (default: builds and uses .build/debug/gkdiff)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
  swift build >/dev/null
  bin=.build/debug/gkdiff
fi
F=Fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() {  # expect STATUS DESCRIPTION -- command...
  local want=$1 what=$2
  shift 3
  local got=0
  "$@" >"$tmp/out" 2>"$tmp/err" || got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"; sed 's/^/  stderr: /' "$tmp/err" | head -3; fail=1
  else
    echo "ok:   $what (exit $got)"
  fi
}
expect_trouble() {  # one line on stderr starting with gkdiff: PATH:, nothing on stdout
  local what=$1 path=$2
  shift 2
  expect 2 "$what" -- "$@"
  if [ -s "$tmp/out" ]; then echo "FAIL: $what: stdout not empty"; fail=1; fi
  if [ "$(wc -l <"$tmp/err")" != 1 ] || ! grep -q "^gkdiff: $path: " "$tmp/err"; then
    echo "FAIL: $what: stderr is not one 'gkdiff: $path: …' line:"; cat "$tmp/err"; fail=1
  fi
}

expect 1 "a pair with changes" -- "$bin" $F/nanguan-zfj-2023.txt $F/nanguan-zfj-2024.txt
expect 0 "a report against itself" -- "$bin" $F/nanguan-zfj-2024.txt $F/nanguan-zfj-2024.txt
expect 0 "a report against its GB18030 copy" -- "$bin" $F/nanguan-zfj-2024.txt $F/encodings/nanguan-zfj-2024.gb18030.txt
expect 1 "old report from stdin" -- sh -c "'$bin' - $F/nanguan-zfj-2024.txt < $F/nanguan-zfj-2023.txt"
expect 1 "csv to a file" -- "$bin" --format csv -o "$tmp/changes.csv" $F/nanguan-zfj-2023.txt $F/nanguan-zfj-2024.txt
head -c 3 "$tmp/changes.csv" | od -An -tx1 | grep -q "ef bb bf" && echo "ok:   csv starts with a BOM" || { echo "FAIL: csv BOM"; fail=1; }
expect 0 "show" -- "$bin" show $F/huzhu-cgj-2024.txt
expect 0 "show json" -- "$bin" show --format json $F/nanguan-sthj-2024.txt
python3 -c "import json,sys; d=json.load(open('$tmp/out')); assert len(d['cells'])==200" 2>/dev/null \
  && echo "ok:   show json parses, 200 cells" || echo "skip: python3 json check"
expect 0 "check a clean report" -- "$bin" check $F/nanguan-zsj-2024.txt
expect 0 "--help" -- "$bin" --help
expect 0 "--version" -- "$bin" --version
expect_trouble "missing file" "$tmp/absent.txt" "$bin" "$tmp/absent.txt" $F/nanguan-zfj-2024.txt
expect_trouble "a folder" "$F" "$bin" show "$F"
: >"$tmp/empty.txt"
expect_trouble "empty file" "$tmp/empty.txt" "$bin" show "$tmp/empty.txt"
head -c 4096 /bin/ls >"$tmp/binary"
expect_trouble "binary file" "$tmp/binary" "$bin" "$tmp/binary" $F/nanguan-zfj-2024.txt
printf '会议纪要\n今天讨论了绿化工作。\n' >"$tmp/notes.txt"
expect_trouble "not a report" "$tmp/notes.txt" "$bin" show "$tmp/notes.txt"
expect 2 "bad option" -- "$bin" --frobnicate a b
expect 2 "one file only" -- "$bin" $F/nanguan-zfj-2024.txt
[ $fail = 0 ] && echo "e2e: all passed" || { echo "e2e: FAILED"; exit 1; }
