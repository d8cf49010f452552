// `ngxfix probe` against every backend of the lab: it must name each one's
// protocol and the --backend value, say when TLS needs SNI, and answer
// refused and silent ports quickly instead of hanging.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import {after, before, test} from 'node:test';
import {startGrpc, startH2c, startH2Tls, startHttp1, startHttps, startWs} from './backends.mjs';
import {freePort, labMissing, makeCertificate, ngxfix, tempDir} from './lab.mjs';
import {startSniBackend} from './scenarios.mjs';

const missing = labMissing();
const lab = {backends: {}};

before(async () => {
  if (missing) return;
  lab.dir = tempDir('probe');
  const certificate = await makeCertificate(lab.dir, 'localhost');
  const started = await Promise.all([
    startHttp1(), startH2c(), startGrpc(), startHttps(certificate),
    startH2Tls(certificate), startWs(), startSniBackend({certificate}),
  ]);
  for (const backend of started) lab.backends[backend.kind] = backend;
});

after(async () => {
  await Promise.all(Object.values(lab.backends).map((b) => b.close()));
  if (lab.dir) fs.rmSync(lab.dir, {recursive: true, force: true});
});

async function probe(port, ...options) {
  const started = Date.now();
  const result = await ngxfix(['probe', `127.0.0.1:${port}`, '--timeout', '2',
                               '--format', 'json', ...options]);
  assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
  return {...JSON.parse(result.stdout), code: result.code, ms: Date.now() - started};
}

const expected = [
  ['http1', 'http1', [], 'proxy_http_version 1.1;'],
  ['h2c', 'h2c', [], 'proxy_http_version 2;'],
  ['grpc', 'grpc', [], 'grpc_pass grpc://'],
  ['https', 'https', [], 'proxy_pass https://'],
  ['h2tls', 'h2', [], 'proxy_pass https://'],
  ['ws', 'ws', [], 'proxy_set_header Upgrade $http_upgrade;'],
  ['sni', 'https', ['--sni', 'localhost'], 'proxy_ssl_name localhost;'],
];

test('probe names every lab backend', {skip: missing || false, concurrency: true}, async (t) => {
  await Promise.all(expected.map(([kind, protocol, options, directive]) =>
    t.test(`${kind}${options.length ? ' ' + options.join(' ') : ''}`, async () => {
      const port = lab.backends[kind].port;
      const answer = await probe(port, ...options);
      assert.equal(answer.protocol, protocol, answer.notes.join('\n'));
      assert.equal(answer.code, 0);
      assert.equal(answer.backend, `127.0.0.1:${port}=${protocol}`);
      assert.ok(answer.directives.some((d) => d.includes(directive)),
                answer.directives.join('\n'));
    })));
});

test('probe says which ALPN protocols a TLS backend accepts', {skip: missing || false}, async () => {
  assert.deepEqual((await probe(lab.backends.https.port)).alpn, ['http/1.1']);
  assert.deepEqual((await probe(lab.backends.h2tls.port, '--tls')).alpn, ['h2']);
});

test('probe says when a TLS backend wants SNI', {skip: missing || false}, async () => {
  // Without --tls, nginx first answers the clear-text GET with a 400.
  for (const options of [['--tls'], []]) {
    const answer = await probe(lab.backends.sni.port, ...options);
    assert.equal(answer.code, 1);
    assert.equal(answer.protocol, '', answer.notes.join('\n'));
    assert.match(answer.tls_error, /unrecognized name/);
    assert.match(answer.advice, /--sni NAME.*proxy_ssl_server_name on;/);
  }
});

test('probe answers refused and silent ports without hanging', {skip: missing || false},
     async () => {
  const refused = await probe(await freePort());
  assert.equal(refused.code, 1);
  assert.equal(refused.reachable, false);
  assert.match(refused.error, /Connection refused/);

  // Accepts, then never says a word.
  const sockets = new Set();
  const silent = net.createServer((s) => sockets.add(s));
  await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const started = Date.now();
    const result = await ngxfix(['probe', `127.0.0.1:${silent.address().port}`,
                                 '--timeout', '0.5', '--format', 'json']);
    const answer = JSON.parse(result.stdout);
    assert.equal(result.code, 1);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.match(answer.notes.join('\n'), /no answer in 0.5/);
    assert.match(answer.tls_error, /no TLS handshake in 0.5/);
  } finally {
    for (const s of sockets) s.destroy();
    silent.close();
  }
});

test('probe refuses bad arguments with a usage error', {skip: missing || false}, async () => {
  for (const args of [['probe'], ['probe', 'nohost'], ['probe', 'h:99999'],
                      ['probe', 'h:80', '--timeout', '0'], ['probe', 'h:80', '--path', 'x'],
                      ['probe', 'h:80', '--bogus']]) {
    const result = await ngxfix(args);
    assert.equal(result.code, 64, args.join(' '));
    assert.match(result.stderr, /^ngxfix: /);
  }
});
