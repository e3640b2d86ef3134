#!/usr/bin/env bash
# Reproducible benchmark: native and in-browser (headless Chromium) load/index and point-check
# figures on the sample data and a generated 50,000-feature layer, plus shipped asset sizes.
# Not a test: it reports; docs/performance.md records a run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
N="${BAFT_BENCH_FEATURES:-50000}"
layer="$PWD/target/blocks-50k.geojson"
cargo run -q -p baft-sample --release -- bench-layer "$N" "$layer"

echo "== machine"; echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"; rustc --version

echo "== native"
BAFT_BENCH_LAYER="$layer" cargo bench -q -p baft-core --bench point_check

echo "== browser (wasm, opt-level 3 JS API build)"
cargo build -q --release --target wasm32-unknown-unknown -p baft-js
site=target/bench-site
rm -rf "$site" && mkdir -p "$site"
wasm-bindgen --target web --out-dir "$site" target/wasm32-unknown-unknown/release/baft_js.wasm
cp bench/bench.html "$site/" && cp -r data "$site/data" && cp "$layer" "$site/blocks-50k.geojson"
node bench/browser-bench.mjs

echo "== large data: parcel layers of 50,000 and 200,000 plots, GeoJSON vs .baftpack (browser)"
[ -d dist ] || bash scripts/build.sh >/dev/null
cargo build -q --release -p baft-cli -p baft-sample
for n in 50000 200000; do
  rm -rf "target/data-$n" "target/data-$n-packed"
  cp -r data "target/data-$n"
  ./target/release/baft-sample bench-parcels "$n" "target/data-$n/parcels/parcels.geojson" 2>/dev/null
  ./target/release/baft pack "target/data-$n" --out "target/data-$n-packed" --lang en
done
node bench/large-data.mjs

echo "== shipped assets (dist/)"
[ -d dist ] || bash scripts/build.sh >/dev/null
node scripts/size-report.mjs
