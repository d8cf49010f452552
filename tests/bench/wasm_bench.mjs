// Benchmarks of the WebAssembly core under Node, driven by scripts/bench.
//
//   node tests/bench/wasm_bench.mjs time FILE [--runs N] [--ops a,b]
//       Times each operation of kOps through the JS API (wasm/ngxfix.mjs),
//       copies in and out of WebAssembly memory included, N times (default:
//       as many as fit in about a second, at least 3) after warming up;
//       prints one JSON line per operation with the median and fastest run.
//   node tests/bench/wasm_bench.mjs memory FILE
//       In a fresh instance: reads FILE, parses and prints it back once, and
//       prints one JSON line with the peak of the module's heap (emmalloc's
//       footprint) minus the heap before, the WebAssembly memory size
//       after (it grows, never shrinks), and the process's peak RSS (VmHWM)
//       minus its RSS before reading the file (V8's heap included).
//
// NGXFIX_WASM_DIR names the folder of ngxfix.mjs (default build/wasm/wasm).
// Operations are a table (kOps): a new row of the benchmark is a new entry.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot =
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const wasmDir = path.resolve(
    process.env.NGXFIX_WASM_DIR || path.join(repoRoot, 'build', 'wasm', 'wasm'));

const kOps = [
  { op: 'parse', what: 'diagnose(): Parse() + diagnostics',
    run: (ngxfix, bytes) => ngxfix.diagnose(bytes) },
  { op: 'parse+print', what: 'print(): Parse() then Print()',
    run: (ngxfix, bytes) => ngxfix.print(bytes) },
  { op: 'parse+json', what: "parse(): ngxfix's JSON, JSON.parse'd",
    run: (ngxfix, bytes) => ngxfix.parse(bytes) },
  { op: 'parse+crossplane', what: "parse(): crossplane's JSON, JSON.parse'd",
    run: (ngxfix, bytes) => ngxfix.parse(bytes, { format: 'crossplane' }) },
];

function procStatusBytes(key) {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const m = status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function load() {
  const wrapper = path.join(wasmDir, 'ngxfix.mjs');
  if (!fs.existsSync(wrapper)) {
    throw new Error(`${wrapper} is missing: build the WebAssembly module ` +
                    `first (cmake --preset wasm && cmake --build --preset wasm)`);
  }
  const api = await import(pathToFileURL(wrapper).href);
  return api;
}

function median(sorted) {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

async function time(file, runsWanted, only) {
  const api = await load();
  const bytes = new Uint8Array(fs.readFileSync(file));
  const t0 = performance.now();
  const ngxfix = await api.createNgxfix();
  const loadS = (performance.now() - t0) / 1000;
  if (!only.length || only.includes('instantiate')) console.log(JSON.stringify({
    impl: 'wasm', op: 'instantiate', what: 'read, compile and instantiate the .wasm',
    file: path.join(wasmDir, 'ngxfix_core.wasm'), bytes: 0, runs: 1,
    median_s: loadS, min_s: loadS,
  }));
  for (const { op, what, run } of kOps) {
    if (only.length && !only.includes(op)) continue;
    // Warm up for at least 2 runs and half a second, so that V8 has
    // compiled the hot functions with its optimizing tier (it starts on its
    // baseline compiler, Liftoff, and tiers up in the background).
    let result;
    let first = Infinity;
    for (let w = 0, spent = 0; w < 2 || spent < 0.5; ++w) {
      const start = performance.now();
      result = run(ngxfix, bytes);
      const s = (performance.now() - start) / 1000;
      first = Math.min(first, s);
      spent += s;
    }
    if (op === 'parse+print' && Buffer.compare(Buffer.from(result), Buffer.from(bytes))) {
      throw new Error(`print(parse(${file})) differs from the input`);
    }
    const runs = runsWanted > 0 ? runsWanted
                                : Math.max(3, Math.min(100, Math.floor(1 / first)));
    const times = [];
    for (let i = 0; i < runs; ++i) {
      const start = performance.now();
      run(ngxfix, bytes);
      times.push((performance.now() - start) / 1000);
    }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({
      impl: 'wasm', op, what, file, bytes: bytes.length, runs,
      median_s: median(times), min_s: times[0],
    }));
  }
}

async function memory(file) {
  const api = await load();
  const ngxfix = await api.createNgxfix();
  const heapBefore = ngxfix.heapPeakBytes();
  const baseline = procStatusBytes('VmRSS');
  const bytes = new Uint8Array(fs.readFileSync(file));
  const printed = ngxfix.print(bytes);
  const summary = ngxfix.diagnose(bytes);
  const peak = procStatusBytes('VmHWM');
  const heapAfter = ngxfix.heapPeakBytes();
  console.log(JSON.stringify({
    impl: 'wasm', op: 'memory',
    what: 'peak heap inside WebAssembly over print() + diagnose(), minus ' +
          'the heap before',
    file, bytes: bytes.length, baseline_bytes: heapBefore,
    peak_bytes: heapAfter, used_bytes: heapAfter - heapBefore,
    wasm_memory_bytes: ngxfix.memoryBytes(),
    process_used_bytes: peak - baseline, tokens: summary.tokens,
    nodes: summary.nodes, ok: summary.ok,
  }));
  if (Buffer.compare(Buffer.from(printed), Buffer.from(bytes))) {
    throw new Error(`print(parse(${file})) differs from the input`);
  }
}

async function main(argv) {
  const [command, file, ...rest] = argv;
  let runs = 0;
  let only = [];
  for (let i = 0; i < rest.length; ++i) {
    if (rest[i] === '--runs') runs = Number(rest[++i]);
    else if (rest[i] === '--ops') only = rest[++i].split(',');
    else throw new Error(`unknown argument ${rest[i]}`);
  }
  if (command === 'time' && file) return time(file, runs, only);
  if (command === 'memory' && file) return memory(file);
  throw new Error('usage: wasm_bench.mjs time|memory FILE [--runs N] [--ops a,b]');
}

main(process.argv.slice(2)).catch((e) => {
  console.error(`wasm_bench: ${e.message}`);
  process.exit(1);
});
