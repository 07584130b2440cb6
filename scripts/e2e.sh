#!/usr/bin/env bash
# End-to-end check: starts the service the way the README says, walks the README's walkthrough with curl against
# it (organization from the command line, organization token, alias create/list/update, alias tokens, passcode,
# jsonwebtoken HS256 and RS256 tokens with a registered key, delete), then opens the API reference at /docs in
# headless Chromium, saves artifacts/docs.png and checks the rendered page lists the alias endpoints.
#
# Run from anywhere, after the solution was built:   bash scripts/e2e.sh
# Prints one line per step (PASS/FAIL/SKIP), stops at the first failure with the server's last log lines, and
# ends with "e2e: N steps passed". Only 127.0.0.1 is used. The server (and the app process `dotnet run`
# starts under it) is stopped and the temporary folders are removed whatever happens.
#
# Needs: the .NET SDK, Node 20 with npm (tests/interop's locked jsonwebtoken; `npm ci` there when missing),
# curl, openssl, and Debian's chromium (installed with apt-get when missing; needs root).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

helper="$root/scripts/e2e/check.cjs"
work="$(mktemp -d "${TMPDIR:-/tmp}/aliasservice-e2e.XXXXXX")"
data_dir="$(mktemp -d "${TMPDIR:-/tmp}/aliasservice-e2e-data.XXXXXX")"
server_log="$work/server.log"
body="$work/body.json"
headers="$work/headers.txt"
server_pid=""
steps=0
started=$SECONDS

READY_TIMEOUT=300      # seconds for the server to build (dotnet run) and answer /health/ready
CLI_TIMEOUT=120        # seconds for one command-line invocation
REQUEST_TIMEOUT=15     # seconds for one HTTP request
BROWSER_TIMEOUT=120    # seconds for one headless Chromium run

# ---------------------------------------------------------------------------------------------------------------
# Cleanup: stop the server's whole process group (dotnet run and the app it spawned), then remove the temp folders.

stop_server() {
  [[ -n $server_pid ]] || return 0
  # The server was started with setsid, so its process id is also its process group id.
  kill -TERM -- "-$server_pid" 2>/dev/null || true
  local waited=0
  while kill -0 -- "-$server_pid" 2>/dev/null && ((waited < 50)); do
    sleep 0.2
    waited=$((waited + 1))
  done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_server
  rm -rf "$work" "$data_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'echo "e2e: interrupted" >&2; exit 130' INT
trap 'echo "e2e: terminated" >&2; exit 143' TERM

# ---------------------------------------------------------------------------------------------------------------
# Reporting

pass() {
  steps=$((steps + 1))
  printf 'PASS %2d  %s\n' "$steps" "$*"
}

skip() {
  printf 'SKIP     %s\n' "$*"
}

fail() {
  printf 'FAIL     %s\n' "$*"
  if [[ -s $server_log ]]; then
    printf -- '--- last server log lines:\n'
    # JSON lines: the first few hundred characters hold time, level, category and message.
    tail -n 25 "$server_log" | cut -c 1-400 | sed 's/^/    /'
  fi
  exit 1
}

# ---------------------------------------------------------------------------------------------------------------
# HTTP: request METHOD PATH [JSON-BODY] [BEARER-TOKEN] sets $status; the response body is in $body, headers in $headers.

request() {
  local method=$1 path=$2 data=${3-} token=${4-}
  local args=(-sS -o "$body" -D "$headers" -w '%{http_code}' --max-time "$REQUEST_TIMEOUT" -X "$method"
    -H 'Accept: application/json')
  if [[ -n $token ]]; then args+=(-H "Authorization: Bearer $token"); fi
  if [[ -n $data ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$data"); fi
  : >"$body"
  status=$(curl "${args[@]}" "$base$path" 2>"$work/curl.err") || status="000 ($(tr -d '\n' <"$work/curl.err"))"
}

# expect_status CODE WHAT
expect_status() {
  [[ $status == "$1" ]] || fail "$2: expected HTTP $1, got $status; body: $(head -c 1000 "$body")"
}

# expect WHAT JS-EXPRESSION...: each expression must hold for the JSON in $body (see scripts/e2e/check.cjs).
expect() {
  local what=$1 expression
  shift
  for expression in "$@"; do
    node "$helper" expect "$body" "$expression" 2>"$work/expect.err" || fail "$what: $(cat "$work/expect.err")"
  done
}

json() { node "$helper" get "$body" "$1"; }

expect_header() {
  grep -qiE "$2" "$headers" || fail "$1: no header matching /$2/ in: $(tr -d '\r' <"$headers" | tr '\n' '|')"
}

# ---------------------------------------------------------------------------------------------------------------
# How the service is run: exactly the README's command, `dotnet run --project src/WebApi`, started the way a
# container is (ASPNETCORE_URLS names the address: a free loopback port). It builds (Debug) before it serves, so
# readiness may take a while on a fresh clone.

run_args=(run --project src/WebApi)
READY_TIMEOUT=300
echo "e2e: starting the service with the README's command (ASPNETCORE_URLS=… dotnet ${run_args[*]})"
# Command-line calls after the server started never rebuild under it.
cli_args=("${run_args[@]}")
[[ " ${cli_args[*]} " == *" --no-build "* ]] || cli_args+=(--no-build)

# cli ARGS...: the admin command line on the server's data folder; stdout only, diagnostics to $work/cli.err.
cli() {
  DataFolder="$data_dir" timeout -k 10 "$CLI_TIMEOUT" dotnet "${cli_args[@]}" -- "$@" 2>"$work/cli.err"
}

# ---------------------------------------------------------------------------------------------------------------
# 1. Start the server on a free loopback port with a fresh data folder, and wait until it is ready.

command -v node >/dev/null || fail "node is not installed (Node 20 is needed for JSON checks and jsonwebtoken)"
command -v curl >/dev/null || fail "curl is not installed"
command -v openssl >/dev/null || fail "openssl is not installed"

port=$(node "$helper" port) || fail "no free loopback port"
base="http://127.0.0.1:$port"
export DataFolder="$data_dir"
ASPNETCORE_URLS="$base" setsid dotnet "${run_args[@]}" >"$server_log" 2>&1 </dev/null &
server_pid=$!
unset DataFolder

deadline=$((SECONDS + READY_TIMEOUT))
code=000
while ((SECONDS < deadline)); do
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited before it was ready"
  code=$(curl -s -o "$body" -w '%{http_code}' --max-time 2 "$base/health/ready" 2>/dev/null || true)
  [[ $code == 200 ]] && break
  sleep 0.5
done
[[ $code == 200 ]] || fail "GET $base/health/ready did not answer 200 within $READY_TIMEOUT s (last: HTTP $code $(head -c 300 "$body"))"
expect "/health/ready" 'b.status === "Healthy"'
request GET /health/live
expect_status 200 "GET /health/live"
expect "/health/live" 'b.status === "Healthy"'
pass "server ready after $((SECONDS - started)) s: GET /health/ready 200 {status:Healthy}, /health/live 200 ($base, DataFolder=$data_dir)"

# jsonwebtoken for the HS256 and RS256 steps: the interop suite's locked copy.
if [[ ! -d tests/interop/node_modules/jsonwebtoken ]]; then
  (cd tests/interop && npm ci --no-audit --no-fund >"$work/npm.log" 2>&1) || fail "npm ci in tests/interop: $(tail -n 20 "$work/npm.log")"
fi

# ---------------------------------------------------------------------------------------------------------------
# 2. README walkthrough step 1: an organization and its first API key from the command line.

cli org create --name E2E --json >"$body" || fail "org create --name E2E --json exited non-zero: $(cat "$work/cli.err")"
expect "org create --json" \
  '/^org_/.test(b.organization_id) && /^ak_/.test(b.api_key) && /^sk_/.test(b.api_secret)' \
  'JSON.stringify(Object.keys(b)) === JSON.stringify(["organization_id","api_key","api_secret"])' \
  'text.trim().split("\n").length === 1'
API_KEY=$(json b.api_key)
API_SECRET=$(json b.api_secret)
pass "org create --name E2E --json: one JSON object {organization_id, api_key, api_secret}"

# README step 2: the organization token from the command line, the secret from the environment (not the arguments).
TOKEN=$(ALIASSERVICE_API_SECRET="$API_SECRET" cli token org --api-key "$API_KEY" --ttl 3600) ||
  fail "token org exited non-zero: $(cat "$work/cli.err")"
[[ $TOKEN =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || fail "token org did not print one JWT: $TOKEN"
pass "ALIASSERVICE_API_SECRET=… token org --api-key … --ttl 3600: a JWT on stdout"

# ---------------------------------------------------------------------------------------------------------------
# README step 3: create (201, owner view, all eight fields in wire order).

expired_at=$(($(date +%s) + 86400))
export EXPIRED_AT=$expired_at
request POST /organization/api/v1/alias/create \
  "{\"type\":\"conference\",\"name\":\"Team Sync\",\"passcode\":\"4321\",\"expired_at\":$expired_at}" "$TOKEN"
expect_status 201 "POST /organization/api/v1/alias/create"
expect "create: owner view" \
  'ordered(b.data)' \
  'typeof b.data.id === "string" && /^[A-Za-z0-9_-]{12,}$/.test(b.data.id)' \
  'b.data.type === "conference" && b.data.name === "Team Sync" && b.data.passcode === "4321"' \
  'b.data.jwt_secret === null && b.data.stream_key === null' \
  'b.data.expired_at === Number(env.EXPIRED_AT)' \
  'Number.isInteger(b.data.inserted_at) && Math.abs(b.data.inserted_at - now) < 300'
ALIAS=$(json b.data.id)
export ALIAS
pass "POST /organization/api/v1/alias/create: 201, owner view, fields id,type,name,passcode,jwt_secret,stream_key,expired_at,inserted_at"

# README step 4: list.
request GET "/organization/api/v1/aliases?limit=10" "" "$TOKEN"
expect_status 200 "GET /organization/api/v1/aliases?limit=10"
expect "list" \
  'Array.isArray(b.entries) && "after" in b' \
  'b.entries.some(e => e.data && e.data.id === env.ALIAS && e.data.passcode === "4321" && ordered(e.data))'
pass "GET /organization/api/v1/aliases?limit=10: 200, {after, entries} contains the alias (owner view)"

# README step 5: update; absent fields stay.
JWT_SECRET='a-jwt-secret-of-at-least-32-bytes!!'
export JWT_SECRET
request POST "/organization/api/v1/alias/update/$ALIAS" \
  '{"name":"Renamed","jwt_secret":"a-jwt-secret-of-at-least-32-bytes!!"}' "$TOKEN"
expect_status 200 "POST /organization/api/v1/alias/update/{id}"
expect "update" \
  'ordered(b.data) && b.data.id === env.ALIAS' \
  'b.data.name === "Renamed" && b.data.jwt_secret === env.JWT_SECRET' \
  'b.data.type === "conference" && b.data.passcode === "4321" && b.data.stream_key === null' \
  'b.data.expired_at === Number(env.EXPIRED_AT)'
pass "POST /organization/api/v1/alias/update/{id}: 200, name and jwt_secret set, absent fields unchanged"

# Partial update, the other half: a field sent as null is cleared, the rest stays.
request POST "/organization/api/v1/alias/update/$ALIAS" '{"stream_key":"live_e2e"}' "$TOKEN"
expect_status 200 "update stream_key"
expect "update stream_key" 'b.data.stream_key === "live_e2e" && b.data.name === "Renamed"'
request POST "/organization/api/v1/alias/update/$ALIAS" '{"name":null}' "$TOKEN"
expect_status 200 "update name null"
expect "update name null" \
  'b.data.name === null && b.data.stream_key === "live_e2e" && b.data.passcode === "4321" && b.data.jwt_secret === env.JWT_SECRET'
request POST "/organization/api/v1/alias/update/$ALIAS" '{"name":"Renamed"}' "$TOKEN"
expect_status 200 "update name back"
pass "update: {\"stream_key\":…} sets only it, {\"name\":null} clears only the name"

# ---------------------------------------------------------------------------------------------------------------
# Alias tokens and public retrieval (README step 6; docs/access-rules.md).

# The public view: the protected fields are null, the rest as the owner set them.
PUBLIC_VIEW='ordered(b.data) && b.data.id === env.ALIAS && b.data.name === "Renamed" && b.data.passcode === null && b.data.jwt_secret === null && b.data.stream_key === null'
# The host view: like the public view, but the stream key is shown.
HOST_VIEW='ordered(b.data) && b.data.id === env.ALIAS && b.data.name === "Renamed" && b.data.passcode === null && b.data.jwt_secret === null && b.data.stream_key === "live_e2e"'

request POST "/organization/api/v1/alias/$ALIAS/token" '{"user_id":"user456","host":false,"expires_in":600}' "$TOKEN"
expect_status 201 "POST /organization/api/v1/alias/{id}/token"
expect "mint alias token" \
  'typeof b.data.token === "string" && b.data.token.split(".").length === 3' \
  'Number.isInteger(b.data.expires_at) && Math.abs(b.data.expires_at - (now + 600)) < 120'
MINTED=$(json b.data.token)
request GET "/api/v1/alias/$ALIAS" "" "$MINTED"
expect_status 200 "GET /api/v1/alias/{id} with the minted token"
expect "minted token: public view" "$PUBLIC_VIEW"
pass "POST /organization/api/v1/alias/{id}/token: 201 {token, expires_at}; that token reads the public view (200)"

request GET "/api/v1/alias/$ALIAS?passcode=4321"
expect_status 200 "GET /api/v1/alias/{id}?passcode=4321"
expect "passcode: public view" "$PUBLIC_VIEW"
pass "GET /api/v1/alias/{id}?passcode=4321: 200, public view (passcode, jwt_secret, stream_key null)"

request GET "/api/v1/alias/$ALIAS?passcode=0000"
expect_status 401 "GET /api/v1/alias/{id}?passcode=0000"
expect "wrong passcode" \
  'typeof b.error.message === "string" && b.error.reason === "invalid_passcode"' \
  'b.data === undefined'
expect_header "wrong passcode" '^www-authenticate: *Bearer'
pass "GET /api/v1/alias/{id}?passcode=0000: 401 {error:{message, reason:invalid_passcode}}, WWW-Authenticate: Bearer"

ALIAS_TOKEN=$(printf '%s\n' "$JWT_SECRET" | cli token alias --alias "$ALIAS" --secret - --user-id user456 --host --expires-in 3600) ||
  fail "token alias exited non-zero: $(cat "$work/cli.err")"
request GET "/api/v1/alias/$ALIAS" "" "$ALIAS_TOKEN"
expect_status 200 "GET /api/v1/alias/{id} with the command line's host token"
expect "command-line host token: host view" "$HOST_VIEW"
pass "token alias … --secret - (secret on standard input) --host → GET /api/v1/alias/{id}: 200, host view (stream_key shown)"

HS_TOKEN=$(node "$helper" sign HS256 "$JWT_SECRET" \
  "{\"alias\":\"$ALIAS\",\"user_id\":\"user456xxyz\",\"host\":true,\"exp\":$(($(date +%s) + 600))}") ||
  fail "signing with jsonwebtoken (HS256)"
request GET "/api/v1/alias/$ALIAS" "" "$HS_TOKEN"
expect_status 200 "GET /api/v1/alias/{id} with a jsonwebtoken HS256 token"
expect "jsonwebtoken HS256: host view" "$HOST_VIEW"
pass "jsonwebtoken HS256 token (alias, user_id, host:true, exp; iat added by the library): 200, host view"

# Signing with an own key pair (README "Signing alias tokens with your own key pair").
openssl genrsa -out "$work/privatekey.pem" 2048 2>"$work/openssl.err" || fail "openssl genrsa: $(cat "$work/openssl.err")"
openssl rsa -in "$work/privatekey.pem" -pubout -out "$work/publickey.pem" 2>"$work/openssl.err" ||
  fail "openssl rsa -pubout: $(cat "$work/openssl.err")"
request POST /organization/api/v1/jwt_keys "$(node "$helper" jwt-key-body "backend 2026" "$work/publickey.pem")" "$TOKEN"
expect_status 201 "POST /organization/api/v1/jwt_keys"
expect "register jwt key" \
  'typeof b.data.id === "string" && b.data.name === "backend 2026" && b.data.algorithm === "RS256"' \
  'typeof b.data.fingerprint === "string" && /^[A-Za-z0-9_-]{43}$/.test(b.data.fingerprint)' \
  'typeof b.data.public_key === "string" && !b.data.public_key.includes("PRIVATE")'
KEY_ID=$(json b.data.id)
pass "POST /organization/api/v1/jwt_keys (openssl RSA 2048 public key): 201, id $KEY_ID, algorithm RS256, fingerprint"

RS_TOKEN=$(node "$helper" sign RS256 "@$work/privatekey.pem" \
  "{\"alias\":\"$ALIAS\",\"user_id\":\"user789\",\"exp\":$(($(date +%s) + 600))}" "$KEY_ID") ||
  fail "signing with jsonwebtoken (RS256)"
request GET "/api/v1/alias/$ALIAS" "" "$RS_TOKEN"
expect_status 200 "GET /api/v1/alias/{id} with a jsonwebtoken RS256 token (kid $KEY_ID)"
expect "jsonwebtoken RS256: public view" "$PUBLIC_VIEW"
pass "jsonwebtoken RS256 token, header kid = $KEY_ID: 200, public view"

# Last update of the walk: a field sent as null is cleared (the owner sees it).
request POST "/organization/api/v1/alias/update/$ALIAS" '{"stream_key":null}' "$TOKEN"
expect_status 200 "update stream_key null"
expect "update stream_key null" 'b.data.stream_key === null && b.data.name === "Renamed" && b.data.passcode === "4321"'
pass "update {\"stream_key\":null}: 200, stream_key cleared, the rest unchanged"

# README step 7: delete; afterwards the alias is gone.
request DELETE "/organization/api/v1/alias/delete/$ALIAS" "" "$TOKEN"
expect_status 200 "DELETE /organization/api/v1/alias/delete/{id}"
expect "delete" 'JSON.stringify(b) === JSON.stringify({ message: "Alias deleted successfully." })'
pass "DELETE /organization/api/v1/alias/delete/{id}: 200 {\"message\":\"Alias deleted successfully.\"}"

request GET "/api/v1/alias/$ALIAS?passcode=4321"
expect_status 404 "GET /api/v1/alias/{id} after delete"
expect "after delete" 'JSON.stringify(b) === JSON.stringify({ error: { message: "Alias not found" } })'
pass "GET /api/v1/alias/{id} after delete: 404 {\"error\":{\"message\":\"Alias not found\"}}"

# ---------------------------------------------------------------------------------------------------------------
# The API reference: /openapi/v1.json and the Scalar page at /docs, rendered by headless Chromium.

request GET /openapi/v1.json
expect_status 200 "GET /openapi/v1.json"
expect "OpenAPI document" \
  'typeof b.openapi === "string" && b.paths && typeof b.paths === "object"' \
  '"/organization/api/v1/alias/create" in b.paths && "/api/v1/alias/{id}" in b.paths' \
  '"/organization/api/v1/aliases" in b.paths && "/organization/api/v1/jwt_keys" in b.paths' \
  'typeof b.paths["/organization/api/v1/alias/create"].post.summary === "string"' \
  'typeof b.paths["/api/v1/alias/{id}"].get.summary === "string" && b.paths["/api/v1/alias/{id}"].get.tags.length > 0'
pass "GET /openapi/v1.json: 200, OpenAPI $(json b.openapi) with the alias and jwt_keys paths and their summaries"
# What the rendered page must show, as the document states it.
create_summary=$(json 'b.paths["/organization/api/v1/alias/create"].post.summary')
public_summary=$(json 'b.paths["/api/v1/alias/{id}"].get.summary')
# Scalar's anchor of an operation: tag slug (lower case, other characters as '-'), method, path.
public_anchor=$(json '"tag/" + b.paths["/api/v1/alias/{id}"].get.tags[0].toLowerCase().replace(/[^a-z0-9]+/g, "-") + "/GET/api/v1/alias/{id}"')

docs_status=$(curl -s -L -o "$work/docs-raw.html" -w '%{http_code}' --max-time "$REQUEST_TIMEOUT" "$base/docs" || true)
[[ $docs_status == 200 ]] || fail "GET /docs (following redirects): expected HTTP 200, got $docs_status"
# The page as served is a shell that loads Scalar's script: the operations appear only once that script ran.
if node "$helper" dom "$work/docs-raw.html" "$create_summary" 2>/dev/null; then
  fail "GET /docs: the served HTML already holds \"$create_summary\", so the rendered-DOM check would prove nothing"
fi
pass "GET /docs: 200, Scalar's page shell (the operations are rendered by its script)"

if ! command -v chromium >/dev/null; then
  [[ $(id -u) == 0 ]] || fail "chromium is missing and this is not root: apt-get install -y chromium"
  echo "e2e: installing Debian's chromium (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$work/apt.log" 2>&1 ||
    fail "apt-get install chromium: $(tail -n 20 "$work/apt.log")"
fi

# browse BUDGET URL CHROMIUM-ARGS...: one headless Chromium run with a fresh profile. Flags as this machine needs
# them: no sandbox as root, no GPU, no background connections (the network is closed; Chromium would otherwise
# keep trying Google's hosts). Virtual time lets the page's script run and fetch /openapi/v1.json before the
# DOM is dumped or the screenshot is taken.
browse() {
  local budget=$1 url=$2
  shift 2
  rm -rf "$work/chromium-profile"
  timeout -k 10 "$BROWSER_TIMEOUT" chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-quic \
    --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$work/chromium-profile" \
    --virtual-time-budget="$budget" "$@" "$url" 2>>"$work/chromium.log"
}

# rendered URL TEXT...: the DOM of URL after its script ran holds every TEXT; tries a longer budget once.
# Sets $budget to the virtual time that was enough.
rendered() {
  local url=$1
  shift
  for budget in 15000 60000; do
    browse "$budget" "$url" --window-size=1400,2200 --dump-dom >"$work/dom.html" ||
      fail "chromium --dump-dom $url exited non-zero: $(tail -n 20 "$work/chromium.log")"
    node "$helper" dom "$work/dom.html" "$@" 2>"$work/dom.err" && return 0
  done
  fail "$url in headless Chromium:$(cat "$work/dom.err") ($(wc -c <"$work/dom.html") bytes of DOM)"
}

# /docs as it opens: the first tag (the alias management endpoints) is expanded.
rendered "$base/docs" "POST/organization/api/v1/alias/create" "/organization/api/v1/alias/create" "$create_summary"
pass "/docs in headless Chromium (virtual time $budget ms): lists POST /organization/api/v1/alias/create, \"$create_summary\""
# Scalar's bundle has buttons that lead to its online services; the service configures them away.
node "$helper" dom-lacks "$work/dom.html" "Ask AI" "Generate SDK" "Deploy" "Share" "Open API Client" 2>"$work/dom.err" ||
  fail "/docs shows buttons that lead to Scalar's online services:$(cat "$work/dom.err")"
pass "/docs has none of Scalar's online-service buttons (Ask AI, Generate SDK, Deploy, Share, Open API Client)"
# Public retrieval is in a collapsed tag further down: opened through its anchor, as the sidebar link does.
rendered "$base/docs/#$public_anchor" "$public_anchor" "$public_summary"
pass "/docs/#$public_anchor in headless Chromium: lists GET /api/v1/alias/{id}, \"$public_summary\""

mkdir -p artifacts
rm -f artifacts/docs.png
browse "$budget" "$base/docs" --screenshot="$root/artifacts/docs.png" --window-size=1400,2200 >/dev/null ||
  fail "chromium --screenshot exited non-zero: $(tail -n 20 "$work/chromium.log")"
png=$(node "$helper" png artifacts/docs.png 2>&1) || fail "artifacts/docs.png: $png"
pass "/docs screenshot: artifacts/docs.png ($png)"

echo "e2e: $steps steps passed in $((SECONDS - started)) s"
