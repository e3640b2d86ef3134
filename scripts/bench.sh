#!/usr/bin/env bash
# Reproducible benchmark: native and in-browser (headless Chromium) load/index and point-check
# figures on the sample data and a generated 50,000-feature layer, shipped asset sizes, and Baft
# against the JavaScript way (JSON.parse + Flatbush + Turf.js) side by side in one browser run.
# Not a test: it reports; docs/performance.md records a run.
# `scripts/bench.sh vs-turf` runs only the side-by-side comparison; `scripts/bench.sh app-memory`
# only the app's memory on a 200,000-plot layer read by ranges.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Baft vs Turf.js: the sample's zone layers (after `baft fix`: lon/lat throughout, as a Leaflet
# page needs them) with generated parcel layers of 10,000 / 50,000 / 200,000 plots, as GeoJSON and
# as FlatGeobuf (baft pack); bench/vs-turf.mjs runs bench/peer.html and Baft's JS API (dist/js-api) alternately
# in one headless Chromium, then the app's and the peer page's first answer to a #p= link.
vs_turf() {
  echo "== Baft vs Turf.js + Flatbush (one browser, alternating runs)"
  [ -f dist/index.html ] || bash scripts/build.sh >/dev/null
  [ -f dist/js-api/baft.mjs ] || bash scripts/build-js-api.sh >/dev/null
  cargo build -q --release -p baft-cli -p baft-sample
  local vs=target/vs-turf sizes="${BAFT_VS_SIZES:-10000,50000,200000}"
  rm -rf "$vs/zones" && mkdir -p "$vs"
  ./target/release/baft fix data --out "$vs/zones" --lang en >/dev/null
  rm -rf "$vs/zones/parcels"
  for n in ${sizes//,/ }; do
    rm -rf "$vs/data-$n" "$vs/data-$n-packed"
    cp -r "$vs/zones" "$vs/data-$n" && mkdir -p "$vs/data-$n/parcels"
    ./target/release/baft-sample bench-parcels "$n" "$vs/data-$n/parcels/parcels.geojson" 2>/dev/null
    ./target/release/baft pack "$vs/data-$n" --out "$vs/data-$n-packed" --lang en >/dev/null
  done
  BAFT_VS_SIZES="$sizes" node bench/vs-turf.mjs
  # Where the zone-layers-alone first answer's time goes, on both pages (a Chromium trace).
  node bench/trace-first-answer.mjs 5
}
if [ "${1:-}" = vs-turf ]; then vs_turf; exit 0; fi
# The app's memory on a 200,000-plot FlatGeobuf layer read by ranges, then whole after the first
# answer (bench/app-memory.mjs): the site scripts/test.sh prepares, built from dist/.
if [ "${1:-}" = app-memory ]; then
  [ -f dist/index.html ] || bash scripts/build.sh >/dev/null
  cargo build -q --release -p baft-cli -p baft-sample
  if [ ! -f target/data-200k-packed/parcels/parcels.fgb ]; then
    rm -rf target/data-200k && cp -r data target/data-200k
    ./target/release/baft-sample bench-parcels 200000 target/data-200k/parcels/parcels.geojson
    ./target/release/baft pack target/data-200k --out target/data-200k-packed --lang en >/dev/null
  fi
  rm -rf target/dist-200k && cp -r dist target/dist-200k && rm -rf target/dist-200k/data
  cp -r target/data-200k-packed target/dist-200k/data
  node bench/app-memory.mjs
  exit 0
fi

N="${BAFT_BENCH_FEATURES:-50000}"
layer="$PWD/target/blocks-50k.geojson"
cargo run -q -p baft-sample --release -- bench-layer "$N" "$layer"

echo "== machine"; echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"; rustc --version

echo "== native"
BAFT_BENCH_LAYER="$layer" cargo bench -q -p baft-core --bench point_check

echo "== browser (wasm, opt-level 3 JS API build)"
cargo build -q --profile js-api --target wasm32-unknown-unknown -p baft-js
site=target/bench-site
rm -rf "$site" && mkdir -p "$site"
wasm-bindgen --target web --out-dir "$site" target/wasm32-unknown-unknown/js-api/baft_js.wasm
cp bench/bench.html "$site/" && cp -r data "$site/data" && cp "$layer" "$site/blocks-50k.geojson"
node bench/browser-bench.mjs

echo "== large data: parcel layers of 50,000 and 200,000 plots, GeoJSON vs FlatGeobuf (browser)"
[ -d dist ] || bash scripts/build.sh >/dev/null
cargo build -q --release -p baft-cli -p baft-sample
for n in 50000 200000; do
  rm -rf "target/data-$n" "target/data-$n-packed"
  cp -r data "target/data-$n"
  ./target/release/baft-sample bench-parcels "$n" "target/data-$n/parcels/parcels.geojson" 2>/dev/null
  ./target/release/baft pack "target/data-$n" --out "target/data-$n-packed" --lang en
done
node bench/large-data.mjs

echo "== a parcel layer of 1,000,000 plots read by range requests (requests and bytes per point)"
rm -rf target/data-1000000 target/data-1000000-packed
cp -r data target/data-1000000
./target/release/baft-sample bench-parcels 1000000 target/data-1000000/parcels/parcels.geojson 2>/dev/null
./target/release/baft pack target/data-1000000 --out target/data-1000000-packed --lang en
rm -rf target/data-1000000
cargo run -q --release -p baft-core --example fgb_ranges -- target/data-1000000-packed/parcels/parcels.fgb 300
[ -d dist ] || bash scripts/build.sh >/dev/null
node bench/ranges-1m.mjs

echo "== shipped assets (dist/)"
[ -d dist ] || bash scripts/build.sh >/dev/null
node scripts/size-report.mjs

vs_turf
