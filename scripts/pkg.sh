#!/usr/bin/env bash
# Builds the npm package of the rules and the matching (crates/pkg, `welfare-rules`) with wasm-pack:
# pkg/web (`--target web`: an ES module and its init()) and pkg/node (`--target nodejs`: CommonJS), each
# with its package.json, TypeScript types and README (crates/pkg/README.md). `make pkg` runs it.
#
# Nothing is downloaded: wasm-pack runs in `--mode no-install` (it uses the wasm-bindgen on the PATH, which
# setup.sh installs at Cargo.lock's version, and fails clearly on another), its own wasm-opt is off
# (`wasm-opt = false` in crates/pkg/Cargo.toml: it would fetch binaryen), its check for a newer wasm-pack
# is off (setup.sh writes the stamp file it reads), and cargo runs offline (setup.sh fetched every
# crate). The project's wasm-opt (npm binaryen, tests/e2e) then shrinks each wasm. Stable toolchain, the
# workspace's release profile (opt-level z, LTO, panic = abort).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_NET_OFFLINE=true
SECONDS=0
command -v wasm-opt >/dev/null || { echo "[pkg] wasm-opt is missing: run scripts/setup.sh (npm binaryen in tests/e2e)" >&2; exit 1; }
# The two targets differ in their JS glue only: when wasm-bindgen wrote the same wasm for both, the
# second takes the first one's optimised file instead of running wasm-opt (about 20 s) again.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for target in web nodejs; do
  out=pkg/${target/nodejs/node}
  rm -rf "$out"
  wasm-pack --log-level warn build crates/pkg --release --mode no-install --target "$target" --out-dir "../../$out"
  wasm=$out/welfare_rules_bg.wasm
  before=$(stat -c %s "$wasm")
  if ! cmp -s "$wasm" "$tmp/in.wasm"; then
    cp "$wasm" "$tmp/in.wasm"
    wasm-opt "$wasm" -Oz --converge --zero-filled-memory --strip-debug --strip-producers -o "$tmp/out.wasm"
  fi
  cp "$tmp/out.wasm" "$wasm"
  echo "[pkg] $out: wasm $before → $(stat -c %s "$wasm") bytes after wasm-opt -Oz"
done
echo "[pkg] built pkg/web and pkg/node in ${SECONDS}s"
