// Formats the JSON lines of parse_bench, cli_bench and wasm_bench
// (results.jsonl) as a table, with each goal beside the rows it applies to.
//
//   node tests/bench/report.mjs results.jsonl [--inputs NAME=PATH ...]
//
// A row is one JSON line: {impl, op, file, bytes, median_s, min_s, runs} for
// timings, {impl, op: 'memory', file, bytes, used_bytes, ...} for memory.
// Goals are the table kGoals; a new goal is a new entry.  Missing a goal is
// reported, not an error: this prints and exits 0.

import fs from 'node:fs';
import path from 'node:path';

const MB = 1e6;  // throughput in MB/s, 10^6 bytes
const MiB = 1024 * 1024;

const mbps = (r) => r.bytes / r.median_s / MB;

// A goal applies to the rows of its impl and op, and of its input when it
// names one (by the names given with --inputs).
const kGoals = [
  { impl: 'native', op: 'parse', text: '>= 300 MB/s', pass: (r) => mbps(r) >= 300 },
  { impl: 'native', op: 'check', text: '>= 50 MB/s', pass: (r) => mbps(r) >= 50 },
  { impl: 'native', op: 'check', input: 'large-config', text: '< 30 ms',
    pass: (r) => r.median_s < 0.030 },
  { impl: 'native', op: 'fix', text: '>= 50 MB/s', pass: (r) => mbps(r) >= 50 },
  { impl: 'native', op: 'fix', input: 'large-config', text: '< 30 ms',
    pass: (r) => r.median_s < 0.030 },
  { impl: 'native', op: 'redact', text: '>= 50 MB/s', pass: (r) => mbps(r) >= 50 },
  { impl: 'wasm', op: 'parse', text: '>= 100 MB/s', pass: (r) => mbps(r) >= 100 },
  { impl: 'native', op: 'memory', text: '<= 8x input',
    pass: (r) => r.used_bytes <= 8 * r.bytes },
  { impl: 'wasm', op: 'memory', text: '<= 8x input',
    pass: (r) => r.used_bytes <= 8 * r.bytes },
  // End to end (tests/bench/cli_bench.cc): crossplane's own CLI parses
  // about 1.8 MB/s on this kind of machine.
  { impl: 'cli', op: 'parse --format crossplane', text: '>= 90 MB/s',
    pass: (r) => mbps(r) >= 90 },
  { impl: 'cli', op: 'print', text: '>= 200 MB/s', pass: (r) => mbps(r) >= 200 },
  ...['check', 'check --format json', 'check --format sarif', 'fix --diff',
      'redact'].map((op) => ({
    impl: 'cli', op, input: 'many-findings', text: '>= 50 MB/s',
    pass: (r) => mbps(r) >= 50,
  })),
  { impl: 'cli', op: 'memory', text: '<= 6x input',
    pass: (r) => r.used_bytes <= 6 * r.bytes },
];

function fmtBytes(n) {
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

function fmtTime(s) {
  return s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1000).toFixed(2)} ms`;
}

function table(header, rows) {
  const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) =>
      i >= 3 && i <= 7 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))
      .join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '),
          ...rows.map(line)].join('\n');
}

function main(argv) {
  const [file, ...rest] = argv;
  const names = new Map();
  for (let i = 0; i < rest.length; ++i) {
    if (rest[i] === '--inputs') {
      for (; i + 1 < rest.length && rest[i + 1].includes('='); ++i) {
        const [name, p] = rest[i + 1].split('=');
        names.set(path.resolve(p), name);
      }
    }
  }
  const results = fs.readFileSync(file, 'utf8').split('\n')
      .filter((l) => l.trim()).map((l) => JSON.parse(l));
  const inputName = (r) => names.get(path.resolve(r.file)) ?? path.basename(r.file);

  const rows = [];
  let met = 0;
  let goals = 0;
  for (const r of results) {
    const applying = kGoals.filter((g) => g.impl === r.impl && g.op === r.op &&
                                         (!g.input || g.input === inputName(r)));
    const goal = applying.length
        ? { text: applying.map((g) => g.text).join(', ') } : null;
    let verdict = '';
    if (goal) {
      goals += applying.length;
      const passed = applying.filter((g) => g.pass(r)).length;
      met += passed;
      verdict = passed === applying.length ? 'PASS' : 'FAIL';
    }
    if (r.op === 'memory') {
      rows.push([r.impl, r.command ? `peak memory: ${r.command}` : 'peak memory',
                 inputName(r), fmtBytes(r.bytes), '',
                 '', '', `${fmtBytes(r.used_bytes)} = ` +
                 `${(r.used_bytes / r.bytes).toFixed(2)}x`,
                 goal ? goal.text : '', verdict]);
    } else if (r.bytes > 0) {
      rows.push([r.impl, r.op, inputName(r), fmtBytes(r.bytes), r.runs,
                 fmtTime(r.median_s), fmtTime(r.min_s), `${mbps(r).toFixed(1)} MB/s`,
                 goal ? goal.text : '', verdict]);
    } else {
      rows.push([r.impl, r.op, '', '', r.runs, fmtTime(r.median_s),
                 fmtTime(r.min_s), '', '', '']);
    }
  }
  console.log(table(['impl', 'operation', 'input', 'size', 'runs',
                     'median', 'fastest', 'rate', 'goal', ''], rows));
  console.log(`\nrate: MB/s = 10^6 bytes of input per second, of the median ` +
              `run; goals are judged on it.`);
  if (results.some((r) => r.op.endsWith(' (cold)'))) {
    console.log('(cold): each run faults its memory in afresh, as a process ' +
                'that parses once does; the other native rows reuse freed ' +
                'memory, as a long-running process (and WebAssembly, whose ' +
                'memory never shrinks) does.');
  }
  if (results.some((r) => r.impl === 'cli')) {
    console.log('cli: ngxfix as a shell runs it, a new process for every run ' +
                'that reads the file and writes its output to a file ' +
                '(tests/bench/cli_bench.cc); its peak memory is the ' +
                'process\'s peak RSS.');
  }
  const notes = results.filter((r) => r.op === 'memory' && r.impl !== 'cli').map((r) =>
      r.impl === 'native'
          ? `native peak memory (${inputName(r)}): ${r.what}; ` +
            `RSS ${fmtBytes(r.baseline_bytes)} before, ${fmtBytes(r.peak_bytes)} at the peak`
          : `wasm peak memory (${inputName(r)}): ${r.what}; WebAssembly ` +
            `memory ${fmtBytes(r.wasm_memory_bytes)} after; the Node process's ` +
            `peak RSS grew ${fmtBytes(r.process_used_bytes)}`);
  for (const n of notes) console.log(n);
  console.log(`\nGoals met: ${met} of ${goals}` +
              (met < goals ? ' (missed goals are reported, not errors)' : ''));
}

main(process.argv.slice(2));
