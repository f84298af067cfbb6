#!/usr/bin/env bash
# Where a workload's time goes inside the interpreter loop: perf samples mapped to the instruction groups of
# Machine.Dispatch as the JIT compiled it (a profiling aid, not a benchmark).
#   bench/Engine/profile-dispatch.sh property [groups]     # top instruction groups, default 20
# Needs perf. The JIT listing comes from DOTNET_JitDisasm (group offsets), the method's address from the perf map.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
workload="${1:?workload name, e.g. property}"
groups="${2:-20}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet build "$here/Bench.Engine.csproj" -c Release -nologo -v quiet >/dev/null
DOTNET_JitDisasm='Dispatch' DOTNET_JitStdOutFile="$out/dispatch.asm" DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 \
  perf record -F 4000 -o "$out/perf.data" "$here/bin/Release/net10.0/DualEngine.Engine.Bench" --managed-only --runs ${RUNS:-40} "$workload" >/dev/null 2>&1
map="$(ls -t /tmp/perf-*.map | head -1)"   # the perf map the run just wrote (DOTNET_PerfMapEnabled)
python3 "$here/dispatch_groups.py" "$out/perf.data" "$map" "$out/dispatch.asm" "$groups"
