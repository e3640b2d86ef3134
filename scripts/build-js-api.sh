#!/usr/bin/env bash
# Builds Baft's JS API for integrators into dist/js-api/: the wasm-bindgen ES module
# (baft_js.js + baft_js_bg.wasm, speed-optimised), the hand-written wrapper baft.mjs with its
# types (baft.d.ts, baft-core.d.ts, baft.d.mts), and the example page. See docs/js-api.md.
# Called by scripts/build.sh after Trunk (dist/data/ comes from Trunk's copy of data/).
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist/js-api
bash scripts/wasm-module.sh baft-js "$out" -O3
cp www/js-api/baft.mjs www/js-api/baft.d.ts www/js-api/baft-core.d.ts www/js-api/baft.d.mts \
   www/js-api/example.html www/js-api/example.js www/js-api/example.css "$out/"
echo "[build-js-api] $out: $(du -sh "$out" | cut -f1)"
