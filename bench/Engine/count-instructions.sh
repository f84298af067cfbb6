#!/usr/bin/env bash
# Interpreter instructions per run() of a workload, by opcode: a build of the engine that counts every dispatch
# (DISPATCH_STATS), run once after no warm-up. Deterministic, unlike timings on a shared machine, so it shows
# what a compiler or fusion change saved; it does not show how expensive each instruction is.
#   bench/Engine/count-instructions.sh property [top]      # a workload name or a file defining run()
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
workload="${1:?workload name or file, e.g. property}"
top="${2:-25}"
out="$here/bin/stats"
# Separate output and intermediate directories, so the normal (uncounted) bench build is left alone.
dotnet build "$here/Bench.Engine.csproj" -c Release -nologo -v quiet -p:DualEngineDispatchStats=true \
  -p:OutputPath="$out/" -p:IntermediateOutputPath=obj/stats/ >/dev/null
base="$("$out/DualEngine.Engine.Bench" --managed-only --warmup 0 --runs 1 "$here/workloads/empty.js" 2>&1 >/dev/null | awk '/dispatch-stats total/ {print $3}')"
[ -f "$workload" ] && workload="$(cd "$(dirname "$workload")" && pwd)/$(basename "$workload")"
"$out/DualEngine.Engine.Bench" --managed-only --warmup 0 --runs 1 "$workload" 2>&1 >/dev/null \
  | awk -v base="$base" -v top="$top" '
      /dispatch-stats total/ { total = $3 - base; printf "%d instructions per run (the script and one run(), less an empty script)\n", total; next }
      /dispatch-stats/ && shown < top { printf "  %-24s %14d %6s\n", $2, $3, $4; shown++ }'
