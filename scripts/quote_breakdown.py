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

`--roles N` also compares every speaker's `role` and `affiliation` (all quote kinds) with the
gold `ROLE` and `AFFILIATION` spans inside the speaker's mention, case-insensitively, and prints
the N most frequent disagreements. Rank words (`crates/warta-quotes/data/ranks.txt`, `corps.txt`)
are left out on both sides: Warta puts a police or military rank in the role by design
(`Kepala Bidang Humas Komisaris Besar`), the gold leaves it outside.
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
    """Every quote of every document, by document id."""
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    warta = ROOT / "target" / "release" / "warta"
    out = subprocess.run([str(warta), "analyze", "--jsonl"], input=inp.encode(), capture_output=True, check=True)
    return {d["id"]: d.get("quotes", []) for d in map(json.loads, out.stdout.decode().splitlines())}


def scored(quotes):
    """The quotes the scorer sees: direct and mixed."""
    return [q for q in quotes if q.get("kind", "direct") in ("direct", "mixed")]


def rank_words():
    data = ROOT / "crates" / "warta-quotes" / "data"
    words = set()
    for name in ("ranks.txt", "corps.txt"):
        for line in open(data / name, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line.lower())
    return words


def role_agreement(docs, system, show):
    """Warta's role and affiliation against the gold ROLE/AFFILIATION spans in the mention."""
    ranks = rank_words()

    def norm(s):
        words, out = (s or "").lower().replace(",", " ").split(), []
        for w in words:
            # `besar`, `pertama`, `utama` close a rank phrase (`Komisaris Besar`).
            after_rank = out and out[-1] is None and w in ("besar", "pertama", "utama", "muda", "madya")
            out.append(None if w.strip("()") in ranks or after_rank else w)
        return " ".join(w for w in out if w)

    agree, disagree = collections.Counter(), collections.Counter()
    for d in docs:
        text = d["text"].encode()
        gold = {lab: [s for s in d["spans"] if s.get("label") == lab] for lab in ("ROLE", "AFFILIATION")}
        seen = set()
        for q in system.get(d["id"], []):
            sp = q.get("speaker")
            if not sp or (sp["start"], sp["end"]) in seen:
                continue
            seen.add((sp["start"], sp["end"]))
            for lab, key in (("ROLE", "role"), ("AFFILIATION", "affiliation")):
                inside = [text[g["start"] : g["end"]].decode() for g in gold[lab]
                          if g["start"] >= sp["start"] and g["end"] <= sp["end"]]
                if not inside:
                    continue
                want, got = norm(" ".join(inside)), norm(sp.get(key))
                if want == got:
                    agree[lab] += 1
                else:
                    disagree[(lab, want, got)] += 1
    for lab in ("ROLE", "AFFILIATION"):
        bad = sum(n for (l, _, _), n in disagree.items() if l == lab)
        print(f"{lab.lower()}: {agree[lab]} of {agree[lab] + bad} speaker mentions agree with the gold"
              f" ({agree[lab] / max(1, agree[lab] + bad):.3f})")
    for (lab, want, got), n in disagree.most_common(show):
        print(f"  {n:4}  {lab.lower()}: gold {want!r}, Warta {got!r}")


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
    ap.add_argument("--roles", type=int, default=None, metavar="N")
    args = ap.parse_args()
    docs = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    every = run_warta(docs)
    system = {k: scored(v) for k, v in every.items()}

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

    if args.roles is not None:
        role_agreement(docs, every, args.roles)

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
