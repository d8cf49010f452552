// The WebAssembly module's LLM calls (wasm/llm.cc) under Node, on the page's
// own redacted view: llmPrepare builds a request that holds placeholders and
// none of the planted values, and its last gate reports a body that still
// holds one; llmAnswer reads the fake LLM's real answers and errors (over
// real HTTP on loopback) back to real values.  NGXFIX_WASM_DIR picks the
// build, as for tests/wasm.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test as nodeTest } from 'node:test';

import { repoRoot, setUp } from '../wasm/support.mjs';
import { startFakeLlm } from './fake_server.mjs';

const { ngxfix, error } = await setUp();
nodeTest('the WebAssembly module is built', () => { if (error) throw error; });
const test = (name, fn) =>
    nodeTest(name, { skip: error ? 'the WebAssembly module is not built' : false }, fn);

const kPlanted = fs.readFileSync(path.join(repoRoot, 'tests', 'wasm', 'planted-secrets.conf'),
                                 'utf8');
const kValues = ['10.20.30.40', 'pay-backend-7.internal.acme-corp.com', 'shop.acme-corp.com',
                 'acme-corp', 'sk_live_51HqLyjWDarjtT1zdp7dcXnd3gF'];

let llm;
before(async () => { llm = await startFakeLlm(); });
after(async () => { await llm?.close(); });

function view(text = kPlanted, options = {}) {
  const result = ngxfix.analyze(text, options);
  assert.equal(result.redaction.available, true, result.redaction.reason);
  return { text, redacted: result.redaction.config, map: result.redaction.map };
}

function prepare(v, settings = {}) {
  return ngxfix.llmPrepare({ provider: 'openai', baseUrl: `${llm.origin}/v1`, model: 'm',
                             redacted: v.redacted, map: v.map, nginxVersion: '1.24.0',
                             ...settings });
}

// Posts the prepared request to the fake LLM and reads the answer back.
async function ask(v, request, provider = 'openai', backends = undefined) {
  const response = await fetch(request.url, {
    method: 'POST', headers: Object.fromEntries(request.headers), body: request.body });
  return ngxfix.llmAnswer({ provider, status: response.status, body: await response.text(),
                            original: v.text, redacted: v.redacted, map: v.map,
                            nginxVersion: '1.24.0', backends });
}

test('the request holds the placeholders and none of the planted values', () => {
  const v = view();
  const request = prepare(v);
  assert.equal(request.error, '');
  assert.equal(request.url, `${llm.origin}/v1/chat/completions`);
  assert.deepEqual(request.headers, [['content-type', 'application/json']]);
  assert.equal(request.key_header, 'authorization');
  assert.equal(request.key_prefix, 'Bearer');
  assert.deepEqual(request.leaks, []);
  for (const value of kValues) assert.ok(!request.body.includes(value), value);
  const user = JSON.parse(request.body).messages[1].content;
  for (const entry of v.map.entries) assert.ok(user.includes(entry.placeholder), entry.placeholder);
});

test('the last gate: a body with an original value in it is reported, not hidden', () => {
  const v = view();
  // The unredacted configuration as if it were the redacted one.
  const request = prepare({ ...v, redacted: kPlanted });
  assert.ok(request.leaks.length >= 3, JSON.stringify(request.leaks));
  for (const leak of request.leaks) {
    assert.ok(leak.line > 0 && leak.column > 0 && leak.detector, JSON.stringify(leak));
    // Where, never what.
    for (const value of kValues) assert.ok(!JSON.stringify(leak).includes(value), value);
  }
});

test('the backend settings reach the prompt: the rules find what the user said', () => {
  const seed = fs.readFileSync(path.join(repoRoot, 'tests', 'examples', 'seed-incident.conf'),
                               'utf8');
  const v = view(seed, { backends: { backend_pool: 'http1' } });
  const request = prepare(v, { backends: { backend_pool: 'http1' } });
  const user = JSON.parse(request.body).messages[1].content;
  assert.match(user, /backend_pool/);
  assert.match(user, /grpc-to-http1-backend/);
  assert.ok(!request.body.includes('10.0.2.10'));
});

test('bad input is an error that says which field', () => {
  assert.throws(() => ngxfix.llmPrepare({ provider: 'openai', model: 'm', redacted: '' }),
                /map takes the redaction map/);
  assert.throws(() => ngxfix.llmPrepare({ model: 'm', redacted: '', map: { entries: [] },
                                          nginxVersion: 'one' }), /nginx_version takes/);
  assert.match(ngxfix.llmPrepare({ provider: 'nope', model: 'm', redacted: '',
                                   map: { entries: [] } }).error, /unknown provider "nope"/);
  assert.match(ngxfix.llmPrepare({ provider: 'openai', redacted: '', map: { entries: [] } }).error,
               /no model/);
});

test('both APIs: the fix comes back with the real values and its findings', async () => {
  for (const [provider, base] of [['openai', `${llm.origin}/v1`], ['anthropic', llm.origin]]) {
    llm.behaviour = 'fix';
    const v = view();
    const request = prepare(v, { provider, baseUrl: base });
    const answer = await ask(v, request, provider);
    assert.equal(answer.error_kind, '', answer.error);
    assert.match(answer.diff, /^\+    server 10\.20\.30\.40:8443 max_fails=3;$/m);
    assert.match(answer.diff, /^\+        proxy_ssl_server_name on;$/m);
    assert.doesNotMatch(answer.redacted_diff, /10\.20\.30\.40/);
    assert.equal(answer.fixed, kPlanted.replace(/(server \S+:8443)/g, '$1 max_fails=3')
        .replace(/(proxy_pass https:\/\/payments;)/, '$1\n        proxy_ssl_server_name on;'));
    assert.deepEqual(answer.syntax, []);
    assert.deepEqual(answer.unknown_placeholders, []);
    assert.match(answer.explanation, /HTTP\/1\.1/);
    assert.ok(Array.isArray(answer.findings));
  }
});

test('errors by kind, syntax errors at their line, made-up placeholders', async () => {
  const v = view();
  const request = prepare(v);
  for (const [behaviour, kind] of [['401', 'auth'], ['403', 'forbidden'], ['429', 'rate-limit'],
                                   ['500', 'server'], ['no-block', 'no-config']]) {
    llm.behaviour = behaviour;
    const answer = await ask(v, request);
    assert.equal(answer.error_kind, kind, behaviour);
    assert.ok(answer.error.length > 10, answer.error);
  }
  llm.behaviour = 'invalid';
  const invalid = await ask(v, request);
  assert.equal(invalid.error_kind, '');
  assert.ok(invalid.syntax.length >= 1);
  assert.ok(invalid.syntax.every((d) => d.line > 0 && d.column > 0 && d.message));
  llm.behaviour = 'unknown-placeholder';
  const madeUp = await ask(v, request);
  assert.deepEqual(madeUp.unknown_placeholders, ['REDACTED_GENERIC_SECRET_99']);
  const malformed = ngxfix.llmAnswer({ provider: 'openai', status: 200, body: '<html>',
                                       original: v.text, redacted: v.redacted, map: v.map });
  assert.equal(malformed.error_kind, 'malformed');
});
