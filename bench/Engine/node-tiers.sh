#!/usr/bin/env bash
# A workload on node's execution tiers alone (no managed engine): the optimizing compiler (default), Ignition only
# (--jitless), Ignition + Sparkplug (--max-opt=1), up to Maglev where node has it (--max-opt=2). Median CPU ms of 9 runs
# after 20 warm-up runs, each tier in its own process. Shows what an interpreter tier can reach on a workload.
#   bench/Engine/node-tiers.sh property allocation      # workload names or .js files defining run()
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
script='
const fs = require("fs"), vm = require("vm");
vm.runInThisContext(fs.readFileSync(process.argv[1], "utf8"));
for (let i = 0; i < 20; i++) run();
const t = [];
for (let i = 0; i < 9; i++) { const c = process.cpuUsage(); run(); const d = process.cpuUsage(c); t.push((d.user + d.system) / 1000); }
t.sort((a, b) => a - b);
process.stdout.write(t[4].toFixed(2));'
[ $# -gt 0 ] || set -- property allocation
printf '%-14s %10s %10s %12s %12s\n' workload default jitless max-opt=1 max-opt=2
for w in "$@"; do
  f="$w"; [ -f "$f" ] || f="$here/workloads/$w.js"
  row=()
  for flags in "" "--jitless" "--max-opt=1" "--max-opt=2"; do
    row+=("$(node $flags -e "$script" "$f" 2>/dev/null)")
  done
  printf '%-14s %10s %10s %12s %12s\n' "$(basename "$f" .js)" "${row[@]}"
done
