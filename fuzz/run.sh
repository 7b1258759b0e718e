#!/usr/bin/env bash
# Runs the Warta fuzz targets one after the other, one process each (the machine is shared),
# and prints libFuzzer's final statistics of each run.
#
#   fuzz/run.sh SECONDS [TARGET...]      (default: every target)
#
# With FORK=1 the run goes on past crashes (libFuzzer -fork=1 -ignore_crashes=1: one worker
# process at a time), so a known, not yet fixed crash does not end the run; every crash is
# still saved under artifacts/<target>/.
# Needs cargo-fuzz (`cargo install cargo-fuzz`). The stable toolchain is enough: nightly flags
# are enabled with RUSTC_BOOTSTRAP=1. New inputs go to fuzz/corpus/<target>/ (not committed),
# crashes to fuzz/artifacts/<target>/; the committed seeds are read from fuzz/seeds/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(tokenize conllu boilerplate gazetteer quotes pipeline jsonl)
fi
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t" logs
    log="logs/$t-$(date -u +%Y%m%dT%H%M%SZ).log"
    echo "== $t: $seconds s, log $log"
    set +e
    if [ "${FORK:-0}" = 1 ]; then
        mode=(-fork=1 -ignore_crashes=1)
    else
        mode=(-jobs=1 -workers=1)
    fi
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$seconds" -print_final_stats=1 "${mode[@]}" \
        -artifact_prefix="artifacts/$t/" >"$log" 2>&1
    status=$?
    set -e
    cat fuzz-0.log >>"$log" 2>/dev/null && rm -f fuzz-0.log
    grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|Done [0-9]+ runs)' "$log" | sort -u || true
    grep -E '^#[0-9]+: cov' "$log" | tail -1 || true
    grep -E 'SUMMARY|panicked' "$log" | head -5 || true
    echo "exit status $status"
done
