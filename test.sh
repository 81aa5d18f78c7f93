#!/usr/bin/env bash
# Runs every test. Installs what the tests need that the .NET SDK does not bring (system packages, npm peers)
# when it is missing, then runs `dotnet test` and prints "N passed, N failed" from the test results.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
# Browser tests drive Debian's chromium (never a downloaded browser).
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "test.sh: installing ${need_apt[*]}" >&2
  ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null) \
    || echo "test.sh: could not install ${need_apt[*]}; tests that need them will fail" >&2
fi

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test Triangulate.slnx -c Release --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" || status=$?

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
