#!/usr/bin/env bash
# The project's test command (README; .ci/run calls it): builds everything, including the V8 shim
# (fetched from Debian on first use), and runs every test project. Prints "N passed, N failed".
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

rm -rf artifacts/ci   # per-engine summaries the conformance tests write for this run's log
dotnet build DualEngine.sln -c Release -nologo -v quiet 2>&1 | tail -n 30
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then echo "build failed"; echo "0 passed, 1 failed"; exit 1; fi

dotnet test DualEngine.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 11, Skipped: 0, ..."
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
for summary in artifacts/ci/*.md; do [ -f "$summary" ] && { echo; cat "$summary"; }; done
echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
