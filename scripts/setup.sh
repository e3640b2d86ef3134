#!/usr/bin/env bash
# Installs everything Baft needs to build and test, skipping what is already there.
# Idempotent: safe to run on every build and test. Tools go to the user's cargo bin
# (~/.cargo/bin), never inside the clone, so a fresh clone reuses them.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
say() { printf '[setup] %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

# 1. Rust target for the browser build.
if ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then
  say "adding clippy (the lint step of scripts/test.sh)"
  rustup component add clippy
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 1b. The nightly's std sources and wasm target: the release wasm is built with -Zbuild-std and
#     panic=immediate-abort (about 35 KB gzip smaller). Skipped when there is no nightly.
if rustup toolchain list | grep -q '^nightly'; then
  if ! rustup +nightly component list --installed 2>/dev/null | grep -q '^rust-src'; then
    say "adding rust-src to the nightly toolchain"
    rustup +nightly component add rust-src
  fi
  if ! rustup +nightly target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding wasm32-unknown-unknown to the nightly toolchain"
    rustup +nightly target add wasm32-unknown-unknown
  fi
fi

# 2. Chromium + ChromeDriver (Debian packages) for wasm-bindgen-test and Playwright.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 2b. GDAL (Debian's gdal-bin): the FlatGeobuf round trip with ogr2ogr (crates/baft-cli/tests/gdal.rs).
if ! command -v ogr2ogr >/dev/null; then
  say "installing gdal-bin (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq gdal-bin >/dev/null
fi

# 3. Trunk (pinned: 0.22 needs a newer rustc than the machine's stable).
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 4. wasm-bindgen CLI, same version as the wasm-bindgen crate pinned in Cargo.toml.
#    (Without --locked: the registry mirror refuses one of its locked dependencies.)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 4a. wasm-split-cli (the splitter Leptos's `cargo leptos --split` uses; Trunk has none): cuts the
#     parts after the first answer out of the app's module (scripts/split.mjs). About 2 minutes.
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# 4b. cargo-fuzz, for the fuzz step of the test command (fuzz/run.sh; it needs the nightly
#     toolchain, so it is skipped when there is none). About 1 minute.
if rustup toolchain list | grep -q '^nightly' && ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

# 5. npm packages (Leaflet, Vazirmatn font, binaryen's wasm-opt, Playwright). Never downloads a browser.
stamp=node_modules/.baft-lock-stamp
want=$(sha256sum package-lock.json 2>/dev/null | cut -d' ' -f1 || echo none)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing npm packages"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
  sha256sum package-lock.json | cut -d' ' -f1 > "$stamp"
fi

# 6. Fetch crates once so that offline builds work.
cargo fetch --quiet
say "tools ready"
