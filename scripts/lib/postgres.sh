# A throwaway PostgreSQL cluster for tests, in a temporary folder, on a free loopback port. Source this file, then:
#   postgres_start                 # sets POSTGRES_PID, POSTGRES_PORT, POSTGRES_DIR, POSTGRES_CONNECTION
#   trap postgres_stop EXIT        # stops it by process id and deletes the folder, whatever happens
# or run it as a command, which prints those variables after `start` and finds the cluster by its folder after:
#   bash scripts/lib/postgres.sh start | pause DIR | resume DIR | stop DIR
# (pause stops the server and keeps its data; resume starts it again on the same port).
# Installs the Debian package `postgresql` when no server binaries are present. The server runs as the `postgres`
# user (it refuses to run as root), trusts loopback connections, and keeps its socket in its own folder. Its default
# collation is ICU English, where text does not sort by code point: columns that must (ids) have to say COLLATE "C".

postgres_bin() {
  local initdb
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$initdb" ]; then
    echo "postgres: installing the postgresql package" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    initdb=$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  fi
  dirname "$initdb"
}

postgres_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Starts the server of the cluster in $POSTGRES_DIR on $POSTGRES_PORT and sets POSTGRES_PID.
postgres_run() {
  # Durability is not needed for a throwaway cluster; turning it off makes creating a database per test fast.
  postgres_as_owner "$(postgres_bin)/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 start \
    -o "-p $POSTGRES_PORT -k $POSTGRES_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
    || return 1
  POSTGRES_PID=$(head -n 1 "$POSTGRES_DIR/data/postmaster.pid")
  POSTGRES_CONNECTION="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres;Database=postgres"
  export POSTGRES_PID POSTGRES_PORT POSTGRES_DIR POSTGRES_CONNECTION
}

postgres_start() {
  local bin attempt
  bin=$(postgres_bin)
  POSTGRES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/aliasservice-postgres-XXXXXX")
  chmod 700 "$POSTGRES_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$POSTGRES_DIR"; fi
  postgres_as_owner "$bin/initdb" -D "$POSTGRES_DIR/data" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 --locale-provider=icu --icu-locale=en-US >"$POSTGRES_DIR/initdb.log" 2>&1 \
    || { cat "$POSTGRES_DIR/initdb.log" >&2; return 1; }
  # A port can be taken between choosing and binding it: try a few.
  for attempt in 1 2 3; do
    POSTGRES_PORT=$(postgres_free_port)
    if postgres_run; then
      echo "$POSTGRES_PORT" >"$POSTGRES_DIR/port"
      echo "postgres: cluster in $POSTGRES_DIR, pid $POSTGRES_PID, port $POSTGRES_PORT" >&2
      return 0
    fi
  done
  cat "$POSTGRES_DIR/server.log" >&2
  return 1
}

# Stops the server by its process id (fast shutdown: ends the sessions, then exits) and keeps the data.
postgres_pause() {
  local i pid
  pid=${POSTGRES_PID:-}
  if [ -z "$pid" ] && [ -f "${POSTGRES_DIR:-}/data/postmaster.pid" ]; then pid=$(head -n 1 "$POSTGRES_DIR/data/postmaster.pid"); fi
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -INT "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    echo "postgres: stopped pid $pid" >&2
  fi
  POSTGRES_PID=
}

postgres_resume() {
  POSTGRES_PORT=$(cat "$POSTGRES_DIR/port")
  postgres_run && echo "postgres: restarted, pid $POSTGRES_PID, port $POSTGRES_PORT" >&2
}

postgres_stop() {
  postgres_pause
  if [ -n "${POSTGRES_DIR:-}" ]; then rm -rf "$POSTGRES_DIR"; fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start) POSTGRES_PID=; postgres_start && printf 'POSTGRES_DIR=%s\nPOSTGRES_PORT=%s\nPOSTGRES_PID=%s\n' "$POSTGRES_DIR" "$POSTGRES_PORT" "$POSTGRES_PID" ;;
    # The cluster is the one in the folder given, never one named by inherited variables (a caller's own cluster).
    pause | resume | stop) POSTGRES_DIR=${2:?the cluster folder}; POSTGRES_PID=; "postgres_$1" ;;
    *) echo "usage: $0 start | pause DIR | resume DIR | stop DIR" >&2; exit 2 ;;
  esac
fi
