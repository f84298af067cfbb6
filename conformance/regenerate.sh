#!/usr/bin/env bash
# Rewrites the expectations of every conformance program from what real Deno prints (README.md).
# Installs Deno from the npm registry into conformance/.deno/ (git-ignored) on first use.
# usage: conformance/regenerate.sh [program...]   (default: every program)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

deno_version="2.9.6"
deno="$root/.deno/node_modules/@deno/linux-x64-glibc/deno"
if [ ! -x "$deno" ]; then
  echo "installing deno $deno_version into conformance/.deno (npm)" >&2
  mkdir -p .deno
  npm install --prefix .deno --no-save --silent "deno@$deno_version" >&2
fi
"$deno" --version | head -n 1 >&2

# Programs: every .js/.mjs/.ts/.mts outside folders named lib (those hold imported modules only).
if [ $# -gt 0 ]; then
  programs=("$@")
else
  mapfile -t programs < <(find . -path ./.deno -prune -o -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.ts' -o -name '*.mts' \) -not -path '*/lib/*' -print | sed 's|^\./||' | sort)
fi

# Normalisation (README.md), the same the runner applies to dualrt's output:
#  - the absolute path of conformance/ becomes <root> (as a file URL and as a path);
#  - stack frames inside the runtime's own JS ("at ... (ext:...)", "at ext:...") are dropped: they
#    name Deno's internal files, which no other runtime has.
normalise() { sed -e "s|file://$root/|file:///<root>/|g" -e "s|$root/|/<root>/|g" -e '/^ *at .*(ext:[^)]*)$/d' -e '/^ *at ext:/d'; }

for program in "${programs[@]}"; do
  base="${program%.*}"
  dir="$(dirname "$program")"
  args=()
  if [ -f "$base.args" ]; then mapfile -t args < "$base.args"; fi
  flags=(-A)
  if [ -f "$base.flags" ]; then mapfile -t flags < <(grep -v '^$' "$base.flags"); fi
  set +e
  (cd "$dir" && NO_COLOR=1 RUST_BACKTRACE=0 timeout 30 "$deno" run "${flags[@]}" "$(basename "$program")" "${args[@]}" </dev/null >"$root/$base.out.tmp" 2>"$root/$base.err.tmp")
  code=$?
  set -e
  normalise <"$base.out.tmp" >"$base.out"
  normalise <"$base.err.tmp" >"$base.err"
  rm -f "$base.out.tmp" "$base.err.tmp"
  [ -s "$base.err" ] || rm -f "$base.err"
  if [ "$code" -ne 0 ]; then echo "$code" >"$base.code"; else rm -f "$base.code"; fi
  echo "$program: exit $code" >&2
done
