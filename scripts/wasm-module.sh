#!/usr/bin/env bash
# Builds one crate as a wasm-bindgen ES module (speed-optimised, on stable) into a folder:
#   scripts/wasm-module.sh CRATE OUT_DIR WASM_OPT_LEVEL
# e.g. scripts/wasm-module.sh baft-js dist/js-api -O3. Used by build-js-api.sh and build-staff.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
crate="$1" out="$2" level="$3"
lib="${crate//-/_}"
# Local tools first: npm binaryen's wasm-opt (never Debian's binaryen 108), the pinned wasm-bindgen.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The app's size build may run on nightly with build-std; these modules are built on stable.
unset RUSTFLAGS CARGO_UNSTABLE_BUILD_STD RUSTUP_TOOLCHAIN CARGO_ENCODED_RUSTFLAGS
cargo build --profile js-api --target wasm32-unknown-unknown -p "$crate"
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" "target/wasm32-unknown-unknown/js-api/$lib.wasm"
if command -v wasm-opt >/dev/null; then
  wasm-opt "$level" "$out/${lib}_bg.wasm" -o "$out/${lib}_bg.opt.wasm" \
    && mv "$out/${lib}_bg.opt.wasm" "$out/${lib}_bg.wasm" \
    || { rm -f "$out/${lib}_bg.opt.wasm"; echo "[$crate] wasm-opt failed: keeping the unoptimised wasm" >&2; }
fi
