#!/usr/bin/env bash
# Installs what is missing and runs every test: native core and CLI, wasm-bindgen tests in
# headless Chromium, the sample-data generator's determinism, the JS API's types, the size
# budget, and the Playwright end-to-end tests against the built dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
step() { printf '\n==> %s\n' "$*"; }

step "every sentence is in the bilingual catalogue (docs/catalogue.md is current)"
python3 scripts/catalogue.py --check

step "layout: no source file over about 400 lines, no Rust function over 80 (docs/ARCHITECTURE.md)"
python3 scripts/layout.py

step "lints: clippy finds nothing, natively and in the wasm front ends (warnings fail the run)"
# Warnings fail the run on the toolchain the code is kept clean with (rust-version in
# Cargo.toml); a newer clippy brings new lints, which are shown but do not fail a run that no
# code change broke.
lint=(-D warnings)
clippy_version=$(cargo clippy --version)
[[ "$clippy_version" == "clippy 0.1.95 "* ]] || { echo "$clippy_version is not 1.95's clippy: its warnings are shown, not fatal"; lint=(); }
cargo clippy -q --workspace --all-targets -- "${lint[@]}"
cargo clippy -q --target wasm32-unknown-unknown -p baft-app -p baft-js -p baft-staff -p baft-web --all-targets -- "${lint[@]}"

step "native tests: core, CLI, JS API engine, sample generator"
cargo test -p baft-core -p baft-cli -p baft-js -p baft-sample -p baft-staff -p baft-web

step "fuzz targets: the committed corpora plus ${BAFT_FUZZ_RUNS:-100000} fixed-seed inputs each (docs/fuzzing.md)"
if rustup toolchain list | grep -q '^nightly'; then
  bash fuzz/run.sh
else
  echo "skipped: fuzzing needs the nightly toolchain (rustup toolchain list shows none)"
fi

step "sample data is what the committed generator produces"
tmp=$(mktemp -d)
cargo run -q -p baft-sample --release -- "$tmp/data" "$tmp/fixtures" 2>/dev/null
diff -r -x packages.json "$tmp/data" data  # packages.json is edited by hand, not generated
diff -r "$tmp/fixtures" tests/fixtures
rm -rf "$tmp"

step "wasm-bindgen tests in headless Chromium"
cargo test --target wasm32-unknown-unknown -p baft-app --tests

step "the JS API's TypeScript types (strict) against an example program"
npx tsc --noEmit -p tests/types

step "build dist/ (app, strict-CSP post-build, JS API) and check the size budget"
bash scripts/build.sh
node scripts/size-report.mjs --check

step "a 200,000-plot parcel layer as FlatGeobuf (baft pack), for the large-data end-to-end test"
cargo build -q --release -p baft-cli -p baft-sample
rm -rf target/data-200k target/data-200k-packed target/dist-200k
cp -r data target/data-200k
./target/release/baft-sample bench-parcels 200000 target/data-200k/parcels/parcels.geojson
./target/release/baft pack target/data-200k --out target/data-200k-packed --lang en
cp -r dist target/dist-200k && rm -rf target/dist-200k/data && cp -r target/data-200k-packed target/dist-200k/data

step "a simulated national deployment of 30 cities (baft-sample national), for its end-to-end test"
rm -rf target/national-src target/data-national target/dist-national
./target/release/baft fix data --out target/national-src --lang en >/dev/null
./target/release/baft-sample national target/national-src target/data-national
for c in target/data-national/*/; do ./target/release/baft validate "$c" --lang en >/dev/null; done
cp -r dist target/dist-national && rm -rf target/dist-national/data && cp -r target/data-national target/dist-national/data

step "end-to-end tests (Playwright, Debian Chromium)"
npx playwright test --config tests/e2e/playwright.config.mjs
