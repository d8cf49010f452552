// ngxfix's core in JavaScript: loads the WebAssembly module and wraps its C
// exports (wasm/exports.cc) in plain functions over strings and bytes.
//
//   import { init, parse, print, version } from './ngxfix.mjs';
//   await init();                       // browser: fetches ngxfix_core.wasm
//   parse('events {}', { format: 'crossplane' });   // -> object
//   print(bytes);                       // Uint8Array in -> Uint8Array out
//   analyze(text, { nginxVersion: '1.22.1' });  // findings, fix, diff, ...
//
// Environment-neutral: no DOM, no Node APIs at top level.  Works in a page, a
// Web Worker (classic or module) and Node.  The .wasm beside this file is
// fetched (in Node: read with node:fs, as emscripten 3.1.6's own Node loader
// does not work in an ES module); `{wasmBinary}` (bytes) or `{wasmModule}` (a
// compiled WebAssembly.Module, e.g. shared with workers) skip that.
//
// Text is bytes: the parser is byte-exact and configurations may hold bytes
// that are not UTF-8 (koi-win, say).  print() of a Uint8Array returns a
// Uint8Array with the same bytes; strings are a convenience (UTF-8 encoded in,
// decoded out).  JSON results are Unicode: bytes that are not UTF-8 come out
// as U+FFFD there.

import createNgxfixCore from './ngxfix_core.mjs';

const kStatusFailed = 2;
const kFormats = { json: 0, crossplane: 1 };

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

function isNode() {
  return typeof process === 'object' && process !== null &&
         typeof process.versions === 'object' &&
         typeof process.versions.node === 'string' &&
         typeof window === 'undefined';
}

// The compiled module, fetched from `url`: streaming when the server sends
// application/wasm, from the bytes otherwise.
async function fetchModule(url) {
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch {
      // Wrong MIME type, say; fall through.
    }
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

// Loads one instance of the module.  Options (all optional):
//   wasmModule  WebAssembly.Module      an already compiled module (e.g. one
//                                       compiled once and posted to workers)
//   wasmBinary  ArrayBuffer|Uint8Array  the bytes of ngxfix_core.wasm
//   wasmUrl     string|URL              where to fetch it from (default: beside
//                                       this file)
//   print, printErr                     where the module's stdout/stderr go
// The wrapper loads the .wasm itself rather than leaving it to emscripten's
// loader, whose environment detection misses module workers and Node ES
// modules.
export async function createNgxfix(options = {}) {
  let { wasmModule, wasmBinary } = options;
  if (!wasmModule && !wasmBinary) {
    const url = options.wasmUrl || new URL('./ngxfix_core.wasm', import.meta.url);
    if (isNode() && String(url).startsWith('file:')) {
      const { readFile } = await import('node:fs/promises');
      wasmBinary = await readFile(url);
    } else {
      wasmModule = await fetchModule(url);
    }
  }
  const moduleArgs = {
    print: options.print || ((s) => console.log(s)),
    printErr: options.printErr || ((s) => console.warn(s)),
  };
  // emscripten does not hear of a failure inside instantiateWasm: race it.
  let fail;
  const failed = new Promise((resolve, reject) => { fail = reject; });
  if (wasmModule) {
    moduleArgs.instantiateWasm = (imports, receive) => {
      WebAssembly.instantiate(wasmModule, imports).then(receive, fail);
      return {};
    };
  } else {
    moduleArgs.wasmBinary = wasmBinary;
  }
  const core = await Promise.race([createNgxfixCore(moduleArgs), failed]);
  return new Ngxfix(core);
}

export class NgxfixError extends Error {}

class Ngxfix {
  #core;
  #broken = null;
  #lastMap = null;  // the redaction map of the last analyze()

  constructor(core) {
    this.#core = core;
  }

  version() {
    const ptr = this.#call(() => this.#core._ngxfix_version());
    const heap = this.#core.HEAPU8;
    let end = ptr;
    while (heap[end] !== 0) ++end;
    return decoder.decode(heap.subarray(ptr, end));
  }

  // The most input bytes the parser accepts (16 MiB); more is an error
  // diagnostic, not a crash.
  maxInputBytes() {
    return this.#call(() => this.#core._ngxfix_max_input_bytes()) >>> 0;
  }

  // Parses `text` (string or Uint8Array) and returns the tree as an object:
  // ngxfix's JSON (format 'json', the default) or crossplane's
  // (format 'crossplane'; includeComments as crossplane's --include-comments).
  // fileName names the input in diagnostics; splitDump (default true) splits
  // an `nginx -T` dump into its files.
  parse(text, { format = 'json', includeComments = false, fileName = '-',
                splitDump = true } = {}) {
    if (!(format in kFormats)) {
      throw new TypeError(`unknown format ${JSON.stringify(format)}`);
    }
    const code = format === 'crossplane' && includeComments ? 2 : kFormats[format];
    const json = this.#run(text, fileName, (input, size, name, nameSize) =>
        this.#core._ngxfix_parse(input, size, name, nameSize, code,
                                 splitDump ? 1 : 0));
    return JSON.parse(json.bytes);
  }

  // Parses `text` and returns only {ok, bytes, files, tokens, nodes,
  // diagnostics: [{severity, file, line, column, offset, message}]}.
  diagnose(text, { fileName = '-', splitDump = true } = {}) {
    const result = this.#run(text, fileName, (input, size, name, nameSize) =>
        this.#core._ngxfix_diagnose(input, size, name, nameSize,
                                    splitDump ? 1 : 0));
    return JSON.parse(result.bytes);
  }

  // Parses `text` and prints the tree back: Uint8Array in, Uint8Array out
  // (byte for byte the input); string in, string out.
  print(text, { splitDump = true } = {}) {
    const asString = typeof text === 'string';
    const result = this.#run(text, null, (input, size) =>
        this.#core._ngxfix_print(input, size, splitDump ? 1 : 0),
        asString ? (view) => decoder.decode(view) : (view) => view.slice());
    return result.bytes;
  }

  // Checks and fixes `text` (string or Uint8Array) as `ngxfix check` and
  // `ngxfix fix` do, and returns everything the page shows as one object:
  // {nginx_version, ok, findings, syntax_errors, backends, remaining, fixed,
  // diff, changes, redaction, tokens, diagnoses} (see wasm/analyze.cc);
  // tokens is an Int32Array of [start, length, kind] triples (highlight.h),
  // whose buffer a worker can transfer rather than copy.
  // Options:
  //   nginxVersion  'X.Y.Z' (default: 1.24.0, or the lowest the configuration
  //                 needs; nginx_version_assumption says which)
  //   modules       ['plus', 'njs', ...], as --modules: what the nginx has
  //                 beyond open source (default: whatever the directives need)
  //   backends      {NAME: PROTO}, as --backend NAME=PROTO
  //   hardening     also apply the opt-in hardening fixes
  //   fileName      the name in findings and diff headers ('nginx.conf')
  //   tokens        include syntax tokens for highlighting (default true)
  //   redact        include the redacted view (default true)
  //   sensitiveWords, keepWords   words to redact wherever they are, and
  //                 values never to redact (see redact/redact.h)
  //   errorLog      nginx error-log lines: diagnosed, and evidence of what
  //                 the backends speak (as `ngxfix fix --evidence`)
  // Bad options throw an NgxfixError that says which and why.
  analyze(text, { nginxVersion, modules, backends, hardening, fileName, tokens,
                  redact, sensitiveWords, keepWords, errorLog } = {}) {
    const wire = { nginx_version: nginxVersion, modules, backends, hardening,
                   file_name: fileName, tokens, redact,
                   sensitive_words: sensitiveWords, keep_words: keepWords,
                   error_log: errorLog };
    for (const key of Object.keys(wire)) {
      if (wire[key] === undefined) delete wire[key];
    }
    const options = encoder.encode(JSON.stringify(wire));
    const result = this.#run(text, null, (input, size) => {
      // The export takes the options buffer over, as it does the input.
      const optionsPtr = this.#alloc(options);
      return this.#core._ngxfix_analyze(input, size, optionsPtr, options.length);
    }, (view, handle) => ({ json: decoder.decode(view), tokens: this.#tokens(handle) }));
    const analysis = JSON.parse(result.bytes.json);
    if (wire.tokens !== false) analysis.tokens = result.bytes.tokens;
    if (analysis.redaction.available) this.#lastMap = analysis.redaction.map;
    return analysis;
  }

  // Puts the real values back into `text` written from analyze()'s
  // redacted view: `map` is that result's redaction.map (default: the map
  // of the last analyze() with redaction).  Returns a string.
  rehydrate(text, map = this.#lastMap) {
    if (!map) throw new NgxfixError('no redaction map: call analyze() first');
    const mapBytes = encoder.encode(JSON.stringify(map));
    const result = this.#run(text, null, (input, size) => {
      // The export takes the map buffer over, as it does the input.
      const mapPtr = this.#alloc(mapBytes);
      return this.#core._ngxfix_rehydrate(input, size, mapPtr, mapBytes.length);
    });
    return result.bytes;
  }

  // The LLM assist (wasm/llm.cc): the request for the redacted view
  // ({provider, baseUrl, model, redacted, map, nginxVersion, backends,
  // sensitiveWords, keepWords} -> {url, headers, key_header, key_prefix,
  // body, leaks, error}; the words as analyze() had them; the key is
  // never passed in), and the API's answer read back to real values
  // ({provider, status, body, original, redacted, map, nginxVersion,
  // backends} -> {error_kind, error, explanation, syntax, diff, findings,
  // ...}).
  llmPrepare({ provider, baseUrl, model, redacted, map, nginxVersion, backends,
               sensitiveWords, keepWords }) {
    return this.#json((ptr, size) => this.#core._ngxfix_llm_prepare(ptr, size),
                      { provider, base_url: baseUrl, model, redacted, map,
                        nginx_version: nginxVersion, backends,
                        sensitive_words: sensitiveWords, keep_words: keepWords });
  }

  llmAnswer({ provider, status, body, original, redacted, map, nginxVersion, backends }) {
    return this.#json((ptr, size) => this.#core._ngxfix_llm_answer(ptr, size),
                      { provider, status, body, original, redacted, map,
                        nginx_version: nginxVersion, backends });
  }

  // Calls a JSON-in, JSON-out export with `input` (undefined fields left out).
  #json(fn, input) {
    return JSON.parse(this.#run(JSON.stringify(input), null, fn).bytes);
  }

  // Bytes of WebAssembly memory (it grows, it never shrinks).
  memoryBytes() {
    return this.#core.HEAPU8.buffer.byteLength;
  }

  // The most bytes the module's heap has held since it was created.
  heapPeakBytes() {
    return this.#call(() => this.#core._ngxfix_heap_peak_bytes()) >>> 0;
  }

  // A copy of the highlight tokens a result holds (none unless analyze()
  // asked for them).
  #tokens(handle) {
    const core = this.#core;
    const data = core._ngxfix_result_tokens(handle) >>> 0;
    const count = core._ngxfix_result_token_count(handle) >>> 0;
    return new Int32Array(core.HEAPU8.buffer, data, count).slice();
  }

  // Copies `text` into the module, calls `fn(ptr, size, namePtr, nameSize)`
  // (which takes the input buffer over), and copies the result out with
  // `take(view, handle)` (default: decode the bytes as UTF-8) before freeing
  // it.
  #run(text, fileName, fn, take = (view) => decoder.decode(view)) {
    const core = this.#core;
    const bytes = typeof text === 'string' ? encoder.encode(text) : text;
    if (!(bytes instanceof Uint8Array)) {
      throw new TypeError('text must be a string or a Uint8Array');
    }
    return this.#call(() => {
      const name = fileName === null ? null : encoder.encode(fileName);
      let namePtr = 0;
      let result = 0;
      try {
        if (name) namePtr = this.#alloc(name);
        const input = this.#alloc(bytes);
        // The export frees `input` itself.
        result = fn(input, bytes.length, namePtr, name ? name.length : 0);
      } finally {
        if (namePtr) core._free(namePtr);
      }
      try {
        const data = core._ngxfix_result_data(result) >>> 0;
        const size = core._ngxfix_result_size(result) >>> 0;
        const status = core._ngxfix_result_status(result);
        const view = core.HEAPU8.subarray(data, data + size);
        if (status === kStatusFailed) {
          throw new NgxfixError(decoder.decode(view));
        }
        return { bytes: take(view, result), status };
      } finally {
        core._ngxfix_result_free(result);
      }
    });
  }

  #alloc(bytes) {
    const ptr = this.#core._malloc(Math.max(bytes.length, 1)) >>> 0;
    if (ptr === 0) throw new NgxfixError('out of WebAssembly memory');
    this.#core.HEAPU8.set(bytes, ptr);
    return ptr;
  }

  // Runs `fn` against the module.  A trap or an abort inside the module
  // (out of memory, a bug) leaves its memory in an unknown state, so the
  // instance is retired: later calls throw, and the caller loads a new one.
  #call(fn) {
    if (this.#broken) {
      throw new NgxfixError(`the WebAssembly instance crashed earlier ` +
                            `(${this.#broken}); create a new one`);
    }
    try {
      return fn();
    } catch (e) {
      if (e instanceof NgxfixError || e instanceof TypeError) throw e;
      this.#broken = e instanceof Error ? e.message : `exception ${e}`;
      throw new NgxfixError(`ngxfix core crashed: ${this.#broken}`,
                            { cause: e });
    }
  }
}

// A default instance, for callers that want plain functions.
let instance = null;

export async function init(options) {
  instance = await createNgxfix(options);
  return instance;
}

function loaded() {
  if (!instance) throw new NgxfixError('call and await init() first');
  return instance;
}

export function parse(text, options) { return loaded().parse(text, options); }
export function diagnose(text, options) {
  return loaded().diagnose(text, options);
}
export function print(text, options) { return loaded().print(text, options); }
export function analyze(text, options) {
  return loaded().analyze(text, options);
}
export function version() { return loaded().version(); }
export function rehydrate(text, map) { return loaded().rehydrate(text, map); }
