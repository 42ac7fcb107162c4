#!/usr/bin/env bash
# Installs what the tests need, then runs every layer, stopping at the first
# failure: format, lints (native and wasm32), native tests, browser tests in
# headless Chromium, the release build, and end-to-end tests on the build.
# One layer only:  scripts/test.sh native|browser|e2e|lint|build|bench
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

ONLY="${1:-all}"
ensure_test_tools
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

PASSED=0
SUMMARY=()
stage() {
  local name="$1"; shift
  local t0=$SECONDS
  printf '\n==> %s\n' "$name"
  if "$@"; then
    PASSED=$((PASSED + 1))
    SUMMARY+=("$(printf '%-34s ok   (%ss)' "$name" $((SECONDS - t0)))")
  else
    local rc=$?
    SUMMARY+=("$(printf '%-34s FAILED (exit %s)' "$name" "$rc")")
    printf '\n== summary ==\n'; printf '%s\n' "${SUMMARY[@]}"
    printf 'stages: %s passed, 1 failed\n' "$PASSED"
    exit "$rc"
  fi
}
want() { [ "$ONLY" = all ] || [ "$ONLY" = "$1" ]; }

if want lint; then
  stage "cargo fmt --check" cargo fmt --all -- --check
  stage "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
  stage "clippy (wasm32)" cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
fi
if want native; then
  stage "native tests (cargo test)" cargo test --locked
fi
if want browser; then
  stage "browser tests (wasm-bindgen-test)" cargo test --locked --target wasm32-unknown-unknown --test browser
fi
if want build || want e2e || want bench; then
  stage "release build (trunk)" trunk build --release --offline --dist dist
fi
if want e2e; then
  stage "end-to-end tests (Chromium)" bash -c 'cd tests/e2e && node --test --test-concurrency=1 tests/'
fi
if want bench; then
  ensure_npm "$ROOT/tests/bench"
  # Smoke pass only (N=1,000, one run each): it must complete without errors.
  # The real benchmark is scripts/bench.sh, by hand; no test asserts a time.
  stage "benchmark smoke (vs vis-timeline)" node tests/bench/bench.mjs --smoke
fi

printf '\n== summary ==\n'; printf '%s\n' "${SUMMARY[@]}"
printf 'stages: %s passed, 0 failed\n' "$PASSED"
