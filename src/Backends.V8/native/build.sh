#!/usr/bin/env bash
# Builds libdv8.so (the V8 shim) against V8 10.2 from Debian bookworm's libnode108 + libnode-dev.
# The .debs are fetched with `apt-get download` (they conflict with the machine's nodejs package,
# so they are extracted, never installed) into a git-ignored cache. Usage: build.sh <output-dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
out="${1:?usage: build.sh <output-dir>}"
cache="${DV8_CACHE:-$repo/.cache/v8}"
root="$cache/root"
lib="$root/usr/lib/x86_64-linux-gnu/libnode.so.108"
include="$root/usr/include/nodejs/deps/v8/include"

fetch_debs() {
  mkdir -p "$cache"
  cd "$cache"
  if ! ls libnode108_*.deb libnode-dev_*.deb >/dev/null 2>&1; then
    echo "dv8: downloading libnode108 and libnode-dev (.deb) with apt-get download" >&2
    # apt-get download needs package lists; a fresh machine may have none.
    if ! apt-get download libnode108 libnode-dev >/dev/null 2>&1; then
      apt-get update >/dev/null
      apt-get download libnode108 libnode-dev
    fi
  fi
  rm -rf root
  for deb in libnode108_*.deb libnode-dev_*.deb; do dpkg-deb -x "$deb" root; done
  cd - >/dev/null
}

[ -f "$lib" ] && [ -f "$include/v8-fast-api-calls.h" ] || fetch_debs

if ! command -v g++ >/dev/null; then
  echo "dv8: g++ is missing; installing it with apt-get" >&2
  apt-get update >/dev/null && apt-get install -y g++ >/dev/null
fi

mkdir -p "$out"
g++ -std=c++17 -O2 -fPIC -shared -fvisibility=hidden -Wall -Wno-unused-parameter \
  -I "$include" "$here"/*.cc \
  -L "$(dirname "$lib")" -l:libnode.so.108 -Wl,-rpath,'$ORIGIN' -o "$out/libdv8.so.tmp"
mv "$out/libdv8.so.tmp" "$out/libdv8.so"
cp -f "$lib" "$out/libnode.so.108"
echo "dv8: built $out/libdv8.so" >&2
