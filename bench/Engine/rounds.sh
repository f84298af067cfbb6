#!/usr/bin/env bash
# Runs run.sh N times (separate processes) and prints, per workload, each round's ratio to node and their median.
# One invocation is not enough for a figure: the same build's times move by up to half between processes on this
# machine (code placement, the shared host), so the issue's figures are medians over rounds.
#   bench/Engine/rounds.sh [N] [run.sh options and workloads...]      # default 7 rounds of --runs 9
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rounds="${1:-7}"
[ $# -gt 0 ] && shift
dotnet build "$here/Bench.Engine.csproj" -c Release -nologo -v quiet >/dev/null
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for ((i = 1; i <= rounds; i++)); do
  "$here/bin/Release/net10.0/DualEngine.Engine.Bench" --runs 9 "$@" | awk -v round="$i" '
    / ok \(| MISMATCH / { match($0, /[0-9.]+x/); ratio = substr($0, RSTART, RLENGTH - 1); name = substr($0, 1, 18); sub(/ +$/, "", name); print round "\t" name "\t" ratio }' >> "$out"
done
awk -F'\t' '
  { r[$2] = r[$2] (r[$2] == "" ? "" : " ") $3; v[$2, ++n[$2]] = $3; if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 } }
  END {
    printf "%-18s %8s  %s\n", "workload", "median", "ratio to node per round"
    for (j = 1; j <= k; j++) {
      w = order[j]; m = n[w]
      for (a = 1; a <= m; a++) x[a] = v[w, a] + 0
      for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (x[b] < x[a]) { t = x[a]; x[a] = x[b]; x[b] = t }
      med = (m % 2) ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2
      printf "%-18s %7.1fx  %s\n", w, med, r[w]
    }
  }' "$out"
