#!/usr/bin/env bash
# Builds the release binary as it is installed and benchmarked: the Swift runtime, libstdc++ and the
# rest linked statically, and the binary not position-independent, so that the loader has almost no
# relocations to make at start-up (`gkdiff --version`: 2.25 M instructions with libstdc++ dynamic,
# 0.60 M without), and generic metadata made by the compiler's accessors (below). glibc stays dynamic, so iconv's GB18030/Big5 converters keep working on other
# machines. Prints the path of the binary.
# Usage: Scripts/static-build.sh SCRATCH-PATH
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${1:?usage: Scripts/static-build.sh SCRATCH-PATH}
mkdir -p "$scratch/static-cxx"
# The Swift toolchain's link line asks for `-lstdc++`; a linker script of that name found first on the
# library path hands the linker the static archive instead (when the C++ compiler knows one).
archive=$(c++ -print-file-name=libstdc++.a 2>/dev/null || true)
if [ -n "$archive" ] && [ "$archive" != "libstdc++.a" ] && [ -f "$archive" ]; then
  echo "INPUT($archive)" >"$scratch/static-cxx/libstdc++.so"
else
  rm -f "$scratch/static-cxx/libstdc++.so"
fi
# Generic types made concrete in our code (an array of `Line`, a dictionary keyed by `String`) get their
# metadata from accessor functions the compiler emits, not by the runtime demangling a mangled name and
# scanning every conformance record of the static binary for each requirement (~60 K instructions a scan):
# about 1.9 M of the fixture pair's 13 M instructions. Given here rather than as `unsafeFlags` in
# Package.swift, which SwiftPM refuses in a package used as a dependency.
swift build -c release --static-swift-stdlib -Xlinker -no-pie -Xswiftc -Xcc -Xswiftc -fno-pic \
  -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
  -Xlinker -L"$scratch/static-cxx" --scratch-path "$scratch" >&2
echo "$scratch/release/gkdiff"
