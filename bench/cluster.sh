#!/usr/bin/env bash
# Cluster benchmark and fault drill (issue 18): one process against three `triangulate worker` processes on this
# machine (membership in PostgreSQL, a shared SQLite store), on a generated corpus; then the same cluster run with
# workers killed (`kill -9`) at random moments and restarted, and the dossiers compared with the single-process one.
#
#   bench/cluster.sh --pg postgres://postgres@127.0.0.1:55433/orleans --articles 2000 --kills 10 [--gap 1] [--port 31000]
#
# --pg names a PostgreSQL database the script may write the cluster's membership tables into (created when missing).
# Worker i listens on port PORT + 2i (its gateway on the next one) and is restarted there after a kill, as a service
# manager would restart it: the new worker declares its killed predecessor dead at once. --port 0: free ports, so a
# restarted worker is a new silo and the killed one is evicted by the others' votes alone.
# Every process runs `triangulate` published ReadyToRun (bench/r2r.sh; --no-build: the one published before), or
# the executable --cli names (the plain build: src/Triangulate.Cli/bin/Release/net10.0/triangulate). --corpus FILE.jsonl
# analyses that corpus instead of generating one (--articles is then its line count).
# Each run also prints its CPU and the store's waits for another writer (the --verbose lines of the client, the workers' logs).
set -euo pipefail

source "$(dirname "$0")/cluster-args.sh"
port=31000
work=/tmp/triangulate-cluster-bench
articles=2000
seed=5
kills=10
gap=1
usage_end=15
extra_option() {
    case "$1" in
        --articles) articles="$2"; return 2 ;;
        --seed) seed="$2"; return 2 ;;
        --kills) kills="$2"; return 2 ;;
        --gap) gap="$2"; return 2 ;;
        *) return 0 ;;
    esac
}
parse_cluster_args "$@"
resolve_cli
if [[ $build == 1 && -z "$corpus" ]]; then
    dotnet build "$root/bench/Triangulate.CorpusGen" -c Release >/dev/null
fi
run() { taskset -c "$cores" "$@"; }

mkdir -p "$work"
if [[ -n "$corpus" ]]; then
    articles=$(wc -l <"$corpus")
else
    corpus="$work/gen-$articles-$seed/corpus.jsonl"
fi
if [[ ! -f "$corpus" ]]; then
    dotnet run --no-build --project "$root/bench/Triangulate.CorpusGen" -c Release -- --articles "$articles" --seed "$seed" --out "$(dirname "$corpus")" >/dev/null
fi

pids=()
start_worker() {
    local i=$1
    # taskset execs the worker: $! is the worker's own pid, the one kill -9 must hit.
    local at=()
    [[ $port == 0 ]] || at=(--port $((port + 2 * i)))
    DOTNET_TC_CallCountThreshold=3E8 taskset -c "$cores" "$cli" worker --db "$work/cluster.db" --cluster "$pg" "${at[@]}" "${worker_options[@]}" >>"$work/worker-$i.log" 2>&1 &
    pids[$i]=$!
}
stop_workers() {
    for i in "${!pids[@]}"; do kill "${pids[$i]}" 2>/dev/null || true; done
    for i in "${!pids[@]}"; do wait "${pids[$i]}" 2>/dev/null || true; done
    pids=()
}
trap stop_workers EXIT
wait_joined() {
    for _ in $(seq 1 120); do
        local n; n=$(cat "$work"/worker-*.log 2>/dev/null | grep -c "joined cluster" || true)
        [[ $n -ge $workers ]] && return 0
        sleep 1
    done
    echo "workers did not join" >&2; exit 1
}
same() {
    python3 - "$1" "$2" <<'EOF'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b): d.pop("generated", None)
print("same" if a == b else "DIFFERENT")
EOF
}
elapsed() { local s=$SECONDS; "$@"; echo $((SECONDS - s)); }

# One process.
rm -f "$work"/single.db*
s=$(date +%s.%N)
run "$cli" analyze "$corpus" --db "$work/single.db" --out "$work/out-single" --format json --verbose >"$work/single.log" 2>&1
single=$(echo "$(date +%s.%N) - $s" | bc)
echo "1 process: $single s" >&2
grep -h "this process" "$work/single.log" | sed 's/^/  1 process: /' >&2 || true

# A fresh cluster for each run, as a deployment starts one: the rows an earlier run's workers left in the membership
# table (a stopped worker may leave its row Active) belong to the same cluster (its name derives from the store's
# path, ClusterHosting.NameFor), and workers restarted at those ports would first have to evict them.
fresh_cluster() { clear_cluster_rows "$(cd "$work" && pwd -L)/cluster.db"; }

# Three workers, no faults.
cluster_run() {
    local name=$1
    rm -f "$work"/cluster.db* "$work"/worker-*.log
    fresh_cluster
    for i in $(seq 1 "$workers"); do start_worker "$i"; done
    wait_joined
    local s; s=$(date +%s.%N)
    run "$cli" analyze "$corpus" --db "$work/cluster.db" --cluster "$pg" --out "$work/out-$name" --format json --verbose >"$work/client-$name.log" 2>&1 &
    local client=$!
    if [[ $name == kills ]]; then
        local done_kills=0
        while [[ $done_kills -lt $kills ]] && kill -0 $client 2>/dev/null; do
            # A random pause of GAP to GAP + 6 seconds between kills.
            sleep "$(awk -v r=$RANDOM -v g="$gap" 'BEGIN { printf "%.1f", g + (r % 60) / 10 }')"
            kill -0 $client 2>/dev/null || break
            local victim=$(( (RANDOM % workers) + 1 ))
            kill -9 "${pids[$victim]}" 2>/dev/null || true
            wait "${pids[$victim]}" 2>/dev/null || true
            done_kills=$((done_kills + 1))
            echo "kill $done_kills: worker $victim at $(echo "$(date +%s.%N) - $s" | bc | cut -c1-6) s" >&2
            start_worker "$victim"
        done
        echo "$done_kills" >"$work/kills-done"
    fi
    wait $client
    echo "$(date +%s.%N) - $s" | bc >"$work/time-$name"
    echo "$workers workers ($name): $(cat "$work/time-$name") s" >&2
    stop_workers
    # CPU and store waits: the client's (--verbose: its batch calls, the workers' saves summed, and its own process),
    # then each worker's whole life (a killed worker's line is lost with it).
    grep -h "batch calls\|this process" "$work/client-$name.log" | sed 's/^/  client: /' >&2 || true
    grep -h "worker stopped" "$work"/worker-*.log | sed 's/^/  /' >&2 || true
}
cluster_run plain
cluster_run kills
plain=$(cat "$work/time-plain")
faulty=$(cat "$work/time-kills")
echo "| $articles | $(nproc) cores, taskset $cores | 1 process: ${single%.*} s ($(echo "$articles / $single" | bc) docs/s) | $workers workers: ${plain%.*} s ($(echo "$articles / $plain" | bc) docs/s), dossier $(same "$work/out-single/dossier.json" "$work/out-plain/dossier.json") | $(cat "$work/kills-done") kills: ${faulty%.*} s, dossier $(same "$work/out-single/dossier.json" "$work/out-kills/dossier.json") |"
