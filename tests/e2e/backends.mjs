// The lab's backends: real servers on loopback, each speaking one protocol,
// started by the tests on ports the kernel picks.  Every backend counts the
// connections it accepted (the keepalive scenario proves reuse with it) and
// answers with a body naming itself, so a test can tell who answered.
//
//   http1   Node's http: HTTP/1.1 only
//   h2c     Node's http2.createServer: HTTP/2 with prior knowledge only
//   grpc    HTTP/2 with gRPC framing and trailers (/lab.Echo/Say)
//   https   Node's https with a self-signed certificate (ALPN http/1.1)
//   h2tls   Node's http2.createSecureServer (ALPN h2 only)
//   ws      a WebSocket echo server (RFC 6455 handshake and framing)
//   raw     a TCP server that misbehaves as told (silent, reset, bad bytes)
//   nothing a port where nothing listens
//
// The TLS backend that needs SNI is nginx itself (see lab.mjs).

import crypto from 'node:crypto';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';

export const GRPC_PATH = '/lab.Echo/Say';
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

// Answers HTTP/1.x requests, saying in x-seen-real-ip which X-Real-IP
// reached it; `headerBytes` adds a header that long (for the too-big-header
// scenario).
function http1Handler(name, headerBytes) {
  return (req, res) => {
    const headers = {'content-type': 'text/plain',
                     'x-seen-real-ip': req.headers['x-real-ip'] ?? 'none'};
    if (headerBytes) headers['x-large'] = 'x'.repeat(headerBytes);
    res.writeHead(200, headers);
    res.end(`hello from ${name}\n`);
  };
}

// Starts `server` on 127.0.0.1 at a free port, counting its connections.
async function listen(server, kind, connectionEvent = 'connection') {
  const backend = {kind, server, connections: 0, port: 0};
  server.on(connectionEvent, () => backend.connections++);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  backend.port = server.address().port;
  backend.close = () => new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
    // HTTP/2 sessions and upgraded sockets keep the server open: end them.
    for (const session of backend.sessions ?? []) session.destroy();
  });
  return backend;
}

function trackSessions(backend) {
  backend.sessions = new Set();
  backend.server.on('session', (session) => {
    backend.sessions.add(session);
    session.on('close', () => backend.sessions.delete(session));
  });
  return backend;
}

export function startHttp1({headerBytes = 0} = {}) {
  return listen(http.createServer(http1Handler('http1', headerBytes)), 'http1');
}

export async function startH2c() {
  const server = http2.createServer();
  server.on('stream', (stream) => {
    stream.respond({':status': 200, 'content-type': 'text/plain'});
    stream.end('hello from h2c\n');
  });
  return trackSessions(await listen(server, 'h2c'));
}

export async function startHttps({key, cert}) {
  return listen(https.createServer({key, cert}, http1Handler('https')), 'https',
                'secureConnection');
}

export async function startH2Tls({key, cert}) {
  const server = http2.createSecureServer({key, cert, allowHTTP1: false});
  server.on('stream', (stream) => {
    stream.respond({':status': 200, 'content-type': 'text/plain'});
    stream.end('hello from h2tls\n');
  });
  return trackSessions(await listen(server, 'h2tls', 'secureConnection'));
}

// gRPC messages: a 5-byte prefix (compressed flag, big-endian length), then
// the protobuf message.  The lab's messages have one string field, number 1.
export function grpcFrame(text) {
  const bytes = Buffer.from(text);
  if (bytes.length > 127) throw new Error('lab gRPC messages are < 128 bytes');
  const message = Buffer.concat([Buffer.from([0x0a, bytes.length]), bytes]);
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32BE(message.length, 1);
  return Buffer.concat([prefix, message]);
}

// The text of the first gRPC message in `data`, or null when it is not one.
export function grpcText(data) {
  if (data.length < 7 || data[0] !== 0 || data[5] !== 0x0a) return null;
  const length = data.readUInt32BE(1);
  if (data.length < 5 + length || data[6] !== length - 2) return null;
  return data.subarray(7, 5 + length).toString();
}

export async function startGrpc() {
  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const isGrpc = headers['content-type']?.startsWith('application/grpc');
      if (!isGrpc || headers[':path'] !== GRPC_PATH) {
        stream.respond({':status': 200, 'content-type': 'application/grpc',
                        'grpc-status': '12', 'grpc-message': 'unimplemented'},
                       {endStream: true});
        return;
      }
      const name = grpcText(Buffer.concat(chunks)) ?? '?';
      stream.respond({':status': 200, 'content-type': 'application/grpc'},
                     {waitForTrailers: true});
      stream.on('wantTrailers', () => stream.sendTrailers({'grpc-status': '0'}));
      stream.end(grpcFrame(`hello ${name} from grpc`));
    });
  });
  return trackSessions(await listen(server, 'grpc'));
}

// RFC 6455 frames: FIN set, one frame per message; clients mask.
export function wsFrame(opcode, payload, mask) {
  const length = payload.length;
  const header = [0x80 | opcode];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) {
    header.push(maskBit | length);
  } else if (length < 65536) {
    header.push(maskBit | 126, length >> 8, length & 0xff);
  } else {
    throw new Error('lab WebSocket frames are < 64 KiB');
  }
  if (!mask) return Buffer.concat([Buffer.from(header), payload]);
  const key = crypto.randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ key[i % 4]));
  return Buffer.concat([Buffer.from(header), key, masked]);
}

// Reads whole frames from the start of `buffer`: [{opcode, payload}] and
// the bytes left over.
export function wsParse(buffer) {
  const frames = [];
  let at = 0;
  while (buffer.length - at >= 2) {
    const opcode = buffer[at] & 0x0f;
    const masked = (buffer[at + 1] & 0x80) !== 0;
    let length = buffer[at + 1] & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      if (buffer.length < offset + 2) break;
      length = buffer.readUInt16BE(offset);
      offset += 2;
    } else if (length === 127) {
      throw new Error('lab WebSocket frames are < 64 KiB');
    }
    const keyLength = masked ? 4 : 0;
    if (buffer.length < offset + keyLength + length) break;
    const key = buffer.subarray(offset, offset + keyLength);
    const data = buffer.subarray(offset + keyLength, offset + keyLength + length);
    const payload = masked ? Buffer.from(data.map((b, i) => b ^ key[i % 4])) : Buffer.from(data);
    frames.push({opcode, payload});
    at = offset + keyLength + length;
  }
  return {frames, rest: buffer.subarray(at)};
}

export function wsAccept(key) {
  return crypto.createHash('sha1').update(key + WS_GUID).digest('base64');
}

// Echoes text and binary messages; a plain request (no Upgrade reached it)
// gets 426, which is what users see when a proxy drops the headers.
export async function startWs() {
  const server = http.createServer((req, res) => {
    res.writeHead(426, {'content-type': 'text/plain', 'upgrade': 'websocket'});
    res.end('websocket only\n');
  });
  const upgraded = new Set();
  server.on('upgrade', (req, socket) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    const key = req.headers['sec-websocket-key'];
    if (req.headers.upgrade?.toLowerCase() !== 'websocket' || !key) {
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\n' +
                 `connection: Upgrade\r\nsec-websocket-accept: ${wsAccept(key)}\r\n\r\n`);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      const {frames, rest} = wsParse(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const {opcode, payload} of frames) {
        if (opcode === 0x1 || opcode === 0x2) socket.write(wsFrame(opcode, payload, false));
        if (opcode === 0x9) socket.write(wsFrame(0xa, payload, false));
        if (opcode === 0x8) socket.end(wsFrame(0x8, payload, false));
      }
    });
    socket.on('error', () => {});
  });
  const backend = await listen(server, 'ws');
  backend.sessions = upgraded;
  return backend;
}

// A TCP server that does `onSocket(socket)` with each connection: the
// misbehaving backends (silent, resetting, malformed).
export function startRaw(kind, onSocket) {
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onSocket(socket);
  });
  return listen(server, kind).then((backend) => {
    backend.sessions = sockets;
    return backend;
  });
}

// A port nothing listens on (freed at once): connections are refused.
export async function startNothing() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  await new Promise((resolve) => server.close(resolve));
  return {kind: 'nothing', port, connections: 0, close: async () => {}};
}
