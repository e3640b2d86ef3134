#!/usr/bin/env bash
# Builds Baft's JS API for integrators into dist/js-api/: the wasm-bindgen ES module
# (baft_js.js + baft_js_bg.wasm, speed-optimised), the hand-written wrapper baft.mjs with its
# types (baft.d.ts, baft.d.mts), and the example page. See docs/js-api.md.
# Called by scripts/build.sh after Trunk (dist/data/ comes from Trunk's copy of data/).
set -euo pipefail
cd "$(dirname "$0")/.."
# Local tools first: npm binaryen's wasm-opt (never Debian's binaryen 108), the pinned wasm-bindgen.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The app's size build may run on nightly with build-std; the JS API is built for speed on stable.
unset RUSTFLAGS CARGO_UNSTABLE_BUILD_STD RUSTUP_TOOLCHAIN CARGO_ENCODED_RUSTFLAGS

out=dist/js-api
cargo build --profile js-api --target wasm32-unknown-unknown -p baft-js
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" target/wasm32-unknown-unknown/js-api/baft_js.wasm
if command -v wasm-opt >/dev/null; then
  wasm-opt -O3 "$out/baft_js_bg.wasm" -o "$out/baft_js_bg.opt.wasm" \
    && mv "$out/baft_js_bg.opt.wasm" "$out/baft_js_bg.wasm" \
    || { rm -f "$out/baft_js_bg.opt.wasm"; echo "[build-js-api] wasm-opt failed: keeping the unoptimised wasm" >&2; }
fi
cp www/js-api/baft.mjs www/js-api/baft.d.ts www/js-api/baft.d.mts \
   www/js-api/example.html www/js-api/example.js www/js-api/example.css "$out/"
echo "[build-js-api] $out: $(du -sh "$out" | cut -f1)"
