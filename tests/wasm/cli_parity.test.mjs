// The WebAssembly build and the native CLI agree: for every corpus file,
// parse() gives the same JSON as `ngxfix parse FILE --format json` and
// `--format crossplane` (with and without --include-comments).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { corpusDir, corpusFiles, corpusPresent, kNoCorpus, setUp }
    from './support.mjs';

const { ngxfix, cli, error } = await setUp({ needCli: true });
test('the native CLI and the WebAssembly module are built', () => {
  if (error) throw error;
});

const kVariants = [
  { name: 'json', args: ['--format', 'json'], options: { format: 'json' } },
  { name: 'crossplane', args: ['--format', 'crossplane'],
    options: { format: 'crossplane' } },
  { name: 'crossplane+comments',
    args: ['--format', 'crossplane', '--include-comments'],
    options: { format: 'crossplane', includeComments: true } },
];

// Runs `ngxfix parse FILE ARGS` and returns its JSON and exit status.
function runCli(file, args) {
  return new Promise((resolve, reject) => {
    execFile(cli, ['parse', file, ...args],
             { maxBuffer: 1 << 30, encoding: 'utf8' }, (error, stdout, stderr) => {
      const status = error ? error.code : 0;
      const signal = error ? error.signal : null;
      try {
        assert.equal(signal ?? null, null,
                     `the CLI died of ${signal} on ${file}: ${stderr}`);
        // 0: parsed; 2: parsed with syntax errors (the JSON is still complete).
        assert.ok(status === 0 || status === 2,
                  `the CLI exited ${status} on ${file}: ${stderr}`);
        resolve({ json: JSON.parse(stdout), status });
      } catch (e) {
        reject(e);
      }
    });
  });
}

describe('parse() matches the native CLI', {
  skip: (error && 'not built') || (!corpusPresent() && kNoCorpus),
}, () => {
  const files = corpusPresent() ? corpusFiles() : [];
  for (const file of files) {
    const name = path.relative(corpusDir, file);
    test(name, async () => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const natives = await Promise.all(kVariants.map((v) => runCli(file, v.args)));
      for (const [i, v] of kVariants.entries()) {
        const native = natives[i];
        // The CLI names the input as it was given on its command line.
        const wasm = ngxfix.parse(bytes, { ...v.options, fileName: file });
        assert.deepStrictEqual(wasm, native.json, `${name}, ${v.name}`);
        const summary = ngxfix.diagnose(bytes, { fileName: file });
        assert.equal(summary.ok, native.status === 0,
                     `${name}: diagnose().ok disagrees with the CLI's exit status`);
      }
    });
  }
});
