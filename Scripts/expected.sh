#!/usr/bin/env bash
# Regenerates the reviewed expected outputs under Fixtures/expected/: the text, CSV, JSON and HTML comparison of
# each fixture pair (NAME.text, NAME.csv, NAME.json, NAME.htmlpage; not .txt or .html, so that nothing — the
# fuzzer's seed loader included — takes them for reports),
# as `swift test` (ExpectedOutputTests) compares them byte for byte.
# When a change to gkdiff changes an output on purpose, run this, read `git diff Fixtures/expected`
# line by line, and commit the files with the change that explains them.
# Usage: Scripts/expected.sh [path-to-gkdiff]   (default: builds and uses .build/debug/gkdiff)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
  swift build >/dev/null
  bin=.build/debug/gkdiff
fi
mkdir -p Fixtures/expected
# name old new — keep in step with ExpectedOutputTests.pairs
while read -r name old new; do
  for format in text csv json html; do
    ext=$format
    if [ "$format" = html ]; then ext=htmlpage; fi
    status=0
    NO_COLOR=1 "$bin" --color=never --format "$format" "Fixtures/$old" "Fixtures/$new" >"Fixtures/expected/$name.$ext" || status=$?
    if [ "$status" -gt 1 ]; then echo "expected.sh: gkdiff failed on $name ($format), status $status" >&2; exit 1; fi
  done
  echo "Fixtures/expected/$name.{text,csv,json,htmlpage}"
done <<'PAIRS'
huzhu-cgj-2023-2024 huzhu-cgj-2023.txt huzhu-cgj-2024.txt
nanguan-sthj-2023-2024 nanguan-sthj-2023.txt nanguan-sthj-2024.txt
nanguan-xinchun-2023-2024 nanguan-xinchun-2023.txt nanguan-xinchun-2024.txt
nanguan-zfj-2023-2024 nanguan-zfj-2023.txt nanguan-zfj-2024.txt
nanguan-zsj-2023-2024 nanguan-zsj-2023.txt nanguan-zsj-2024.txt
nanguan-mzj-2020-2021 layouts/nanguan-mzj-2020.txt layouts/nanguan-mzj-2021.txt
PAIRS
