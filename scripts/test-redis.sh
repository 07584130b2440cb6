#!/usr/bin/env bash
# Runs the WebApi integration tests that need a real Redis server (abuse limits shared by two instances, Redis
# outages): installs the Debian package redis-server when it is missing and hands its binary to the tests, which
# start their own server on a free loopback port and kill it by process id whatever happens.
# Ends with one line: "N passed, N failed[, N skipped]".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Release}"
results="$root/artifacts/test-results-redis"
rm -rf "$results" && mkdir -p "$results"

if ! command -v redis-server >/dev/null; then
  echo "redis: installing the redis-server package" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

status=0
ALIASSERVICE_TEST_REDIS="$(command -v redis-server)" \
  dotnet test tests/WebApi.IntegrationTests -c "$configuration" --logger "trx" --results-directory "$results" \
    --filter "FullyQualifiedName~Redis" "$@" || status=1
node "$root/scripts/summarize-tests.mjs" "$results" || status=1
exit $status
