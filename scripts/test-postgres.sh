#!/usr/bin/env bash
# Runs the WebApi HTTP integration suite against a real PostgreSQL server instead of SQLite: starts a throwaway
# cluster (scripts/lib/postgres.sh: temporary folder, free loopback port, run as the `postgres` user; installs the
# Debian package when missing), points the tests at it, and stops it by process id whatever happens. Every test
# service gets a fresh database, dropped when it stops. Ends with one line: "N passed, N failed[, N skipped]".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Release}"
results="$root/artifacts/test-results-postgres"
rm -rf "$results" && mkdir -p "$results"

# shellcheck source=lib/postgres.sh
source "$root/scripts/lib/postgres.sh"
trap postgres_stop EXIT
trap 'exit 130' INT TERM   # so that an interrupted run still goes through the EXIT trap
postgres_start

started=$SECONDS
status=0
ALIASSERVICE_TEST_PROVIDER=PostgreSql ALIASSERVICE_TEST_POSTGRES="$POSTGRES_CONNECTION" \
  dotnet test tests/WebApi.IntegrationTests -c "$configuration" --logger "trx" --results-directory "$results" "$@" || status=1
echo "PostgreSQL run of the WebApi integration suite: $((SECONDS - started)) s"
node "$root/scripts/summarize-tests.mjs" "$results" || status=1
exit $status
