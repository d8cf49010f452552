// Shared by the WebAssembly tests: where the repository, the corpus, the
// WebAssembly build and the native CLI are, and loading the module.
//
// Environment overrides:
//   NGXFIX_CORPUS    the corpus folder (or NGXFIX_CORPUS_DIR, as scripts/test
//                    names it; default ../shared/corpus beside the repo)
//   NGXFIX_WASM_DIR  the folder holding ngxfix.mjs + ngxfix_core.{mjs,wasm}
//                    (default build/wasm/wasm, from `cmake --preset wasm`)
//   NGXFIX_CLI       the native CLI (default build/native/ngxfix)

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot =
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const corpusDir = path.resolve(
    process.env.NGXFIX_CORPUS || process.env.NGXFIX_CORPUS_DIR ||
    path.join(repoRoot, '..', 'shared', 'corpus'));

export const wasmDir = path.resolve(
    process.env.NGXFIX_WASM_DIR || path.join(repoRoot, 'build', 'wasm', 'wasm'));

export const cliPath = path.resolve(
    process.env.NGXFIX_CLI || path.join(repoRoot, 'build', 'native', 'ngxfix'));

export function corpusPresent() {
  return fs.existsSync(corpusDir) && fs.statSync(corpusDir).isDirectory();
}

export const kNoCorpus =
    `corpus not found at ${corpusDir} (set NGXFIX_CORPUS, or lay ` +
    `../shared/corpus beside the repository)`;

// Every regular file below `dir`, sorted, as absolute paths.
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

// The configuration files of the corpus: every file but its notes on where
// the files come from (SOURCES.md, real-world/SOURCES.tsv).
export function corpusFiles() {
  return listFiles(corpusDir).filter(
      (f) => path.parse(f).name !== 'SOURCES');
}

// Loads ngxfix.mjs from the WebAssembly build and creates an instance;
// throws with a clear message when the build is missing.
export async function loadNgxfix() {
  const wrapper = path.join(wasmDir, 'ngxfix.mjs');
  for (const f of [wrapper, path.join(wasmDir, 'ngxfix_core.wasm')]) {
    if (!fs.existsSync(f)) {
      throw new Error(`${f} is missing: build the WebAssembly module first ` +
                      `(cmake --preset wasm && cmake --build --preset wasm), ` +
                      `or point NGXFIX_WASM_DIR at a build`);
    }
  }
  const api = await import(pathToFileURL(wrapper).href);
  return { api, ngxfix: await api.createNgxfix() };
}

export function requireCli() {
  if (!fs.existsSync(cliPath)) {
    throw new Error(`${cliPath} is missing: build native first ` +
                    `(cmake --preset native && cmake --build --preset native), ` +
                    `or point NGXFIX_CLI at a build`);
  }
  return cliPath;
}

// Loads what a test file needs once, at the top level, without throwing:
// {api, ngxfix, cli, error}.  A test file reports `error` in one test of its
// own (see reportSetup) and skips the rest, rather than cancelling them all.
export async function setUp({ needCli = false } = {}) {
  try {
    const cli = needCli ? requireCli() : null;
    const { api, ngxfix } = await loadNgxfix();
    return { api, ngxfix, cli, error: null };
  } catch (error) {
    return { error };
  }
}
