// analyze(), the page's one call: options and their errors, positions as
// UTF-16 offsets, highlight tokens, syntax errors beside findings, and the
// redaction state.  (analyze_parity.test.mjs compares it with the CLI.)

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test as nodeTest } from 'node:test';

import { repoRoot, setUp } from './support.mjs';

const { ngxfix, error } = await setUp();
nodeTest('the WebAssembly module is built', () => { if (error) throw error; });
const test = (name, fn) =>
    nodeTest(name, { skip: error ? 'the WebAssembly module is not built' : false }, fn);

const seed = fs.readFileSync(
    path.join(repoRoot, 'tests', 'examples', 'seed-incident.conf'), 'utf8');

test('the seed incident: inferred gRPC backend, then the user says http1', () => {
  const inferred = ngxfix.analyze(seed);
  assert.deepEqual(inferred.backends.map((b) => [b.name, b.protocol, b.source]),
                   [['backend_pool', 'grpc', 'inferred']]);
  assert.match(inferred.backends[0].assumption, /because it is reached with grpc_pass/);
  // A finding that rests on the inference names the backend to correct.
  assert.deepEqual(inferred.findings.map((f) => [f.rule, f.assumed_backend]),
                   [['grpc-pass-bad-scheme', 'backend_pool'], ['grpc-needs-http2-listener', '']]);
  assert.doesNotMatch(inferred.findings[0].assumption, /--backend/);
  assert.match(inferred.diff, /^\+        grpc_pass grpc:\/\/backend_pool;$/m);

  const told = ngxfix.analyze(seed, { backends: { backend_pool: 'http1' } });
  assert.equal(told.backends[0].source, 'option');
  assert.ok(told.findings.some((f) => f.rule === 'grpc-to-http1-backend'));
  assert.match(told.diff, /^\+        proxy_http_version 1\.1;$/m);
  assert.match(told.fixed, /proxy_pass http:\/\/backend_pool;/);
  assert.equal(told.findings[0].at, seed.indexOf('grpc_pass'));
});

test('each finding names the nginx versions its rule concerns', () => {
  const text = 'upstream app {\n    server 127.0.0.1:8080;\n    keepalive 8;\n}\n' +
               'server {\n    listen 80;\n    location / { proxy_pass http://app; }\n}\n';
  const { findings } = ngxfix.analyze(text, { nginxVersion: '1.24.0' });
  assert.equal(findings.find((f) => f.rule === 'keepalive-needs-http11').versions,
               'before 1.29.7');
  for (const f of findings) assert.ok(f.versions, f.rule);
});

test('a port nginx rejects is no port, and no crash', () => {
  // std::stoi once threw on a port past INT_MAX, which aborts the module.
  for (const port of ['99999999999', '0', '65536']) {
    const result = ngxfix.analyze(`location / { proxy_pass http://app:${port}; }\n`);
    assert.equal(result.backends[0].name, `app:${port}`);
  }
  assert.equal(ngxfix.analyze(seed).ok, true);
});

test('the nginx version decides the fix', () => {
  // In its http {} block, so that nothing above the server is out of view.
  const whole = `http {\n${seed}}\n`;
  const old = ngxfix.analyze(whole, { nginxVersion: '1.22.1' });
  const recent = ngxfix.analyze(whole, { nginxVersion: '1.26.0' });
  assert.equal(old.nginx_version, '1.22.1');
  assert.match(old.diff, /listen 80 http2;/);
  assert.match(recent.diff, /http2 on;/);
});

test('without a version, the configuration\'s own directives choose it', () => {
  const plain = ngxfix.analyze(seed);
  assert.equal(plain.nginx_version, '1.24.0');
  assert.match(plain.nginx_version_assumption, /the default/);
  const newer = ngxfix.analyze('server {\n    listen 443 ssl;\n    http2 on;\n}\n');
  assert.equal(newer.nginx_version, '1.25.1');
  assert.match(newer.nginx_version_assumption, /the http2 directive on line 3/);
  assert.equal(ngxfix.analyze(seed, { nginxVersion: '1.26.0' }).nginx_version_assumption, '');
});

test('a server without its http {} level: HTTP/2 there is an assumption at info', () => {
  const snippet = ngxfix.analyze(seed, { nginxVersion: '1.26.0' });
  const listener = snippet.findings.find((f) => f.rule === 'grpc-needs-http2-listener');
  assert.equal(listener.severity, 'info');
  assert.match(listener.assumption, /http \{\} level above this server/);
  assert.doesNotMatch(snippet.diff, /http2 on;/);
});

test('bad options are errors that name the option', () => {
  assert.throws(() => ngxfix.analyze(seed, { nginxVersion: 'latest' }),
                /nginx_version takes "X\.Y\.Z", not "latest"/);
  assert.throws(() => ngxfix.analyze(seed, { backends: { backend_pool: 'http3' } }),
                /backend backend_pool takes one of http1 .* not "http3"/);
  assert.throws(() => ngxfix.analyze(seed, { hardening: 'yes' }),
                /hardening takes true or false/);
  // The instance is still usable.
  assert.equal(ngxfix.analyze(seed).ok, true);
});

test('positions are UTF-16 offsets into the JS string', () => {
  const text = '# café ☕ 𝄞\nserver {\n    listen 80\n}\n';
  const r = ngxfix.analyze(text);
  assert.equal(r.ok, false);
  const e = r.syntax_errors[0];
  assert.equal(e.line, 4);
  assert.equal(r.syntax_errors[0].at, text.lastIndexOf('}'));
  // Every token's text is what the tokenizer read: a name, its argument,
  // the comment.
  const tokens = [];
  for (let i = 0; i < r.tokens.length; i += 3) {
    tokens.push([text.substr(r.tokens[i], r.tokens[i + 1]), r.tokens[i + 2]]);
  }
  assert.deepEqual(tokens.slice(0, 4),
                   [['# café ☕ 𝄞', 3], ['server', 0], ['{', 4], ['listen', 0]]);
});

test('a syntax error leaves the findings and the fix of the rest', () => {
  const text = seed.replace('listen 80;', 'listen 80') + 'oops {\n';
  const r = ngxfix.analyze(text, { backends: { backend_pool: 'http1' } });
  assert.equal(r.ok, false);
  assert.ok(r.syntax_errors.length >= 1);
  assert.ok(r.findings.length >= 1);
});

test('quoted strings and Lua bodies have kinds of their own', () => {
  const text = 'location / { return 200 "hi"; content_by_lua_block { ngx.say(1) } }\n';
  const r = ngxfix.analyze(text, { tokens: true });
  const kinds = new Map();
  for (let i = 0; i < r.tokens.length; i += 3) {
    kinds.set(text.substr(r.tokens[i], r.tokens[i + 1]).trim(), r.tokens[i + 2]);
  }
  assert.equal(kinds.get('"hi"'), 2);
  assert.equal(kinds.get('ngx.say(1)'), 5);
  assert.equal(kinds.get(';'), 4);
  assert.deepEqual(ngxfix.analyze(text, { tokens: false }).tokens, undefined);
});

// A secret, host names and addresses a redacted view must never show.
const kPlanted = fs.readFileSync(path.join(repoRoot, 'tests', 'wasm', 'planted-secrets.conf'),
                                 'utf8');
const kSecrets = ['10.20.30.40', 'pay-backend-7', 'acme-corp', 'sk_live_51HqLyjWDarjtT1zdp7dcXnd3gF'];

test('the redacted config, fix and diff hold none of the planted values', () => {
  const r = ngxfix.analyze(kPlanted);
  assert.equal(r.redaction.available, true, r.redaction.reason);
  // The real diff has the real values (the fix names the TLS server).
  assert.match(r.diff, /proxy_ssl_name pay-backend-7\.internal\.acme-corp\.com;/);
  const { config, fixed, diff, report } = r.redaction;
  for (const text of [config, fixed, diff, JSON.stringify(report)]) {
    for (const secret of kSecrets) assert.ok(!text.includes(secret), `${secret} in ${text}`);
  }
  // Shape kept: the redacted diff changes the same lines as the real one.
  const changed = (d) => d.split('\n').filter((l) => /^[+-](?![+-])/.test(l)).length;
  assert.equal(changed(diff), changed(r.diff));
  assert.deepEqual(report.map((i) => i.kind).sort(),
                   ['hostname', 'hostname', 'ipv4', 'secret']);
  // Rehydrating gives the real text back, byte for byte.
  assert.equal(ngxfix.rehydrate(diff), r.diff);
  assert.equal(ngxfix.rehydrate(fixed), r.fixed);
  assert.equal(ngxfix.rehydrate(config, r.redaction.map), kPlanted);
  // The same placeholders while the user keeps typing (one key a session).
  assert.equal(ngxfix.analyze(kPlanted + '# more\n').redaction.config, config + '# more\n');
});

test('sensitive and kept words, and a bad map', () => {
  const r = ngxfix.analyze(kPlanted.replace('location /', 'location /payments-team'),
                           { sensitiveWords: ['payments-team'], keepWords: ['10.20.30.40'] });
  assert.ok(!r.redaction.config.includes('payments-team'));
  assert.ok(r.redaction.config.includes('10.20.30.40'));
  assert.throws(() => ngxfix.analyze(kPlanted, { sensitiveWords: 'x' }),
                /sensitive_words takes a list of strings/);
  assert.throws(() => ngxfix.rehydrate('x', { entries: 3 }), /bad redaction map/);
});
