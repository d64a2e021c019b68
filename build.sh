#!/usr/bin/env bash
# Frontline SSO Assistant — one script for everything.
#   ./build.sh          install what is missing, build the wasm core and dist/ (loadable unpacked) + the store zip
#   ./build.sh test     everything above, then fmt, clippy, native tests, wasm tests in Node, browser tests
#   ./build.sh bench    build, then run the benchmark scripts (numbers, not pass/fail): Node, Chromium
#                       (certificates beside @peculiar/x509, node-forge and pkijs; the worker's cold start;
#                       the content script's collector pass on the largest replica pages; what the
#                       extension costs the portal's busy page, idle and for one change)
#   ./build.sh size     build, then attribute the worker's first module's bytes (twiggy)
#   ./build.sh demo     build, then serve the replica pages and open Chromium with the extension
#   ./build.sh fuzz [SECONDS [TARGET…]]  run the cargo-fuzz targets in fuzz/ (all by default) for
#                       SECONDS each (default 600);
#                       installs the nightly toolchain and cargo-fuzz when missing
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
TARGET=wasm32-unknown-unknown
WASM_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)
# -Oz, and a function with one caller is inlined only when small (100 bytes, not any size): 11 KB
# less gzipped for the first module, 36 KB for the full one, at the same speed (docs/size-and-speed.md).
WASM_OPT=(-Oz --converge --one-caller-inline-max-function-size=100 "${WASM_FEATURES[@]}")

log() { printf '\n== %s\n' "$*"; }

# The product version lives in Cargo.toml ([workspace.package] version) and nowhere else.
version() { sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1; }

ensure_tools() {
  if ! rustup target list --installed | grep -qx "$TARGET"; then
    log "installing the $TARGET target"
    rustup target add "$TARGET"
  fi
  # wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, or the bindgen step fails.
  local want have
  want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$want" != "$have" ]; then
    log "installing wasm-bindgen-cli $want (found: ${have:-none}; takes ~3 min)"
    # No --locked: one of its locked dependencies is missing from the registry.
    cargo install wasm-bindgen-cli --version "$want"
  fi
  # wasm-opt comes from npm's binaryen: Debian's binaryen 108 breaks current wasm-bindgen output.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
}

# build_wasm OUT_NAME CARGO_FEATURE_ARGS…: release wasm → wasm-bindgen --target web → wasm-opt -Oz.
build_wasm() {
  local name=$1 pkg=target/wasm-pkg
  shift
  log "building $name (release, opt-level z with s and 3 for some crates, LTO) for $TARGET"
  cargo build --lib --release --target "$TARGET" --target-dir "target/$name" "$@"
  mkdir -p "$pkg"
  wasm-bindgen --target web --out-name "$name" --out-dir "$pkg" "target/$name/$TARGET/release/frontline_sso.wasm"
  # The bindings' types, where tsc finds them for extension/worker/core.js (tsconfig.json rootDirs).
  mkdir -p target/types/wasm
  cp "$pkg/$name.d.ts" target/types/wasm/
  node_modules/.bin/wasm-opt "${WASM_OPT[@]}" "$pkg/${name}_bg.wasm" -o "$pkg/${name}_bg.opt.wasm"
  mv "$pkg/${name}_bg.opt.wasm" "$pkg/${name}_bg.wasm"
  # An optimizer bug shows up only when the module is instantiated: check that it still loads.
  node tests/check-wasm-loads.mjs "$pkg" "$name"
}

build() {
  ensure_tools
  local ver
  ver=$(version)
  rm -rf target/wasm-pkg
  # Two modules: the core (everything but sign-in response checks), loaded on the first
  # message; and the full core, ~1 MB more, loaded only to check a sign-in's SAML response.
  build_wasm frontline_sso --no-default-features
  build_wasm frontline_sso_full --features xmldsig

  log "assembling dist/ (version $ver)"
  rm -rf dist && mkdir -p dist
  cp -r extension dist/extension
  find dist/extension -name "*.py" -delete
  # The content script is one classic script, bundled from its modules: nothing web-accessible.
  node scripts/bundle-content.mjs extension/content/main.js dist/extension/content/main.js
  rm dist/extension/content/{pipeline,collect,apply}.js
  # Chrome looks for _locales next to manifest.json.
  mv dist/extension/_locales dist/_locales
  mkdir -p dist/extension/wasm
  cp target/wasm-pkg/frontline_sso{,_full}.js target/wasm-pkg/frontline_sso{,_full}_bg.wasm dist/extension/wasm/
  # Each module's digest names this build's copy in the worker's module cache.
  node scripts/digests.mjs dist/extension/wasm target/types/wasm
  # The version, and the host lists from extension/hosts.js (they are listed nowhere else).
  node scripts/manifest.mjs "$ver" dist/manifest.json
  local zip="frontline-sso-assistant-$ver.zip"
  (cd dist && python3 - "$zip" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for top in ["manifest.json", "_locales", "extension"]:
        paths = [top] if os.path.isfile(top) else sorted(os.path.join(d, f) for d, _, fs in os.walk(top) for f in fs)
        for p in paths:
            z.write(p)
PY
  )
  log "done: dist/ (load unpacked) and dist/$zip"
  for w in dist/extension/wasm/*.wasm; do
    echo "$(basename "$w"): $(wc -c < "$w") bytes, $(gzip -9c "$w" | wc -c) bytes gzipped (-9)"
  done
}

run_tests() {
  log "cargo fmt --check"
  cargo fmt --all -- --check
  log "cargo clippy (native, all targets; wasm32 bindings)"
  cargo clippy --all-targets --features fuzzing -- -D warnings
  cargo clippy --all-targets --target "$TARGET" -- -D warnings
  cargo clippy --lib --no-default-features --target "$TARGET" -- -D warnings # the worker's small module
  log "native tests"
  cargo test --features fuzzing # the corpus replay runs the fuzz targets' bodies
  log "wasm tests in Node (wasm-bindgen-test)"
  cargo test --target "$TARGET" --test wasm
  log "extension unit tests (Node)"
  node --test tests/unit/
  build
  log "the built modules in Node: the worker's WebCrypto verdicts against the full module's"
  node --test tests/modules/
  log "prettier (120 columns) and tsc --checkJs over the extension's JavaScript"
  node_modules/.bin/prettier --check "extension/**/*.js" "scripts/*.mjs"
  node_modules/.bin/tsc -p tsconfig.json
  ensure_chromium
  log "browser tests (Playwright + Debian chromium, real extension from dist/)"
  node --test --test-concurrency=1 tests/e2e/
}

# What each part of the worker's first module weighs (twiggy over a copy with names).
run_size() {
  command -v twiggy >/dev/null || cargo install twiggy --locked
  local pkg=target/wasm-pkg named=target/wasm-pkg/frontline_sso_named.wasm
  wasm-bindgen --target web --out-name named --out-dir "$pkg/named" "target/frontline_sso/$TARGET/release/frontline_sso.wasm"
  node_modules/.bin/wasm-opt "${WASM_OPT[@]}" -g "$pkg/named/named_bg.wasm" -o "$named"
  node tests/bench/size.mjs "$named" dist/extension/wasm/frontline_sso_bg.wasm
}

# Numbers, not pass/fail: Node, then Chromium side by side with the peers, then native.
run_bench() {
  node tests/bench/core.mjs
  node tests/bench/hostile.mjs
  node tests/bench/browser.mjs
  node tests/bench/cold-trace.mjs
  CASE=state/get node tests/bench/cold-trace.mjs
  WASM_OPT="${WASM_OPT[*]}" node tests/bench/cold-floor.mjs
  node tests/bench/fill.mjs
  node tests/bench/collect.mjs
  node tests/bench/busy.mjs
  cargo run --quiet --release --example selfsig_bench
}

FUZZ_TARGETS=(certificate metadata response_pinned response_unpinned realm idp page_azure page_twilio page_report request sp_metadata trace)

# Each target starts from its committed corpus (fuzz/corpus/T, read only) and keeps what it
# learns in fuzz/work/T; a crash lands in fuzz/artifacts/T. Slow by design: never part of test.
run_fuzz() {
  local seconds=${1:-600} t log targets
  shift || true
  targets=("$@")
  [ ${#targets[@]} -gt 0 ] || targets=("${FUZZ_TARGETS[@]}")
  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
  cargo +nightly fuzz build --fuzz-dir fuzz
  mkdir -p fuzz/work
  for t in "${targets[@]}"; do
    log="fuzz/work/$t.log"
    mkdir -p "fuzz/work/$t"
    log "fuzzing $t for $seconds s (log: $log)"
    cargo +nightly fuzz run --fuzz-dir fuzz "$t" "fuzz/work/$t" "fuzz/corpus/$t" -- \
      -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 ||
      { grep -E -A4 'panicked|ERROR|SUMMARY' "$log" | cut -c1-300 | head -n 30; echo "fuzz target $t failed: see fuzz/artifacts/$t" >&2; return 1; }
    grep -E '^(Done|stat::number_of_executed_units)' "$log" | tail -n 2
  done
}

case "${1:-build}" in
  build) build ;;
  test) ensure_tools && run_tests ;;
  bench) build && ensure_chromium && run_bench ;;
  size) build && run_size ;;
  demo) build && ensure_chromium && node tests/e2e/demo.mjs ;;
  fuzz) shift && run_fuzz "$@" ;;
  *) echo "usage: $0 [build|test|bench|size|demo|fuzz [SECONDS]]" >&2; exit 2 ;;
esac
