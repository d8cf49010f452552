// The lab's clients: what a user's browser, curl, gRPC stub or WebSocket
// library does, written with Node built-ins so that each test sees the raw
// answer (status, body, trailers, frames).  Every call has a deadline: a
// broken proxy must fail a test, not hang it.

import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import crypto from 'node:crypto';
import {GRPC_PATH, grpcFrame, grpcText, wsAccept, wsFrame, wsParse} from './backends.mjs';

// Generous: the lab shares a small machine with builds; a hang still fails.
const DEADLINE_MS = 15000;

function deadline(what, reject) {
  return setTimeout(() => reject(new Error(`${what}: no answer in ${DEADLINE_MS} ms`)),
                    DEADLINE_MS);
}

// An HTTP/1.1 GET; {status, headers, body} or {error} when the connection
// failed or closed without a response.  `agent` reuses connections.
export function http1Get(port, path = '/', {agent = false} = {}) {
  return new Promise((resolve, reject) => {
    const timer = deadline(`GET :${port}${path}`, reject);
    const req = http.get({host: '127.0.0.1', port, path, agent}, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({status: res.statusCode, headers: res.headers,
                 body: Buffer.concat(chunks).toString('latin1')});
      });
      res.on('error', (error) => { clearTimeout(timer); resolve({error: error.message}); });
    });
    req.on('error', (error) => { clearTimeout(timer); resolve({error: error.message}); });
  });
}

// One HTTP/2 request with prior knowledge (h2c): {status, headers, body,
// trailers} or {error}.
function h2Request(port, headers, body) {
  return new Promise((resolve, reject) => {
    const timer = deadline(`HTTP/2 ${headers[':path']} :${port}`, reject);
    const session = http2.connect(`http://127.0.0.1:${port}`);
    const done = (result) => {
      clearTimeout(timer);
      session.destroy();
      resolve(result);
    };
    session.on('error', (error) => done({error: error.message}));
    const stream = session.request(headers);
    const answer = {status: 0, headers: {}, trailers: {}, chunks: []};
    stream.on('response', (h) => { answer.status = h[':status']; answer.headers = h; });
    stream.on('trailers', (t) => { answer.trailers = t; });
    stream.on('data', (c) => answer.chunks.push(c));
    stream.on('error', (error) => done({error: error.message}));
    stream.on('close', () => {
      if (!answer.status) return done({error: `stream closed (code ${stream.rstCode})`});
      const data = Buffer.concat(answer.chunks);
      done({status: answer.status, headers: answer.headers, trailers: answer.trailers,
            data, body: data.toString('latin1')});
    });
    stream.end(body);
  });
}

export function h2Get(port, path = '/') {
  return h2Request(port, {':method': 'GET', ':path': path});
}

// A unary gRPC call of /lab.Echo/Say; adds `message` (the reply's text) and
// `grpcStatus` (from the trailers, or the headers of a trailers-only reply).
export async function grpcCall(port, name) {
  const answer = await h2Request(port, {
    ':method': 'POST', ':path': GRPC_PATH,
    'content-type': 'application/grpc', 'te': 'trailers',
  }, grpcFrame(name));
  if (answer.error) return answer;
  const grpcStatus = answer.trailers['grpc-status'] ?? answer.headers['grpc-status'];
  return {...answer, grpcStatus, message: grpcText(answer.data)};
}

// Opens a WebSocket, sends `text`, and returns {status, echo} (echo: the
// text of the first message back), or {status, head} (the response's
// header) when the server did not switch protocols.
export function wsEcho(port, text) {
  return new Promise((resolve, reject) => {
    const timer = deadline(`WebSocket :${port}`, reject);
    const key = crypto.randomBytes(16).toString('base64');
    const socket = net.connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let status = 0;
    const done = (result) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    socket.on('connect', () => socket.write(
        `GET /chat HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\n` +
        'Sec-WebSocket-Version: 13\r\n\r\n'));
    socket.on('error', (error) => done({error: error.message}));
    socket.on('end', () => done({status, error: 'connection closed'}));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!status) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString('latin1');
        status = Number(head.split(' ')[1]);
        if (status !== 101) return done({status, head});
        const accept = /sec-websocket-accept: *(\S+)/i.exec(head)?.[1];
        if (accept !== wsAccept(key)) return done({status, error: 'bad Sec-WebSocket-Accept'});
        buffer = buffer.subarray(end + 4);
        socket.write(wsFrame(0x1, Buffer.from(text), true));
      }
      if (status !== 101) return;
      const {frames} = wsParse(buffer);
      if (frames.length) done({status, echo: frames[0].payload.toString()});
    });
  });
}
