// The lab's scenarios: one protocol mismatch each, as users meet it.
//
// A scenario names its backend, the `http { }` body of the broken nginx
// configuration, the request a user makes, what that user sees when it
// fails (`broken`) with the error-log line nginx writes (`log`, null when
// nginx logs nothing), the --backend value ngxfix needs, and what the user
// sees once `ngxfix fix` has rewritten the configuration (`fixed`).  `rule`
// is what `ngxfix check` must report given that --backend, `cause` what
// `ngxfix diagnose` must say of the scenario's error log (`accessCause`: of
// its access log, matched by `accessLog`).

import assert from 'node:assert/strict';
import {startGrpc, startH2c, startHttp1, startHttps, startWs} from './backends.mjs';
import {grpcCall, h2Get, http1Get, wsEcho} from './clients.mjs';
import {freePort, nginxConf, serverConf, startNginx, tempDir} from './lab.mjs';

const backendAddress = ({backend}) => `127.0.0.1:${backend.port}`;

function sawBackend(name) {
  return (answer) => {
    assert.equal(answer.error, undefined, `request failed: ${answer.error}`);
    assert.equal(answer.status, 200);
    assert.equal(answer.body, `hello from ${name}\n`);
  };
}

export function status(code) {
  return (answer) => {
    assert.equal(answer.error, undefined, `request failed: ${answer.error}`);
    assert.equal(answer.status, code);
  };
}

// The upstream group `app` (keepalive 8) and a location with `directives`.
function keepaliveApp(directives) {
  return ({port, backend}) => `
    upstream app {
        server 127.0.0.1:${backend.port};
        keepalive 8;
    }
${serverConf(port, directives)}`;
}

// Five requests one after another: how many connections reach the backend.
async function connectionsFor5Requests({port, backend}) {
  const before = backend.connections;
  for (let i = 0; i < 5; i++) sawBackend('http1')(await http1Get(port));
  return {connections: backend.connections - before};
}

function echoed(answer) {
  assert.equal(answer.error, undefined, `WebSocket failed: ${answer.error}`);
  assert.equal(answer.status, 101);
  assert.equal(answer.echo, 'ping from the lab');
}

function grpcAnswered(answer) {
  assert.equal(answer.error, undefined, `gRPC call failed: ${answer.error}`);
  assert.equal(answer.status, 200);
  assert.equal(answer.grpcStatus, '0');
  assert.equal(answer.message, 'hello lab from grpc');
}

// The TLS backend that needs SNI: nginx itself, whose default server
// rejects handshakes without a known name (ssl_reject_handshake).
export async function startSniBackend({certificate}) {
  const port = await freePort();
  const dir = tempDir('sni-backend');
  const nginx = await startNginx(dir, nginxConf(`
    server {
        listen 127.0.0.1:${port} ssl default_server;
        ssl_reject_handshake on;
    }
    server {
        listen 127.0.0.1:${port} ssl;
        server_name localhost;
        ssl_certificate ${certificate.certFile};
        ssl_certificate_key ${certificate.keyFile};
        return 200 "hello from sni\\n";
    }
`), port);
  if (!nginx.ok) throw new Error(`the SNI backend did not start: ${nginx.output}`);
  return {kind: 'sni', port, dir, close: nginx.stop};
}

export const scenarios = [
  {
    name: 'grpc_pass to an HTTP/1.1 backend',
    cause: 'grpc-to-http1-backend',
    rule: 'grpc-to-http1-backend',
    // No --backend: `ngxfix fix --evidence error.log` learns it from the log.
    fixFromLog: true,
    startBackend: () => startHttp1(),
    http: ({port, backend}) =>
      serverConf(port, [`grpc_pass grpc://127.0.0.1:${backend.port};`], ' http2'),
    backendOption: (ctx) => `${backendAddress(ctx)}=http1`,
    request: ({port}) => h2Get(port),
    broken: status(502),
    log: /upstream sent too large http2 frame: 4740180 while reading response header from upstream/,
    fixed: sawBackend('http1'),
  },
  {
    name: 'proxy_pass (HTTP/1.x) to an h2c-only backend',
    cause: 'http1-to-h2c-backend',
    rule: 'http1-to-h2c-backend',
    // nginx before 1.29.4 cannot proxy HTTP/2 other than gRPC: ngxfix
    // explains and changes nothing.
    noFix: true,
    startBackend: () => startH2c(),
    http: ({port, backend}) => serverConf(port, [`proxy_pass http://127.0.0.1:${backend.port};`]),
    backendOption: (ctx) => `${backendAddress(ctx)}=h2c`,
    request: ({port}) => http1Get(port),
    // nginx passes the backend's HTTP/2 frames on as an HTTP/0.9 response:
    // no status line, which clients cannot read; the access log says 009.
    broken: (answer) => assert.match(answer.error ?? '', /Parse Error/),
    accessLog: /"GET \/ HTTP\/1.1" 009 /,
    accessCause: 'http1-to-h2c-backend',
    log: /upstream sent no valid HTTP\/1.0 header while reading response header from upstream/,
    fixed: sawBackend('h2c'),
  },
  {
    name: 'proxy_pass (HTTP/1.x) to a gRPC backend',
    cause: 'http1-to-h2c-backend',
    rule: 'http1-to-h2c-backend',
    startBackend: () => startGrpc(),
    http: ({port, backend}) =>
      serverConf(port, [`proxy_pass http://127.0.0.1:${backend.port};`], ' http2'),
    backendOption: (ctx) => `${backendAddress(ctx)}=grpc`,
    request: ({port}) => grpcCall(port, 'lab'),
    // The HTTP/0.9 passthrough again: the stream ends without a header.
    broken: (answer) => assert.match(answer.error ?? '', /stream closed/),
    accessLog: /"POST \/lab.Echo\/Say HTTP\/2.0" 009 /,
    accessCause: 'http1-to-h2c-backend',
    log: /upstream sent no valid HTTP\/1.0 header while reading response header from upstream/,
    fixed: grpcAnswered,
  },
  {
    name: 'the seed incident: grpc_pass h2:// to a keepalive upstream',
    cause: 'invalid-upstream-url',
    rule: 'grpc-pass-bad-scheme',
    startBackend: () => startGrpc(),
    http: ({port, backend}) => `
    upstream backend_pool {
        keepalive 32;
        server 127.0.0.1:${backend.port};
    }
    server {
        listen 127.0.0.1:${port};
        location /lab.Echo/ {
            grpc_pass h2://backend_pool;
        }
    }
`,
    backendOption: () => 'backend_pool=grpc',
    refused: true,  // nginx does not start
    log: /\[emerg\].*invalid host in upstream "h2:\/\/backend_pool"/,
    fixed: grpcAnswered,
    fixedRequest: ({port}) => grpcCall(port, 'lab'),
  },
  {
    name: 'https:// to a cleartext port',
    cause: 'tls-to-cleartext-port',
    rule: 'upstream-scheme-port-mismatch',
    startBackend: () => startHttp1(),
    http: ({port, backend}) => serverConf(port, [`proxy_pass https://127.0.0.1:${backend.port};`]),
    backendOption: (ctx) => `${backendAddress(ctx)}=http1`,
    request: ({port}) => http1Get(port),
    broken: status(502),
    log: /SSL_do_handshake\(\) failed \(SSL: error:[0-9A-F]+:SSL routines::wrong version number\) while SSL handshaking to upstream/,
    fixed: sawBackend('http1'),
  },
  {
    name: 'http:// to a TLS port',
    cause: 'upstream-closed-early',
    rule: 'upstream-scheme-port-mismatch',
    startBackend: ({certificate}) => startHttps(certificate),
    http: ({port, backend}) => serverConf(port, [`proxy_pass http://127.0.0.1:${backend.port};`]),
    backendOption: (ctx) => `${backendAddress(ctx)}=https`,
    request: ({port}) => http1Get(port),
    broken: status(502),
    log: /upstream prematurely closed connection while reading response header from upstream/,
    fixed: sawBackend('https'),
  },
  {
    name: 'TLS backend without SNI',
    cause: 'upstream-tls-sni-missing',
    rule: 'upstream-tls-sni-missing',
    // On loopback a name chooses no certificate, unless the backend says
    // otherwise: `ngxfix fix --evidence error.log` learns it from the log.
    fixFromLog: true,
    startBackend: startSniBackend,
    http: ({port, backend}) => serverConf(port, [`proxy_pass https://localhost:${backend.port};`]),
    backendOption: ({backend}) => `localhost:${backend.port}=https`,
    request: ({port}) => http1Get(port),
    broken: status(502),
    log: /SSL_do_handshake\(\) failed \(SSL: error:[0-9A-F]+:SSL routines::tlsv1 unrecognized name:SSL alert number 112\) while SSL handshaking to upstream/,
    fixed: sawBackend('sni'),
  },
  {
    name: 'WebSocket without the upgrade headers',
    cause: null,  // nothing in the error log
    rule: 'websocket-upgrade-missing',
    startBackend: () => startWs(),
    http: ({port, backend}) => serverConf(port, [`proxy_pass http://127.0.0.1:${backend.port};`]),
    backendOption: (ctx) => `${backendAddress(ctx)}=ws`,
    request: ({port}) => wsEcho(port, 'ping from the lab'),
    // nginx logs nothing: the backend answers the plain request it got.
    broken: status(426),
    log: null,
    accessLog: /"GET \/chat HTTP\/1.1" 426 /,
    accessCause: 'websocket-upgrade-missing',
    fixed: echoed,
  },
  {
    name: 'keepalive upstream without HTTP/1.1',
    cause: null,  // nothing in the error log
    rule: 'keepalive-needs-http11',
    startBackend: () => startHttp1(),
    http: keepaliveApp(['proxy_pass http://app;']),
    backendOption: () => 'app=http1',
    request: (ctx) => connectionsFor5Requests(ctx),
    broken: (answer) => assert.equal(answer.connections, 5),
    log: null,
    fixed: (answer) => assert.equal(answer.connections, 1),
  },
  {
    name: 'grpcs:// to a clear-text gRPC port',
    cause: 'tls-to-cleartext-port',
    rule: 'upstream-scheme-port-mismatch',
    // The log says the port is clear text: no --backend needed.
    fixFromLog: true,
    startBackend: () => startGrpc(),
    http: ({port, backend}) =>
      serverConf(port, [`grpc_pass grpcs://127.0.0.1:${backend.port};`], ' http2'),
    request: ({port}) => grpcCall(port, 'lab'),
    broken: status(502),
    log: /SSL_do_handshake\(\) failed \(SSL: error:[0-9A-F]+:SSL routines::wrong version number\) while SSL handshaking to upstream/,
    fixed: grpcAnswered,
  },
  {
    name: 'proxy_pass ws:// (nginx before 1.29.7)',
    cause: 'invalid-upstream-url',
    rule: 'proxy-pass-bad-scheme',
    startBackend: () => startWs(),
    http: ({port, backend}) => serverConf(port, [`proxy_pass ws://127.0.0.1:${backend.port};`]),
    backendOption: (ctx) => `${backendAddress(ctx)}=ws`,
    refused: true,
    log: /\[emerg\] .*invalid URL prefix in \/.*nginx.conf:\d+/,
    fixedRequest: ({port}) => wsEcho(port, 'ping from the lab'),
    fixed: echoed,
  },
  {
    name: 'keepalive upstream with a constant Connection: close',
    cause: null,  // nothing in the error log
    rule: 'keepalive-connection-header',
    startBackend: () => startHttp1(),
    http: keepaliveApp(['proxy_http_version 1.1;', 'proxy_set_header Connection "close";',
                        'proxy_pass http://app;']),
    backendOption: () => 'app=http1',
    request: (ctx) => connectionsFor5Requests(ctx),
    broken: (answer) => assert.equal(answer.connections, 5),
    log: null,
    fixed: (answer) => assert.equal(answer.connections, 1),
  },
  {
    name: 'grpc_pass behind a listener without http2',
    cause: null,  // nginx logs the client's preface at info level only
    rule: 'grpc-needs-http2-listener',
    startBackend: () => startGrpc(),
    http: ({port, backend}) => serverConf(port, [`grpc_pass grpc://127.0.0.1:${backend.port};`]),
    backendOption: (ctx) => `${backendAddress(ctx)}=grpc`,
    request: ({port}) => grpcCall(port, 'lab'),
    // The client's HTTP/2 preface meets an HTTP/1 parser, whose answer is
    // no HTTP/2: the gRPC client fails the connection.
    broken: (answer) => assert.match(answer.error ?? '', /Protocol error/),
    log: null,
    fixed: grpcAnswered,
  },
  {
    name: 'a location whose proxy_set_header drops the server\'s',
    cause: null,  // nothing in the error log
    rule: 'proxy-set-header-inheritance',
    startBackend: () => startHttp1(),
    http: ({port, backend}) => `
    server {
        listen 127.0.0.1:${port};
        proxy_set_header X-Real-IP $remote_addr;
        location / {
            proxy_set_header X-Request-Id $request_id;
            proxy_pass http://127.0.0.1:${backend.port};
        }
    }
`,
    backendOption: (ctx) => `${backendAddress(ctx)}=http1`,
    request: ({port}) => http1Get(port),
    // The backend never learns the client's address.
    broken: (answer) => assert.equal(answer.headers['x-seen-real-ip'], 'none'),
    log: null,
    fixed: (answer) => {
      sawBackend('http1')(answer);
      assert.equal(answer.headers['x-seen-real-ip'], '127.0.0.1');
    },
  },
  {
    name: '`http2 on;` on nginx before 1.25.1',
    cause: 'unknown-directive',
    rule: 'http2-directive-unsupported',
    startBackend: () => startGrpc(),
    http: ({port, backend}) => `
    server {
        listen 127.0.0.1:${port};
        http2 on;
        location / {
            grpc_pass grpc://127.0.0.1:${backend.port};
        }
    }
`,
    backendOption: (ctx) => `${backendAddress(ctx)}=grpc`,
    refused: true,
    log: /\[emerg\] .*unknown directive "http2" in \/.*nginx.conf:\d+/,
    fixedRequest: ({port}) => grpcCall(port, 'lab'),
    fixed: grpcAnswered,
  },
  {
    name: 'response headers larger than proxy_buffer_size',
    cause: 'upstream-buffer-too-small',
    rule: 'upstream-buffer-too-small',
    // Only the log shows it: `ngxfix fix --evidence error.log`.
    fixFromLog: true,
    startBackend: () => startHttp1({headerBytes: 6000}),
    http: ({port, backend}) => serverConf(port, [`proxy_pass http://127.0.0.1:${backend.port};`]),
    request: ({port}) => http1Get(port),
    broken: status(502),
    log: /upstream sent too big header while reading response header from upstream/,
    fixed: status(200),
  },
];
