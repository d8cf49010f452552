// The single-file build, build/web/ngxfix-standalone.html, opened from
// file:// with the network off: it loads nothing (its CSP allows only its
// own inline script and style, by hash), the core runs, the examples are
// inline, and the seed incident gets its finding and fix.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before } from 'node:test';

import { browserSuite, revision, screenshot, seedIncident, tempDir,
         waitForResult, watch, webDir } from './support.mjs';

const { test, ready, browser } = await browserSuite();

let copy;
before(async () => {
  if (!ready) return;
  // Alone in a folder: nothing beside it to load by accident.
  copy = path.join(tempDir('ngxfix-standalone-'), 'ngxfix-standalone.html');
  fs.copyFileSync(path.join(webDir, 'ngxfix-standalone.html'), copy);
});
after(async () => {
  if (copy) fs.rmSync(path.dirname(copy), { recursive: true, force: true });
});

test('one file: no src or href to anything but data:, a hash-only CSP', () => {
  const html = fs.readFileSync(path.join(webDir, 'ngxfix-standalone.html'), 'utf8');
  assert.deepEqual(html.match(/\b(src|href)="(?!data:)[^"]*"/g), null);
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:$/);
  const size = fs.statSync(path.join(webDir, 'ngxfix-standalone.html')).size;
  assert.ok(size < 2 * 1024 * 1024, `${size} bytes`);
});

test('works from file:// offline: examples, the seed incident, its fix', async () => {
  const context = await browser().newContext({ viewport: { width: 1400, height: 1000 },
                                             offline: true });
  const url = pathToFileURL(copy).href;
  const watched = watch(context, url.slice(0, url.lastIndexOf('/')));
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.getByTestId('example-seed-incident').waitFor();
    let seen = await revision(page);
    await page.getByTestId('config-input').fill(seedIncident);
    seen = await waitForResult(page, seen);
    assert.match(await page.getByTestId('findings').innerText(), /grpc-pass-bad-scheme/);
    await page.getByTestId('backend-protocol').selectOption('http1');
    seen = await waitForResult(page, seen);
    assert.match(await page.getByTestId('diff').innerText(), /proxy_http_version 1\.1;/);
    await page.getByTestId('example-websocket').click();
    seen = await waitForResult(page, seen);
    assert.match(await page.getByTestId('findings').innerText(), /websocket-upgrade-missing/);
    await screenshot(page, 'standalone-file-url');
  } finally {
    await context.close();
  }
  assert.deepEqual(watched.foreign, [], 'requests beyond the file itself');
  assert.deepEqual(watched.errors, [], 'errors or CSP violations');
});
