#!/usr/bin/env bash
# Several instances on one database, proven: starts a throwaway PostgreSQL cluster (scripts/lib/postgres.sh) and a
# redis-server, each on a free loopback port, applies the migrations with `db migrate` (twice at once: it is safe
# from several instances), then scripts/multi-instance/check.mjs starts two instances A and B of the Release build,
# each with a data folder of its own, sharing the database and Redis, and checks sharing, shared limits, revocation
# across instances, a killed instance under load and outages of PostgreSQL and Redis, printing each step.
# Everything started is stopped by process id whatever happens. Installs postgresql and redis-server when missing.
#   bash scripts/multi-instance.sh            (builds src/WebApi in Release first; --no-build to skip that)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration="${CONFIGURATION:-Release}"
dll="$root/src/WebApi/bin/$configuration/net10.0/AliasService.WebApi.dll"

work="$(mktemp -d "${TMPDIR:-/tmp}/aliasservice-multi-XXXXXX")"
pids="$work/pids"
mkdir -p "$pids"

# shellcheck source=lib/postgres.sh
source "$root/scripts/lib/postgres.sh"

cleanup() {
  local status=$? file pid
  trap - EXIT INT TERM
  for file in "$pids"/*.pid; do
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    kill -TERM "$pid" 2>/dev/null || true
  done
  for file in "$pids"/*.pid; do
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  # The check restarts PostgreSQL: find the server by its folder, not by the pid it had at the start.
  POSTGRES_PID=
  postgres_stop
  if [ "$status" != 0 ]; then
    for log in "$work"/*.log; do
      [ -f "$log" ] || continue
      echo "--- last lines of $(basename "$log"):"
      tail -n 15 "$log" | cut -c 1-400 | sed 's/^/    /'
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "${1:-}" != "--no-build" ]; then
  echo "== build (src/WebApi, $configuration)"
  dotnet build src/WebApi -c "$configuration" -nologo -v quiet
fi

echo "== PostgreSQL and Redis on free loopback ports"
postgres_start
if ! command -v redis-server >/dev/null; then
  echo "redis: installing the redis-server package" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
redis_port=$(postgres_free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
echo $! >"$pids/redis.pid"
disown   # stopped by its pid file (the check restarts it); no job notice when it is killed
for _ in $(seq 1 100); do grep -q 'Ready to accept connections' "$work/redis.log" && break; sleep 0.1; done
grep -q 'Ready to accept connections' "$work/redis.log" || { echo "redis-server did not start" >&2; exit 1; }
echo "redis: pid $(cat "$pids/redis.pid"), port $redis_port"

echo "== db migrate, from two processes at once"
migrate() {
  Database__Provider=PostgreSql ConnectionStrings__AliasService="$POSTGRES_CONNECTION" DataFolder="$work/data-migrate-$1" \
    dotnet "$dll" db migrate >"$work/migrate-$1.out" 2>"$work/migrate-$1.log"
}
migrate 1 & first=$!
migrate 2 & second=$!
wait "$first" && wait "$second"
cat "$work/migrate-1.out" "$work/migrate-2.out"

ports=()
for _ in 1 2; do ports+=("$(postgres_free_port)"); done

MI_DLL="$dll" MI_WORK="$work" MI_PIDS="$pids" MI_POSTGRES_SCRIPT="$root/scripts/lib/postgres.sh" MI_POSTGRES_DIR="$POSTGRES_DIR" \
MI_POSTGRES_CONNECTION="$POSTGRES_CONNECTION" MI_REDIS_SERVER="$(command -v redis-server)" MI_REDIS_PORT="$redis_port" \
MI_PORT_A="${ports[0]}" MI_PORT_B="${ports[1]}" \
  node "$root/scripts/multi-instance/check.mjs"
