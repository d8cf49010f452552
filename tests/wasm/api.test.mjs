// The JS API of the WebAssembly module (wasm/ngxfix.mjs): diagnostics with
// positions, options, limits, and that errors leave the module usable.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test as nodeTest } from 'node:test';

import { repoRoot, setUp, wasmDir } from './support.mjs';

const { api, ngxfix, error } = await setUp();
nodeTest('the WebAssembly module is built', () => { if (error) throw error; });
// Every other test needs the module.
const test = (name, options, fn) => {
  if (!fn) [options, fn] = [{}, options];
  return nodeTest(name, {
    ...options, skip: error ? 'the WebAssembly module is not built' : false,
  }, fn);
};

test('version() is the project version', () => {
  const cmake = fs.readFileSync(path.join(repoRoot, 'CMakeLists.txt'), 'utf8');
  const [, want] = cmake.match(/project\(ngxfix\s+VERSION\s+([0-9.]+)/);
  assert.equal(ngxfix.version(), want);
});

test('a syntax error is a diagnostic with line and column', () => {
  const text = 'http {\n    server {\n        listen 80\n    }\n}\n';
  const { ok, diagnostics } = ngxfix.diagnose(text, { fileName: 'site.conf' });
  assert.equal(ok, false);
  assert.ok(diagnostics.length >= 1);
  const d = diagnostics[0];
  assert.equal(d.severity, 'error');
  assert.equal(d.file, 'site.conf');
  // nginx: unexpected "}" in site.conf:4 (the '}' ends the statement that
  // lacks its ';').
  assert.equal(d.line, 4);
  assert.equal(d.column, 5);
  assert.equal(d.offset, text.indexOf('}'));
  assert.match(d.message, /unexpected "}"/);
});

test('an unclosed block is reported at the end of the file', () => {
  const { ok, diagnostics } = ngxfix.diagnose('events {\n');
  assert.equal(ok, false);
  const d = diagnostics.at(-1);
  assert.match(d.message, /unexpected end of file/);
  assert.equal(d.line, 2);
  assert.equal(d.column, 1);
});

test('parse() reports syntax errors in both formats', () => {
  const text = 'events {\n}\n}\n';
  const crossplane = ngxfix.parse(text, { format: 'crossplane',
                                          fileName: 'x.conf' });
  assert.equal(crossplane.status, 'failed');
  assert.equal(crossplane.errors[0].line, 3);
  // ngxfix's format keeps positions: the same diagnostic, with its column.
  const own = ngxfix.parse(text, { fileName: 'x.conf' });
  assert.equal(own.status, 'failed');
  assert.deepEqual(own.errors[0], {
    severity: 'error', file: 'x.conf', line: 3, column: 1, offset: 11,
    message: 'unexpected "}"',
  });
  assert.deepEqual(ngxfix.diagnose(text, { fileName: 'x.conf' }).diagnostics,
                   own.errors);
});

test('a clean config has no diagnostics', () => {
  const r = ngxfix.diagnose('events {}\nhttp { server { listen 80; } }\n');
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.ok, true);
  assert.equal(r.files, 1);
  assert.ok(r.tokens >= 10 && r.nodes >= 4);
});

test('unknown format is a TypeError, and the module stays usable', () => {
  assert.throws(() => ngxfix.parse('events {}', { format: 'yaml' }), TypeError);
  assert.throws(() => ngxfix.print(42), TypeError);
  assert.equal(ngxfix.print('events {}'), 'events {}');
});

test('input over the 16 MiB limit is an error diagnostic, not a crash', () => {
  const max = ngxfix.maxInputBytes();
  assert.equal(max, 16 * 1024 * 1024);
  const big = new Uint8Array(max + 1).fill(0x20);
  const r = ngxfix.diagnose(big);
  assert.equal(r.ok, false);
  assert.match(r.diagnostics[0].message, /larger than 16 MiB/);
  // Still byte-exact, and still usable afterwards.
  const printed = ngxfix.print(big);
  assert.equal(printed.length, big.length);
  assert.equal(ngxfix.print('events {}'), 'events {}');
});

test('deep nesting does not overflow the stack', () => {
  const text = 'a {'.repeat(100000) + '}'.repeat(100000);
  assert.equal(ngxfix.print(text), text);
  const r = ngxfix.diagnose(text);
  assert.equal(typeof r.ok, 'boolean');
  // The JSON of a tree nested this deep is not the point; it must not crash
  // the module (JSON.parse in JS may refuse it: that is fine).
  try { ngxfix.parse('a {'.repeat(2000) + '}'.repeat(2000)); } catch (e) {
    assert.ok(!(e instanceof api.NgxfixError), `module error: ${e.message}`);
  }
});

test('repeated calls do not leak WebAssembly memory', () => {
  const text = fs.readFileSync(path.join(repoRoot, 'CMakeLists.txt'));
  const config = 'http {\n' + '  server { listen 80; server_name a.example; }\n'.repeat(300) + '}\n';
  // Warm up to the high-water mark, then memory must stay flat.
  for (let i = 0; i < 3; ++i) {
    ngxfix.print(config); ngxfix.parse(config); ngxfix.diagnose(text);
  }
  const before = ngxfix.memoryBytes();
  const heapBefore = ngxfix.heapPeakBytes();
  for (let i = 0; i < 50; ++i) {
    ngxfix.print(config); ngxfix.parse(config, { format: 'crossplane' });
    ngxfix.parse(config); ngxfix.diagnose(text);
  }
  assert.equal(ngxfix.memoryBytes(), before);
  assert.equal(ngxfix.heapPeakBytes(), heapBefore);
});

test('the module-level functions work after init()', async () => {
  await api.init({ wasmBinary: fs.readFileSync(path.join(wasmDir, 'ngxfix_core.wasm')) });
  assert.equal(api.print('events {}'), 'events {}');
  assert.equal(api.parse('events {}', { format: 'crossplane' }).status, 'ok');
  assert.equal(api.version(), ngxfix.version());
});

test('an already compiled WebAssembly.Module can be shared', async () => {
  const bytes = fs.readFileSync(path.join(wasmDir, 'ngxfix_core.wasm'));
  const wasmModule = await WebAssembly.compile(bytes);
  const a = await api.createNgxfix({ wasmModule });
  const b = await api.createNgxfix({ wasmModule });
  assert.equal(a.print('x;'), 'x;');
  assert.equal(b.print('y;'), 'y;');
});

test('a .wasm that is not WebAssembly rejects, it does not hang', async () => {
  const quiet = { print: () => {}, printErr: () => {} };
  await assert.rejects(api.createNgxfix({ ...quiet, wasmBinary: new Uint8Array([0, 1, 2, 3]) }));
  await assert.rejects(api.createNgxfix({
    // A valid module whose import (memory x.y) nothing provides.
    ...quiet, wasmModule: await WebAssembly.compile(new Uint8Array(
        [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 2, 8, 1, 1, 0x78, 1, 0x79, 2, 0, 1])),
  }));
});

test('wasmUrl names the .wasm to load', async () => {
  const url = new URL(`file://${path.join(wasmDir, 'ngxfix_core.wasm')}`);
  const other = await api.createNgxfix({ wasmUrl: url });
  assert.equal(other.print('events {}'), 'events {}');
});

// core/parser.h: "Exceeding [a limit] is an error, never a crash."  16 MiB
// of stray ';' or '{' once made the core hold more than WebAssembly's 2 GiB
// (a diagnostic per character); diagnostics are capped now.
test('hostile 16 MiB inputs do not crash the module', async () => {
  const size = ngxfix.maxInputBytes();
  const failures = [];
  for (const unit of [';', '{']) {
    const instance = await api.createNgxfix({ printErr: () => {} });
    const bytes = new Uint8Array(size).fill(unit.charCodeAt(0));
    try {
      const r = instance.diagnose(bytes);
      assert.equal(r.ok, false);
    } catch (e) {
      assert.ok(e instanceof api.NgxfixError, `not an NgxfixError: ${e}`);
      assert.throws(() => instance.print('x;'), /crashed earlier/);
      failures.push(`${JSON.stringify(unit)} x ${size}: ${e.message}`);
    }
  }
  assert.deepEqual(failures, []);
});
