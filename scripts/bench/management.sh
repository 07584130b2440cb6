#!/usr/bin/env bash
# Management endpoints only (list page, update, create with 16 clients), set up like run.sh (shipped settings, the
# per-organization management limit raised, 1,000 aliases), to compare builds quickly and to profile one endpoint.
# usage: bash scripts/bench/management.sh [DURATION_S=10] [WHICH="list update create"] [CONNECTIONS=16]
#   BENCH_APP=<folder with a built AliasService.WebApi.dll> measures another build; BENCH_PROFILE=<seconds> runs
#   profile.sh on the server during each measurement (BENCH_PROFILE_REGEX passes its REGEX).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/scripts/bench"
dur=${1:-10}; which=${2:-list update create}; conns=${3:-16}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="$(mktemp -d "${TMPDIR:-/tmp}/aliasservice-bench-mgmt.XXXXXX")"
data="$work/data"; mkdir -p "$data"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
app=${BENCH_APP:-}
if [ -z "$app" ]; then
  dotnet build "$root/src/WebApi" -c Release >/dev/null
  app="$root/src/WebApi/bin/Release/net10.0"
fi
dll="$app/AliasService.WebApi.dll"
json() { python3 -c "import json,sys;d=json.load(sys.stdin);print($1)"; }
cli() { DataFolder="$data" dotnet "$dll" "$@"; }
org=$(cli org create --name Bench --json)
org_id=$(echo "$org" | json 'd["organization_id"]')
key_id=$(echo "$org" | json 'd["api_key"]')
secret=$(echo "$org" | json 'd["api_secret"]')
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
env DataFolder="$data" RateLimiting__Organization__PermitLimit=2000000000 dotnet "$dll" --urls "$base" >"$work/server.log" 2>&1 &
pids+=($!); server_pid=$!
for _ in $(seq 1 150); do curl -sf -o /dev/null "$base/health/ready" && break; sleep 0.2; done
owner=$(cli token org --api-key "$key_id" --api-secret "$secret" --ttl 86400)
expires=$(( $(date +%s) + 30 * 86400 ))
api() { curl -sf -X "$1" "$base$2" -H "Authorization: Bearer $owner" -H 'Content-Type: application/json' ${3:+-d "$3"}; }
for i in 1 2 3; do
  api POST /organization/api/v1/alias/create "{\"type\":\"conference\",\"name\":\"s$i\",\"passcode\":\"4321\",\"jwt_secret\":\"bench-secret-0123456789-0123456789-abcdef\",\"expired_at\":$expires}" >/dev/null
done
one=$(api POST /organization/api/v1/alias/create "{\"type\":\"live\",\"name\":\"open\",\"expired_at\":$expires}" | json 'd["data"]["id"]')
DataFolder="$data" dotnet run "$here/seed.cs" -- "$org_id" 996 >/dev/null
load() { # LABEL URL LUA
  printf '%s\n' "$3" >"$work/req.lua"
  # warm-up: tiered JIT of a fresh process
  wrk -t1 -c"$conns" -d3s -s "$work/req.lua" "$2" -H "Authorization: Bearer $owner" >/dev/null 2>&1
  if [ -n "${BENCH_PROFILE:-}" ]; then
    (sleep 2; bash "$here/profile.sh" "$server_pid" "$BENCH_PROFILE" ${BENCH_PROFILE_REGEX:+"$BENCH_PROFILE_REGEX"} >"$work/profile-$1.txt" 2>&1) &
    local prof=$!
  fi
  local out; out=$(wrk -t1 -c"$conns" -d"${dur}s" --latency -s "$work/req.lua" "$2" -H "Authorization: Bearer $owner" 2>&1)
  printf '| %s | %s | %s | %s |\n' "$1" "$(echo "$out" | awk '/Requests\/sec/{print $2}')" "$(echo "$out" | awk '/ 99%/{print $2}')" \
    "$(echo "$out" | awk '/Non-2xx/{print $NF}')"
  if [ -n "${BENCH_PROFILE:-}" ]; then wait "$prof" || true; cat "$work/profile-$1.txt"; fi
}
echo "== $(date -u +%H:%MZ) load $(cut -d' ' -f1-3 /proc/loadavg), wrk -t1 -c$conns -d${dur}s"
echo "| what | req/s | p99 | non-2xx |"
for w in $which; do
  case $w in
    list) load list "$base/organization/api/v1/aliases?limit=25" 'wrk.method = "GET"' ;;
    update) load update "$base/organization/api/v1/alias/update/$one" 'wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function() n = n + 1; return wrk.format(nil, nil, nil, string.format([[{"name":"renamed %d"}]], n)) end' ;;
    create) load create "$base/organization/api/v1/alias/create" "wrk.method = \"POST\"
wrk.headers[\"Content-Type\"] = \"application/json\"
wrk.body = '{\"type\":\"conference\",\"name\":\"created\",\"passcode\":\"4321\",\"expired_at\":$expires}'" ;;
  esac
done
echo "(load after: $(cut -d' ' -f1-3 /proc/loadavg))"
