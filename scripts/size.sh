#!/usr/bin/env bash
# Builds the release output and reports what an embedder ships (gzip -9 and
# brotli 11 per file), the numbers docs/BENCHMARKS.md keeps per step.
#   scripts/size.sh [--profile]   --profile adds a twiggy profile by crate
#                                 (installs twiggy with cargo if missing)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
ensure_build_tools
if [ "${1:-}" = "--profile" ] && ! command -v twiggy >/dev/null; then
  say "installing twiggy (a few minutes)"
  cargo install twiggy --locked --quiet
fi
build_release >/dev/null
node tests/bench/size.mjs "$@"
