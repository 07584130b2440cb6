#!/usr/bin/env bash
# The benchmark of docs/performance.md. Builds Release, starts the service as shipped (SQLite, Information-level
# logs, abuse limits on) on a free loopback port with a fresh data folder, creates an organization, aliases and
# tokens, then measures with wrk (2 threads, 32 connections unless said otherwise):
#   1. GET /api/v1/alias/{id} with an HS256 alias token, side by side with bare Kestrel and an Express peer
#      (compare.sh, alternating, same run): the ratios to compare across machines;
#   2. every other outcome of that route: passcode, open, owner token, RS256 and ES256 tokens, 404, 401, 410, 429,
#      with the HS256-token row again in each round (ROUNDS rounds, one row after the other, so that a row is compared
#      with the HS256 row measured minutes, not seconds, apart only when the machine allows nothing better);
#   2b. the HS256-token path with access events recorded (shipped) and not recorded, alternately, ROUNDS rounds;
#   3. management: list page, update, and create with 16 concurrent clients;
#   4. the HS256-token path again after seeding 1,000,000 aliases into the database;
#   5. the server's resident memory at the end.
# The management limit per organization (600 calls a minute) is raised for the run, or it would be all that is
# measured; the failed-attempt limits stay as shipped except for the 401 rows (see below).
# It prints one table (a row measured in several rounds shows the mean req/s, the worst p99 and how many runs) and
# stops everything it started, whatever happens.
#
# usage: bash scripts/bench/run.sh [DURATION_S=10] [ROUNDS=2]
#   BENCH_ALIASES=1000000 (aliases seeded for step 4), BENCH_APP=<folder with a built AliasService.WebApi.dll>
#   (measure another build, e.g. an older commit, with the same script)
# needs: the .NET SDK, node/npm, wrk, openssl, python3, curl.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/scripts/bench"
dur=${1:-10}; rounds=${2:-2}
big=${BENCH_ALIASES:-1000000}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for tool in wrk node openssl python3 curl; do
  command -v "$tool" >/dev/null || { echo "run.sh needs $tool (apt-get install -y wrk nodejs openssl python3 curl)" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/aliasservice-bench-run.XXXXXX")"
data="$work/data"
mkdir -p "$data"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

app=${BENCH_APP:-}
if [ -z "$app" ]; then
  echo "== build (Release)"
  dotnet build "$root/src/WebApi" -c Release >/dev/null
  app="$root/src/WebApi/bin/Release/net10.0"
fi
dll="$app/AliasService.WebApi.dll"

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
json() { python3 -c "import json,sys;d=json.load(sys.stdin);print($1)"; }
cli() { DataFolder="$data" dotnet "$dll" "$@"; }

# start_server PORT LOG [extra environment assignments…]: the shipped settings unless overridden.
start_server() {
  local port=$1 log=$2; shift 2
  env DataFolder="$data" "$@" dotnet "$dll" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && return 0
    sleep 0.2
  done
  echo "the service did not become ready on port $port; last log lines:" >&2
  tail -n 20 "$log" >&2
  exit 1
}

echo "== start the service in $data"
org=$(cli org create --name Bench --json)
org_id=$(echo "$org" | json 'd["organization_id"]')
key_id=$(echo "$org" | json 'd["api_key"]')
export ALIASSERVICE_API_SECRET
ALIASSERVICE_API_SECRET=$(echo "$org" | json 'd["api_secret"]')
port=$(free_port)
base="http://127.0.0.1:$port"
# Shipped settings (SQLite, Information-level logs, failed-attempt limits on) except the per-organization limit of
# management calls (600 a minute), which would cap the management measurements at 10 requests a second.
start_server "$port" "$work/server.log" RateLimiting__Organization__PermitLimit=2000000000
server_pid=${pids[-1]}
owner=$(cli token org --api-key "$key_id" --api-secret "$ALIASSERVICE_API_SECRET" --ttl 86400)

api() { # METHOD PATH [BODY]: an organization call; prints the response body
  curl -sf -X "$1" "$base$2" -H "Authorization: Bearer $owner" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
expires=$(( $(date +%s) + 30 * 86400 ))
secret='bench-secret-0123456789-0123456789-abcdef'
create() { api POST /organization/api/v1/alias/create "$1" | json 'd["data"]["id"]'; }

echo "== aliases and tokens"
token_alias=$(create "{\"type\":\"conference\",\"name\":\"token\",\"jwt_secret\":\"$secret\",\"stream_key\":\"sk-bench\",\"expired_at\":$expires}")
passcode_alias=$(create "{\"type\":\"conference\",\"name\":\"passcode\",\"passcode\":\"4321\",\"expired_at\":$expires}")
# Wrong passcodes go to an alias of their own: the failed-attempt limit locks the alias they name, which would turn
# the next round's right passcodes into 429s too.
locked_alias=$(create "{\"type\":\"conference\",\"name\":\"wrong passcodes\",\"passcode\":\"4321\",\"expired_at\":$expires}")
open_alias=$(create "{\"type\":\"live\",\"name\":\"open\",\"expired_at\":$expires}")
expiring_alias=$(create "{\"type\":\"conference\",\"name\":\"expiring\",\"expired_at\":$(( $(date +%s) + 2 ))}")
alias_token=$(ALIASSERVICE_ALIAS_SECRET="$secret" cli token alias --alias "$token_alias" --secret "$secret" --user-id bench --host --expires-in 86400)
wrong_token=$(ALIASSERVICE_ALIAS_SECRET="${secret}x" cli token alias --alias "$token_alias" --secret "${secret}x" --user-id bench --expires-in 86400)

# RS256 and ES256: register public keys, sign with node's own crypto (no library of the project involved).
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/rsa.pem" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/ec.pem" 2>/dev/null
register() { # PRIVATE_PEM NAME → key id
  local public
  public=$(openssl pkey -in "$1" -pubout | python3 -c 'import json,sys;print(json.dumps(sys.stdin.read()))')
  api POST /organization/api/v1/jwt_keys "{\"name\":\"$2\",\"public_key\":$public}" | json 'd["data"]["id"]'
}
sign() { # ALG PRIVATE_PEM KID ALIAS → token
  node -e '
    const crypto = require("crypto"); const [alg, pem, kid, alias] = process.argv.slice(1);
    const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const input = b64({ alg, typ: "JWT", kid }) + "." + b64({ alias, user_id: "bench", host: true, iat: now, exp: now + 86400 });
    const key = crypto.createPrivateKey(require("fs").readFileSync(pem));
    const sig = crypto.sign("sha256", Buffer.from(input), alg === "ES256" ? { key, dsaEncoding: "ieee-p1363" } : key);
    process.stdout.write(input + "." + sig.toString("base64url"));' "$@"
}
rsa_token=$(sign RS256 "$work/rsa.pem" "$(register "$work/rsa.pem" rsa)" "$token_alias")
ec_token=$(sign ES256 "$work/ec.pem" "$(register "$work/ec.pem" ec)" "$token_alias")

echo "== 1,000 aliases in the database"
DataFolder="$data" dotnet run "$here/seed.cs" -- "$org_id" $((1000 - 4)) >/dev/null
sleep 2 # let the expiring alias expire

results="$work/results.tsv"
: >"$results"
# measure LABEL EXPECTED_STATUS URL [wrk options…]: one wrk run (CONNECTIONS, default 32), one table row. REQUEST_LUA,
# when set, is Lua that shapes the request (method, body); other answers than EXPECTED_STATUS are counted.
measure() {
  local label=$1 expected=$2 url=$3; shift 3
  local lua="$work/measure.lua"
  printf '%s\n' "${REQUEST_LUA:-}" >"$lua"
  cat >>"$lua" <<LUA
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) unexpected = 0 end
function response(status, headers, body) if status ~= $expected then unexpected = unexpected + 1 end end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("unexpected") end
  io.stderr:write("unexpected=" .. n .. "\\n")
end
LUA
  local out
  out=$(wrk -t2 -c"${CONNECTIONS:-32}" -d"${dur}s" --latency -s "$lua" "$@" "$url" 2>&1)
  printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$expected" "$(echo "$out" | awk '/Requests\/sec/{print $2}')" \
    "$(echo "$out" | awk '/ 99%/{print $2}')" "$(echo "$out" | sed -n 's/^unexpected=//p')" | tee -a "$results"
}

echo "== 1. HS256-token retrieval side by side (compare.sh, ${dur}s x 3 x $rounds rounds)"
bash "$here/compare.sh" "$dur" "$base" "$alias_token" "$token_alias" "$rounds" | tee "$work/compare.txt"

echo "== 2. every outcome of GET /api/v1/alias/{id} ($rounds rounds)"
route="$base/api/v1/alias"
for round in $(seq 1 "$rounds"); do
  measure "HS256 alias token (host view)" 200 "$route/$token_alias" -H "Authorization: Bearer $alias_token"
  measure "RS256 alias token" 200 "$route/$token_alias" -H "Authorization: Bearer $rsa_token"
  measure "ES256 alias token" 200 "$route/$token_alias" -H "Authorization: Bearer $ec_token"
  measure "passcode" 200 "$route/$passcode_alias?passcode=4321"
  measure "open alias" 200 "$route/$open_alias"
  measure "owner (organization token)" 200 "$route/$token_alias" -H "Authorization: Bearer $owner"
  measure "404 unknown id" 404 "$route/AAAAAAAAAAAAAAAA"
  measure "410 expired" 410 "$route/$expiring_alias"
  measure "429 after the failed-attempt limit" 429 "$route/$locked_alias?passcode=0000"
done
# 401 itself: a second instance on the same database with the failed-attempt limits raised, so every answer is a
# 401 (with the shipped limits all but the first ten would be 429s, measured above).
port401=$(free_port)
start_server "$port401" "$work/server401.log" RateLimiting__FailedRetrievals__PermitLimit=2000000000 \
  RateLimiting__FailedRetrievalsPerAlias__PermitLimit=2000000000
# A fresh process is still compiling its code (tiered JIT) for its first half minute under load: warm it up on every
# row it will answer, as long as a measurement each, twice (one round was too short: on such a server the 401 of a
# wrong signature measured a third of its warm rate at first, and level with an accepted token after 30 s). The
# HS256 row is measured on this server too, alternately with the 401 rows: like with like.
for _ in 1 2; do
  wrk -t2 -c32 -d"${dur}s" "http://127.0.0.1:$port401/api/v1/alias/$token_alias" -H "Authorization: Bearer $wrong_token" >/dev/null 2>&1
  wrk -t2 -c32 -d"${dur}s" "http://127.0.0.1:$port401/api/v1/alias/$locked_alias?passcode=0000" >/dev/null 2>&1
  wrk -t2 -c32 -d"${dur}s" "http://127.0.0.1:$port401/api/v1/alias/$token_alias" -H "Authorization: Bearer $alias_token" >/dev/null 2>&1
done
for round in $(seq 1 "$rounds"); do
  measure "HS256 alias token, on the server of the 401 rows" 200 "http://127.0.0.1:$port401/api/v1/alias/$token_alias" -H "Authorization: Bearer $alias_token"
  measure "401 wrong token signature (limit raised)" 401 "http://127.0.0.1:$port401/api/v1/alias/$token_alias" -H "Authorization: Bearer $wrong_token"
  measure "401 wrong passcode (limit raised)" 401 "http://127.0.0.1:$port401/api/v1/alias/$locked_alias?passcode=0000"
done
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'

echo "== 2b. access events: the HS256-token path with recording off, against the server above (recording on, shipped)"
# A second server on the same database with AccessEvents:Enabled=false, warmed up the same way; the two are measured
# one after the other, ROUNDS times, so the ratio compares like with like (the issue's budget: within 10 %).
portoff=$(free_port)
start_server "$portoff" "$work/server-events-off.log" RateLimiting__Organization__PermitLimit=2000000000 AccessEvents__Enabled=false
wrk -t2 -c32 -d"${dur}s" "http://127.0.0.1:$portoff/api/v1/alias/$token_alias" -H "Authorization: Bearer $alias_token" >/dev/null 2>&1
for round in $(seq 1 "$rounds"); do
  measure "HS256 alias token, access events on" 200 "$route/$token_alias" -H "Authorization: Bearer $alias_token"
  measure "HS256 alias token, access events off" 200 "http://127.0.0.1:$portoff/api/v1/alias/$token_alias" -H "Authorization: Bearer $alias_token"
done
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'

echo "== 3. management"
measure "list page (limit=25)" 200 "$base/organization/api/v1/aliases?limit=25" -H "Authorization: Bearer $owner"
REQUEST_LUA='wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function() n = n + 1; return wrk.format(nil, nil, nil, string.format([[{"name":"renamed %d"}]], n)) end' \
  measure "update (one alias)" 200 "$base/organization/api/v1/alias/update/$open_alias" -H "Authorization: Bearer $owner"
REQUEST_LUA="wrk.method = \"POST\"
wrk.headers[\"Content-Type\"] = \"application/json\"
wrk.body = '{\"type\":\"conference\",\"name\":\"created\",\"passcode\":\"4321\",\"expired_at\":$expires}'" \
  CONNECTIONS=16 measure "create (16 clients)" 201 "$base/organization/api/v1/alias/create" -H "Authorization: Bearer $owner"

echo "== 4. HS256-token retrieval with $big aliases in the database"
DataFolder="$data" dotnet run "$here/seed.cs" -- "$org_id" "$big"
measure "HS256 alias token, +$big aliases" 200 "$route/$token_alias" -H "Authorization: Bearer $alias_token"

rss=$(awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$server_pid/status")

echo
echo "== results ($(date -u +%Y-%m-%dT%H:%MZ), wrk -t2 -c32 -d${dur}s unless noted; $(nproc) cores shared with wrk)"
sed -n '/^mean req\/s/,$p' "$work/compare.txt"
printf '\n| what | expected | req/s (mean) | p99 (worst) | other answers | runs |\n|---|---|---|---|---|---|\n'
# One row per label, in the order first measured; p99 as wrk prints it (us, ms or s), compared in milliseconds.
awk -F'\t' '
  function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v + 0 }
  { if (!($1 in n)) { order[++rows] = $1; expected[$1] = $2 }
    n[$1]++; sum[$1] += $3; other[$1] += $5
    if (!($1 in worst) || ms($4) > ms(worst[$1])) worst[$1] = $4 }
  END { for (i = 1; i <= rows; i++) { l = order[i]
    printf "| %s | %s | %.0f | %s | %d | %d |\n", l, expected[l], sum[l] / n[l], worst[l], other[l], n[l] } }' "$results"
echo "| server resident memory after the run | | $rss MiB | | | |"
