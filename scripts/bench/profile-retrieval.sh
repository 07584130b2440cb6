#!/usr/bin/env bash
# Profiles outcomes of GET /api/v1/alias/{id} one after the other on one server (shipped settings, SQLite, Information
# logs; the failed-attempt limits raised so that every answer is the outcome under test, not a 429): for each, wrk
# loads the server (1 thread, 16 connections) while scripts/bench/profile.sh samples it, and prints the frames' shares.
# usage: bash scripts/bench/profile-retrieval.sh [SECONDS=15] [OUTCOME…]   OUTCOME: hs256 rs256 es256 owner 401sig 410 404 passcode
# needs: the .NET SDK, dotnet-trace, node, openssl, wrk, python3, curl.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/scripts/bench"
dur=${1:-15}; shift || true
outcomes=("$@"); [ ${#outcomes[@]} -gt 0 ] || outcomes=(rs256 es256 owner 401sig 410)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="$(mktemp -d "${TMPDIR:-/tmp}/aliasservice-profile-run.XXXXXX")"
data="$work/data"; mkdir -p "$data"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

app=${BENCH_APP:-}
if [ -z "$app" ]; then dotnet build "$root/src/WebApi" -c Release >/dev/null; app="$root/src/WebApi/bin/Release/net10.0"; fi
dll="$app/AliasService.WebApi.dll"
json() { python3 -c "import json,sys;d=json.load(sys.stdin);print($1)"; }
cli() { DataFolder="$data" dotnet "$dll" "$@"; }
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

org=$(cli org create --name Profile --json)
key_id=$(echo "$org" | json 'd["api_key"]')
secret_api=$(echo "$org" | json 'd["api_secret"]')
DataFolder="$data" RateLimiting__Organization__PermitLimit=2000000000 RateLimiting__FailedRetrievals__PermitLimit=2000000000 \
  RateLimiting__FailedRetrievalsPerAlias__PermitLimit=2000000000 dotnet "$dll" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -sf -o /dev/null "$base/health/ready" && break; sleep 0.2; done
owner=$(ALIASSERVICE_API_SECRET="$secret_api" cli token org --api-key "$key_id" --api-secret "$secret_api" --ttl 86400)
api() { curl -sf -X "$1" "$base$2" -H "Authorization: Bearer $owner" -H 'Content-Type: application/json' ${3:+-d "$3"}; }
expires=$(( $(date +%s) + 30 * 86400 ))
secret='bench-secret-0123456789-0123456789-abcdef'
create() { api POST /organization/api/v1/alias/create "$1" | json 'd["data"]["id"]'; }
token_alias=$(create "{\"type\":\"conference\",\"name\":\"token\",\"jwt_secret\":\"$secret\",\"stream_key\":\"sk\",\"expired_at\":$expires}")
passcode_alias=$(create "{\"type\":\"conference\",\"name\":\"passcode\",\"passcode\":\"4321\",\"expired_at\":$expires}")
expiring_alias=$(create "{\"type\":\"conference\",\"name\":\"expiring\",\"passcode\":\"4321\",\"expired_at\":$(( $(date +%s) + 2 ))}")
alias_token=$(cli token alias --alias "$token_alias" --secret "$secret" --user-id bench --host --expires-in 86400)
wrong_token=$(cli token alias --alias "$token_alias" --secret "${secret}x" --user-id bench --expires-in 86400)
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/rsa.pem" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/ec.pem" 2>/dev/null
register() {
  local public; public=$(openssl pkey -in "$1" -pubout | python3 -c 'import json,sys;print(json.dumps(sys.stdin.read()))')
  api POST /organization/api/v1/jwt_keys "{\"name\":\"$2\",\"public_key\":$public}" | json 'd["data"]["id"]'
}
sign() {
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
sleep 2
route="$base/api/v1/alias"
server_pid=$(pgrep -P "$server" -f AliasService.WebApi || echo "$server")

for outcome in "${outcomes[@]}"; do
  case $outcome in
    hs256) args=("$route/$token_alias" -H "Authorization: Bearer $alias_token"); want=200 ;;
    rs256) args=("$route/$token_alias" -H "Authorization: Bearer $rsa_token"); want=200 ;;
    es256) args=("$route/$token_alias" -H "Authorization: Bearer $ec_token"); want=200 ;;
    owner) args=("$route/$token_alias" -H "Authorization: Bearer $owner"); want=200 ;;
    401sig) args=("$route/$token_alias" -H "Authorization: Bearer $wrong_token"); want=401 ;;
    410) args=("$route/$expiring_alias?passcode=4321"); want=410 ;;
    404) args=("$route/AAAAAAAAAAAAAAAA"); want=404 ;;
    passcode) args=("$route/$passcode_alias?passcode=4321"); want=200 ;;
    *) echo "unknown outcome $outcome" >&2; exit 2 ;;
  esac
  got=$(curl -s -o /dev/null -w '%{http_code}' "${args[@]}")
  [ "$got" = "$want" ] || { echo "$outcome answered $got, not $want" >&2; exit 1; }
  wrk -t1 -c16 -d3s "${args[@]}" >/dev/null 2>&1 # warm up (tiered JIT)
  wrk -t1 -c16 -d"$((dur + 6))s" "${args[@]}" >"$work/wrk.txt" 2>&1 &
  wrk_pid=$!
  sleep 2
  echo "== $outcome ($want), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  bash "$here/profile.sh" "$server_pid" "$dur" 2>/dev/null | head -45 || true
  wait "$wrk_pid"
  awk '/Requests\/sec/{print "wrk under the profiler: " $2 " req/s"}' "$work/wrk.txt"
done
