#!/usr/bin/env bash
# Every evaluation the project reports in docs/benchmarks.md's "Merged main" sections, into one folder:
#   bench/eval-all.sh BINDIR OUTDIR [GENDIR]
# BINDIR holds a published CLI (triangulate.dll); OUTDIR gets one .txt per evaluation; GENDIR (default /work/gen) holds
# the generated corpora 2k/ and 20k/ (bench/scale.sh or Triangulate.CorpusGen make them: seeds 1 and 2). Needs
# ../shared/datasets beside the repository. Stories are scored into fresh stores under OUTDIR (deleted afterwards).
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: bench/eval-all.sh BINDIR OUTDIR [GENDIR]" >&2; exit 2; }
bin=$(cd "$1" && pwd)/triangulate.dll
out=$2
gen=${3:-/work/gen}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=$repo/../shared/datasets
gold=$repo/tests/Triangulate.Tests/Fixtures/gold
[[ -f $bin ]] || { echo "eval-all.sh: no $bin" >&2; exit 2; }
[[ -d $data ]] || { echo "eval-all.sh: no $data" >&2; exit 2; }
mkdir -p "$out"
run() { local name=$1; shift; echo "== $name" >&2; dotnet "$bin" "$@" >"$out/$name.txt" 2>&1 || echo "eval-all.sh: $name exited $?" >&2; }
run stories-ecb eval stories "$data/ecb-dev/ecb-dev.jsonl" --gold "$data/ecb-dev/gold.json" --db "$out/ecb.db"
for n in 2k 20k; do
    [[ -f $gen/$n/corpus.jsonl ]] && run "stories-$n" eval stories "$gen/$n/corpus.jsonl" --gold "$gen/$n/gold.json" --db "$out/$n.db"
done
run meantime eval extract "$data/meantime-dev"
run timex-ecb1 eval timex "$gold/timex-ecb.json" --corpus "$data/ecb-dev/ecb-dev.jsonl"
run timex-ecb2 eval timex "$gold/timex-ecb2.json" --corpus "$data/ecb-dev/ecb-dev.jsonl"
run timex-ecb3 eval timex "$gold/timex-ecb3.json" --corpus "$data/ecb-dev/ecb-dev.jsonl"
# The news gold (session 37) is written over extraction-dev's person-marked article bodies, read straight from its ground truth.
[[ -f $gold/timex-news.json ]] && run timex-news eval timex "$gold/timex-news.json" --corpus "$data/extraction-dev/ground-truth.json"
run extraction eval extraction "$data/extraction-dev"
run dates eval dates "$data/dates-dev"
run datelines eval datelines "$data/ecb-dev/ecb-dev.jsonl"
rm -f "$out"/*.db "$out"/*.db-wal "$out"/*.db-shm
echo "eval-all.sh: done, $out" >&2
