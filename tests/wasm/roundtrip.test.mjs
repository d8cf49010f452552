// print(parse(text)) == text, byte for byte, in WebAssembly: over every file
// of the corpus, and over damaged copies of them (cut short, bytes changed),
// which also checks that no input crashes the module.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { corpusDir, corpusFiles, corpusPresent, kNoCorpus, setUp }
    from './support.mjs';

const { ngxfix, error } = await setUp();
test('the WebAssembly module is built', () => { if (error) throw error; });
const skip = error ? 'the WebAssembly module is not built' : false;

// Byte-exact comparison with a readable failure: where the first difference
// is, and the bytes around it.
function assertSameBytes(actual, expected, what) {
  assert.ok(actual instanceof Uint8Array, `${what}: print() of a Uint8Array ` +
            `must return a Uint8Array`);
  if (Buffer.compare(Buffer.from(actual), Buffer.from(expected)) === 0) return;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) ++i;
  const around = (b) => JSON.stringify(Buffer.from(b.subarray(Math.max(0, i - 20), i + 20)).toString('latin1'));
  assert.fail(`${what}: printed ${actual.length} bytes for ${expected.length}; ` +
              `first difference at byte ${i}: got ${around(actual)}, ` +
              `want ${around(expected)}`);
}

// A small deterministic generator (mulberry32), so failures reproduce.
function random(seed) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const kSpecial = [...'{};#"\'\\$\n\r\t '].map((c) => c.charCodeAt(0))
    .concat([0x00, 0xFF, 0xEF, 0xBB, 0xBF, 0xC3]);

describe('round trip over the corpus',
         { skip: skip || (!corpusPresent() && kNoCorpus) }, () => {
  const files = corpusPresent() ? corpusFiles() : [];

  for (const file of files) {
    const name = path.relative(corpusDir, file);
    test(name, () => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      assertSameBytes(ngxfix.print(bytes), bytes, name);
    });
  }

  test('the whole corpus as one nginx -T dump', () => {
    const parts = [Buffer.from('nginx: the configuration file ok\n')];
    for (const file of files.filter((f) => fs.statSync(f).size < 100000)) {
      parts.push(Buffer.from(`# configuration file ${file}:\n`));
      parts.push(fs.readFileSync(file), Buffer.from('\n'));
    }
    const dump = new Uint8Array(Buffer.concat(parts));
    assertSameBytes(ngxfix.print(dump), dump, 'dump');
    const summary = ngxfix.diagnose(dump);
    assert.ok(summary.files > 1, `the dump was not split (${summary.files} file)`);
  });

  test('damaged copies (cut short, bytes changed) print back unchanged', () => {
    const next = random(20240611);
    let cases = 0;
    for (const file of files) {
      const original = new Uint8Array(fs.readFileSync(file));
      if (original.length > 100000) continue;
      for (let k = 0; k < 8; ++k) {
        let bytes = original.slice(0, Math.floor(next() * (original.length + 1)));
        for (let flips = Math.floor(next() * 4); flips > 0 && bytes.length; --flips) {
          bytes[Math.floor(next() * bytes.length)] =
              kSpecial[Math.floor(next() * kSpecial.length)];
        }
        const what = `${path.relative(corpusDir, file)} case ${k}`;
        assertSameBytes(ngxfix.print(bytes), bytes, what);
        ngxfix.diagnose(bytes);  // and its diagnostics do not crash either
        ++cases;
      }
    }
    assert.ok(cases > 0);
  });
});

test('round trip of bytes that are not UTF-8, and of odd inputs', { skip }, () => {
  const inputs = [
    new Uint8Array([]),
    new Uint8Array([0xEF, 0xBB, 0xBF]),
    new Uint8Array([0xEF, 0xBB, 0xBF, ...Buffer.from('events {}\r\n')]),
    new Uint8Array([...Buffer.from('charset_map koi8-r utf-8 { C0 '),
                    0xD1, 0x8E, 0xFF, 0xFE, 0x00, ...Buffer.from('; }\n')]),
    new Uint8Array([...Buffer.from('# '), 0x80, 0x81, 0xC0, 0xAF,
                    ...Buffer.from('\nserver_name "\u00e9'), 0xED, 0xA0, 0x80,
                    ...Buffer.from('";')]),
    new Uint8Array(Buffer.from('{'.repeat(5000) + '}'.repeat(4000))),
    new Uint8Array(Buffer.from('a "unterminated\n\\')),
    new Uint8Array(Buffer.from('content_by_lua_block { local s = "}" -- }\n')),
  ];
  for (const bytes of inputs) {
    assertSameBytes(ngxfix.print(bytes), bytes,
                    JSON.stringify(Buffer.from(bytes).toString('latin1').slice(0, 40)));
  }
});

test('print() of a string returns a string', { skip }, () => {
  const text = 'http {\n  server_name "caf\u00e9" \u{1F600};\n}\n';
  assert.equal(ngxfix.print(text), text);
  assert.equal(ngxfix.print(''), '');
});
