#!/usr/bin/env bash
# Builds the app into dist/ (release, size-optimised, wasm-opt -Oz), offline; then the strict-CSP
# post-processing and the JS API for integrators (dist/js-api/).
#
# With the machine's nightly toolchain (set up by scripts/setup.sh) the wasm is built with
# -Zbuild-std and panic=immediate-abort, which drops the standard library's panic and formatting
# machinery the app never shows: about 35 KB gzip. Without a nightly it falls back to stable.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Local tools first: npm binaryen's wasm-opt (never Debian's binaryen 108), pinned trunk and wasm-bindgen.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# The linker keeps its relocations for wasm-split-cli (scripts/split.mjs).
SPLIT_FLAGS="-Clink-args=--emit-relocs"
if rustup +nightly component list --installed 2>/dev/null | grep -q '^rust-src' \
   && rustup +nightly target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  export RUSTUP_TOOLCHAIN=nightly
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none $SPLIT_FLAGS"
  # Fetch std's own dependencies once (online), so that Trunk's offline build finds them.
  cargo build --release --target wasm32-unknown-unknown --bin baft-app --features split --quiet
else
  echo "[build] no nightly with rust-src: building with stable (larger wasm)" >&2
  export RUSTFLAGS="$SPLIT_FLAGS"
fi
trunk build --release --offline --features split "$@"
# The parts after the first answer into their own module (src/components/later.rs).
node scripts/split.mjs dist
# Strict-CSP fix-ups (Trunk's inline loader to a file, integrity everywhere), service-worker stamp.
node scripts/postbuild.mjs dist
# The JS API for integrators (ES module + wasm + types + example) into dist/js-api/.
bash scripts/build-js-api.sh
# The staff page, with its own module (owners never load it), into dist/staff/.
bash scripts/build-staff.sh
