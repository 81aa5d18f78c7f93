#!/usr/bin/env bash
# End-to-end scale benchmark (issue 16): the whole `triangulate analyze` on generated held-out-style corpora
# (bench/Triangulate.CorpusGen), on a fresh store, on 2 cores (taskset -c 0,1) and on all cores; then the cost of adding
# 100 articles of another corpus to that store with only the touched story's dossier rewritten, and the whole-store
# dossier apart. Prints one markdown table row a run, ready for docs/benchmarks.md, and the per-document rate ratio
# between sizes (the "within 20 %" criterion).
#
#   bench/scale.sh --sizes 2000,20000 --gen-dir /work/gen
#   bench/scale.sh --sizes 1000000 --cores 2 --max-minutes 50
#
# Run `bench/scale.sh --help` for the options. Everything it writes goes under --work (stores, dossiers, logs) and
# --gen-dir (corpora, reused when their line count matches).
set -euo pipefail

usage() {
    cat <<'EOF'
usage: bench/scale.sh [options]
  --sizes LIST        article counts, comma-separated (default 2000,20000; the issue's list is 2000,20000,100000,1000000)
  --cores WHICH       2 (taskset -c 0,1), all, or both (default both; "all" is skipped where the machine has 2 cores or fewer)
  --max-minutes M     wall-clock guard on each analyze run (default 30); a run stopped by it is reported as such
  --gen-dir DIR       where corpora live: DIR/<2k|20k|100k|1m|N>/corpus.jsonl, reused when it has N lines
                      (default /tmp/triangulate-scale/gen); seeds: 2000→1, 20000→2, 100000→3, 1000000→4, other N→N
  --work DIR          stores, dossiers and logs (default /tmp/triangulate-scale/runs); each run's store is made fresh
  --add N             articles added to each finished store (default 100; 0 skips the step)
  --add-seed S        seed of the 2,000-article corpus (made under --work) the added articles are taken from (default 101; its first N records)
  --format LIST       dossier formats written by every analyze run (default json,md,html, the CLI's)
  --keep-stores       keep each run's store (default: deleted after the run's add steps, they are large)
  --no-build          use the Release builds already there
EOF
}

sizes=2000,20000
cores=both
max_minutes=30
gen_root=/tmp/triangulate-scale/gen
work_root=/tmp/triangulate-scale/runs
add_count=100
add_seed=101
keep_stores=0
formats=json,md,html
build=1
while (($#)); do
    case "$1" in
        --sizes) sizes=$2; shift 2 ;;
        --cores) cores=$2; shift 2 ;;
        --max-minutes) max_minutes=$2; shift 2 ;;
        --gen-dir) gen_root=$2; shift 2 ;;
        --work) work_root=$2; shift 2 ;;
        --add) add_count=$2; shift 2 ;;
        --add-seed) add_seed=$2; shift 2 ;;
        --format) formats=$2; shift 2 ;;
        --keep-stores) keep_stores=1; shift ;;
        --no-build) build=0; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "scale.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
case "$cores" in 2 | all | both) ;; *) echo "scale.sh: --cores must be 2, all or both" >&2; exit 2 ;; esac
[[ "$max_minutes" =~ ^[0-9]+$ && "$max_minutes" -gt 0 ]] || { echo "scale.sh: --max-minutes must be a positive whole number" >&2; exit 2; }
[[ "$add_count" =~ ^[0-9]+$ ]] || { echo "scale.sh: --add must be a whole number" >&2; exit 2; }
for tool in /usr/bin/time taskset timeout python3; do
    command -v "$tool" >/dev/null || { echo "scale.sh: needs $tool" >&2; exit 2; }
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# SCALE_CLI runs a copy of the build (a long run then survives rebuilding the working tree meanwhile).
cli=${SCALE_CLI:-$repo/src/Triangulate.Cli/bin/Release/net10.0/triangulate.dll}
generator=$repo/bench/Triangulate.CorpusGen/bin/Release/net10.0/Triangulate.CorpusGen.dll
if ((build)); then
    dotnet build "$repo/src/Triangulate.Cli" -c Release -v quiet -nologo >/dev/null
    dotnet build "$repo/bench/Triangulate.CorpusGen" -c Release -v quiet -nologo >/dev/null
fi
[[ -f "$cli" && -f "$generator" ]] || { echo "scale.sh: build first (missing $cli or $generator)" >&2; exit 2; }
mkdir -p "$gen_root" "$work_root"

label_of() {
    case "$1" in
        1000000) echo 1m ;;
        *000) echo "$(($1 / 1000))k" ;;
        *) echo "$1" ;;
    esac
}
seed_of() {
    case "$1" in 2000) echo 1 ;; 20000) echo 2 ;; 100000) echo 3 ;; 1000000) echo 4 ;; *) echo "$1" ;; esac
}

# The corpus of N articles with seed S in DIR, generated unless DIR already holds one of N lines.
ensure_corpus() {
    local n=$1 seed=$2 dir=$3
    if [[ -f "$dir/corpus.jsonl" ]] && [[ $(wc -l <"$dir/corpus.jsonl") -eq $n ]]; then return; fi
    rm -rf "$dir"
    echo "generating $n articles, seed $seed, into $dir" >&2
    dotnet "$generator" --articles "$n" --seed "$seed" --out "$dir" >&2
}

# The id the store gives the document of a JSONL record: "d-" and 16 hex digits of the SHA-256 of its text (or html).
first_document_id() {
    python3 - "$1" <<'EOF'
import hashlib, json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    record = json.loads(f.readline())
body = record.get("text") or record.get("html")
print("d-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16])
EOF
}

guard_seconds=$((max_minutes * 60))
header_printed=""
rows_file=$work_root/rows.md
rates_file=$work_root/rates.tsv
: >"$rows_file"
: >"$rates_file"

emit() { echo "$1" | tee -a "$rows_file"; }

# Runs one analyze and prints its table row. Arguments: what (row label), store articles, cores (2|all), input, db,
# out, log, then extra analyze arguments. Sets run_rc (124 when the guard stopped it), run_new and run_read_seconds.
analyze_run() {
    local what=$1 store_articles=$2 which=$3 input=$4 db=$5 out=$6 log=$7
    shift 7
    local prefix=() load timefile=$log.time
    [[ "$which" == 2 ]] && prefix=(taskset -c 0,1)
    load=$(cut -d' ' -f1 /proc/loadavg)
    run_rc=0
    /usr/bin/time -f '%e %M %U %S' -o "$timefile" \
        timeout -k 30 "$guard_seconds" "${prefix[@]}" dotnet "$cli" analyze "$input" --db "$db" --out "$out" --format "$formats" --verbose "$@" \
        >"$log" 2>&1 || run_rc=$?
    # A run killed by the guard leaves "Command exited with non-zero status" first in the time file: the figures are last.
    local wall=0 rss=0 user=0 sys=0
    read -r wall rss user sys < <(tail -n 1 "$timefile") || true
    local summary new known stories anew
    summary=$(grep -E '^[0-9]+ documents read' "$log" | tail -n 1 || true)
    new=$(sed -nE 's/.*\(([0-9]+) new.*/\1/p' <<<"$summary")
    known=$(sed -nE 's/.*, ([0-9]+) already stored.*/\1/p' <<<"$summary")
    stories=$(sed -nE 's/.*, ([0-9]+) stor(y|ies) \(.*/\1/p' <<<"$summary")
    anew=$(sed -nE 's/.*\(([0-9]+) analysed anew\).*/\1/p' <<<"$summary")
    # Phases in the order the CLI printed them ("time: NAME: SECONDS s").
    local names=() seconds=() line
    while IFS= read -r line; do
        names+=("$(sed -E 's/^time: (.*): [0-9.]+ s$/\1/' <<<"$line")")
        seconds+=("$(sed -E 's/^time: .*: ([0-9.]+) s$/\1/' <<<"$line")")
    done < <(grep -E '^time: .*: [0-9.]+ s$' "$log" || true)
    run_read_seconds=""
    run_new=${new:-0}
    local i
    for i in "${!names[@]}"; do [[ "${names[$i]}" == "read and analyse" ]] && run_read_seconds=${seconds[$i]}; done

    local header="| run | articles in store | cores | load at start | wall s | articles/s | peak RSS MB | CPU s | new / known | stories (analysed) |"
    local rule="|---|---|---|---|---|---|---|---|---|---|"
    for i in "${!names[@]}"; do header+=" ${names[$i]} s |"; rule+="---|"; done
    if [[ "$header" != "$header_printed" ]]; then
        emit ""
        emit "$header"
        emit "$rule"
        header_printed=$header
    fi
    local rate="–" status=""
    [[ -n "$new" && "$new" -gt 0 ]] && rate=$(awk -v n="$new" -v s="$wall" 'BEGIN { printf "%.0f", n / s }')
    if ((run_rc == 124 || run_rc == 137)); then status=" (stopped by --max-minutes $max_minutes)"
    elif ((run_rc != 0)); then status=" (exit $run_rc: see $log)"; fi
    local cpu row
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", u + s }')
    row="| $what$status | $store_articles | $which | $load | $wall | $rate | $((rss / 1024)) | $cpu | ${new:-–} / ${known:-–} | ${stories:-–} (${anew:-–}) |"
    for i in "${!names[@]}"; do row+=" ${seconds[$i]} |"; done
    emit "$row"
}

add_dir=$work_root/add-s$add_seed
add_file=$work_root/add$add_count.jsonl
if ((add_count > 0)); then
    ensure_corpus 2000 "$add_seed" "$add_dir"
    head -n "$add_count" "$add_dir/corpus.jsonl" >"$add_file"
    first_added=$(first_document_id "$add_file")
fi

which_list=()
case "$cores" in
    2) which_list=(2) ;;
    all) which_list=(all) ;;
    both) which_list=(2); if (($(nproc) > 2)); then which_list+=(all); else echo "note: $(nproc) cores here, so 'all' is the 2-core run: skipped" >&2; fi ;;
esac

echo "scale.sh: $(nproc) cores, $(date -u +%FT%TZ), commit $(git -C "$repo" rev-parse --short HEAD), formats $formats" | tee -a "$rows_file" >&2
IFS=, read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do
    label=$(label_of "$n")
    seed=$(seed_of "$n")
    corpus_dir=$gen_root/$label
    ensure_corpus "$n" "$seed" "$corpus_dir"
    for which in "${which_list[@]}"; do
        run_dir=$work_root/$label-$which
        rm -rf "$run_dir"
        mkdir -p "$run_dir"
        db=$run_dir/store.db
        analyze_run "analyze $label (seed $seed), fresh store" 0 "$which" "$corpus_dir/corpus.jsonl" "$db" "$run_dir/dossier" "$run_dir/analyze.log"
        echo -e "$n\t$which\t$run_read_seconds" >>"$rates_file"
        if ((run_rc != 0 || add_count == 0)); then
            ((keep_stores)) || rm -f "$db" "$db-wal" "$db-shm"
            continue
        fi
        # The added articles, with only the story of the first of them written (a story id resolved after the analysis).
        analyze_run "add $add_count (seed $add_seed), story dossier of $first_added" "$n" "$which" "$add_file" "$db" "$run_dir/story" \
            "$run_dir/add.log" --story "$first_added"
        if [[ -z $(sqlite3 "$db" "SELECT id FROM documents WHERE id = '$first_added'" 2>/dev/null || echo "?") ]]; then
            echo "warning: $first_added is not in the store: the --story above named no added document" >&2
        fi
        # The same articles again (all already stored): its reports phase is the whole-store dossier.
        analyze_run "same $add_count again, whole-store dossier" "$((n + run_new))" "$which" "$add_file" "$db" "$run_dir/dossier-all" \
            "$run_dir/whole.log"
        ((keep_stores)) || rm -f "$db" "$db-wal" "$db-shm"
    done
done

# Per-document rate (documents / read-and-analyse seconds) across sizes, per core setting: the "within 20 %" criterion
# compares the largest size's rate with the smallest's.
emit ""
awk -F'\t' '$3 != "" {
        rate = $1 / $3
        if (!($2 in first)) { first[$2] = rate; firstn[$2] = $1 }
        printf "per-document rate, %s cores, %d articles: %.0f documents/s (%.2f of the %d-article rate)\n", $2, $1, rate, rate / first[$2], firstn[$2]
        byn[$1, $2] = rate; ns[$1] = 1
    }
    END {
        for (n in ns) if (((n, "2") in byn) && ((n, "all") in byn))
            printf "per-document rate, %d articles: all cores / 2 cores = %.2f\n", n, byn[n, "all"] / byn[n, "2"]
    }' "$rates_file" | tee -a "$rows_file"
echo "rows in $rows_file" >&2
