// analyze() (the page's one call) and the native CLI agree: for every rule
// fixture and every corpus file, the findings equal `ngxfix check --format
// json` and the diff equals `ngxfix fix --diff`, with the same options (the
// fixture's `# ngxfix-test:` line gives the nginx version, backends and
// hardening).  The fixed text equals `ngxfix fix`.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { corpusDir, corpusFiles, corpusPresent, kNoCorpus, listFiles,
         repoRoot, setUp } from './support.mjs';

const { ngxfix, cli, error } = await setUp({ needCli: true });
test('the native CLI and the WebAssembly module are built', () => {
  if (error) throw error;
});

// The options of a fixture's "# ngxfix-test: nginx-version=X backend=N=P
// hardening" line, as CLI arguments and as analyze() options.
function fixtureOptions(text) {
  const args = [];
  const options = { backends: {} };
  for (const line of text.split('\n')) {
    const m = line.match(/^# ngxfix-test: (?!expect)(.*)$/);
    if (!m) continue;
    for (const word of m[1].trim().split(/\s+/)) {
      if (word === 'hardening') {
        args.push('--hardening');
        options.hardening = true;
      } else if (word.startsWith('nginx-version=')) {
        options.nginxVersion = word.slice('nginx-version='.length);
        args.push('--nginx-version', options.nginxVersion);
      } else if (word.startsWith('backend=')) {
        const spec = word.slice('backend='.length);
        const eq = spec.lastIndexOf('=');
        options.backends[spec.slice(0, eq)] = spec.slice(eq + 1);
        args.push('--backend', spec);
      }
    }
  }
  return { args, options };
}

function runCli(args) {
  return new Promise((resolve, reject) => {
    execFile(cli, args, { maxBuffer: 1 << 30, encoding: 'utf8' },
             (err, stdout, stderr) => {
      if (err && err.signal) {
        reject(new Error(`the CLI died of ${err.signal}: ${stderr}`));
      } else {
        resolve({ stdout, status: err ? err.code : 0 });
      }
    });
  });
}

async function assertAgrees(file, name) {
  const bytes = fs.readFileSync(file);
  const { args, options } = fixtureOptions(bytes.toString('latin1'));
  const [check, diff, fixed] = await Promise.all([
    runCli(['check', file, '--format', 'json', ...args]),
    runCli(['fix', file, '--diff', ...args]),
    runCli(['fix', file, ...args]),
  ]);
  const native = JSON.parse(check.stdout);
  const wasm = ngxfix.analyze(new Uint8Array(bytes),
                              { ...options, fileName: file, tokens: false, redact: false });
  const strip = (list) => list.map(({ at, ...rest }) => rest);
  assert.equal(wasm.nginx_version, native.nginx_version, name);
  assert.deepStrictEqual(strip(wasm.findings), native.findings, `${name}: findings`);
  assert.deepStrictEqual(strip(wasm.syntax_errors), native.syntax_errors,
                         `${name}: syntax errors`);
  assert.equal(wasm.ok, native.syntax_errors.every((e) => e.severity !== 'error'));
  // JSON strings are Unicode: compare as the page sees them.
  assert.equal(wasm.diff, Buffer.from(diff.stdout, 'utf8').toString(), `${name}: diff`);
  assert.equal(wasm.fixed, fixed.stdout, `${name}: fixed text`);
  // The structured hunks say what the unified diff says.
  const range = (start, count) => (count === 1 ? `${start}` : `${start},${count}`);
  const unified = wasm.changes.map((c) =>
      `--- a/${c.path}\n+++ b/${c.path}\n` + c.hunks.map((h) =>
          `@@ -${range(h.old_start, h.old_count)} ` +
          `+${range(h.new_start, h.new_count)} @@\n` +
          h.lines.map(([kind, text]) => kind + text).join('')).join('')).join('');
  assert.equal(unified, wasm.diff.replace(/\\ No newline at end of file\n/g, ''),
               `${name}: hunks`);
}

const fixtures = listFiles(path.join(repoRoot, 'tests', 'rules'))
    .filter((f) => f.endsWith('.conf') && !f.endsWith('.fixed.conf'));

describe('analyze() matches ngxfix check and fix on the rule fixtures',
         { skip: error ? 'not built' : false }, () => {
  for (const file of fixtures) {
    const name = path.relative(repoRoot, file);
    test(name, () => assertAgrees(file, name));
  }
});

describe('analyze() matches ngxfix check and fix on the corpus', {
  skip: (error && 'not built') || (!corpusPresent() && kNoCorpus),
}, () => {
  for (const file of corpusPresent() ? corpusFiles() : []) {
    const name = path.relative(corpusDir, file);
    test(name, () => assertAgrees(file, name));
  }
});
