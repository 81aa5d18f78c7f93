#!/usr/bin/env bash
# CPU of one process against a cluster of local workers (issue 18), run after run over the same store: a JSON-lines
# corpus is cut into parts, and each part is analysed by one process (a fresh `triangulate analyze`, as every run is)
# and by a fresh clustered `analyze` on workers started once, as a deployment keeps them. The first part is the
# workers' first run (every runtime JITs its hot code then); the later parts show what the cluster costs once warm.
# CPU time (user + system) of every process (/usr/bin/time, /proc), is the figure to read on a shared machine: wall time
# swings with the other sessions' load, printed beside each run. The dossiers after the last part are compared.
#
#   bench/cluster-cpu.sh --pg postgres://postgres@127.0.0.1:PORT/postgres --corpus gen-20000-5/corpus.jsonl --parts 2000,2000,8000
#
# --pg names a PostgreSQL database the script may write the cluster's membership tables into; --parts the number of
# lines of the corpus each part takes, in order; --workers (3), --cores (taskset, 0,1), --port (worker i at PORT + 2i);
# --cli the triangulate executable every process runs (default: the ReadyToRun build, bench/r2r.sh, published first
# unless --no-build; the plain build is src/Triangulate.Cli/bin/Release/net10.0/triangulate).
set -euo pipefail

source "$(dirname "$0")/cluster-args.sh"
port=31400
work=/tmp/triangulate-cluster-cpu
parts="2000,2000,8000"
usage_end=14
extra_option() {
    case "$1" in
        --parts) parts="$2"; return 2 ;;
        *) return 0 ;;
    esac
}
parse_cluster_args "$@"
prepare_cluster_run

# The parts, as files of consecutive lines.
IFS=, read -r -a sizes <<<"$parts"
files=()
first=1
for i in "${!sizes[@]}"; do
    files[$i]="$work/part-$i.jsonl"
    sed -n "${first},$((first + sizes[i] - 1))p" "$corpus" >"${files[$i]}"
    first=$((first + sizes[i]))
done

load() { cut -d' ' -f1 /proc/loadavg; }
# CPU seconds (user + system, all threads) of the processes given.
cpu() {
    python3 - "$@" <<'EOF'
import os, sys
total = 0
for pid in sys.argv[1:]:
    with open(f'/proc/{pid}/stat') as f: s = f.read()
    r = s[s.rfind(')') + 2:].split()
    total += int(r[11]) + int(r[12])
print(f'{total / os.sysconf("SC_CLK_TCK"):.2f}')
EOF
}
timed() { # timed OUT COMMAND…: runs it pinned, writes "cpu wall" to OUT
    local s; s=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$1.time" taskset -c "$cores" "${@:2}" >"$1.log" 2>&1
    echo "$(awk '{ print $1 + $2 }' "$1.time") $(echo "$(date +%s.%N) - $s" | bc)" >"$1"
}

echo "| part | articles | load | 1 process CPU s (wall s) | cluster: client CPU s + workers CPU s = CPU s (wall s) | load |"
echo "|---|---|---|---|---|---|"
# The workers, started once; the membership rows an earlier run left for this store's cluster are cleared first.
clear_cluster_rows "$work/cluster.db"
pids=()
stop_workers() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap stop_workers EXIT
for i in $(seq 1 "$workers"); do
    # taskset execs the worker: $! is the worker's own pid.
    DOTNET_TC_CallCountThreshold=3E8 taskset -c "$cores" "$cli" worker --db "$work/cluster.db" --cluster "$pg" --port $((port + 2 * i)) "${worker_options[@]}" >"$work/worker-$i.log" 2>&1 &
    pids+=($!)
done
for _ in $(seq 1 120); do
    [[ $(cat "$work"/worker-*.log | grep -c "joined cluster") -ge $workers ]] && break
    sleep 1
done
sleep 1
echo "workers started: $(cpu "${pids[@]}") s CPU in all, before any work" >&2

# Part after part, one process then the cluster in the same minute, each into its own store.
for i in "${!files[@]}"; do
    sl=$(load)
    timed "$work/single-$i" "$cli" analyze "${files[$i]}" --db "$work/single.db" --out "$work/out-single-$i" --format json --verbose
    before=$(cpu "${pids[@]}")
    l=$(load)
    timed "$work/client-$i" "$cli" analyze "${files[$i]}" --db "$work/cluster.db" --cluster "$pg" --out "$work/out-cluster-$i" --format json --verbose
    spent=$(echo "$(cpu "${pids[@]}") - $before" | bc)
    read -r scpu swall <"$work/single-$i"
    read -r ccpu cwall <"$work/client-$i"
    printf '| %s | %s | %s | %.1f (%.1f) | %.1f + %.1f = %.1f (%.1f) | %s |\n' \
        "$i" "${sizes[$i]}" "$sl" "$scpu" "$swall" "$ccpu" "$spent" "$(echo "$ccpu + $spent" | bc)" "$cwall" "$l → $(load)"
done

last=$(( ${#files[@]} - 1 ))
compare_dossiers "$work/out-single-$last/dossier.json" "$work/out-cluster-$last/dossier.json" "dossier after the last part:"
