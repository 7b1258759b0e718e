#!/usr/bin/env bash
# Accuracy evaluations of Warta on the development data in ../shared/data, scored by the
# reference scorers in ../shared/eval (the same scorers run on held-back data).
#
#   scripts/eval.sh            build release binaries and evaluate
#   scripts/eval.sh --debug    use the debug binaries `cargo test --workspace` already built
#
# Prints one JSON line of scores per evaluation.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared/data" ] || { echo "eval: $shared/data not found (it sits beside the checkout in CI)" >&2; exit 2; }

profile=release
if [ "${1:-}" = "--debug" ]; then
  profile=debug
  cargo build --bin warta
else
  cargo build --release --bin warta
fi
warta="target/$profile/warta"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for gold in "$shared/data/ud/id_gsd-ud-dev.conllu" "$shared/data/ud/id_csui-ud-train.conllu"; do
  name=$(basename "$gold" .conllu)
  python3 "$shared/eval/ud_eval.py" "$gold" --text | "$warta" tokenize --format conllu > "$tmp/$name.conllu"
  printf 'ud %s: ' "$name"
  python3 "$shared/eval/ud_eval.py" "$gold" "$tmp/$name.conllu" | tr '\n' ' '
  echo
done

printf 'pages: '
python3 "$shared/eval/pages_eval.py" "$shared/data/pages/dev.jsonl" --warta "$warta analyze --jsonl"

printf 'pfsa: '
python3 "$shared/eval/pfsa_eval.py" "$shared/data/pfsa/dev.jsonl" --warta "$warta analyze --jsonl"

printf 'ner idner: '
python3 "$shared/eval/ner_eval.py" "$shared/data/ner/idner-train.txt" "$shared/data/ner/idner-dev.txt" \
  --warta "$warta analyze --jsonl --gazetteer \$LIST --no-default-gazetteer"
