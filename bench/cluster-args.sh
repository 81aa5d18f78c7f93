# What bench/cluster-cpu.sh and bench/cluster-phases.sh share (sourced, not run): their common options, the CLI they
# run, the work folder, clearing the membership rows an earlier run left, and comparing two dossiers.
#
# A script sources this (which sets the common defaults below), sets port, work, usage_end and its own defaults,
# defines extra_option, which takes the script's own options (sets them and returns how many arguments it used, 0 for
# none of its own), and calls parse_cluster_args "$@", then prepare_cluster_run.

pg=""
corpus=""
workers=3
cores=0,1
build=1
cli=""
# What every worker is started with besides its store, cluster and port: --warm-up adds the worker's own (issue 18).
worker_options=()

# The options every cluster benchmark takes; -h prints the script's header comment, lines 2 to $usage_end.
parse_cluster_args() {
    local used
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --pg) pg="$2"; shift 2 ;;
            --corpus) corpus="$2"; shift 2 ;;
            --workers) workers="$2"; shift 2 ;;
            --cores) cores="$2"; shift 2 ;;
            --port) port="$2"; shift 2 ;;
            --work) work="$2"; shift 2 ;;
            --no-build) build=0; shift ;;
            --cli) cli="$2"; shift 2 ;;
            --warm-up) worker_options+=(--warm-up); shift ;;
            -h|--help) sed -n "2,${usage_end}p" "$0"; exit 0 ;;
            *)
                used=0
                extra_option "$@" || used=$?
                [[ $used -gt 0 ]] || { echo "unknown option $1" >&2; exit 2; }
                shift "$used" ;;
        esac
    done
    [[ -n "$pg" ]] || { echo "--pg is required" >&2; exit 2; }
}

# The repository root, and the executable every process runs (the ReadyToRun build of bench/r2r.sh unless --cli,
# published first unless --no-build).
resolve_cli() {
    root="$(cd "$(dirname "$0")/.." && pwd)"
    if [[ -z "$cli" ]]; then
        if [[ $build == 1 ]]; then cli="$("$root/bench/r2r.sh")"; else cli="$("$root/bench/r2r.sh" --no-build)"; fi
    fi
}

# A run over a given corpus: --corpus required, resolve_cli, and the work folder emptied, as an absolute path.
prepare_cluster_run() {
    [[ -f "$corpus" ]] || { echo "--corpus (a JSON-lines file) is required" >&2; exit 2; }
    resolve_cli
    rm -rf "$work"; mkdir -p "$work"
    work="$(cd "$work" && pwd -L)"
}

# Clears the membership rows an earlier run left for the cluster of the store $1 (the cluster's name is
# ClusterHosting.NameFor of the store's full path).
clear_cluster_rows() {
    local cluster_id psql_bin
    cluster_id="triangulate-$(printf %s "$1" | sha256sum | cut -c1-16)"
    psql_bin="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | head -n 1)"
    "$psql_bin" "$pg" -q -c "DELETE FROM triangulate_cluster_members WHERE cluster_id = '$cluster_id'; DELETE FROM triangulate_cluster_version WHERE cluster_id = '$cluster_id'" >/dev/null 2>&1 || true
}

# Prints "LABEL same" or "LABEL DIFFERENT": the two dossier.json files less their `generated` stamp.
compare_dossiers() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b): d.pop("generated", None)
print(sys.argv[3], "same" if a == b else "DIFFERENT")
PY
}
