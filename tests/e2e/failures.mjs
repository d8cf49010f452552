// Backend failures that are not configuration mistakes: nothing listens,
// the backend is silent, resets, sends a bad header, its certificate is not
// trusted, a variable proxy_pass has no resolver.  ngxfix fixes none of
// them; the lab reproduces each with real nginx so that `ngxfix diagnose`
// is tested on nginx's own lines.  Same shape as scenarios.mjs, with
// `diagnoseOnly` (no fix to apply) and `cause` a list when the log holds
// several.

import assert from 'node:assert/strict';
import {startHttps, startNothing, startRaw} from './backends.mjs';
import {http1Get} from './clients.mjs';
import {serverConf} from './lab.mjs';
import {status} from './scenarios.mjs';

function proxyTo(url, extra = []) {
  return ({port, backend}) =>
    serverConf(port, [...extra, `proxy_pass ${url.replace('PORT', backend.port)};`]);
}

const request = ({port}) => http1Get(port);

export const failures = [
  {
    name: 'nothing listens on the backend port',
    cause: 'connection-refused',
    startBackend: startNothing,
    http: proxyTo('http://127.0.0.1:PORT'),
    request,
    broken: status(502),
    log: /connect\(\) failed \(111: Connection refused\) while connecting to upstream/,
  },
  {
    name: 'every server of the group marked failed',
    // Both servers refused (two upstreams in the log), then none left.
    cause: ['connection-refused', 'connection-refused', 'no-live-upstreams'],
    startBackend: startNothing,
    http: ({port, backend}) => `
    upstream app {
        server 127.0.0.1:${backend.port} max_fails=1 fail_timeout=60s;
        server 127.0.0.2:${backend.port} max_fails=1 fail_timeout=60s;
    }
    server {
        listen 127.0.0.1:${port};
        location / {
            proxy_pass http://app;
        }
    }
`,
    // The first request marks both servers failed; the second finds none.
    request: async ({port}) => {
      await http1Get(port);
      return http1Get(port);
    },
    broken: status(502),
    log: /no live upstreams while connecting to upstream/,
  },
  {
    name: 'a silent backend',
    cause: 'upstream-timed-out',
    startBackend: () => startRaw('silent', () => {}),
    http: proxyTo('http://127.0.0.1:PORT', ['proxy_read_timeout 1s;']),
    request,
    broken: status(504),
    log: /upstream timed out \(110: Connection timed out\) while reading response header from upstream/,
  },
  {
    name: 'a backend that resets the connection',
    cause: 'connection-reset',
    startBackend: () => startRaw('reset', (socket) => {
      socket.once('data', () => socket.resetAndDestroy());
    }),
    http: proxyTo('http://127.0.0.1:PORT'),
    request,
    broken: status(502),
    log: /recv\(\) failed \(104: Connection reset by peer\) while reading response header from upstream/,
  },
  {
    name: 'a backend that sends an invalid header',
    cause: 'malformed-http1-response',
    startBackend: () => startRaw('malformed', (socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nX-Bad\0Name: v\r\n\r\nbody'));
    }),
    http: proxyTo('http://127.0.0.1:PORT'),
    request,
    broken: status(502),
    log: /upstream sent invalid header/,
  },
  {
    name: 'a TLS backend whose certificate is not trusted',
    cause: 'upstream-tls-verify-failed',
    startBackend: ({certificate}) => startHttps(certificate),
    http: ({port, backend, otherCertificate}) => proxyTo(
        'https://localhost:PORT',
        ['proxy_ssl_verify on;',
         `proxy_ssl_trusted_certificate ${otherCertificate.certFile};`])({port, backend}),
    request,
    broken: status(502),
    log: /upstream SSL certificate verify error: \(\d+:[^)]+\) while SSL handshaking to upstream/,
  },
  {
    name: 'a variable proxy_pass without a resolver',
    cause: 'resolver-missing',
    startBackend: startNothing,
    http: ({port, backend}) => serverConf(port, [
      'set $backend_host backend.invalid;',
      `proxy_pass http://$backend_host:${backend.port};`,
    ]),
    request,
    broken: status(502),
    log: /no resolver defined to resolve backend.invalid/,
  },
].map((failure) => ({...failure, rule: null, diagnoseOnly: true}));
