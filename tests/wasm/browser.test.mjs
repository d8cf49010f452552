// The module in a real browser, when headless Chromium is installed (skipped
// otherwise): served from 127.0.0.1 under a Content-Security-Policy that
// forbids eval ('wasm-unsafe-eval' only), loaded by a page and by a module
// Web Worker, as the static page will.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { setUp, wasmDir } from './support.mjs';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser',
                  '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));
const { error } = await setUp();

const kPage = `<!doctype html><meta charset="utf-8">
<script type="module" src="/test/main.mjs"></script>`;

// The page posts what it found to /result.
const kMain = `import { createNgxfix } from '/ngxfix.mjs';
const report = (text) => fetch('/result', { method: 'POST', body: text });
try {
  const n = await createNgxfix();
  const bytes = new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0x0a,
                                ...new TextEncoder().encode('events {}\\n')]);
  const printed = n.print(bytes);
  const worker = new Worker('/test/worker.mjs', { type: 'module' });
  const fromWorker = await new Promise((resolve) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => resolve('worker error: ' + e.message);
  });
  report(JSON.stringify({
    version: n.version(),
    byteExact: printed.length === bytes.length &&
               printed.every((b, i) => b === bytes[i]),
    diagnostic: n.diagnose('events {\\n').diagnostics[0],
    crossplane: n.parse('http { server { listen 80; } }',
                        { format: 'crossplane' }).status,
    fromWorker,
  }));
} catch (e) {
  report('ERROR ' + e.message);
}`;

const kWorker = `import { createNgxfix } from '/ngxfix.mjs';
try {
  const n = await createNgxfix();
  postMessage({ print: n.print('events {}'), ok: n.diagnose('events {}').ok });
} catch (e) {
  postMessage('ERROR ' + e.message);
}`;

const kTypes = { '.mjs': 'text/javascript', '.html': 'text/html',
                 '.wasm': 'application/wasm' };

test('loads in headless Chromium, in a page and a module worker, without eval', {
  skip: !chromium ? 'headless Chromium is not installed'
                  : error ? 'the WebAssembly module is not built' : false,
  timeout: 120000,
}, async () => {
  const testFiles = { '/test/index.html': kPage, '/test/main.mjs': kMain,
                      '/test/worker.mjs': kWorker };
  let gotResult;
  const result = new Promise((resolve) => { gotResult = resolve; });
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (req.method === 'POST' && pathname === '/result') {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => { res.writeHead(204).end(); gotResult(body); });
      return;
    }
    const body = testFiles[pathname] ??
        (/^\/[\w.]+$/.test(pathname) &&
         fs.existsSync(path.join(wasmDir, pathname)) &&
         fs.readFileSync(path.join(wasmDir, pathname)));
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': kTypes[path.extname(pathname)] || 'application/octet-stream',
      'content-security-policy': "default-src 'self'; " +
          "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'",
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ngxfix-chromium-'));
  const url = `http://127.0.0.1:${server.address().port}/test/index.html`;
  const browser = spawn(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    `--user-data-dir=${profile}`, url], { stdio: 'ignore', detached: true });
  let timer;
  try {
    const exited = new Promise((resolve, reject) => {
      browser.on('exit', (code) => reject(new Error(`Chromium exited (${code})`)));
      browser.on('error', reject);
    });
    const timeout = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error('no result from the page in 60 s')), 60000);
    });
    const text = await Promise.race([result, exited, timeout]);
    assert.ok(text.startsWith('{'), `the page says: ${text}`);
    const found = JSON.parse(text);
    assert.equal(found.byteExact, true);
    assert.equal(found.diagnostic.line, 2);
    assert.equal(found.diagnostic.column, 1);
    assert.equal(found.crossplane, 'ok');
    assert.deepEqual(found.fromWorker, { print: 'events {}', ok: true });
  } finally {
    clearTimeout(timer);
    browser.removeAllListeners('exit');
    if (browser.exitCode === null && browser.signalCode === null) {
      const gone = new Promise((resolve) => browser.once('exit', resolve));
      // Chromium and its helper processes: the process group it leads.
      try { process.kill(-browser.pid, 'SIGTERM'); } catch { browser.kill(); }
      await gone;
    }
    server.close();
    // Helpers may still be writing into the profile for a moment.
    for (let i = 0; i < 10 && fs.existsSync(profile); ++i) {
      try {
        fs.rmSync(profile, { recursive: true, force: true });
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
});
