#!/usr/bin/env bash
# The CLI the cluster benchmarks run (issue 18): `triangulate` published ReadyToRun (crossgen), framework-dependent,
# for linux-x64. Each fresh worker then starts from precompiled code instead of JIT-compiling the pipeline, Orleans
# and Npgsql again (docs/benchmarks.md, "ReadyToRun workers"). Prints the executable's path; publishes it first
# unless --no-build is given (then it must have been published before).
#
#   cli=$(bench/r2r.sh [--no-build])
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/src/Triangulate.Cli/bin/Release/net10.0/linux-x64/publish"
if [[ "${1:-}" != --no-build ]]; then
    log="$(mktemp)"
    if ! dotnet publish "$root/src/Triangulate.Cli" -c Release -r linux-x64 --self-contained false \
        -p:PublishReadyToRun=true -o "$out" >"$log" 2>&1; then
        cat "$log" >&2; rm -f "$log"; exit 1
    fi
    rm -f "$log"
fi
[[ -x "$out/triangulate" ]] || { echo "no ReadyToRun build at $out: run bench/r2r.sh without --no-build" >&2; exit 1; }
echo "$out/triangulate"
