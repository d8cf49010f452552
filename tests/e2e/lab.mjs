// The lab's machinery: temporary prefixes, a self-signed certificate made
// by openssl, Debian's nginx started with -p on a port picked at run time,
// and the ngxfix CLI.
//
// Environment overrides:
//   NGXFIX_CLI    the native CLI (default build/native/ngxfix)
//   NGXFIX_NGINX  the nginx binary (default /usr/sbin/nginx, Debian's 1.22.1)

import {execFile, spawn} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot =
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = path.resolve(
    process.env.NGXFIX_CLI || path.join(repoRoot, 'build', 'native', 'ngxfix'));
export const nginxPath = process.env.NGXFIX_NGINX || '/usr/sbin/nginx';

// Why the lab cannot run here, or '' when it can.
export function labMissing() {
  if (!fs.existsSync(cliPath)) return `no ngxfix CLI at ${cliPath} (set NGXFIX_CLI)`;
  if (!fs.existsSync(nginxPath)) return `no nginx at ${nginxPath} (apt-get install nginx-core)`;
  return '';
}

export function run(file, args, {input, timeout = 20000} = {}) {
  return new Promise((resolve) => {
    const child = execFile(file, args, {timeout, maxBuffer: 64 << 20},
                           (error, stdout, stderr) => resolve({
                             code: error ? (error.code ?? -1) : 0, stdout, stderr,
                           }));
    if (input !== undefined) child.stdin.end(input);
  });
}

export function ngxfix(args, options) {
  return run(cliPath, args, options);
}

export function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ngxfix-lab-${name}-`));
}

// A key and certificate for `name` (CN and subjectAltName), valid a day.
export async function makeCertificate(dir, name = 'localhost') {
  const key = path.join(dir, `${name}.key`);
  const cert = path.join(dir, `${name}.crt`);
  const result = await run('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-nodes', '-days', '1', '-subj', `/CN=${name}`,
    '-addext', `subjectAltName=DNS:${name}`, '-keyout', key, '-out', cert]);
  if (result.code !== 0) throw new Error(`openssl req failed: ${result.stderr}`);
  return {keyFile: key, certFile: cert,
          key: fs.readFileSync(key), cert: fs.readFileSync(cert)};
}

// A port nothing listens on right now.
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

// A whole nginx.conf around `http`: one process in the foreground, every
// path inside the prefix (Debian's nginx has absolute temp paths built in).
export function nginxConf(http) {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((t) => `    ${t}_temp_path temp/${t};\n`).join('');
  return `daemon off;
master_process off;
pid nginx.pid;
error_log logs/error.log;
events {
    worker_connections 256;
}
http {
    access_log logs/access.log;
${temp}${http}}
`;
}

// A server on 127.0.0.1:`port` (listen parameters `listen`, e.g. ' http2')
// whose one location holds `directives` (one a line).
export function serverConf(port, directives, listen = '') {
  const body = directives.map((d) => `            ${d}\n`).join('');
  return `
    server {
        listen 127.0.0.1:${port}${listen};
        location / {
${body}        }
    }
`;
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

// Starts nginx on `conf` (a whole nginx.conf) in prefix `dir`, and waits
// until `port` accepts connections.  Returns {ok: true, stop, errorLog,
// accessLog} or {ok: false, output} with what nginx said when it refused.
export async function startNginx(dir, conf, port) {
  for (const sub of ['logs', 'temp']) fs.mkdirSync(path.join(dir, sub), {recursive: true});
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const child = spawn(nginxPath, ['-p', `${dir}/`, '-c', 'nginx.conf', '-e', 'logs/error.log'],
                      {stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  child.stdout.on('data', (c) => { output += c; });
  child.stderr.on('data', (c) => { output += c; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let running = true;
  exited.then(() => { running = false; });
  const errorLog = () => readIfAny(path.join(dir, 'logs', 'error.log'));
  for (let waited = 0; waited < 5000; waited += 20) {
    if (!running) {
      return {ok: false, output: output + errorLog()};
    }
    if (await canConnect(port)) {
      return {
        ok: true, errorLog,
        accessLog: () => readIfAny(path.join(dir, 'logs', 'access.log')),
        stop: async () => {
          if (running) child.kill('SIGTERM');
          await exited;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  await exited;
  return {ok: false, output: `nginx did not listen on ${port} in 5 s\n${output}`};
}

function readIfAny(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
