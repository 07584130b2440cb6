#!/usr/bin/env bash
# Side-by-side throughput of GET /api/v1/alias/{id} with an HS256 alias token, in one run, alternating:
#   kestrel-ceiling  bare Kestrel answering the route with a fixed body (no auth, no database, no MVC):
#                    the most this stack can do on this machine
#   node-peer        what a team would write instead: Express + jsonwebtoken, aliases held in memory
#   project          the service under test, at BASE, reading alias ID with TOKEN (a valid HS256 alias token)
# Each round runs wrk (2 threads, 32 connections) for DURATION seconds against each of the three.
# Absolute numbers vary between machines and runs; the ratios printed at the end are what to compare.
#
# usage: bash scripts/bench/compare.sh DURATION_S BASE TOKEN ID [ROUNDS]
# needs: wrk (apt-get install -y wrk), node/npm, dotnet. Leaves nothing running.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dur=${1:?duration}; base=${2:?base url}; token=${3:?alias token}; id=${4:?alias id}; rounds=${5:-2}
command -v wrk >/dev/null || { echo "compare.sh needs wrk: apt-get install -y wrk" >&2; exit 2; }

work="${TMPDIR:-/tmp}/aliasservice-bench"
mkdir -p "$work"
rm -rf "$work/kestrel-ceiling/Program.cs" "$work/node-peer/server.js"
cp -r "$here/kestrel-ceiling" "$here/node-peer" "$work/"
chmod -R u+w "$work"
(cd "$work/kestrel-ceiling" && dotnet build -c Release -o out >/dev/null)
(cd "$work/node-peer" && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
kport=$(free_port); nport=$(free_port)
secret='bench-secret-0123456789-0123456789-abcdef'
ASPNETCORE_URLS="http://127.0.0.1:$kport" dotnet "$work/kestrel-ceiling/out/KestrelCeiling.dll" >/dev/null 2>&1 & kpid=$!
PORT=$nport ALIAS_SECRET=$secret node "$work/node-peer/server.js" >/dev/null 2>&1 & npid=$!
trap 'kill $kpid $npid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$kport/api/v1/alias/priva" && curl -s -o /dev/null "http://127.0.0.1:$nport/api/v1/alias/priva" && break
  sleep 0.2
done
peer_token=$(cd "$work/node-peer" && node -e "process.stdout.write(require('jsonwebtoken').sign({alias:'priva',user_id:'u',host:true,expires_in:86400}, process.argv[1]))" "$secret")
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/alias/$id")
[ "$code" = 200 ] || { echo "the project answered $code to the token, not 200" >&2; exit 1; }

run() { wrk -t2 -c32 -d"${dur}s" --latency -H "Authorization: Bearer $2" "$1" | awk '/Requests\/sec/{r=$2} /  99%/{p=$2} /Non-2xx/{e=$NF} END{printf "%s req/s  p99 %s%s\n", r, p, (e ? "  NON-2xx " e : "")}'; }
wrk -t2 -c32 -d2s -H "Authorization: Bearer $token" "$base/api/v1/alias/$id" >/dev/null   # warm-up
results=$(mktemp)
for round in $(seq 1 "$rounds"); do
  for who in kestrel-ceiling node-peer project; do
    case $who in
      kestrel-ceiling) line=$(run "http://127.0.0.1:$kport/api/v1/alias/priva" "$peer_token") ;;
      node-peer) line=$(run "http://127.0.0.1:$nport/api/v1/alias/priva" "$peer_token") ;;
      project) line=$(run "$base/api/v1/alias/$id" "$token") ;;
    esac
    echo "round $round  $who  $line" | tee -a "$results"
  done
done
awk '{n[$3]++; s[$3]+=$4} END{k=s["kestrel-ceiling"]/n["kestrel-ceiling"]; p=s["node-peer"]/n["node-peer"]; m=s["project"]/n["project"];
  printf "mean req/s: ceiling %.0f, node peer %.0f, project %.0f\n", k, p, m;
  printf "project / node peer = %.2f   project / ceiling = %.3f\n", m/p, m/k}' "$results"
