#!/usr/bin/env bash
# Sets up what is missing, builds the widget in release mode and serves it on
# http://127.0.0.1:8080 (PORT overrides). --build-only builds into dist/ and exits.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

ensure_build_tools
say "building the release output into dist/"
build_release
[ "${1:-}" = "--build-only" ] && exit 0

command -v node >/dev/null || ensure_apt nodejs
PORT="${PORT:-8080}"
say "serving on http://127.0.0.1:$PORT (Ctrl+C stops)"
exec node "$ROOT/tests/e2e/server.mjs" "$ROOT/dist" "$PORT"
