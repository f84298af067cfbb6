#!/usr/bin/env bash
# The working tree's managed engine against another revision's, in one process (a benchmark, never a test).
#   bench/Engine/ab.sh <base-rev> [--rounds N] [--warmup N] [workload|file.js ...]   # default: all workloads
# Builds <base-rev> in a temporary git worktree, this tree's src/Engine, and bench/Engine/ab, then runs them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rev="${1:?base revision, e.g. HEAD or main~3}"; shift
tmp="$(mktemp -d)"
cleanup() { git -C "$root" worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
git -C "$root" worktree add --detach -q "$tmp/base" "$rev"
dotnet build "$tmp/base/src/Engine/Engine.csproj" -c Release -nologo -v quiet -o "$tmp/base-bin" >/dev/null
dotnet build "$root/src/Engine/Engine.csproj" -c Release -nologo -v quiet -o "$tmp/new-bin" >/dev/null
dotnet build "$here/ab/Bench.EngineAB.csproj" -c Release -nologo -v quiet >/dev/null
options=(); files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --*) options+=("$1" "$2"); shift 2 ;;
    *.js) files+=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"); shift ;;
    *) files+=("$here/workloads/$1.js"); shift ;;
  esac
done
[ ${#files[@]} -gt 0 ] || files=("$here"/workloads/{recursion,property,allocation,strings,await}.js)
"$here/ab/bin/Release/net10.0/DualEngine.Engine.AB" --base "$tmp/base-bin" --new "$tmp/new-bin" "${options[@]}" "${files[@]}"
