// The page, served by scripts/serve.mjs on a loopback port with its CSP
// header, in Debian's Chromium: the seed incident pasted gives its findings
// and, once the backend is said to speak HTTP/1.1, the proxy_http_version
// 1.1 fix; the patch copied and downloaded applies with patch(1); syntax
// errors show at their line; the examples load; the redacted view leaks
// nothing, hides the user's own words and keeps what they say is public; no
// request leaves the origin and no CSP violation happens; all
// the page loads keeps to its weight budget.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';

import { kCsp } from '../../scripts/serve.mjs';
import { browserSuite, kPageBudgetBytes, pageWeight, paste, repoRoot, revision, screenshot,
         seedIncident, serve, tempDir, waitForResult, watch, webDir } from './support.mjs';

const { test, ready, browser } = await browserSuite();

let site;
before(async () => {
  if (!ready) return;
  site = await serve(webDir);
});
after(async () => {
  await site?.close();
});

// A fresh context with the clipboard allowed, watched; fn(page, context,
// watched) runs once the page is up; checks the watch when the test is done.
async function withPage(fn, { colorScheme = 'light' } = {}) {
  const context = await browser().newContext({ viewport: { width: 1400, height: 1000 },
                                               acceptDownloads: true, colorScheme });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  const watched = watch(context, site.origin);
  const page = await context.newPage();
  try {
    const response = await page.goto(`${site.origin}/`);
    assert.equal(response.headers()['content-security-policy'], kCsp);
    await page.getByTestId('example-seed-incident').waitFor();
    await fn(page, context, watched);
  } finally {
    await context.close();
  }
  assert.deepEqual(watched.foreign, [], 'requests left the origin');
  assert.deepEqual(watched.errors, [], 'errors or CSP violations');
}

test('the CSP of the <meta> tag is the header scripts/run sends', () => {
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.equal(meta[1], kCsp);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
});

test('the seed incident: findings, the backend setting, the fix, copy and download', async () => {
  await withPage(async (page) => {
    let seen = await revision(page);
    await paste(page, page, seedIncident);
    seen = await waitForResult(page, seen);
    const findings = page.getByTestId('findings');
    assert.match(await findings.innerText(), /grpc-pass-bad-scheme/);
    assert.match(await findings.innerText(), /grpc_pass does not take h2:\/\//);
    // ngxfix inferred gRPC and says so; the user knows the app speaks HTTP/1.1.
    const backends = page.getByTestId('backends');
    assert.match(await backends.innerText(), /backend_pool[\s\S]*inferred/);
    assert.match(await backends.innerText(), /because it is reached with grpc_pass/);
    // The finding states the assumption in the page's terms, not the CLI's,
    // and leads to the setting that corrects it.
    assert.match(await findings.innerText(),
                 /Assumption: assumed backend_pool speaks grpc because it is reached with grpc_pass/);
    assert.doesNotMatch(await findings.innerText(), /--backend|# ngxfix:/);
    assert.match(await findings.innerText(), /The rule concerns nginx versions: all\./);
    await screenshot(page, 'seed-incident-inferred');
    await findings.getByRole('button', { name: 'Not so? Set what backend_pool speaks' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.dataset.backend), 'backend_pool');
    await page.getByTestId('backend-protocol').selectOption('http1');
    seen = await waitForResult(page, seen);
    assert.match(await findings.innerText(), /grpc-to-http1-backend/);
    const diff = await page.getByTestId('diff').innerText();
    assert.match(diff, /\+\s*proxy_http_version 1\.1;/);
    assert.match(diff, /-\s*grpc_pass h2:\/\/backend_pool;/);
    // The user's real values are in the real diff.
    assert.match(await page.getByTestId('config-input').inputValue(), /10\.0\.2\.10/);
    await screenshot(page, 'seed-incident-fixed');

    // Side by side shows the same lines.
    await page.getByLabel('Side by side').check();
    assert.match(await page.getByTestId('diff').innerText(), /proxy_http_version 1\.1;/);
    await screenshot(page, 'seed-incident-side-by-side');
    await page.getByLabel('Unified').check();

    await page.getByTestId('copy-patch').click();
    await page.getByText('Patch copied.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const [download] = await Promise.all([page.waitForEvent('download'),
                                          page.getByTestId('download-patch').click()]);
    assert.equal(download.suggestedFilename(), 'ngxfix.patch');
    const patchText = fs.readFileSync(await download.path(), 'utf8');
    assert.equal(patchText, copied);
    await page.getByTestId('copy-fixed').click();
    await page.getByText('Fixed configuration copied.').waitFor();
    const fixed = await page.evaluate(() => navigator.clipboard.readText());

    // The patch applies with patch(1) and gives the fixed configuration.
    const dir = tempDir('ngxfix-patch-');
    fs.writeFileSync(path.join(dir, 'nginx.conf'), seedIncident);
    fs.writeFileSync(path.join(dir, 'ngxfix.patch'), patchText);
    execFileSync('patch', ['-p1', '--batch', '-i', 'ngxfix.patch'], { cwd: dir });
    const patched = fs.readFileSync(path.join(dir, 'nginx.conf'), 'utf8');
    assert.equal(patched, fixed);
    assert.match(patched, /proxy_http_version 1\.1;/);
    fs.rmSync(dir, { recursive: true });

    // A click on a finding's line puts the caret there.
    await page.getByTestId('findings').getByRole('button', { name: /Go to line 9/ }).first().click();
    const caret = await page.getByTestId('config-input')
        .evaluate((el) => [document.activeElement === el, el.selectionStart]);
    assert.deepEqual(caret, [true, seedIncident.indexOf('grpc_pass')]);
  });
});

test('a syntax error shows at its line and column, and the rest still works', async () => {
  await withPage(async (page) => {
    // A '}' too many, and a server left open at the end.
    const text = seedIncident.replace('    keepalive 32;\n', '    keepalive 32;\n}\n') +
                 'server {\n    listen 8080;\n';
    const input = page.getByTestId('config-input');
    let seen = await revision(page);
    await input.focus();
    // Typed, not pasted: the debounced path.
    await page.keyboard.insertText(text.slice(0, -10));
    seen = await waitForResult(page, seen);
    await page.keyboard.type(text.slice(-10));
    seen = await waitForResult(page, seen);
    await page.getByTestId('syntax-errors').getByText('expecting "}"').waitFor();
    // The page lists what the parser says (wasm/ngxfix.mjs, in Node), at
    // the same lines and columns, and marks those lines in the gutter.
    const { createNgxfix } = await import(path.join(webDir, 'wasm', 'ngxfix.mjs'));
    const { diagnostics } = (await createNgxfix()).diagnose(text);
    assert.ok(diagnostics.length >= 2);
    const listed = await page.getByTestId('syntax-errors').innerText();
    const marked = await page.locator('.nx-ln.nx-mark-syntax').allInnerTexts();
    for (const d of diagnostics) {
      assert.ok(listed.includes(`${d.line}:${d.column}\nsyntax ${d.severity}: ${d.message}`) ||
                listed.includes(`${d.line}:${d.column} syntax ${d.severity}: ${d.message}`),
                `${d.line}:${d.column} ${d.message} not in ${listed}`);
      assert.ok(marked.includes(String(d.line)), `line ${d.line} not marked: ${marked}`);
    }
    assert.match(listed, /unexpected end of file/);
    // Findings of the rest are still there.
    assert.match(await page.getByTestId('findings').innerText(), /grpc_pass does not take h2:\/\//);
    await screenshot(page, 'syntax-error');
  });
});

test('error-log lines: diagnosed beside the findings, and they decide the fix', async () => {
  await withPage(async (page) => {
    // Without the log, grpc_pass is taken to reach a gRPC backend: no fix.
    const text = seedIncident.replace('grpc_pass h2://backend_pool;',
                                      'grpc_pass grpc://backend_pool;');
    let seen = await revision(page);
    await paste(page, page, text);
    seen = await waitForResult(page, seen);
    const findings = page.getByTestId('findings');
    assert.doesNotMatch(await findings.innerText(), /grpc-to-http1-backend/);
    assert.equal(await page.getByTestId('diagnoses').isVisible(), false);

    // The line nginx 1.22 logs for it (tests/e2e reproduces it), typed in.
    const log = '2026/11/26 01:30:00 [error] 7#7: *1 upstream sent too large ' +
        'http2 frame: 4740180 while reading response header from upstream, ' +
        'client: 127.0.0.1, server: , request: "POST /api/x HTTP/2.0", ' +
        'upstream: "grpc://10.0.2.10:8080", host: "localhost"\n' +
        'a line nginx never wrote\n';
    await page.getByTestId('error-log').fill(log);
    seen = await waitForResult(page, seen);
    const diagnoses = await page.getByTestId('diagnoses').innerText();
    assert.match(diagnoses, /grpc-to-http1-backend/);
    assert.match(diagnoses, /502/);
    assert.match(diagnoses, /grpc_pass grpc:\/\/backend_pool \(line 9\)/);
    assert.match(diagnoses, /1 line with no known cause: line 2/);
    assert.match(await findings.innerText(), /grpc-to-http1-backend/);
    assert.match(await page.getByTestId('diff').innerText(), /\+\s*proxy_pass http:\/\/backend_pool;/);
    await screenshot(page, 'error-log');
  });
});

test('every example loads with one click, with its settings', async () => {
  const index = JSON.parse(fs.readFileSync(path.join(webDir, 'examples', 'index.json'), 'utf8'));
  assert.ok(index.length >= 4);
  await withPage(async (page) => {
    for (const example of index) {
      const seen = await revision(page);
      await page.getByTestId(`example-${example.id}`).click();
      await waitForResult(page, seen);
      const text = fs.readFileSync(path.join(webDir, 'examples', `${example.id}.conf`), 'utf8');
      assert.equal(await page.getByTestId('config-input').inputValue(), text, example.id);
      assert.equal(await page.getByTestId('nginx-version').inputValue(),
                   example.settings.nginxVersion, example.id);
      // Every example shows a problem and its fix.
      assert.match(await page.getByTestId('findings').innerText(), /(error|warning)s?\b/, example.id);
      assert.ok(await page.getByTestId('diff').locator('.nx-diff-add').count() > 0, example.id);
    }
    await screenshot(page, 'example-last');
  });
});

test('the page and all it loads weigh at most 250 KB gzip\'ed', async () => {
  await withPage(async (page, context, watched) => {
    for (const example of await page.locator('[data-testid^="example-"]').all()) {
      const seen = await revision(page);
      await example.click();
      await waitForResult(page, seen);
    }
    const files = [...watched.local];
    for (const file of ['/', '/ngxfix.css', '/js/main.js', '/js/worker.js',
                        '/wasm/ngxfix_core.wasm', '/examples/index.json']) {
      assert.ok(watched.local.has(file), `${file} was loaded: ${files.join(' ')}`);
    }
    const { gzipped } = pageWeight(webDir, files);
    assert.ok(gzipped <= kPageBudgetBytes,
              `${files.length} files weigh ${gzipped} bytes gzip'ed`);
  });
});

// Values a redacted view must never show: a secret, host names, addresses.
const kPlanted = {
  config: fs.readFileSync(path.join(repoRoot, 'tests', 'wasm', 'planted-secrets.conf'), 'utf8'),
  values: ['10.20.30.40', 'pay-backend-7.internal.acme-corp.com', 'shop.acme-corp.com',
           'acme-corp', 'sk_live_51HqLyjWDarjtT1zdp7dcXnd3gF'],
};

test('the redacted view shows none of the planted values, or says it is unavailable', async () => {
  await withPage(async (page) => {
    const seen = await revision(page);
    await paste(page, page, kPlanted.config);
    await waitForResult(page, seen);
    const toggle = page.getByTestId('show-redacted');
    const preview = page.getByTestId('redacted-preview');
    if (await toggle.isDisabled()) {
      // No redaction in this build: it says so and shows no text as redacted.
      await page.getByTestId('redaction-unavailable').waitFor();
      assert.equal(await preview.textContent(), '');
      assert.equal(await page.getByTestId('diff-redacted').textContent(), '');
      assert.equal(await page.getByTestId('copy-redacted').isDisabled(), true);
      await screenshot(page, 'redaction-unavailable');
      return;
    }
    await toggle.check();
    assert.equal(await page.getByTestId('diff').isVisible(), false);
    const shown = (await preview.textContent()) +
                  (await page.getByTestId('diff-redacted').innerText()) +
                  (await page.getByTestId('redaction-report').innerText());
    assert.ok(shown.length > 100);
    for (const value of kPlanted.values) {
      assert.ok(!shown.includes(value), `the redacted view shows ${value}`);
    }
    // The copies of the redacted view are redacted too: the patch, the
    // fixed config and the config.
    const copies = [];
    for (const [button, notice] of [['copy-patch', 'Patch copied.'],
                                    ['copy-fixed', 'Fixed configuration copied.'],
                                    ['copy-redacted', 'Redacted configuration copied.']]) {
      await page.getByTestId(button).click();
      await page.getByText(notice).waitFor();
      copies.push(await page.evaluate(() => navigator.clipboard.readText()));
    }
    assert.match(copies[0], /^\+\s+proxy_ssl_server_name on;$/m);
    assert.match(copies[1], /proxy_ssl_server_name on;/);
    assert.match(copies[2], /^upstream payments \{/m);
    for (const copied of copies) {
      for (const value of kPlanted.values) assert.ok(!copied.includes(value), value);
    }
    await screenshot(page, 'redacted');
  });
});

test('the user\'s words: hidden wherever they occur, kept where they say', async () => {
  await withPage(async (page) => {
    let seen = await revision(page);
    await paste(page, page, kPlanted.config);
    seen = await waitForResult(page, seen);
    const preview = page.getByTestId('redacted-preview');
    if (await page.getByTestId('show-redacted').isDisabled()) return;  // no redaction here
    assert.match(await preview.textContent(), /upstream payments \{/);
    // Nothing finds an upstream's name sensitive; the user does.
    await page.getByTestId('sensitive-words').fill('payments, billing team');
    seen = await waitForResult(page, seen);
    const hidden = await preview.textContent();
    assert.ok(!hidden.includes('payments'), hidden);
    assert.match(await page.getByTestId('redaction-report').innerText(), /\bword\b/);
    await page.getByTestId('show-redacted').check();
    assert.ok(!(await page.getByTestId('diff-redacted').innerText()).includes('payments'));
    // The real diff keeps the user's values.
    await page.getByTestId('show-redacted').uncheck();
    assert.match(await page.getByTestId('diff').innerText(), /payments/);
    // A value the user says is public stays; the other planted ones do not.
    await page.getByTestId('keep-words').fill('shop.acme-corp.com');
    seen = await waitForResult(page, seen);
    const kept = await preview.textContent();
    assert.match(kept, /server_name shop\.acme-corp\.com;/);
    for (const value of ['10.20.30.40', 'pay-backend-7.internal.acme-corp.com',
                         'sk_live_51HqLyjWDarjtT1zdp7dcXnd3gF', 'payments']) {
      assert.ok(!kept.includes(value), value);
    }
    await screenshot(page, 'redaction-words');
  });
});

test('every control has a name, and the keyboard reaches them in order', async () => {
  await withPage(async (page) => {
    const unnamed = await page.evaluate(() => [...document.querySelectorAll(
        'input, select, textarea, button')].filter((el) => {
      const labelled = el.labels?.length || el.getAttribute('aria-label') ||
                       (el.tagName === 'BUTTON' && el.textContent.trim());
      return !labelled;
    }).map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unnamed, []);
    // Tab from the version select reaches the file picker, the examples and
    // then the paste area.
    await page.getByTestId('nginx-version').focus();
    const order = [];
    for (let i = 0; i < 8; ++i) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement.dataset.testid ||
                                           document.activeElement.dataset.role || ''));
    }
    assert.ok(order.includes('config-input'), order.join(' '));
    assert.ok(order.indexOf('example-seed-incident') < order.indexOf('config-input'));
  });
});

test('light and dark themes follow the system', async () => {
  const background = async (page) => page.getByTestId('config-input')
      .evaluate((el) => getComputedStyle(el.closest('[data-role="app"]')).backgroundColor);
  await withPage(async (page) => {
    assert.equal(await background(page), 'rgb(255, 255, 255)');
  });
  await withPage(async (page) => {
    assert.equal(await background(page), 'rgb(13, 17, 23)');
    const seen = await revision(page);
    await page.getByTestId('example-seed-incident').click();
    await waitForResult(page, seen);
    await screenshot(page, 'seed-incident-dark');
  }, { colorScheme: 'dark' });
});

const largeConfig = path.join(process.env.NGXFIX_CORPUS || process.env.NGXFIX_CORPUS_DIR ||
                              path.join(repoRoot, '..', 'shared', 'corpus'),
                              'go-crossplane', 'large-config', 'nginx.conf');
const needsLargeConfig = {
  skip: !fs.existsSync(largeConfig) && `corpus not found: ${largeConfig} (set NGXFIX_CORPUS)`,
};

// A big text goes into the paste area once its result is on screen
// (web/js/editor.js): waits for that, then checks it is all there and
// editable.
async function waitForPasteArea(page, text) {
  await page.waitForFunction((n) => document.querySelector('[data-testid="config-input"]')
      .value.length === n, text.length, { polling: 100 });
  const input = page.getByTestId('config-input');
  assert.equal(await input.inputValue(), text);
  assert.equal(await input.evaluate((el) => el.readOnly), false);
  return input;
}

test('a 1.3 MB paste: the whole text, its findings, highlighting to the last line',
     needsLargeConfig, async () => {
  const text = fs.readFileSync(largeConfig, 'utf8');
  await withPage(async (page) => {
    const seen = await revision(page);
    await paste(page, page, text);
    await waitForResult(page, seen);
    const input = await waitForPasteArea(page, text);
    const { createNgxfix } = await import(path.join(webDir, 'wasm', 'ngxfix.mjs'));
    const expected = (await createNgxfix()).analyze(text, { tokens: false });
    assert.match(await page.getByTestId('status').innerText(),
                 new RegExp(`^${expected.findings.length} findings`));
    // Long lists come a page at a time.
    assert.equal(await page.locator('.nx-finding').count(),
                 Math.min(100, expected.findings.length));
    // Scrolled to the end, the last lines are numbered and highlighted.
    await input.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    const lines = text.split('\n').length;
    await page.locator('.nx-ln', { hasText: new RegExp(`^${lines}$`) }).waitFor();
    assert.ok(await page.locator('.nx-highlight .nx-t-name').count() > 10);
    await screenshot(page, 'large-config', { fullPage: false });
  });
});

test('Open a file…: a 1.3 MB file, its findings, then its text in the paste area',
     needsLargeConfig, async () => {
  const text = fs.readFileSync(largeConfig, 'utf8');
  await withPage(async (page) => {
    const seen = await revision(page);
    await page.locator('[data-role="file"]').setInputFiles(largeConfig);
    await waitForResult(page, seen);
    assert.match(await page.getByTestId('status').innerText(), /^\d+ findings/);
    await page.locator('.nx-highlight .nx-t-name').first().waitFor();
    await waitForPasteArea(page, text);
  });
});
