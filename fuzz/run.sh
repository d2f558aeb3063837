#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each, one after the other, and prints each
# target's executions and wall time from libFuzzer's final stats. Exits non-zero on the first crash,
# leaving the input in fuzz/artifacts/TARGET/ (see fuzz/README.md); logs in fuzz/target/logs/.
#   fuzz/run.sh [SECONDS] [TARGET...]      default: 60 s, every target
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/nightly.env

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(share_decode call_toml catalog_json answers_json import_csv pack_decode engine_request pkg_answers)

command -v cargo-fuzz >/dev/null || scripts/setup-fuzz.sh
cargo "+$WC_NIGHTLY" fuzz build >/dev/null

summary=()
for t in "${targets[@]}"; do
  # The log stays out of fuzz/artifacts/, where cargo-fuzz looks for crashing inputs.
  mkdir -p "fuzz/corpus/$t" fuzz/target/logs
  log="fuzz/target/logs/$t.log"
  printf '[fuzz] %s for %ss\n' "$t" "$seconds"
  start=$(date +%s)
  # The first directory receives new inputs (gitignored); the committed seeds are only read.
  if ! cargo "+$WC_NIGHTLY" fuzz run "$t" "$PWD/fuzz/corpus/$t" "$PWD/fuzz/seeds/$t" -- \
      -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 >"$log" 2>&1; then
    tail -40 "$log"
    echo "[fuzz] $t FAILED: the input is in fuzz/artifacts/$t/, the log in $log" >&2
    exit 1
  fi
  wall=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  summary+=("$(printf '%-14s %12s execs %6ss' "$t" "${execs:-?}" "$wall")")
done
printf '[fuzz] %s\n' "${summary[@]}"
