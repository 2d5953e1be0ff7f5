#!/usr/bin/env bash
# Hostile input for gkdiff: mutates the fixtures (truncate anywhere, flip bytes, drop or duplicate
# lines, shuffle table rows, random bytes, tags and separators, layouts and encodings changed, a 5 MB
# line without a newline, a 50 MB file) and runs `show`, the comparison with the fixture it came from
# (text, CSV, JSON) and, for every fourth input, `show --format json` and `check` on each.
#
# Usage: Scripts/fuzz.sh [COUNT] [SEED]      (defaults: 1000 inputs, seed 1)
#
# Every input runs in-process in a release-built driver (Sources/gkdiff-fuzz) with a 2 s watchdog per
# gkdiff run, split over the machine's cores. A crash (the driver dies) or a timeout (a run over 2 s)
# is recorded, the input saved under .build-fuzz/failures/ for reproduction, and the run goes on with
# the next input. On top, the built gkdiff binary itself runs under `ulimit -v` (memory bounded) on a
# 50 MB file, 5 MB lines, random bytes and a sample of the generated inputs.
#
# Prints `N inputs, C crashes, T timeouts, slowest X ms` and exits 1 when C, T or the number of broken
# output contracts (exit status not 0/1/2; status 2 without exactly one `gkdiff: PATH: reason` line) is
# not 0.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-1000}
seed=${2:-1}
case "$count$seed" in *[!0-9]*) echo "usage: Scripts/fuzz.sh [COUNT] [SEED]" >&2; exit 2 ;; esac

scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" --product gkdiff-fuzz >/dev/null
swift build -c release --scratch-path "$scratch" --product gkdiff >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
failures=$scratch/failures
mkdir -p "$failures"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

workers=$(nproc 2>/dev/null || echo 2)
[ "$workers" -gt 4 ] && workers=4
crashes=0
timeouts=0
violations=0
slowest=0

# One worker: inputs k, k+workers, k+2·workers … below count; restarted after the input that killed it.
worker() {
  local k=$1 start=$1 out=$work/worker$1
  mkdir -p "$out/files"
  : >"$out/log"
  while [ "$start" -lt "$count" ]; do
    local status=0
    "$bin/gkdiff-fuzz" run --fixtures Fixtures --work "$out/files" --seed "$seed" --start "$start" \
      --end "$count" --step "$workers" --progress "$out/progress" >>"$out/log" 2>"$out/stderr" || status=$?
    grep '^input ' "$out/stderr" >>"$out/errors" || true
    [ "$status" -eq 0 ] && break
    local index
    index=$(head -n1 "$out/progress")
    local saved
    saved=$("$bin/gkdiff-fuzz" save --fixtures Fixtures --seed "$seed" --index "$index" --out "$failures")
    grep -v '^input ' "$out/stderr" >"$saved.log" || true
    if [ "$status" -eq 124 ]; then
      echo "timeout $index $saved" >>"$out/log"
    else
      echo "crash $index status=$status $saved" >>"$out/log"
    fi
    start=$((index + workers))
  done
}

for ((k = 0; k < workers; k++)); do worker "$k" & done
wait

for ((k = 0; k < workers; k++)); do
  log=$work/worker$k/log
  while read -r word rest; do
    case "$word" in
      inputs=*)
        for field in $word $rest; do
          case "$field" in
            slowest_ms=*) v=${field#slowest_ms=}; [ "$v" -gt "$slowest" ] && slowest=$v ;;
            violations=*) violations=$((violations + ${field#violations=})) ;;
            peak_mb=*) echo "worker $k: peak memory ${field#peak_mb=} MB" ;;
          esac
        done ;;
      crash) crashes=$((crashes + 1)); echo "CRASH on input $rest" ;;
      timeout) timeouts=$((timeouts + 1)); echo "TIMEOUT (over 2 s) on input $rest" ;;
    esac
  done <"$log"
  if [ -s "$work/worker$k/errors" ]; then sed 's/^/VIOLATION /' "$work/worker$k/errors" | head -20; fi
done

# The built binary, memory bounded, on the largest inputs and a sample of the generated ones.
big=$work/big
mkdir -p "$big"
yes "$(cat Fixtures/nanguan-zfj-2024.txt)" | head -c $((50 * 1048576)) >"$big/large.txt" || true
{ cat Fixtures/nanguan-zfj-2024.txt; head -c $((5 * 1048576)) /dev/zero | tr '\0' '7'; } >"$big/long-digits.txt"
{ cat Fixtures/layouts/nanguan-zjj-2024.html; head -c 524288 /dev/zero | tr '\0' 'x' | sed 's/x/<td>1<\/td>/g' | tr -d '\n'; } >"$big/long-cells.html"
head -c 65536 /dev/urandom >"$big/random.bin"
cp Fixtures/layouts/nanguan-zjj-2024.truncated.html Fixtures/layouts/nanguan-zjj-2024.truncated.txt "$big/"
for ((i = 0; i < count; i += 1000)); do
  "$bin/gkdiff-fuzz" save --fixtures Fixtures --seed "$seed" --index "$i" --out "$big" >/dev/null
done
binary_runs=0
binary_failures=0
for file in "$big"/*; do
  case "$file" in *.about) continue ;; esac
  for args in "show" "compare"; do
    if [ "$args" = show ]; then set -- show "$file"; else set -- Fixtures/nanguan-zfj-2024.txt "$file"; fi
    started=$(date +%s%N)
    status=0
    (ulimit -v 4194304; timeout 2 "$bin/gkdiff" "$@" >"$work/out" 2>"$work/err") || status=$?
    elapsed=$((($(date +%s%N) - started) / 1000000))
    binary_runs=$((binary_runs + 1))
    [ "$elapsed" -gt "$slowest" ] && slowest=$elapsed
    if [ "$status" -eq 124 ]; then
      timeouts=$((timeouts + 1)); echo "TIMEOUT (binary) gkdiff $*"
    elif [ "$status" -gt 2 ]; then
      crashes=$((crashes + 1)); echo "CRASH (binary, status $status) gkdiff $*"
    elif [ "$status" -eq 2 ] && { [ -s "$work/out" ] || [ "$(wc -l <"$work/err")" -ne 1 ] || ! grep -q "^gkdiff: $file: " "$work/err"; }; then
      binary_failures=$((binary_failures + 1)); echo "VIOLATION (binary) gkdiff $*: $(head -c 300 "$work/err")"
    fi
  done
done
violations=$((violations + binary_failures))
echo "binary: $binary_runs runs of the built gkdiff under ulimit -v 4 GB, $binary_failures broken contracts"
[ "$violations" -gt 0 ] && echo "$violations broken output contracts (see VIOLATION lines)"
echo "$count inputs, $crashes crashes, $timeouts timeouts, slowest $slowest ms"
[ "$crashes" -eq 0 ] && [ "$timeouts" -eq 0 ] && [ "$violations" -eq 0 ]
