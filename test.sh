#!/usr/bin/env bash
# Builds the whole solution and runs every test. Installs what the tests need that the .NET SDK does not bring (system packages, npm peers)
# when it is missing, then runs `dotnet test` and prints "N passed, N failed" from the test results.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
# Browser tests drive Debian's chromium (never a downloaded browser).
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# PostgreSQL store tests run on a throwaway server started below from Debian's postgresql (initdb and pg_ctl).
pg_bin() {
  local dir
  for dir in "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /none/pg_ctl)")" /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}
pg_bin >/dev/null || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "test.sh: installing ${need_apt[*]}" >&2
  ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null) \
    || echo "test.sh: could not install ${need_apt[*]}; tests that need them will fail" >&2
fi

# A throwaway PostgreSQL cluster: initdb into a temporary folder, served on a free port with its socket in that folder,
# stopped and removed on exit whatever happens. initdb refuses to run as root: as root it runs as the postgres user.
pg_dir=""
pg_as=()
stop_postgres() {
  if [ -n "$pg_dir" ]; then
    "${pg_as[@]}" "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
start_postgres() {
  local bin port
  bin="$(pg_bin)" || return 1
  pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/triangulate-pg.XXXXXX")" || return 1
  if [ "$(id -u)" = 0 ]; then
    id -u postgres >/dev/null 2>&1 || return 1
    chown postgres "$pg_dir" && pg_as=(runuser -u postgres --)
  fi
  # A port nothing answers on (the socket is private to pg_dir; the port also names it).
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  "${pg_as[@]}" "$bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --no-locale --no-sync >"$pg_dir/initdb.log" 2>&1 || return 1
  # Durability is pointless for a server that lives as long as the tests: no fsync, no full-page writes. Tests run in
  # parallel and each schema has its own Npgsql pool, so the connection cap is set well above the pools' sum at peak.
  "${pg_as[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500" \
    start >/dev/null 2>&1 || return 1
  export TRIANGULATE_TEST_POSTGRES="Host=$pg_dir;Port=$port;Username=postgres"
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM
start_postgres || echo "test.sh: could not start a PostgreSQL server; PostgreSQL tests are skipped" >&2

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
# The whole solution is built first: `dotnet test` builds only the test project and what it references, and the
# benchmarks (bench/) must keep compiling against the library they measure.
if dotnet build Triangulate.slnx -c Release -nologo -v quiet; then
  dotnet test Triangulate.slnx -c Release --no-build --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" || status=$?
else
  status=1
fi

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
