#!/usr/bin/env bash
# Managed engine vs node on the JS workloads in bench/Engine/workloads (a benchmark, never a timed test).
#   bench/Engine/run.sh [--runs N] [--warmup N] [--node PATH] [--managed-only] [--wall] [workload ...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/Bench.Engine.csproj" -c Release -nologo -v quiet >/dev/null
exec "$here/bin/Release/net10.0/DualEngine.Engine.Bench" "$@"
