#!/usr/bin/env bash
# Wall-clock A/B of two builds of the throughput example on one stage, alternated round by
# round so that the machine's drift hits both alike.
#
#   scripts/ab.sh OLD_THROUGHPUT NEW_THROUGHPUT STAGE_ID [ROUNDS=6] [REPS=3]
#
# OLD_THROUGHPUT and NEW_THROUGHPUT are `target/release/examples/throughput` binaries of two
# commits, e.g. the old one from `git worktree add /tmp/old COMMIT && (cd /tmp/old && cargo
# build --release --example throughput)`, copied aside. STAGE_ID is a stage id of
# examples/throughput.rs (`quotes`, `tokenize`, `pipeline`, `pipeline_docs`, `boilerplate`,
# `gazetteer_default`, ...; exact match). Run it from the checkout, so that the binaries find
# `../shared` for the PFSA corpus. Prints each round's median MB/s of both, then the median of
# the rounds, the new/old ratio and in how many rounds the new build was faster.
set -euo pipefail
old=$1 new=$2 id=$3 rounds=${4:-6} reps=${5:-3}
python3 - "$old" "$new" "$id" "$rounds" "$reps" <<'PY'
import json, subprocess, statistics, sys
old, new, sid, rounds, reps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
def run(b):
    out = subprocess.run([b, "--only", sid, "--reps", reps, "--json"], capture_output=True, check=True, text=True).stdout
    d = json.loads(out)
    return next(s["median_mb_s"] for s in d["stages"] if s["id"] == sid)
a, b = [], []
for r in range(rounds):
    order = [(old, a), (new, b)] if r % 2 == 0 else [(new, b), (old, a)]
    for bin_, acc in order:
        acc.append(run(bin_))
    print(f"round {r+1}: old {a[-1]:.1f}  new {b[-1]:.1f} MB/s", flush=True)
ma, mb = statistics.median(a), statistics.median(b)
wins = sum(y > x for x, y in zip(a, b))
print(f"median old {ma:.1f}  new {mb:.1f} MB/s  new/old {mb/ma:.3f}  (new faster in {wins}/{rounds} rounds)")
PY
