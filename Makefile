# The two commands a fresh machine needs (see README.md):
#   make serve   build the release widget and serve it on http://127.0.0.1:8080
#   make test    every test layer: native, browser (wasm-bindgen-test), end-to-end (playwright + axe)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/tests/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: setup build serve pkg test test-native test-lint test-browser test-pkg test-e2e size bench clean soak

setup:
	@scripts/setup.sh

build: setup
	scripts/trunk-release.sh build --release

serve: build
	scripts/trunk-release.sh serve --release --no-autoreload --address 127.0.0.1 --port 8080

# The npm package of the rules and the matching (crates/pkg, wasm-pack): pkg/web and pkg/node.
pkg: setup
	scripts/pkg.sh

test: setup
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory test-native test-lint test-browser test-pkg test-e2e; \
	echo "[test] all layers passed in $$(( $$(date +%s) - start ))s"

test-native:
	cargo test --workspace

# The format first (rustfmt.toml; `cargo fmt --all` applies it), then clippy; the second clippy run lints
# the release wasm's own code (the catalog engine's module backend, src/engine.rs).
test-lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --release --target wasm32-unknown-unknown -p welfare-check -- -D warnings
	cargo clippy --release --target wasm32-unknown-unknown -p welfare-rules -- -D warnings

test-browser:
	cargo test --target wasm32-unknown-unknown -p welfare-check

# Every rule case of data/cases through pkg/node, and bad input that must throw (node --test).
test-pkg: pkg
	node --test tests/pkg/

# specs/pkg.test.js loads pkg/web in Chromium.
test-e2e: build pkg
	cd tests/e2e && npm test

# 300 consecutive kiosk sessions in one page; memory figures in target/e2e/soak.md.
soak: build
	cd tests/e2e && SOAK_SESSIONS=300 node --test specs/soak.test.js

size: build
	@scripts/size.sh dist

# Every benchmark (sizes, native, browser) into BENCHMARKS.md; builds its own dist in target/bench-dist.
bench: setup
	@scripts/bench.sh

# Fuzzing (nightly + cargo-fuzz, installed by scripts/setup-fuzz.sh): every target in turn, see fuzz/README.md.
.PHONY: fuzz fuzz-smoke
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/setup-fuzz.sh && fuzz/run.sh $(FUZZ_SECONDS)

fuzz-smoke:
	@scripts/setup-fuzz.sh && fuzz/run.sh 10

clean:
	cargo clean; rm -rf dist pkg
