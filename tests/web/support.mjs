// Shared by the browser tests: the built site, Debian's Chromium driven by
// playwright-core (which never downloads a browser), a loopback server for
// the site, and a watch on every page for requests that leave the origin,
// CSP violations, console errors and uncaught exceptions.
//
// Environment overrides:
//   NGXFIX_WEB_DIR   the assembled site (default build/web; scripts/test
//                    assembles it from build/wasm)
//   NGXFIX_CHROMIUM  the browser (default /usr/bin/chromium)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, test as nodeTest } from 'node:test';
import { fileURLToPath } from 'node:url';

import { serveDirectory } from '../../scripts/serve.mjs';

export const repoRoot =
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const webDir = path.resolve(process.env.NGXFIX_WEB_DIR ||
                                   path.join(repoRoot, 'build', 'web'));
export const screenshotDir = path.join(repoRoot, 'build', 'screenshots');
const chromiumPath = process.env.NGXFIX_CHROMIUM || '/usr/bin/chromium';

export const kChromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu',
                              '--disable-background-networking',
                              '--disable-component-update', '--no-first-run'];

// The page's weight budget: everything it loads, gzip'ed, in bytes.
export const kPageBudgetBytes = 250 * 1000;

// What the files at `pathnames` (as requested from a server of `dir`) weigh:
// {raw, gzipped} bytes, each file gzip'ed at level 9 as a server would.
export function pageWeight(dir, pathnames) {
  let raw = 0;
  let gzipped = 0;
  for (const p of pathnames) {
    const bytes = fs.readFileSync(path.join(dir, p.endsWith('/') ? `${p}index.html` : p));
    raw += bytes.length;
    gzipped += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzipped };
}

export const seedIncident = fs.readFileSync(
    path.join(repoRoot, 'tests', 'examples', 'seed-incident.conf'), 'utf8');

// What a test file needs, or why it cannot run: {chromium, error}.
export async function setUp(site = webDir) {
  try {
    for (const f of ['index.html', 'wasm/ngxfix_core.wasm', 'ngxfix-standalone.html']) {
      if (!fs.existsSync(path.join(site, f))) {
        throw new Error(`${path.join(site, f)} is missing: assemble the site ` +
                        '(scripts/test node, or node scripts/lib/build-web.mjs ' +
                        'build/wasm/wasm build/web), or set NGXFIX_WEB_DIR');
      }
    }
    if (!fs.existsSync(chromiumPath)) {
      throw new Error(`${chromiumPath} is missing: apt-get install chromium`);
    }
    const { chromium } = await import('playwright-core');
    return { chromium, error: null };
  } catch (error) {
    return { error };
  }
}

// The frame of a browser test file: checks what it needs (setUp), reports
// a missing part in a test of its own and skips the others, and launches one
// Chromium for the file.  Returns {test, ready, browser()}; test(name,
// [options,] fn) is node:test's, skipped when not ready.
export async function browserSuite() {
  const { chromium, error } = await setUp();
  nodeTest('the site is built and Chromium is installed', () => { if (error) throw error; });
  const test = (name, options, fn) => {
    if (!fn) [options, fn] = [{}, options];
    return nodeTest(name, { ...options,
                            skip: error ? 'see the first test' : options.skip ?? false }, fn);
  };
  let browser = null;
  before(async () => { if (!error) browser = await launch(chromium); });
  after(async () => { await browser?.close(); });
  return { test, ready: !error, browser: () => browser };
}

export async function launch(chromium) {
  return chromium.launch({ executablePath: chromiumPath, args: kChromiumArgs });
}

// Serves `dir` on a free loopback port: {server, origin, close()}.
export async function serve(dir, options = {}) {
  const server = await serveDirectory(dir, options);
  const { port } = server.address();
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

// Records, for every page of `context`: requests whose URL is not under
// `origin` (data: and blob: URLs are local) and the paths of those that are,
// console errors (Chromium logs CSP violations there too),
// securitypolicyviolation events and uncaught exceptions.
export function watch(context, origin) {
  const foreign = [];
  const local = new Set();
  const errors = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(`${origin}/`)) local.add(new URL(url).pathname);
    else if (!/^(data|blob):/.test(url)) foreign.push(url);
  });
  context.exposeBinding('ngxfixReportViolation', (source, text) => {
    errors.push(`CSP violation: ${text}`);
  });
  context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.ngxfixReportViolation(`${e.violatedDirective} blocked ${e.blockedURI}`);
    }, true);
  });
  const watchPage = (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    page.on('worker', (worker) => {
      worker.on('console', (message) => {
        if (message.type() === 'error') errors.push(`worker console: ${message.text()}`);
      });
    });
  };
  context.on('page', watchPage);
  return { foreign, local, errors, watchPage };
}

// The sandbox's root element in `scope` (a page, frame or locator).
export function app(scope) {
  return scope.locator('[data-role="app"]');
}

// Waits until the sandbox shows a result newer than `after` (a revision
// number) and returns the new revision.
export async function waitForResult(scope, after) {
  await scope.locator(`[data-role="app"][data-state="ready"]:not([data-revision="${after}"])`)
      .waitFor();
  return revision(scope);
}

export async function revision(scope) {
  return Number(await app(scope).getAttribute('data-revision'));
}

// Puts `text` on the clipboard and pastes it into the sandbox's paste area
// with Ctrl+V, as a user does.
export async function paste(page, scope, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const input = scope.getByTestId('config-input');
  await input.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
