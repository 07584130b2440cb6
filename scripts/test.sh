#!/usr/bin/env bash
# Runs every test suite of the project and ends with one line: "N passed, N failed[, N skipped]".
#   .NET suites: Domain/Application unit tests, WebApi integration tests (real HTTP pipeline, real SQLite files)
#   Node suite:  tests/interop (standard JWT libraries against the real server on loopback; the OpenAPI document
#                linted with redocly, a client generated with openapi-typescript, type-checked with tsc --strict, run)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
configuration="${CONFIGURATION:-Release}"
status=0

dotnet test AliasService.sln -c "$configuration" --logger "trx" --results-directory "$results/dotnet" || status=1

if [ -f tests/interop/package.json ]; then
  # npm ci when node_modules is missing or older than the lockfile (a dependency was added or changed).
  ( cd tests/interop && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; } \
      && CONFIGURATION="$configuration" node --test --test-reporter=tap --test-reporter-destination="$results/interop.tap" \
           --test-reporter=spec --test-reporter-destination=stdout ) || status=1
fi

node "$root/scripts/summarize-tests.mjs" "$results" || status=1
exit $status
