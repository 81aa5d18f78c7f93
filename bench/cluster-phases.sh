#!/usr/bin/env bash
# Where a cold cluster's CPU goes, per process and per phase (issue 18): one fresh `triangulate analyze` of a JSON-lines
# corpus, then N fresh workers (their start-up to "joined cluster", then IDLE seconds of nothing: membership probes
# and alive-time writes), a clustered `analyze` of the same corpus (split at the client's stage changes, as its
# --verbose log prints them), and TAIL seconds after it (a worker's JIT goes on after its last call). Every process's
# CPU (user + system, by thread kind) is sampled from /proc by bench/cpu-sample.py every 0.2 s; the table gives each
# role's CPU seconds in each phase. The two dossiers are compared. With --before FILE, both first analyse FILE into
# their store (a fresh process, then the clustered client: phases "first part: ..."), so the phases measured are a
# later part's, on workers that have run once (the warm steady state).
#
#   bench/cluster-phases.sh --pg postgres://postgres@127.0.0.1:PORT/postgres --corpus /work/gen/2k/corpus.jsonl
#
# --workers (3), --cores (taskset, 0,1), --port (worker i at PORT + 2i), --idle (10), --tail (5), --before (none),
# --work (folder, emptied first), --cli (the executable; default the ReadyToRun build of bench/r2r.sh, published first
# unless --no-build), --store (the cluster's store: default WORK/cluster.db; a postgres://…/NAME URL is a database
# created fresh, dropped first if it was there; the one process still writes WORK/single.db). Environment variables
# set for the script reach every process (a runtime knob to compare).
set -euo pipefail

source "$(dirname "$0")/cluster-args.sh"
port=31600
work=/tmp/triangulate-cluster-phases
idle=10
tail=5
before=""
store=""
usage_end=17
extra_option() {
    case "$1" in
        --idle) idle="$2"; return 2 ;;
        --tail) tail="$2"; return 2 ;;
        --before) before="$2"; return 2 ;;
        --store) store="$2"; return 2 ;;
        *) return 0 ;;
    esac
}
parse_cluster_args "$@"
prepare_cluster_run
if [[ -z "$store" ]]; then
    store="$work/cluster.db"
elif [[ "$store" == postgres://* ]]; then
    # A fresh database on the server the URL names (its name is the URL's path), made through that server's postgres database.
    psql_bin="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | head -n 1)"
    "$psql_bin" "${store%/*}/postgres" -q -c "DROP DATABASE IF EXISTS \"${store##*/}\"" -c "CREATE DATABASE \"${store##*/}\""
fi
sampler="$root/bench/cpu-sample.py"

now() { date +%s.%N; }
mark() { echo "$(now) $1" >>"$work/marks"; }
# Each line of stdin with the time it arrived: the phases are cut where the logs say a stage began.
stamp() { python3 -u -c 'import sys, time
for line in sys.stdin: sys.stdout.write(f"{time.time():.3f} {line}"); sys.stdout.flush()'; }
# Marks each stage change of a --verbose analyze log (lines "STAGE: N read, ..." or "STAGE: N documents in the store, ...") as a phase "WHO: STAGE".
stages() {
    python3 - "$1" "$2" <<'EOF' >>"$work/marks"
import re, sys
last = None
for line in open(sys.argv[1]):
    t, _, text = line.partition(" ")
    # "analyse: N read, …" lines in the document phase, "STAGE: N documents in the store, …" after it.
    m = re.match(r"(\S[^:]*): \d+ (?:read|documents in the store), ", text)
    stage = m and ("documents" if m.group(1) in ("read", "analyse") else m.group(1))
    if m and stage != last:
        last = stage
        print(t, f"{sys.argv[2]}: {last}")
    elif text.startswith("time: ") and last != "after":
        last = "after"
        print(t, f"{sys.argv[2]}: reports and timings")
EOF
}

touch "$work/pids"
python3 "$sampler" sample "$work/pids" "$work/samples" 0.2 &
sampler_pid=$!
pids=()
stop_all() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -f "$work/pids"; wait "$sampler_pid" 2>/dev/null || true
}
trap stop_all EXIT

# One process (after a fresh one over the first part, with --before).
if [[ -n "$before" ]]; then
    mark "first part: 1 process"
    taskset -c "$cores" "$cli" analyze "$before" --db "$work/single.db" --out "$work/out-single-0" --format json >"$work/single-0.log" 2>&1 &
    echo "single-0 $!" >>"$work/pids"
    wait $!
fi
mark "1 process: start"
taskset -c "$cores" "$cli" analyze "$corpus" --db "$work/single.db" --out "$work/out-single" --format json --verbose \
    > >(stamp >"$work/single.log") 2>&1 &
single=$!
echo "single $single" >>"$work/pids"
wait "$single"
mark "between"
sleep 1
stages "$work/single.log" "1 process"

# The workers, then the idle cluster, then the client.
clear_cluster_rows "$store"
mark "workers: start-up"
for i in $(seq 1 "$workers"); do
    # taskset execs the worker: $! is the worker's own pid.
    DOTNET_TC_CallCountThreshold="${DOTNET_TC_CallCountThreshold:-3E8}" taskset -c "$cores" "$cli" worker --db "$store" \
        --cluster "$pg" --port $((port + 2 * i)) "${worker_options[@]}" > >(stamp >"$work/worker-$i.log") 2>&1 &
    pids+=($!)
    echo "worker-$i $!" >>"$work/pids"
done
for _ in $(seq 1 600); do
    [[ $(cat "$work"/worker-*.log | grep -c "joined cluster") -ge $workers ]] && break
    sleep 0.1
done
mark "workers: idle"
sleep "$idle"
if [[ -n "$before" ]]; then
    mark "first part: client and workers"
    taskset -c "$cores" "$cli" analyze "$before" --db "$store" --cluster "$pg" --out "$work/out-cluster-0" --format json >"$work/client-0.log" 2>&1 &
    echo "client-0 $!" >>"$work/pids"
    wait $!
    mark "first part: idle"
    sleep 2
fi
mark "client: start-up and connect"
taskset -c "$cores" "$cli" analyze "$corpus" --db "$store" --cluster "$pg" --out "$work/out-cluster" --format json --verbose \
    > >(stamp >"$work/client.log") 2>&1 &
client=$!
echo "client $client" >>"$work/pids"
wait "$client"
mark "client: done (the workers' tail)"
sleep "$tail"
mark "end"
sleep 0.5
stages "$work/client.log" "client"
stop_all
trap - EXIT

echo "load: $(cut -d' ' -f1-3 /proc/loadavg); CPU seconds per role and phase (thread kinds in brackets), $work/samples"
python3 "$sampler" report "$work/samples" "$work/marks"
grep -h "joined cluster\|worker stopped" "$work"/worker-*.log | sed 's/^[0-9.]* //' || true
grep -h "time: this process" "$work/single.log" "$work/client.log" | sed 's/^[0-9.]* //' || true
compare_dossiers "$work/out-single/dossier.json" "$work/out-cluster/dossier.json" "dossier:"
