#!/usr/bin/env bash
# Fuzzes JSON text -> Dataset -> lanes, layout, ticks and membership with
# libFuzzer for a while (default 300 s):  scripts/fuzz.sh [SECONDS]
# Any crash input is saved in fuzz/artifacts/dataset/; copy it to
# tests/fixtures/fuzz/ so the regression test replays it. The corpus the run
# found interesting (new coverage, not only crashes) is minimised and kept
# in tests/fixtures/fuzz/ too, so the native tests replay real fuzz inputs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_TO_RUN="${1:-300}"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo +nightly fuzz run dataset "$work" fuzz/seeds -- \
  -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -print_final_stats=1
# Keep the minimised corpus (inputs of at most 4 KB) for the regression test.
min="$(mktemp -d)"
trap 'rm -rf "$work" "$min"' EXIT
cargo +nightly fuzz cmin dataset "$work" -- -max_len=4096 >/dev/null 2>&1 || true
for f in "$work"/*; do
  [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 4096 ] && cp "$f" "tests/fixtures/fuzz/$(basename "$f")"
done
echo "fuzz: $(find tests/fixtures/fuzz -type f ! -name '*.md' | wc -l) inputs kept in tests/fixtures/fuzz/"
