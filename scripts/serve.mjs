// A static file server for the built site, with the page's
// Content-Security-Policy as a header (the same policy as index.html's
// <meta>), the right MIME types (application/wasm lets browsers compile
// while downloading) and nothing else.  Node built-ins only.
//
//   node scripts/serve.mjs [DIR] [--host 127.0.0.1] [--port 8080]
//
// DIR defaults to build/web.  Tests import serveDirectory() to start one on
// a free port.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// connect-src: the page itself, and the LLM APIs the LLM assist may ask
// (docs/llm.md): OpenAI, Anthropic and local models on loopback.
export const kCsp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; " +
    "style-src 'self'; img-src 'self' data:; connect-src 'self' https://api.openai.com " +
    "https://api.anthropic.com http://localhost:* http://127.0.0.1:*; worker-src 'self'";

const kTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.conf': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// Serves `dir` on host:port (port 0: any free one); resolves to the
// http.Server once it listens.  `headers` are added to every response;
// `log(method, url, status)` hears of each request.
export function serveDirectory(dir, { host = '127.0.0.1', port = 0,
                                      headers = { 'Content-Security-Policy': kCsp },
                                      log = () => {} } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const reply = (status, body, type = 'text/plain; charset=utf-8') => {
      log(request.method, request.url, status);
      response.writeHead(status, { ...headers, 'Content-Type': type,
                                   'X-Content-Type-Options': 'nosniff',
                                   'Cache-Control': 'no-cache' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      reply(405, 'method not allowed\n');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    } catch {
      reply(400, 'bad request\n');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(root, pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      reply(403, 'forbidden\n');
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        reply(404, 'not found\n');
      } else {
        reply(200, body, kTypes[path.extname(file)] || 'application/octet-stream');
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function main(args) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  let dir = path.join(repoRoot, 'build', 'web');
  let host = '127.0.0.1';
  let port = 8080;
  for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--host') host = args[++i];
    else if (args[i] === '--port') port = Number(args[++i]);
    else if (args[i].startsWith('-')) {
      console.error(`serve: unknown option ${args[i]}`);
      process.exit(64);
    } else dir = args[i];
  }
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`serve: ${dir}/index.html is missing: build the site first (scripts/run)`);
    process.exit(1);
  }
  serveDirectory(dir, {
    host, port, log: (method, url, status) => console.log(`${status} ${method} ${url}`),
  }).then((server) => {
    const { address, port: bound } = server.address();
    console.log(`serving ${dir} on http://${address}:${bound}/ (Ctrl-C stops)`);
  }, (error) => {
    console.error(`serve: cannot listen on ${host}:${port}: ${error.message}`);
    process.exit(1);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
