#!/usr/bin/env bash
# Builds gkdiff in release mode with the Swift standard library and libstdc++ linked statically
# (Scripts/static-build.sh: it starts in a fraction of the time of a dynamically linked build) and
# installs it.
# Usage: Scripts/install.sh [PREFIX]      (default /usr/local; the binary goes to PREFIX/bin/gkdiff)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
bin=$(Scripts/static-build.sh .build-static)
mkdir -p "$prefix/bin"
install -m 0755 "$bin" "$prefix/bin/gkdiff"
echo "installed $prefix/bin/gkdiff ($("$prefix/bin/gkdiff" --version))"
