# shellcheck shell=bash
# Environment for Debian's emscripten (3.1.6).

emscripten_env() {
  # Debian's emscripten finds its JavaScript dependencies (acorn) through
  # NODE_PATH, where Debian's node-* packages live.
  case ":${NODE_PATH:-}:" in
    *:/usr/share/nodejs:*) ;;
    *) export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}" ;;
  esac
  # emcc is a Python program; run it with Debian's python3, not whichever
  # python3 comes first on PATH (pyenv, a virtualenv).
  export EMSDK_PYTHON=/usr/bin/python3

  # No EM_CACHE: Debian ships emscripten's sysroot cache prebuilt and frozen
  # (FROZEN_CACHE = True) in /usr/share/emscripten/cache, so the first compile
  # builds nothing and needs no writable cache, as root or not.
}
