// `ngxfix check --format sarif` writes SARIF 2.1.0 that is valid against the
// published schema and that GitHub code scanning accepts: for every fixture
// under tests/rules and every corpus file, and for file names that are not
// plain paths (stdin, relative, spaces, '#', '%', ':', UTF-8, nginx -T dumps).
//
// Two validators, both installed from npm through package.json (pinned, with
// package-lock.json; scripts/test's setup step runs npm ci):
//
// - Ajv (JSON Schema, with ajv-formats for "uri", "uri-reference", ...)
//   against sarif-2.1.0.json, the SARIF 2.1.0 schema that Microsoft's SARIF
//   Multitool package (@microsoft/sarif-multitool-linux) ships.  That file is
//   Microsoft's copy of the OASIS schema (sarif-schema-2.1.0.json, errata01):
//   it declares JSON Schema 2020-12 instead of draft-04 and has no id.  For
//   the properties that our logs hold, one constraint differs from OASIS's:
//   region lacks the anyOf (startLine | charOffset | byteOffset), which the
//   checks below and the Multitool's SARIF1007 make up for.  Elsewhere runs
//   may not be null, GUIDs are format "uuid" instead of a pattern, and
//   artifact roles admit three more values that the spec's text lists.
//   Every keyword it uses means the same in draft-04, draft-07 and 2020-12.
//
// - The SARIF Multitool's own `validate` (a self-contained Linux binary in
//   the same package; no .NET needed): the schema again, the spec's SHALL
//   rules (SARIF1xxx, errors), its advice (SARIF2xxx, warnings), and with
//   --rule-kind Ghas the rules of GitHub code scanning (GHxxxx).  Errors fail
//   the test; warnings are printed as diagnostics.  Its quirks, handled here:
//     * it skips a log that it cannot deserialize (e.g. a result whose level
//       is "info") without a word, and every log after it in the same run,
//       and still reports success: so it only gets logs that Ajv accepted,
//       and with --insert Hashes it lists the logs it read (run.artifacts),
//       which must be all of them;
//     * rule SARIF2006 fetches every URI in the log over the network: a
//       policy file turns it off (tests reach no network);
//     * DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 spares it libicu.
//
// Both validators first prove that they reject broken SARIF, so that a
// validator that checks nothing cannot pass the real logs.

import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test as nodeTest } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { corpusDir, corpusFiles, corpusPresent, kNoCorpus, listFiles,
         repoRoot, requireCli } from './support.mjs';

const kNginxVersion = '1.24.0';
const kMultitoolPackage = '@microsoft/sarif-multitool-linux';
const kFixture = path.join(repoRoot, 'tests', 'rules', 'grpc-to-http1-backend',
                           'seed-incident.conf');

// Everything the tests need, loaded once: {cli, validate, multitool, error}.
function setUp() {
  let cli;
  try {
    cli = requireCli();
  } catch (error) {
    return { error };
  }
  const require = createRequire(path.join(repoRoot, 'package.json'));
  let pkg;
  try {
    pkg = path.dirname(require.resolve(`${kMultitoolPackage}/package.json`));
  } catch {
    return { error: new Error(
        `${kMultitoolPackage} is not in ${path.join(repoRoot, 'node_modules')}: ` +
        `install the npm packages first (npm ci, or scripts/test, whose setup ` +
        `step runs it; the package is for Linux only)`) };
  }
  try {
    return { cli, ...loadValidators(require, pkg), error: null };
  } catch (error) {
    return { error };
  }
}

// Ajv with the package's schema, and the Multitool's binary.
function loadValidators(require, pkg) {
  const Ajv2020 = require('ajv/dist/2020').default;
  const addFormats = require('ajv-formats').default;
  const schema = JSON.parse(fs.readFileSync(path.join(pkg, 'sarif-2.1.0.json'), 'utf8'));
  assert.match(schema.title, /SARIF\) Version 2\.1\.0 JSON Schema/);
  // strictSchema: a keyword that Ajv does not know is an error, not ignored.
  // strictRequired and strictTypes are lints of how a schema is written,
  // which the schema's anyOf-of-required (e.g. message: text or id) trips.
  const ajv = new Ajv2020({ allErrors: true, strictSchema: true, strictNumbers: true,
                            strictRequired: false, strictTypes: false });
  addFormats(ajv);
  const multitool = path.join(pkg, 'Sarif.Multitool');
  // The package's postinstall script makes the binary executable; an npm
  // that runs no install scripts leaves it as the tarball has it (0644).
  try {
    fs.accessSync(multitool, fs.constants.X_OK);
  } catch {
    fs.chmodSync(multitool, 0o755);
  }
  return { validate: ajv.compile(schema), multitool };
}

const { cli, validate, multitool, error } = setUp();
nodeTest('the native CLI is built and the npm packages are installed', () => {
  if (error) throw error;
});
const test = (name, options, fn) => {
  if (!fn) [options, fn] = [{}, options];
  return nodeTest(name, { ...options, skip: error ? 'not set up' : options.skip }, fn);
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ngxfix-sarif-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

// Every log that Ajv accepted, by a name to write it under, for the
// Multitool's run at the end.
const validLogs = new Map();

// Runs `ngxfix check --format sarif` on FILE (or on `input` as stdin when
// FILE is "-") and returns the parsed log.
function checkSarif(file, { cwd = repoRoot, input } = {}) {
  const args = ['check', '--format', 'sarif', '--nginx-version', kNginxVersion, file];
  const run = spawnSync(cli, args, { cwd, input, encoding: 'utf8',
                                     maxBuffer: 1 << 30 });
  if (run.error) throw run.error;
  assert.equal(run.signal, null, `the CLI died of ${run.signal} on ${file}`);
  // 0: no finding; 1: findings; 2: syntax errors.  64 is a usage error.
  assert.ok([0, 1, 2].includes(run.status),
            `the CLI exited ${run.status} on ${file}: ${run.stderr}`);
  try {
    return JSON.parse(run.stdout);
  } catch (e) {
    throw new Error(`${file}: the CLI's output is not JSON: ${e.message}`);
  }
}

function schemaErrors(log) {
  if (validate(log)) return [];
  return validate.errors.map(
      (e) => `${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`);
}

// Validates LOG against the schema and checks what code scanning relies on;
// keeps it for the Multitool under NAME.
function assertValidSarif(log, name) {
  const errors = schemaErrors(log);
  assert.deepEqual(errors, [], `${name}: not valid against the SARIF 2.1.0 schema`);
  validLogs.set(name, log);

  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1, 'one run');
  const [run] = log.runs;
  assert.equal(run.tool.driver.name, 'ngxfix');
  const ruleIds = run.tool.driver.rules.map((r) => r.id);
  assert.equal(new Set(ruleIds).size, ruleIds.length, `duplicate rule ids: ${ruleIds}`);
  assert.ok(Array.isArray(run.results), 'run.results is present (a scan, not only rules)');
  for (const [i, result] of run.results.entries()) {
    const where = `${name}: results[${i}] (${result.ruleId})`;
    assert.ok(ruleIds.includes(result.ruleId), `${where}: ruleId not in driver.rules`);
    assert.ok(result.locations?.length >= 1, `${where}: no location`);
    for (const { physicalLocation: p } of result.locations) {
      assert.ok(Number.isInteger(p.region.startLine) && p.region.startLine >= 1,
                `${where}: startLine ${p.region.startLine}`);
      if ('startColumn' in p.region) {
        assert.ok(p.region.startColumn >= 1, `${where}: startColumn ${p.region.startColumn}`);
      }
      const { uri } = p.artifactLocation;
      assert.ok(typeof uri === 'string' && uri.length > 0, `${where}: no uri`);
      // Resolves as a URI reference: an absolute file: URI, or a relative
      // reference that stays below the base (no scheme of its own).
      const resolved = new URL(uri, 'file:///base/');
      assert.equal(resolved.protocol, 'file:', `${where}: ${uri}`);
      if (!/^file:/.test(uri)) {
        assert.ok(resolved.pathname.startsWith('/base/') || uri.startsWith('..'),
                  `${where}: ${uri} is a relative reference that does not resolve ` +
                  `below its base (an absolute path belongs in a file: URI)`);
      }
    }
  }
  return run;
}

// The path each result's uri names: a file: URI's path, or the decoded
// relative reference.
function resultPaths(run) {
  return run.results.map((r) => {
    const { uri } = r.locations[0].physicalLocation.artifactLocation;
    return uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri);
  });
}

function runMultitool(files, output) {
  const policy = path.join(work, 'policy.json');
  fs.writeFileSync(policy, JSON.stringify({
    'SARIF2006.UrisShouldBeReachable.Options': { RuleEnabled: 'Disabled' },
  }));
  const args = ['validate', ...files, '--rule-kind', 'Sarif;Ghas', '--config', policy,
                '--insert', 'Hashes', '--output', output, '--log', 'ForceOverwrite'];
  const env = { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' };
  return new Promise((resolve, reject) => {
    execFile(multitool, args, { env, maxBuffer: 1 << 28, encoding: 'utf8' },
             (err, stdout, stderr) => {
      if (!fs.existsSync(output)) {
        reject(new Error(`the SARIF Multitool wrote no log (${err?.message ?? 'exit 0'}):\n` +
                         `${stdout}\n${stderr}`));
        return;
      }
      const log = JSON.parse(fs.readFileSync(output, 'utf8').replace(/^\uFEFF/, ''));
      const [run] = log.runs;
      const invocation = run.invocations?.[0] ?? {};
      const notes = (invocation.toolExecutionNotifications ?? []).map((n) => n.message.text);
      if (invocation.executionSuccessful !== true) {
        reject(new Error(`the SARIF Multitool failed: ${notes.join('; ')}\n${stdout}\n${stderr}`));
        return;
      }
      resolve(run);
    });
  });
}

// The Multitool's findings as {file, ruleId, level, text}.
function multitoolFindings(run) {
  const rules = run.tool.driver.rules ?? [];
  return (run.results ?? []).map((r) => {
    const rule = rules[r.ruleIndex] ?? rules.find((x) => x.id === r.ruleId) ?? {};
    let text = r.message.text ?? rule.messageStrings?.[r.message.id]?.text ?? r.message.id;
    (r.message.arguments ?? []).forEach((arg, i) => { text = text.replaceAll(`{${i}}`, arg); });
    const loc = r.locations?.[0]?.physicalLocation?.artifactLocation ?? {};
    const uri = loc.uri ?? run.artifacts?.[loc.index]?.location?.uri;
    const level = r.level ?? rule.defaultConfiguration?.level ?? 'warning';
    return { file: uri ? path.basename(fileURLToPath(uri)) : '?', ruleId: r.ruleId,
             level, text };
  });
}

// The paths of the logs that the Multitool read.
function multitoolRead(run) {
  return (run.artifacts ?? []).map((a) => path.basename(fileURLToPath(a.location.uri)));
}

test('the validators reject broken SARIF', async () => {
  const good = checkSarif(kFixture);
  assert.deepEqual(schemaErrors(good), []);
  assert.ok(good.runs[0].results.length >= 2, 'the fixture has findings');
  const broken = {
    // Ajv and the Multitool's schema check (JSON1008).
    'start-line-0': (log) => { log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0; },
    // Both (JSON1005).
    'unknown-property': (log) => { log.runs[0].tool.driver.bogus = 1; },
    // Ajv's uri-reference format and the Multitool's SARIF1002.
    'not-a-uri': (log) => {
      log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '<stdin>';
    },
    // The Multitool only (SARIF1004): valid for the schema, not for the spec.
    'absolute-path': (log) => {
      log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '/etc/nginx/nginx.conf';
    },
    // Ajv only: the Multitool cannot read this log, and says nothing.
    'unknown-level': (log) => { log.runs[0].results[0].level = 'info'; },
  };
  const logs = {};
  for (const [name, mutate] of Object.entries(broken)) {
    logs[name] = structuredClone(good);
    mutate(logs[name]);
  }
  assert.deepEqual(
      Object.keys(logs).filter((name) => schemaErrors(logs[name]).length > 0),
      ['start-line-0', 'unknown-property', 'not-a-uri', 'unknown-level'],
      'Ajv rejects the logs that break the schema');

  const dir = fs.mkdtempSync(path.join(work, 'broken-'));
  // The unreadable log last: the Multitool stops reading at it.
  const files = Object.keys(broken).map((name) => {
    const file = path.join(dir, `${name}.sarif`);
    fs.writeFileSync(file, JSON.stringify(logs[name], null, 2));
    return file;
  });
  const run = await runMultitool(files, path.join(dir, 'validation.sarif'));
  const errors = {};
  for (const f of multitoolFindings(run).filter((x) => x.level === 'error')) {
    (errors[f.file] ??= new Set()).add(f.ruleId);
  }
  assert.ok(errors['start-line-0.sarif']?.has('JSON1008'), JSON.stringify(multitoolFindings(run)));
  assert.ok(errors['unknown-property.sarif']?.has('JSON1005'));
  assert.ok(errors['not-a-uri.sarif']?.has('SARIF1002'));
  assert.ok(errors['absolute-path.sarif']?.has('SARIF1004'));
  // What --insert Hashes shows: the unreadable log is missing from the list.
  assert.deepEqual(multitoolRead(run).sort(),
                   ['absolute-path.sarif', 'not-a-uri.sarif', 'start-line-0.sarif',
                    'unknown-property.sarif']);
});

const fixtures = error ? [] : listFiles(path.join(repoRoot, 'tests', 'rules'))
    .filter((f) => f.endsWith('.conf'));

describe('fixtures: tests/rules/**/*.conf', () => {
  test('there are fixtures', () => assert.ok(fixtures.length > 0));
  for (const file of fixtures) {
    const name = path.relative(path.join(repoRoot, 'tests', 'rules'), file);
    test(name, () => {
      const run = assertValidSarif(checkSarif(file), `fixtures/${name}`);
      // Given an absolute path, every result names that file by its file: URI.
      for (const p of resultPaths(run)) assert.equal(p, file);
    });
  }
});

describe('corpus', { skip: !error && !corpusPresent() && kNoCorpus }, () => {
  const files = !error && corpusPresent() ? corpusFiles() : [];
  for (const file of files) {
    const name = path.relative(corpusDir, file);
    test(name, () => {
      const run = assertValidSarif(checkSarif(file), `corpus/${name}`);
      for (const p of resultPaths(run)) assert.equal(p, file);
    });
  }
});

describe('file names that are not plain paths', () => {
  const text = error ? '' : fs.readFileSync(kFixture, 'utf8');
  const names = ['site #1 (copy) 100%.conf', 'été:ü.conf', 'a b/c?d.conf'];

  test('relative paths', () => {
    const dir = fs.mkdtempSync(path.join(work, 'names-'));
    for (const name of names) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
      const run = assertValidSarif(checkSarif(name, { cwd: dir }), `relative ${name}`);
      assert.ok(run.results.length > 0);
      for (const r of run.results) {
        const { uri } = r.locations[0].physicalLocation.artifactLocation;
        assert.equal(decodeURIComponent(uri), name);
        // Relative to the directory the CLI ran in, it names the file.
        assert.equal(fileURLToPath(new URL(uri, pathToFileURL(dir + path.sep))),
                     path.join(dir, name));
      }
    }
  });

  test('absolute paths', () => {
    const dir = fs.mkdtempSync(path.join(work, 'names-'));
    for (const name of names) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      const run = assertValidSarif(checkSarif(file), `absolute ${name}`);
      assert.ok(run.results.length > 0);
      for (const p of resultPaths(run)) assert.equal(p, file);
    }
  });

  test('stdin', () => {
    const run = assertValidSarif(checkSarif('-', { input: text }), 'stdin');
    assert.ok(run.results.length > 0);
    for (const p of resultPaths(run)) assert.equal(p, '<stdin>');
  });

  test('an nginx -T dump names its files', () => {
    const site = '/etc/nginx/conf.d/my site #1.conf';
    const dump = '# configuration file /etc/nginx/nginx.conf:\n' +
                 'events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n\n' +
                 `# configuration file ${site}:\n${text}\n`;
    const run = assertValidSarif(checkSarif('-', { input: dump }), 'nginx -T dump');
    assert.ok(run.results.length > 0);
    for (const p of resultPaths(run)) assert.equal(p, site);
  });
});

test('the SARIF Multitool validates every log (schema, spec, GitHub code scanning)',
     { timeout: 10 * 60 * 1000 }, async (t) => {
  assert.ok(validLogs.size > 0, 'no log to validate');
  const dir = fs.mkdtempSync(path.join(work, 'logs-'));
  const files = [];
  for (const [name, log] of validLogs) {
    const file = path.join(dir, `${files.length}.sarif`);
    fs.writeFileSync(file, JSON.stringify(log, null, 2));
    files.push(file);
  }
  const names = [...validLogs.keys()];
  const nameOf = (file) => names[Number.parseInt(file, 10)] ?? file;
  const run = await runMultitool(files, path.join(work, 'validation.sarif'));

  const read = new Set(multitoolRead(run));
  const unread = files.map((f) => path.basename(f)).filter((f) => !read.has(f));
  assert.deepEqual(unread.map(nameOf), [], 'logs the Multitool did not read');

  const findings = multitoolFindings(run);
  const line = (f) => `${nameOf(f.file)}: ${f.level} ${f.ruleId}: ${f.text}`;
  const byRule = new Map();
  for (const f of findings.filter((x) => x.level !== 'error')) {
    byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  }
  for (const [ruleId, list] of byRule) {
    t.diagnostic(`${list.length} log(s) with ${list[0].level} ${ruleId}, e.g. ${line(list[0])}`);
  }
  const errors = findings.filter((x) => x.level === 'error');
  if (errors.length > 0) {
    const counts = {};
    for (const f of errors) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    assert.fail(`the SARIF Multitool reports ${errors.length} errors ` +
                `(${Object.entries(counts).map(([id, n]) => `${id} x${n}`).join(', ')}), ` +
                `among them:\n${errors.slice(0, 20).map(line).join('\n')}`);
  }
  t.diagnostic(`the SARIF Multitool read ${read.size} logs`);
});
