#!/usr/bin/env bash
# Gazetteer matching, Warta vs spaCy 3.8 PhraseMatcher (attr=LOWER), on the IDNER news set:
# the list is every PER/ORG/LOC surface of the train split ("users bring their own list"),
# matched on the dev split; exact-span precision/recall/F1 per type, side by side.
#
#   scripts/ner-compare.sh            (from the repository root; needs ../shared)
#   TRAIN=../shared/data/ner/nergrit-train.txt DEV=../shared/data/ner/nergrit-valid.txt \
#       scripts/ner-compare.sh        (the same on another BIO set)
#
# Builds `warta` in release mode, installs spaCy 3.8 into target/ner-venv on first use
# (PyPI), and runs ../shared/eval/ner_eval.py twice.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=${SHARED:-../shared}
TRAIN=${TRAIN:-$SHARED/data/ner/idner-train.txt}
DEV=${DEV:-$SHARED/data/ner/idner-dev.txt}
EVAL=$SHARED/eval/ner_eval.py
VENV=target/ner-venv

for f in "$TRAIN" "$DEV" "$EVAL"; do
    [ -f "$f" ] || { echo "missing $f (set SHARED=path/to/shared)" >&2; exit 1; }
done

cargo build --release --quiet --bin warta

if ! "$VENV/bin/python" -c 'import spacy, sys; sys.exit(not spacy.__version__.startswith("3.8"))' 2>/dev/null; then
    echo "installing spaCy 3.8 into $VENV ..." >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "spacy>=3.8,<3.9"
fi

warta=$(python3 "$EVAL" "$TRAIN" "$DEV" --warta \
    "target/release/warta analyze --jsonl --gazetteer \$LIST --no-default-gazetteer")
spacy=$("$VENV/bin/python" "$EVAL" "$TRAIN" "$DEV" --spacy)

python3 - "$warta" "$spacy" <<'PY'
import json, sys
w, s = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"list: {w['list_names']} names from the train split; {w['docs']} test documents of 20 sentences")
print(f"{'type':<5} {'Warta P':>8} {'R':>7} {'F1':>7}   {'spaCy P':>8} {'R':>7} {'F1':>7}")
for t in ("PER", "ORG", "LOC", "ALL"):
    a, b = w[t], s[t]
    print(f"{t:<5} {a['P']:>8.4f} {a['R']:>7.4f} {a['F1']:>7.4f}   {b['P']:>8.4f} {b['R']:>7.4f} {b['F1']:>7.4f}")
print("raw:", json.dumps({"warta": w, "spacy": s}))
PY
