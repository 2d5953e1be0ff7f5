#!/usr/bin/env bash
# Builds gkdiff in release mode with the Swift standard library linked statically (it starts in about a
# third of the time of a dynamically linked build) and installs it.
# Usage: Scripts/install.sh [PREFIX]      (default /usr/local; the binary goes to PREFIX/bin/gkdiff)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
# Not position-independent: about 0.5 M fewer instructions at every start (the loader's relocations);
# glibc stays dynamic, so iconv's GB18030/Big5 keep working on other machines.
swift build -c release --static-swift-stdlib -Xlinker -no-pie -Xswiftc -Xcc -Xswiftc -fno-pic --scratch-path .build-static
mkdir -p "$prefix/bin"
install -m 0755 .build-static/release/gkdiff "$prefix/bin/gkdiff"
echo "installed $prefix/bin/gkdiff ($("$prefix/bin/gkdiff" --version))"
