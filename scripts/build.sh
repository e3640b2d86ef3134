#!/usr/bin/env bash
# Builds the app into dist/ (release, size-optimised, wasm-opt -Oz), offline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Local tools first: npm binaryen's wasm-opt (never Debian's binaryen 108), pinned trunk and wasm-bindgen.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release --offline "$@"
