#!/usr/bin/env bash
# Installs what `make fuzz` / `make fuzz-smoke` need: the pinned nightly toolchain (libFuzzer's sanitizer
# flags are nightly-only) and cargo-fuzz. Idempotent: each step checks first, a second run costs
# a second. crates.io and rustup only.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup-fuzz] %s\n' "$*"; }

# 1. The project's pinned nightly (scripts/nightly.env; the release wasm is built with it too).
source scripts/nightly.env
if ! rustup run "$WC_NIGHTLY" rustc --version >/dev/null 2>&1; then
  say "installing $WC_NIGHTLY (minimal profile)"
  rustup toolchain install "$WC_NIGHTLY" --profile minimal
fi

# 2. cargo-fuzz (about 3 minutes on 2 cores).
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

say "ready: $(cargo fuzz --version 2>/dev/null), $(rustup run "$WC_NIGHTLY" rustc --version)"
