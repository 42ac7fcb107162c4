#!/usr/bin/env bash
# Benchmarks movement-timeline against vis-timeline in one run and writes
# docs/BENCHMARKS.md:   scripts/bench.sh [--runs 5] [--sizes 100,1000,10000,100000] [--cap 90]
# scripts/bench.sh --smoke runs N=1,000 once (as CI does) and writes to a temp file.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
ensure_test_tools
ensure_npm "$ROOT/tests/bench"
if [ ! -f dist/movement-timeline.wasm ] || [ "${REBUILD:-1}" = 1 ]; then
  say "building the release output"
  build_release
fi
node tests/bench/bench.mjs "$@"
