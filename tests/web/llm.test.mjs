// The LLM assist in Debian's Chromium against a fake LLM on loopback
// (tests/llm/fake_server.mjs), which records every request it gets: nothing
// leaves the page before Send; what Send posts is the previewed body, with
// placeholders and none of the planted values (nor the user's own words,
// while a value the user keeps passes the last gate); the key goes in its header
// and nowhere else; the answer comes back as a diff with the real values;
// every error case says what happened and lets the user try again; Cancel
// and the timeout abandon the request.  The recorded request of the seed
// incident is saved as build/llm/seed-incident-request.json.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';

import { kCsp } from '../../scripts/serve.mjs';
import { startFakeLlm } from '../llm/fake_server.mjs';
import { browserSuite, paste, repoRoot, revision, screenshot, seedIncident, serve,
         waitForResult, watch, webDir } from './support.mjs';

const { test, ready, browser } = await browserSuite();

const kKey = 'sk-test-9f8e7d6c5b4a39281706fake';
const kPlanted = {
  config: fs.readFileSync(path.join(repoRoot, 'tests', 'wasm', 'planted-secrets.conf'), 'utf8'),
  values: ['10.20.30.40', 'pay-backend-7.internal.acme-corp.com', 'shop.acme-corp.com',
           'acme-corp', 'sk_live_51HqLyjWDarjtT1zdp7dcXnd3gF'],
};
// What Chromium logs by itself for a failed or refused fetch.
const kFetchNoise = /Failed to load resource|blocked by CORS policy|net::ERR_/;

let site;
let llm;
before(async () => {
  if (!ready) return;
  site = await serve(webDir);
  llm = await startFakeLlm();
});
after(async () => {
  await site?.close();
  await llm?.close();
});

// A watched page with `config` pasted and analyzed, and the panel set to
// the fake LLM.  fn(page, watched, console) runs before the checks every
// test shares: no CSP violation, no error but the fetch noise, the key in
// no console message and no URL.
async function withPanel(fn, { config = kPlanted.config, provider = 'openai' } = {}) {
  llm.behaviour = 'fix';
  llm.requests.length = 0;
  const context = await browser().newContext({ viewport: { width: 1400, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  const watched = watch(context, site.origin);
  const messages = [];
  const page = await context.newPage();
  page.on('console', (m) => messages.push(m.text()));
  page.on('worker', (w) => w.on('console', (m) => messages.push(m.text())));
  try {
    const response = await page.goto(`${site.origin}/`);
    assert.equal(response.headers()['content-security-policy'], kCsp);
    await page.getByTestId('example-seed-incident').waitFor();
    const seen = await revision(page);
    await paste(page, page, config);
    await waitForResult(page, seen);
    await page.getByTestId('llm-provider').selectOption(provider);
    const base = provider === 'openai' ? `${llm.origin}/v1` : llm.origin;
    await page.getByTestId('llm-base-url').fill(base);
    await page.getByTestId('llm-model').fill('fake-model');
    await page.getByTestId('llm-key').fill(kKey);
    await page.getByTestId('llm-target').getByText(base).waitFor();
    await fn(page, watched, messages);
    assert.ok(!page.url().includes(kKey), 'the key is in the URL');
  } finally {
    await context.close();
  }
  assert.deepEqual(watched.errors.filter((e) => !kFetchNoise.test(e)), []);
  for (const m of messages) assert.ok(!m.includes(kKey), `the key is in the console: ${m}`);
  for (const r of llm.requests) assert.ok(!r.path.includes(kKey), 'the key is in a URL');
}

async function send(page) {
  await page.getByTestId('llm-send').click();
  await page.locator('[data-testid="llm-send"]:not([disabled])').waitFor();
}

const errorText = (page) => page.getByTestId('llm-error').innerText();

test('the page allows the LLM origins and loopback, and nothing else', () => {
  const connect = kCsp.match(/connect-src ([^;]+)/)[1].split(' ');
  assert.deepEqual(connect, ["'self'", 'https://api.openai.com', 'https://api.anthropic.com',
                             'http://localhost:*', 'http://127.0.0.1:*']);
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  assert.equal(html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1], kCsp);
});

test('OpenAI-compatible: nothing before Send; placeholders only; the fix with real values',
     async () => {
  await withPanel(async (page, watched) => {
    const payload = page.getByTestId('llm-payload');
    await page.waitForFunction(() => document.querySelector('[data-testid="llm-payload"]')
        .textContent.includes('```nginx'));
    const body = await payload.textContent();
    // The same body, readable: the config as the model reads it.
    const readable = await page.getByTestId('llm-messages').textContent();
    assert.match(readable, /── user ──\nnginx version: 1\.24\.0[\s\S]*upstream payments \{/);
    for (const value of kPlanted.values) assert.ok(!readable.includes(value), value);
    // Time for anything that would go out by itself to go.
    await page.waitForTimeout(500);
    assert.deepEqual(llm.requests, [], 'a request reached the LLM before Send');
    assert.deepEqual(watched.foreign, [], 'a request left the page before Send');

    await send(page);
    await page.getByTestId('llm-diff').locator('.nx-diff-add').first().waitFor();
    const posts = llm.posts();
    assert.equal(posts.length, 1);
    const [post] = posts;
    assert.equal(post.path, '/v1/chat/completions');
    assert.equal(post.headers.authorization, `Bearer ${kKey}`);
    assert.equal(post.headers['content-type'], 'application/json');
    assert.equal(post.headers.cookie, undefined);
    assert.equal(post.body, body, 'the body sent is the body previewed');
    const decoded = JSON.stringify(JSON.parse(post.body));
    for (const value of kPlanted.values) {
      assert.ok(!post.body.includes(value) && !decoded.includes(value), `${value} was sent`);
    }
    // Every placeholder of the redacted view went instead.
    const placeholders = await page.getByTestId('redaction-report').locator('code').allInnerTexts();
    assert.ok(placeholders.length >= 4, placeholders.join(' '));
    const sent = JSON.parse(post.body).messages.map((m) => m.content).join('\n');
    for (const p of placeholders) assert.ok(sent.includes(p), `${p} was not sent`);
    assert.match(sent, /upstream payments \{/);

    // The answer, back with the user's values.
    const diff = await page.getByTestId('llm-diff').innerText();
    assert.match(diff, /\+\s*server 10\.20\.30\.40:8443 max_fails=3;/);
    assert.match(diff, /\+\s*server pay-backend-7\.internal\.acme-corp\.com:8443 max_fails=3;/);
    assert.match(diff, /\+\s*proxy_ssl_server_name on;/);
    assert.match(await page.getByTestId('llm-explanation').innerText(), /HTTP\/1\.1/);
    assert.equal(await page.getByTestId('llm-error').isVisible(), false);
    // What left the page went to the LLM only.
    assert.ok(watched.foreign.length >= 1);
    for (const url of watched.foreign) assert.equal(new URL(url).origin, llm.origin);
    // The key: in the password input only.
    assert.equal(await page.getByTestId('llm-key').inputValue(), kKey);
    assert.ok(!(await page.content()).includes(kKey), 'the key is in the DOM');
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    await page.locator('details.nx-llm-preview summary').click();
    await screenshot(page, 'llm-fix');
  });
});

// A server name in certbot and log paths, composite secrets written again
// on their own: none of them in any view a user copies or sends.
const kForms = {
  config: fs.readFileSync(path.join(repoRoot, 'tests', 'web', 'planted-forms.conf'), 'utf8'),
  values: ['initrode-group', 'shop-api-3', '10.44.12.7', 'Tr0ub4dor', 'Zq8vLm3nB7xK2pT9'],
};

test('certbot paths and composite secrets: not in the redacted preview, diff or request',
     async () => {
  await withPanel(async (page) => {
    await page.getByTestId('show-redacted').check();
    const preview = await page.getByTestId('redacted-preview').textContent();
    const diff = await page.getByTestId('diff-redacted').innerText();
    // The shape stays: the path around the name, the cookie's name.
    assert.match(preview, /live\/[a-z0-9.-]+\.no-0001\/fullchain\.pem/);
    assert.match(preview, /"session=REDACTED_[A-Z_]+_\d+"/);
    assert.match(diff, /proxy_ssl_server_name on;/);
    await page.waitForFunction(() => document.querySelector('[data-testid="llm-payload"]')
        .textContent.includes('```nginx'));
    const body = await page.getByTestId('llm-payload').textContent();
    for (const [name, text] of [['preview', preview], ['diff', diff], ['request', body],
                                ['request, decoded', JSON.stringify(JSON.parse(body))]]) {
      for (const value of kForms.values) assert.ok(!text.includes(value), `${value} in the ${name}`);
    }
    await send(page);
    await page.getByTestId('llm-diff').locator('.nx-diff-add').first().waitFor();
    const [post] = llm.posts();
    assert.equal(post.body, body);
  }, { config: kForms.config });
});

test('the user\'s words: a word hidden from the model, a value kept goes past the last gate',
     async () => {
  await withPanel(async (page) => {
    await page.getByTestId('sensitive-words').fill('payments');
    await page.getByTestId('keep-words').fill('shop.acme-corp.com');
    // At once, before the words' analysis is in: Send waits for it, and
    // never posts the body made before the word was hidden.
    await send(page);
    await page.getByTestId('llm-diff').locator('.nx-diff-add').first().waitFor();
    assert.equal(await page.getByTestId('llm-error').isVisible(), false);
    const [post] = llm.posts();
    assert.equal(post.body, await page.getByTestId('llm-payload').textContent());
    const sent = JSON.parse(post.body).messages.map((m) => m.content).join('\n');
    assert.match(sent, /server_name shop\.acme-corp\.com;/);
    assert.ok(!sent.includes('payments'), 'a word the user hid was sent');
    for (const value of ['10.20.30.40', 'sk_live_51HqLyjWDarjtT1zdp7dcXnd3gF']) {
      assert.ok(!sent.includes(value), value);
    }
    // The answer comes back with the user's name for the upstream.
    assert.match(await page.getByTestId('llm-diff').innerText(), /payments/);
  });
});

test('Anthropic: its path and headers, the fix with real values', async () => {
  await withPanel(async (page) => {
    await send(page);
    await page.getByTestId('llm-diff').locator('.nx-diff-add').first().waitFor();
    const [post] = llm.posts();
    assert.equal(post.path, '/v1/messages');
    assert.equal(post.headers['x-api-key'], kKey);
    assert.equal(post.headers.authorization, undefined);
    assert.equal(post.headers['anthropic-version'], '2023-06-01');
    assert.equal(post.headers['anthropic-dangerous-direct-browser-access'], 'true');
    assert.match(await page.getByTestId('llm-messages').textContent(),
                 /^── system ──\nYou are an expert nginx operator/);
    for (const value of kPlanted.values) assert.ok(!post.body.includes(value), value);
    assert.match(await page.getByTestId('llm-diff').innerText(),
                 /\+\s*server 10\.20\.30\.40:8443 max_fails=3;/);
  }, { provider: 'anthropic' });
});

test('each error says what happened, one request per click, and Send works again', async () => {
  await withPanel(async (page) => {
    const cases = [
      ['401', /HTTP 401[\s\S]*API key was refused[\s\S]*Check the API key/],
      ['403', /HTTP 403[\s\S]*may not use this model/],
      ['429', /HTTP 429[\s\S]*rate limit[\s\S]*never retries/],
      ['500', /HTTP 500[\s\S]*failed on its side/],
      ['no-cors', /CORS[\s\S]*network or the server is down/],
      ['no-block', /no ```nginx block/],
    ];
    for (const [behaviour, expected] of cases) {
      llm.behaviour = behaviour;
      const before = llm.posts().length + llm.requests.filter((r) => r.method === 'OPTIONS').length;
      await send(page);
      await page.getByTestId('llm-error').waitFor();
      assert.match(await errorText(page), expected, behaviour);
      assert.equal(await page.getByTestId('llm-diff').locator('.nx-diff-add').count(), 0, behaviour);
      // No retries: one request (and its preflight) per click.
      await page.waitForTimeout(300);
      const after = llm.posts().length + llm.requests.filter((r) => r.method === 'OPTIONS').length;
      assert.ok(after - before <= 2 && after > before, `${behaviour}: ${after - before} requests`);
      await screenshot(page, `llm-error-${behaviour}`);
    }
    // The down server: nothing listens on the port any more.
    const closed = await startFakeLlm();
    await closed.close();
    await page.getByTestId('llm-base-url').fill(`${closed.origin}/v1`);
    await page.getByTestId('llm-target').getByText(closed.origin).waitFor();
    await send(page);
    assert.match(await errorText(page), /failed without an answer[\s\S]*down or unreachable/);
    // Recovered: the same panel gets the fix.
    llm.behaviour = 'fix';
    await page.getByTestId('llm-base-url').fill(`${llm.origin}/v1`);
    await page.getByTestId('llm-target').getByText(llm.origin).waitFor();
    await send(page);
    await page.getByTestId('llm-diff').locator('.nx-diff-add').first().waitFor();
    assert.equal(await page.getByTestId('llm-error').isVisible(), false);
  });
});

test('an invalid configuration shows its syntax errors; a made-up placeholder is named',
     async () => {
  await withPanel(async (page) => {
    llm.behaviour = 'invalid';
    await send(page);
    await page.getByTestId('llm-syntax').locator('li').first().waitFor();
    assert.match(await page.getByTestId('llm-syntax').innerText(), /line \d+, column \d+: /);
    llm.behaviour = 'unknown-placeholder';
    await send(page);
    await page.getByTestId('llm-unknown').getByText('REDACTED_GENERIC_SECRET_99').waitFor();
    assert.equal(await page.getByTestId('llm-syntax').locator('li').count(), 0);
    // The rest of the fix still comes back with the real values.
    assert.match(await page.getByTestId('llm-diff').innerText(), /10\.20\.30\.40:8443 max_fails=3/);
  });
});

test('Cancel and the timeout abandon a request that never answers', async () => {
  await withPanel(async (page) => {
    llm.behaviour = 'timeout';
    await page.getByTestId('llm-send').click();
    await page.getByTestId('llm-status').getByText('Waiting').waitFor();
    assert.equal(await page.getByTestId('llm-send').isDisabled(), true);
    await page.getByTestId('llm-cancel').click();
    await page.getByTestId('llm-error').getByText('Cancelled').waitFor();
    assert.equal(await page.getByTestId('llm-cancel').isDisabled(), true);
    await page.getByTestId('llm-timeout').fill('1');
    const started = Date.now();
    await send(page);
    const ms = Date.now() - started;
    assert.match(await errorText(page), /within 1 s[\s\S]*timeout/);
    assert.ok(ms >= 900 && ms < 10_000, `${ms} ms`);
    assert.equal(llm.posts().length, 2);
  });
});

test('the key stays for the tab only when the user opts in', async () => {
  await withPanel(async (page) => {
    await page.getByTestId('llm-remember').check();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('ngxfix-llm-key')), kKey);
    await page.reload();
    await page.getByTestId('llm-remember').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="llm-key"]').value);
    assert.equal(await page.getByTestId('llm-key').inputValue(), kKey);
    assert.ok(!(await page.content()).includes(kKey), 'the key is in the DOM');
    await page.getByTestId('llm-remember').uncheck();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.deepEqual(llm.requests, []);
  });
});

test('the seed incident: the recorded request, saved for the closing note', async () => {
  await withPanel(async (page) => {
    await send(page);
    await page.getByTestId('llm-diff').locator('.nx-diff-add').first().waitFor();
    const [post] = llm.posts();
    assert.ok(!post.body.includes('10.0.2.10'));
    const sent = JSON.parse(post.body);
    assert.match(sent.messages[1].content, /grpc_pass h2:\/\/backend_pool;/);
    assert.match(await page.getByTestId('llm-diff').innerText(), /\+\s*proxy_http_version 1\.1;/);
    assert.match(await page.getByTestId('llm-diff').innerText(), /10\.0\.2\.10:8080 max_fails=3/);
    const headers = { ...post.headers, authorization: 'Bearer <the key>' };
    for (const h of ['host', 'origin']) headers[h] = headers[h].replace(/:\d+/, ':<port>');
    const out = path.join(repoRoot, 'build', 'llm');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'seed-incident-request.json'), `${JSON.stringify(
        { method: post.method, path: post.path, headers, body: sent }, null, 2)}\n`);
  }, { config: seedIncident });
});
