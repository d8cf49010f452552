// Embedding: a documentation portal's page, served by a real loopback
// server with a strict CSP header (the one README.md asks of host pages),
// holding the site under /ngxfix/ and using it as <ngxfix-sandbox> (shadow
// DOM, nginx-version and asset-path attributes) and as an iframe.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';

import { browserSuite, paste, revision, screenshot, seedIncident, serve,
         tempDir, waitForResult, watch, webDir } from './support.mjs';

const { test, ready, browser } = await browserSuite();

// The host page's policy, as README.md's "Embedding" section gives it.
const kHostCsp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; " +
    "style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; " +
    "frame-src 'self'";

const kHostPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Internal docs: nginx</title>
<link rel="icon" href="data:,">
<script type="module" src="/ngxfix/ngxfix-sandbox.js"></script></head>
<body><h1>Our nginx handbook</h1>
<p>Check a configuration here:</p>
<ngxfix-sandbox nginx-version="1.22.1" asset-path="/ngxfix/"></ngxfix-sandbox>
</body></html>`;

const kFramePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Internal docs: iframe</title>
<link rel="icon" href="data:,"></head>
<body><h1>Our nginx handbook</h1>
<iframe src="/ngxfix/index.html?nginx=1.26.3" title="ngxfix" width="1300" height="1500"
        sandbox="allow-scripts allow-same-origin allow-downloads"
        allow="clipboard-write"></iframe>
</body></html>`;

let site;
let root;
before(async () => {
  if (!ready) return;
  root = tempDir('ngxfix-host-');
  fs.cpSync(webDir, path.join(root, 'ngxfix'), { recursive: true });
  fs.writeFileSync(path.join(root, 'docs.html'), kHostPage);
  fs.writeFileSync(path.join(root, 'frame.html'), kFramePage);
  site = await serve(root, { headers: { 'Content-Security-Policy': kHostCsp } });
});
after(async () => {
  await site?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function withHost(file, fn) {
  const context = await browser().newContext({ viewport: { width: 1400, height: 1100 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  const watched = watch(context, site.origin);
  const page = await context.newPage();
  try {
    const response = await page.goto(`${site.origin}/${file}`);
    assert.equal(response.headers()['content-security-policy'], kHostCsp);
    await fn(page);
  } finally {
    await context.close();
  }
  assert.deepEqual(watched.foreign, [], 'requests left the origin');
  assert.deepEqual(watched.errors, [], 'errors or CSP violations');
}

test('<ngxfix-sandbox> works in a host page with a strict CSP', async () => {
  await withHost('docs.html', async (page) => {
    const element = page.locator('ngxfix-sandbox');
    await element.getByTestId('example-seed-incident').waitFor();
    // Everything lives in the element's shadow root, styled by its own sheet.
    assert.equal(await page.evaluate(() =>
        document.querySelector('ngxfix-sandbox').shadowRoot
            .querySelector('[data-testid="config-input"]') !== null &&
        document.querySelector('[data-testid="config-input"]') === null), true);
    const color = await element.getByTestId('config-input')
        .evaluate((el) => getComputedStyle(el).color);
    assert.equal(color, 'rgba(0, 0, 0, 0)', 'ngxfix.css applies inside the shadow root');
    // The nginx-version attribute picks the version.
    assert.equal(await element.getByTestId('nginx-version').inputValue(), '1.22.1');
    const seen = await revision(element);
    await paste(page, element, seedIncident);
    await waitForResult(element, seen);
    assert.match(await element.getByTestId('findings').innerText(),
                 /grpc_pass does not take h2:\/\/[\s\S]*nginx 1\.22\.1/);
    // For 1.22 the listener takes http2 as a listen parameter.
    assert.match(await element.getByTestId('diff').innerText(), /\+\s*listen 80 http2;/);
    await screenshot(page, 'embedded-custom-element');
  });
});

test('the page works in an iframe of a host page with a strict CSP', async () => {
  await withHost('frame.html', async (page) => {
    const frame = page.frameLocator('iframe[title="ngxfix"]');
    await frame.getByTestId('example-seed-incident').waitFor();
    assert.equal(await frame.getByTestId('nginx-version').inputValue(), '1.26.3');
    const seen = await revision(frame);
    await frame.getByTestId('example-seed-incident').click();
    await waitForResult(frame, seen);
    assert.match(await frame.getByTestId('diff').innerText(), /proxy_http_version 1\.1;/);
    await screenshot(page, 'embedded-iframe');
  });
});
