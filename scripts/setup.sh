#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine of this kind (Debian 12, rustup, node 20).
# Idempotent: each step checks first and skips what is present at the right version, so a second run
# costs seconds. Never downloads a browser or a release binary: Debian's chromium, crates.io, npm only.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }
SECONDS=0

# 1. The wasm target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 1a. rustfmt and clippy on the stable toolchain (`make test-lint`); rustup's default profile has them,
#     a minimal one does not.
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

# 1b. The pinned nightly of the release wasm, with the standard library's source (scripts/trunk-release.sh
#     rebuilds std for size). Minimal profile: rustc, cargo, rust-std; about 30 s.
source scripts/nightly.env
if ! rustup run "$WC_NIGHTLY" rustc --version >/dev/null 2>&1; then
  say "installing $WC_NIGHTLY (release builds rebuild std with it)"
  rustup toolchain install "$WC_NIGHTLY" --profile minimal
fi
if ! rustup component list --installed --toolchain "$WC_NIGHTLY" 2>/dev/null | grep -q '^rust-src'; then
  say "adding rust-src to $WC_NIGHTLY"
  rustup component add rust-src --toolchain "$WC_NIGHTLY"
fi

# 2. Debian packages: chromium and its driver (browser + e2e tests), brotli (size report).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 3. trunk, pinned (0.22 needs a newer rustc than these machines have).
TRUNK_VERSION=0.21.14
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 4. wasm-bindgen CLI at exactly Cargo.lock's wasm-bindgen version (trunk refuses any other).
#    Without --locked: its own lockfile pins a crate version the registry mirror lacks.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG_VERSION"; then
  say "installing wasm-bindgen-cli $WBG_VERSION (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# 4b. wasm-pack, pinned, for the npm package (`make pkg`, scripts/pkg.sh). It runs in `--mode no-install`
#     with the wasm-bindgen above and without its own wasm-opt, so it downloads nothing at build time; its
#     background check for a newer wasm-pack (a request to the registry's API) is turned off by the stamp
#     file it reads beside its binary: a `created` line it cannot read as a time means "never check".
WASM_PACK_VERSION=0.15.1
if ! wasm-pack --version 2>/dev/null | grep -q " $WASM_PACK_VERSION$"; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 5 minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi
wasm_pack_stamp="$(dirname "$(command -v wasm-pack)")/wasm-pack.stamp"
if [ "$(cat "$wasm_pack_stamp" 2>/dev/null)" != "created never" ]; then
  printf 'created never\n' > "$wasm_pack_stamp"
fi

# 5. npm packages of the e2e suite and wasm-opt (npm binaryen; Debian's is too old for current output).
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  say "installing the e2e npm packages (npm ci)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

# 6. Every crate a later step builds, so that offline builds (Trunk runs cargo with --offline) work on a
#    new machine: the workspace's crates for every target (native tests, the wasm, build scripts), and the
#    pinned nightly's standard-library dependencies (`-Zbuild-std` compiles std from rust-src, which has
#    crates.io dependencies of its own, e.g. `wasip1`). Both are no-ops with a warm cache (about a second).
say "fetching the workspace's crates"
cargo fetch --locked --quiet
std_manifest="$(rustc +"$WC_NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
say "fetching the standard library's crates for $WC_NIGHTLY"
cargo +"$WC_NIGHTLY" fetch --manifest-path "$std_manifest" --quiet

say "ready in ${SECONDS}s"
