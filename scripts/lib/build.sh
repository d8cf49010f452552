# shellcheck shell=bash
# Building with the presets in CMakePresets.json.  Needs common.sh and, for
# the wasm preset, emscripten.sh and re2-wasm.sh.

# build_preset NAME: configure and build one of the native presets
# (native, native-asan, fuzz).
build_preset() {
  local preset=$1
  (cd "$NGXFIX_ROOT" && cmake --preset "$preset" && cmake --build --preset "$preset")
}

# The WebAssembly build: RE2 for WebAssembly first (built once), then the
# wasm preset, configured through emcmake so that CMake also gets emscripten's
# CMAKE_CROSSCOMPILING_EMULATOR (node); the toolchain file is the one the
# preset names.
build_wasm() {
  ensure_re2_wasm
  emscripten_env
  (cd "$NGXFIX_ROOT" && emcmake cmake --preset wasm && cmake --build --preset wasm)
}
