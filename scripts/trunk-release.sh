#!/usr/bin/env bash
# Runs trunk (`build` or `serve`, with the caller's arguments) for the release wasm, which is built with
# a pinned nightly so that the standard library is rebuilt for size (issue 8, see BENCHMARKS.md):
# - `-Zbuild-std=std,panic_abort` and `-Cpanic=immediate-abort`: a panic is a bare wasm trap, without
#   the panic and formatting machinery std would otherwise keep; the crash screen is shown by the
#   error listener the app installs at mount (src/platform.rs), not by a panic hook;
# - `-Zlocation-detail=none`, `-Zfmt-debug=none`: no file names in the binary, `{:?}` prints nothing
#   (the app never shows Debug output: only tests use it, and tests build on stable).
# Everything else (native tests, clippy, the browser tests, `trunk serve` without --release) builds on the
# stable toolchain. WC_STABLE=1 builds the release on stable too (about 14 KB brotli larger).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/nightly.env
source scripts/nightly.env
if [ "${WC_STABLE:-0}" != 1 ]; then
  export RUSTUP_TOOLCHAIN="$WC_NIGHTLY"
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
fi
exec trunk "$@"
