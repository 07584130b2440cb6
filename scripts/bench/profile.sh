#!/usr/bin/env bash
# Where does a running AliasService spend its request time? Samples the server's threads with dotnet-trace
# (profile dotnet-sampled-thread-time) for DURATION seconds while you load it (wrk, in another terminal or in
# the background), then prints each frame's share of request-thread time.
# usage: bash scripts/bench/profile.sh SERVER_PID [DURATION_S] [REGEX]
#   SERVER_PID: the AliasService.WebApi process itself (not `dotnet run`): pgrep -f 'bin/Release/net10.0/AliasService.WebApi'
#   REGEX: keep only frames whose name matches (default: the project, EF Core, logging, auth, crypto, MediatR)
set -euo pipefail
pid=${1:?server pid}; dur=${2:-15}
filter=${3:-'AliasService|IdentityModel|DataProtection|Logging\.Logger\.Log|ConsoleLoggerProcessor|MediatR\.Mediator|AutoMapper|Sqlite(Command|Connection)\.|EntityFrameworkCore\.(DbContext\.get_ContextServices|Query\.Internal\.QueryCompiler\.ExecuteAsync)|JwtBearerHandler\.HandleAuth|ExceptionDispatchInfo|ObjectResultExecutor'}
here="$(cd "$(dirname "$0")" && pwd)"
trace="${TMPDIR:-/tmp}/aliasservice-profile-$$"
tool=$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")
[ -x "$tool" ] || dotnet tool install -g dotnet-trace --version 10.0.750501 >/dev/null
"$tool" collect -p "$pid" --profile dotnet-sampled-thread-time --format speedscope \
  --duration "00:00:00:$(printf '%02d' "$dur")" -o "$trace.nettrace" >/dev/null
python3 "$here/profile_summary.py" "$trace.speedscope.json" "$filter" | head -60
rm -f "$trace.nettrace"
echo "(full trace: $trace.speedscope.json; open it in speedscope, or run profile_summary.py on it with another REGEX)"
