#!/usr/bin/env python3
"""Where Warta's PFSA-ID quote scores come from, with the reference scorer's own gold rules.

    python3 scripts/quote_breakdown.py [--show-nya N] [--show-fp N] [--seed S]

Runs `target/release/warta analyze --jsonl` (build it first: `cargo build --release`) on
`../shared/data/pfsa/dev.jsonl`, matches quotes exactly as `../shared/eval/pfsa_eval.py` does
(imported, not copied) and prints:

- speaker accuracy split by the kind of the gold cue: a named cue (`kata Home`), for which the
  gold speaker is the person after the cue, and a `-nya` cue (`katanya`), for which the scorer
  takes the speaker of the previous *gold direct quote* even when the article named someone
  else in between;
- the unmatched system quotes (counted as false positives) by rule and by whether a named
  speaker was found.

`--show-nya N` and `--show-fp N` print N random cases of each (the paragraph before the quote
and the quote), to be judged by hand; `--seed` picks another sample.
"""
import argparse
import collections
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT / ".." / "shared"
sys.path.insert(0, str(SHARED / "eval"))
import pfsa_eval as scorer  # noqa: E402


def run_warta(docs):
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    warta = ROOT / "target" / "release" / "warta"
    out = subprocess.run([str(warta), "analyze", "--jsonl"], input=inp.encode(), capture_output=True, check=True)
    quotes = {}
    for line in out.stdout.decode().splitlines():
        d = json.loads(line)
        quotes[d["id"]] = [q for q in d.get("quotes", []) if q.get("kind", "direct") in ("direct", "mixed")]
    return quotes


def match(gold, system):
    """The scorer's greedy matching: gold index -> system index."""
    used, pairs = set(), {}
    for i, g in enumerate(gold):
        best, bj = None, 0.0
        for j, q in enumerate(system):
            c = q["content"]
            ov = scorer.overlap(g["start"], g["end"], c["start"], c["end"])
            un = max(g["end"], c["end"]) - min(g["start"], c["start"])
            if j not in used and ov * 2 >= un and ov / un > bj:
                best, bj = j, ov / un
        if best is not None:
            used.add(best)
            pairs[i] = best
    return pairs


def context(text, start, end, before=600):
    b = text.encode()
    lo = b.rfind(b"\n", 0, max(0, start - before)) + 1
    hi = b.find(b"\n", end)
    return b[lo : len(b) if hi < 0 else hi].decode(errors="replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "pfsa" / "dev.jsonl")
    ap.add_argument("--show-nya", type=int, default=0)
    ap.add_argument("--show-fp", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    docs = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    system = run_warta(docs)

    speaker = collections.Counter()
    nya_misses, fps = [], []
    fp_kinds = collections.Counter()
    for d in docs:
        gold, sq = scorer.gold_quotes(d), system.get(d["id"], [])
        pairs = match(gold, sq)
        for i, j in pairs.items():
            g, q = gold[i], sq[j]
            head = scorer.head(g)
            if not head:
                continue
            kind = "-nya cue" if g["cue"] and g["cue"]["label"] == "CUECOREF" else "named cue or none"
            sp = q.get("speaker") or {}
            ok = head in scorer.toks(sp.get("name") or sp.get("text") or "")
            speaker[(kind, ok)] += 1
            if not ok and kind == "-nya cue":
                nya_misses.append((d, g, q))
        for j, q in enumerate(sq):
            if j not in set(pairs.values()):
                named = bool((q.get("speaker") or {}).get("name"))
                fp_kinds[(q.get("rule"), "named speaker" if named else "no named speaker")] += 1
                fps.append((d, q))

    print(f"articles: {len(docs)}")
    for kind in ("named cue or none", "-nya cue"):
        ok, bad = speaker[(kind, True)], speaker[(kind, False)]
        print(f"speaker, {kind}: {ok} of {ok + bad} right ({ok / max(1, ok + bad):.3f})")
    print(f"unmatched system quotes (false positives): {len(fps)}")
    for (rule, named), n in fp_kinds.most_common():
        print(f"  {n:4}  {rule}, {named}")

    rng = random.Random(args.seed)
    for d, g, q in rng.sample(nya_misses, min(args.show_nya, len(nya_misses))):
        sp = q.get("speaker") or {}
        print(f"\n== {d['id']} -nya quote: gold speaker {g['speaker']['text']!r}, Warta {sp.get('name')!r}")
        print(context(d["text"], g["start"], g["end"]))
    for d, q in rng.sample(fps, min(args.show_fp, len(fps))):
        sp = q.get("speaker") or {}
        c = q["content"]
        print(f"\n== {d['id']} unmatched {q.get('rule')}: speaker {sp.get('name')!r}")
        print(context(d["text"], c["start"], c["end"], before=0))


if __name__ == "__main__":
    main()
