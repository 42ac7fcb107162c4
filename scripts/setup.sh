#!/usr/bin/env bash
# Installs what building (and, with --test, testing) needs, skipping whatever is
# already there. Sourced by serve.sh and test.sh; safe to run on its own.
#   scripts/setup.sh          build tools: wasm32 target, trunk, wasm-bindgen CLI, wasm-opt
#   scripts/setup.sh --test   also Chromium, ChromeDriver, Firefox ESR, WebKitGTK's
#                             WebKitWebDriver with Xvfb, and the end-to-end packages
#                             (playwright-core for Chromium, puppeteer-core for
#                             Firefox; neither downloads a browser)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/scripts/tools/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; return 1; fi
}

APT_UPDATED=""
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The wasm-bindgen CLI must equal the library version in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_rust() {
  command -v cargo >/dev/null || { say "cargo is missing: install Rust with rustup first"; exit 1; }
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ ! -f "$ROOT/Cargo.lock" ]; then (cd "$ROOT" && cargo generate-lockfile); fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (a few minutes)"
    # 0.21.14 only compiles with its own lock file.
    cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
  fi
  local wbg; wbg="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
    say "installing wasm-bindgen-cli $wbg (a few minutes)"
    # Unlocked: the registry may not hold every version its lock file names.
    cargo install wasm-bindgen-cli --version "=$wbg" --quiet --force
  fi
}

# Installs the npm packages of a folder from its lock file, once per lock file.
ensure_npm() {
  local dir="$1"
  command -v npm >/dev/null || ensure_apt nodejs npm
  local stamp="$dir/node_modules/.lock-hash" hash
  hash="$(sha256sum "$dir/package-lock.json" 2>/dev/null | cut -d' ' -f1)"
  if [ -n "$hash" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then return 0; fi
  say "installing npm packages in ${dir#"$ROOT"/}"
  if [ -f "$dir/package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  else
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  fi
  sha256sum "$dir/package-lock.json" | cut -d' ' -f1 > "$stamp"
}

ensure_build_tools() {
  ensure_rust
  ensure_npm "$ROOT/scripts/tools"
}

# The release build into dist/, as every script makes it. Source paths in
# panic locations are written relative (crates/yew-0.23.0/src/..., ./src/...),
# so the shipped module is smaller and names nothing of the machine that
# built it.
build_release() {
  local flags="${RUSTFLAGS:-}" dir
  for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    [ -d "$dir" ] && flags="$flags --remap-path-prefix=${dir%/}=crates"
  done
  flags="$flags --remap-path-prefix=$ROOT=."
  RUSTFLAGS="$flags" trunk build --release --offline --dist "${DIST_DIR:-dist}" "$@"
}

ensure_test_tools() {
  ensure_build_tools
  ensure_apt chromium chromium-driver firefox-esr
  # WebKitWebDriver and MiniBrowser; xvfb-run needs xauth (only recommended).
  ensure_apt webkit2gtk-driver xvfb xauth
  ensure_npm "$ROOT/tests/e2e"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_build_tools
  [ "${1:-}" = "--test" ] && ensure_test_tools
  say "ready"
fi
