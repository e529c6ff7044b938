#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages only), configures and builds
# icp in ./build (Release, Ninja). Safe to run again: it installs nothing that
# is already there and rebuilds only what changed.
#   scripts/bootstrap.sh          build
#   scripts/bootstrap.sh --test   also install what the test suite needs (npm packages),
#                                 and build as CI does: warnings are errors (ICP_WERROR)
set -euo pipefail
cd "$(dirname "$0")/.."

PKGS=(antlr4 libantlr4-runtime-dev uuid-dev llvm-19-dev libzstd-dev libfmt-dev libgtest-dev
      libbenchmark-dev default-jre-headless ninja-build cmake g++ pkg-config
      libre2-dev libcli11-dev libmimalloc-dev python3)
if [[ ${1:-} == --test ]]; then
  # neovim for the editor tests; clang-19 and its libFuzzer/sanitizer
  # runtimes for CI's build-san folder (tests/fuzz/README.md).
  PKGS+=(neovim clang-19 libclang-rt-19-dev)
  # Node.js: keep the one the machine has (this image ships Node 20 with its
  # own npm, which conflicts with Debian's npm package); install Debian's
  # only where there is none.
  command -v npm >/dev/null 2>&1 || PKGS+=(nodejs npm)
fi

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ ${1:-} == --test && -f tests/node/package.json && ! -d tests/node/node_modules ]]; then
  (cd tests/node && npm ci --no-audit --no-fund --loglevel=error)
fi
if [[ ${1:-} == --test && -f editors/vscode/package.json && ! -d editors/vscode/node_modules ]]; then
  (cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error)
fi

werror=OFF
[[ ${1:-} == --test ]] && werror=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DICP_WERROR=$werror >/dev/null
cmake --build build
