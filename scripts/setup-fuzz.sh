#!/usr/bin/env bash
# Installs what `make fuzz` / `make fuzz-smoke` need: a nightly toolchain (libFuzzer's sanitizer
# flags are nightly-only) and cargo-fuzz. Idempotent: each step checks first, a second run costs
# a second. crates.io and rustup only.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup-fuzz] %s\n' "$*"; }

# 1. The nightly toolchain (only the fuzz crate uses it; the project builds on stable).
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  say "installing the nightly toolchain (minimal profile)"
  rustup toolchain install nightly --profile minimal
fi

# 2. cargo-fuzz (about 3 minutes on 2 cores).
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

say "ready: $(cargo fuzz --version 2>/dev/null), $(rustup run nightly rustc --version)"
