#!/usr/bin/env bash
# Builds the fuzz targets once and runs each for BAFT_FUZZ_SECONDS (default 15) seconds, from
# its committed corpus (fuzz/corpus/<target>/, read only: new inputs go to a temporary folder,
# so the clone stays clean). Stops at the first crash or broken invariant, with the input
# written to fuzz/artifacts/<target>/ and the end of libFuzzer's log shown. See docs/fuzzing.md.
#
#   fuzz/run.sh                          every target, 15 s each (what scripts/test.sh runs)
#   BAFT_FUZZ_SECONDS=600 fuzz/run.sh    the longer run, 10 minutes each
#   fuzz/run.sh share plate              only these targets
#
# Needs the nightly toolchain and cargo-fuzz (scripts/setup.sh installs cargo-fuzz).
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$HOME/.cargo/bin:$PATH"
secs="${BAFT_FUZZ_SECONDS:-15}"
# No sanitizer: the core has no unsafe code, and an uninstrumented build is about twice as
# fast to build and to run. Debug assertions and overflow checks stay on (cargo fuzz's default).
fuzz=(cargo +nightly fuzz)
opts=(-s none)

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <("${fuzz[@]}" list)
fi

echo "fuzz: building the targets, then running ${#targets[@]} for ${secs}s each"
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
      -max_total_time="$secs" -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 "${extra[@]}" \
      >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $t FAILED: the input is in fuzz/artifacts/$t/ (add it as a regression test: docs/fuzzing.md)"
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  new=$(sed -n 's/^stat::new_units_added: *//p' "$log")
  echo "fuzz: $t ok, ${runs:-?} inputs in ${secs}s (${new:-0} reached new code)"
done
