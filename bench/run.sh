#!/usr/bin/env bash
# Benchmarks (never timed tests): startup of dualrt against deno and node, and op call cost.
# deno comes from the npm registry (package "deno") into bench/.peers, git-ignored.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="$repo/bench/.peers"
if [ ! -x "$peers/node_modules/.bin/deno" ]; then
  mkdir -p "$peers"
  (cd "$peers" && npm install --silent --no-audit --no-fund deno >/dev/null)
fi
"$repo/dualrt" --version >/dev/null   # builds dualrt (Release) and its snapshot when needed
dotnet build "$repo/bench/Runtime/Bench.Runtime.csproj" -c Release -nologo -v quiet >/dev/null
bench="$repo/bench/Runtime/bin/Release/net10.0/DualEngine.Bench.Runtime"
# The op bench again as dualrt ships: NativeAOT (net9.0, see Directory.Build.props), whose reverse P/Invoke
# transition (every op call from JS enters .NET) is cheaper than the JIT's.
aot="$repo/artifacts/bench-aot"
dotnet publish "$repo/bench/Runtime/Bench.Runtime.csproj" -c Release -r linux-x64 -p:DualrtNativeAot=true \
  -o "$aot" -nologo -v quiet >/dev/null
echo "machine: $(nproc) cores; $("$repo/dualrt" --version | tr '\n' ' '); deno $("$peers/node_modules/.bin/deno" --version | head -1 | cut -d' ' -f2); node $(node --version)"
echo
cd "$repo"
"$bench" startup "$repo/artifacts/dualrt/dualrt" "$peers/node_modules/.bin/deno" examples/hello.js
echo "JIT (net10.0):"
"$bench" ops
echo "NativeAOT (net9.0, as dualrt ships):"
"$aot/DualEngine.Bench.Runtime" ops
