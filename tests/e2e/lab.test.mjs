// The incident lab: for each scenario (scenarios.mjs), real nginx in front
// of a real backend shows the failure and logs its error line; then
// `ngxfix fix --backend ...` rewrites the configuration, nginx accepts it
// and the request gets the backend's answer.  Scenarios run concurrently:
// each has its own prefix, ports and backend.  Each scenario's error log is
// diagnosed (`ngxfix diagnose`) to the scenario's cause.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {freePort, labMissing, makeCertificate, nginxConf, ngxfix, startNginx,
        tempDir} from './lab.mjs';
import {failures} from './failures.mjs';
import {scenarios} from './scenarios.mjs';

const missing = labMissing();
const shared = {};

before(async () => {
  if (missing) return;
  shared.dir = tempDir('shared');
  shared.certificate = await makeCertificate(shared.dir, 'localhost');
  shared.otherCertificate = await makeCertificate(shared.dir, 'other.test');
});

after(() => {
  if (shared.dir) fs.rmSync(shared.dir, {recursive: true, force: true});
});

// The scenario's error log, diagnosed with its configuration: its cause
// (nothing when nginx logged nothing), every line known, linked to the
// *_pass directive when nginx logged the upstream.
async function diagnoseLog(scenario, logFile, confFile) {
  const result = await ngxfix(['diagnose', logFile, '--config', confFile, '--format', 'json']);
  const causes = [scenario.cause ?? []].flat();
  assert.equal(result.code, causes.length ? 1 : 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.deepEqual(json.diagnoses.map((d) => d.cause), causes);
  assert.equal(json.unknown.count, 0, JSON.stringify(json.unknown.lines));
  for (const diagnosis of json.diagnoses) {
    // Linked to the *_pass that sent there, unless nginx logged no upstream.
    const linked = diagnosis.upstream && !diagnosis.upstream.includes('$') ? 1 : 0;
    assert.equal(diagnosis.config.length, linked, JSON.stringify(diagnosis));
  }
}

async function runScenario(t, scenario) {
  const dir = tempDir([scenario.cause ?? 'none'].flat()[0]);
  const backend = await scenario.startBackend({certificate: shared.certificate});
  t.after(async () => {
    await backend.close();
    fs.rmSync(dir, {recursive: true, force: true});
  });
  const ctx = {port: await freePort(), backend, certificate: shared.certificate,
               otherCertificate: shared.otherCertificate};
  const conf = nginxConf(scenario.http(ctx));
  const confFile = path.join(dir, 'nginx.conf');
  fs.writeFileSync(confFile, conf);

  // The failure, as the user sees it, and nginx's error line.
  const broken = await startNginx(path.join(dir, 'broken'), conf, ctx.port);
  let errorLog;
  if (scenario.refused) {
    assert.equal(broken.ok, false, 'nginx accepted the broken configuration');
    errorLog = broken.output;
  } else {
    assert.ok(broken.ok, `nginx refused the broken configuration:\n${broken.output}`);
    try {
      scenario.broken(await scenario.request(ctx));
      if (scenario.accessLog) {
        const accessLog = broken.accessLog();
        assert.match(accessLog, scenario.accessLog);
        const accessFile = path.join(dir, 'access.log');
        fs.writeFileSync(accessFile, accessLog);
        await diagnoseLog({...scenario, cause: scenario.accessCause}, accessFile, confFile);
      }
    } finally {
      await broken.stop();
    }
    errorLog = broken.errorLog();
  }
  if (scenario.log) {
    assert.match(errorLog, scenario.log);
  } else {
    assert.doesNotMatch(errorLog, /\[(error|crit|alert|emerg)\]/);
  }
  const logFile = path.join(dir, 'error.log');
  fs.writeFileSync(logFile, errorLog);
  await diagnoseLog(scenario, logFile, confFile);

  if (scenario.diagnoseOnly) return;
  // ngxfix names the mismatch, then its own fix serves the same request.
  const options = ['--nginx-version', '1.22.1',
                   ...(scenario.fixFromLog ? ['--evidence', logFile]
                                           : ['--backend', scenario.backendOption(ctx)])];
  const check = await ngxfix(['check', confFile, '--format', 'json', ...options]);
  const rules = JSON.parse(check.stdout).findings.map((f) => f.rule);
  assert.ok(rules.includes(scenario.rule), `check found ${rules.join(', ')}`);
  const fix = await ngxfix(['fix', confFile, ...options]);
  assert.equal(fix.code, 0, `ngxfix fix failed: ${fix.stderr}`);
  if (scenario.noFix) {
    assert.equal(fix.stdout, conf, 'ngxfix fix changed a configuration it cannot fix');
    return;
  }
  assert.notEqual(fix.stdout, conf, 'ngxfix fix changed nothing');
  const fixed = await startNginx(path.join(dir, 'fixed'), fix.stdout, ctx.port);
  assert.ok(fixed.ok, `nginx refused the fixed configuration:\n${fixed.output}\n` +
                      `--- fixed configuration:\n${fix.stdout}`);
  try {
    const request = scenario.fixedRequest ?? scenario.request;
    scenario.fixed(await request(ctx));
  } finally {
    await fixed.stop();
  }
  assert.doesNotMatch(fixed.errorLog(), /\[(error|crit|alert|emerg)\]/);
}

// Six scenarios at a time: enough to finish well inside CI's budget, few
// enough that a loaded 2-core machine answers each request in time.
const PARALLEL = 6;

test('incident lab', {skip: missing || false, concurrency: PARALLEL}, async (t) => {
  await Promise.all([...scenarios, ...failures].map(
      (scenario) => t.test(scenario.name, (st) => runScenario(st, scenario))));
});
