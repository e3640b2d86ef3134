#!/usr/bin/env bash
# Builds the fuzz targets once and runs each from its committed corpus (fuzz/corpus/<target>/,
# read only: new inputs go to a temporary folder, so the clone stays clean). Stops at the first
# crash or broken invariant, with the input written to fuzz/artifacts/<target>/ and the end of
# libFuzzer's log shown. See docs/fuzzing.md.
#
# Two modes:
# - reproducible (the default, what scripts/test.sh runs): every corpus input, then
#   BAFT_FUZZ_RUNS (default 100000) mutated inputs from the fixed seed BAFT_FUZZ_SEED (default 1).
#   The same commit runs the same inputs on every machine, so the test command passes or fails
#   the same way everywhere; a new crash comes from a change, not from luck.
# - exploring (BAFT_FUZZ_SECONDS set): each target for that many seconds from a random seed,
#   to find new crashes. Run it before a release and after changing a reader.
#
#   fuzz/run.sh                          every target, reproducible (what scripts/test.sh runs)
#   BAFT_FUZZ_SECONDS=600 fuzz/run.sh    exploring, 10 minutes each
#   fuzz/run.sh share plate              only these targets
#
# Needs the nightly toolchain and cargo-fuzz (scripts/setup.sh installs cargo-fuzz).
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$HOME/.cargo/bin:$PATH"
if [ -n "${BAFT_FUZZ_SECONDS:-}" ]; then
  budget=(-max_total_time="$BAFT_FUZZ_SECONDS")
  mode="${BAFT_FUZZ_SECONDS}s each from a random seed"
else
  runs="${BAFT_FUZZ_RUNS:-100000}"
  seed="${BAFT_FUZZ_SEED:-1}"
  budget=(-runs="$runs" -seed="$seed")
  mode="the corpus plus $runs inputs each from seed $seed"
fi
# No sanitizer: the core has no unsafe code, and an uninstrumented build is about twice as
# fast to build and to run. Debug assertions and overflow checks stay on (cargo fuzz's default).
fuzz=(cargo +nightly fuzz)
opts=(-s none)

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <("${fuzz[@]}" list)
fi

echo "fuzz: building the targets, then running ${#targets[@]}: $mode"
"${fuzz[@]}" build "${opts[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for t in "${targets[@]}"; do
  mkdir -p "$work/$t" "corpus/$t"
  log="$work/$t.log"
  extra=()
  case "$t" in geojson_layer | plot_outline | manifest | packages) extra=(-dict=dict/json.dict) ;; esac
  # The temporary folder comes first: libFuzzer writes new inputs to the first corpus folder.
  if ! "${fuzz[@]}" run "${opts[@]}" "$t" "$work/$t" "corpus/$t" -- \
      "${budget[@]}" -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 "${extra[@]}" \
      >"$log" 2>&1; then
    tail -n 60 "$log"
    # The panic message itself, which a long backtrace pushes out of the tail.
    grep -m1 -A2 'panicked at' "$log" || true
    echo "fuzz: $t FAILED: the input is in fuzz/artifacts/$t/ (add it as a regression test: docs/fuzzing.md)"
    exit 1
  fi
  done_units=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  new=$(sed -n 's/^stat::new_units_added: *//p' "$log")
  echo "fuzz: $t ok, ${done_units:-?} inputs (${new:-0} reached new code)"
done
