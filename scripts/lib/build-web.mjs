// Assembles the static site from web/ and a WebAssembly build:
//
//   node scripts/lib/build-web.mjs WASM_DIR OUT_DIR
//
// WASM_DIR holds ngxfix.mjs, ngxfix_core.mjs and ngxfix_core.wasm (e.g.
// build/wasm/wasm).  OUT_DIR (e.g. build/web) is replaced by:
//
//   index.html, ngxfix.css, ngxfix-sandbox.js, js/*.js   copied from web/
//   wasm/                                                the module
//
// Lines of JavaScript that hold only a // comment are shipped blank: the
// comments are for people reading web/ (a third of the scripts' weight),
// and a blank line keeps every line number of a stack trace.  So is a
// // comment after code that holds no quote, backtick or slash (where the
// // could not be inside a string or a regular expression).  The CSS ships
// without its /* comments */ (600 bytes of the page, gzip'ed).
//   examples/index.json, examples/ID.conf                from the files that
//                                                        index.json names
//   ngxfix-standalone.html                               everything in one file
//
// The single file is index.html with the CSS, the WebAssembly (base64, in a data
// block), the examples (JSON data block) and every ES module, bundled here
// into one module script (each module becomes an async function whose
// imports are read from the modules before it) inline; its CSP allows
// exactly that script and style, by their sha256 hashes.  Node built-ins
// only: nothing to install, no bundler.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const webDir = path.join(repoRoot, 'web');
const kWasmFiles = ['ngxfix.mjs', 'ngxfix_core.mjs', 'ngxfix_core.wasm'];
const kFixtureComment = /^# ngxfix-test:.*\n/gm;
const kCommentLine = /^[ \t]*\/\/.*$/gm;
const kTrailingComment = /^([^'"`/\n]*\S)[ \t]+\/\/ .*$/gm;
const kCssComment = /\/\*[\s\S]*?\*\//g;

function fail(message) {
  console.error(`build-web: ${message}`);
  process.exit(1);
}

// Copies a file; JavaScript and CSS without their comments.
function copyFile(source, target) {
  if (/\.m?js$/.test(source)) {
    fs.writeFileSync(target, fs.readFileSync(source, 'utf8').replace(kCommentLine, '')
                                 .replace(kTrailingComment, '$1'));
  } else if (source.endsWith('.css')) {
    fs.writeFileSync(target, fs.readFileSync(source, 'utf8').replace(kCssComment, ''));
  } else {
    fs.copyFileSync(source, target);
  }
}

function copyTree(from, to, skip = () => false) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (skip(source)) continue;
    if (entry.isDirectory()) copyTree(source, path.join(to, entry.name), skip);
    else copyFile(source, path.join(to, entry.name));
  }
}

// The examples: index.json as it is, each configuration without the
// fixtures' test comments.  Returns them with their text, for the single file.
function writeExamples(out) {
  const index = JSON.parse(fs.readFileSync(path.join(webDir, 'examples', 'index.json'), 'utf8'));
  fs.mkdirSync(path.join(out, 'examples'), { recursive: true });
  fs.copyFileSync(path.join(webDir, 'examples', 'index.json'),
                  path.join(out, 'examples', 'index.json'));
  return index.map((example) => {
    const text = fs.readFileSync(path.join(repoRoot, example.source), 'utf8')
        .replace(kFixtureComment, '');
    fs.writeFileSync(path.join(out, 'examples', `${example.id}.conf`), text);
    return { ...example, text };
  });
}

// One module script from the ES module graph under `entry` (a path in
// `out`): static `import ... from './x'` and `export` declarations are
// rewritten; dynamic import() and import.meta stay (legal in a module script).
function bundle(entry) {
  const order = [];
  const sources = new Map();
  const visit = (file) => {
    if (sources.has(file)) return;
    const text = fs.readFileSync(file, 'utf8');
    sources.set(file, text);
    for (const m of text.matchAll(/^import\s+[^'";]*?\s+from\s+'([^']+)';/gms)) {
      visit(path.resolve(path.dirname(file), m[1]));
    }
    order.push(file);
  };
  visit(entry);
  const key = (file) => JSON.stringify(path.relative(path.dirname(entry), file));
  let js = 'const modules = {};\n';
  for (const file of order) {
    const names = [];
    let body = sources.get(file).replace(
        /^import\s+(?:(\w+)|\{([^}]*)\})\s+from\s+'([^']+)';/gms,
        (all, name, list, from) => {
          const source = `modules[${key(path.resolve(path.dirname(file), from))}]`;
          if (name) return `const ${name} = ${source}.default;`;
          return `const {${list.replace(/\s+as\s+/g, ': ')}} = ${source};`;
        });
    body = body.replace(/^export\s+default\s+(\w+);/m, (all, name) => {
      names.push(`default: ${name}`);
      return '';
    });
    body = body.replace(/^export\s+((?:async\s+)?function\*?|class|const|let)\s+(\w+)/gm,
        (all, kind, name) => {
          names.push(name);
          return `${kind} ${name}`;
        });
    if (/^\s*(import|export)\s/m.test(body)) {
      fail(`${path.relative(repoRoot, file)}: an import or export the bundler does not know`);
    }
    js += `modules[${key(file)}] = await (async () => {\n${body}\nreturn { ${names.join(', ')} };\n})();\n`;
  }
  return js;
}

function sha256(text) {
  return `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function writeStandalone(out, examples) {
  const css = fs.readFileSync(path.join(out, 'ngxfix.css'), 'utf8');
  const script = bundle(path.join(out, 'js', 'standalone.js'));
  const wasm = fs.readFileSync(path.join(out, 'wasm', 'ngxfix_core.wasm')).toString('base64');
  // A data block ends at the first "</script"; JSON escapes keep "<" out.
  const examplesJson = JSON.stringify(examples).replace(/</g, '\\u003c');
  if (/<\/script/i.test(script) || /<\/style/i.test(css)) {
    fail('the bundle or the stylesheet holds "</script" or "</style"');
  }
  const csp = `default-src 'none'; script-src ${sha256(script)} 'wasm-unsafe-eval'; ` +
              `style-src ${sha256(css)}; img-src data:`;
  // index.html with its stylesheet, module and policy replaced by inline ones.
  let html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  const replace = (pattern, by) => {
    if (!pattern.test(html)) fail(`index.html has no ${pattern}: the single file cannot be made`);
    html = html.replace(pattern, () => by);
  };
  replace(/http-equiv="Content-Security-Policy" content="[^"]*"/,
          `http-equiv="Content-Security-Policy" content="${csp}"`);
  replace(/<link rel="stylesheet" href="ngxfix.css">/, `<style>${css}</style>`);
  replace(/<script type="module" src="js\/main.js"><\/script>\n/, '');
  replace(/<\/body>/, `<script type="application/octet-stream" id="ngxfix-wasm">${wasm}</script>
<script type="application/json" id="ngxfix-examples">${examplesJson}</script>
<script type="module">${script}</script>
</body>`);
  fs.writeFileSync(path.join(out, 'ngxfix-standalone.html'), html);
}

function main([wasmDir, out]) {
  if (!wasmDir || !out) fail('usage: build-web.mjs WASM_DIR OUT_DIR');
  for (const f of kWasmFiles) {
    if (!fs.existsSync(path.join(wasmDir, f))) {
      fail(`${path.join(wasmDir, f)} is missing: build the wasm preset first`);
    }
  }
  fs.rmSync(out, { recursive: true, force: true });
  copyTree(webDir, out, (p) => p === path.join(webDir, 'examples'));
  fs.mkdirSync(path.join(out, 'wasm'), { recursive: true });
  for (const f of kWasmFiles) copyFile(path.join(wasmDir, f), path.join(out, 'wasm', f));
  writeStandalone(out, writeExamples(out));
  console.log(`build-web: ${path.relative(process.cwd(), out) || out} assembled from ${wasmDir}`);
}

main(process.argv.slice(2));
