# shellcheck shell=bash
# The static site: web/ and a WebAssembly build assembled into one folder
# (scripts/lib/build-web.mjs), and serving it.  Needs common.sh.

# build_web WASM_BUILD [OUT]: WASM_BUILD is a configured wasm build folder
# (build/wasm for the preset; its wasm/ subfolder holds the module); OUT
# defaults to build/web.
build_web() {
  local wasm_build=$1 out=${2:-$NGXFIX_BUILD/web}
  log "assembling ${out#"$NGXFIX_ROOT"/} from ${wasm_build#"$NGXFIX_ROOT"/}"
  node "$NGXFIX_ROOT/scripts/lib/build-web.mjs" "$wasm_build/wasm" "$out"
}

# serve_web [DIR]: serves DIR (default build/web) on http://127.0.0.1:8080
# with the page's Content-Security-Policy header, until interrupted.
serve_web() {
  exec node "$NGXFIX_ROOT/scripts/serve.mjs" "${1:-$NGXFIX_BUILD/web}" \
    --host 127.0.0.1 --port "${NGXFIX_PORT:-8080}"
}
