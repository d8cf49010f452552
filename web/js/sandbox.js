// The sandbox: puts the markup into `root` (a page element or a shadow
// root), wires the editor, settings, findings, diff and redaction views to
// an engine (engine.js), and re-analyzes on every change: typing after a
// pause (debounced), pastes, drops, examples and settings at once.
//
// The result (findings and diff) is drawn first, the other panels
// (settings, redaction, LLM) once the browser is idle after the frame that
// shows it: drawn together they doubled the time to the result.
//
// The root element gets data-revision (one more per result shown) and
// data-state: "analyzing", "drawing" (the result is shown, the other panels
// are not yet), "ready" (everything is), "failed".  Tests and the benchmark
// wait on them.

import { announce, part } from './dom.js';
import { DiagnosesView } from './diagnoses.js';
import { DiffView } from './diff-view.js';
import { Editor } from './editor.js';
import { loadExamples, showExamples } from './examples.js';
import { FindingsView } from './findings.js';
import { LlmPanel } from './llm.js';
import { kMarkup } from './markup.js';
import { RedactionView } from './redaction.js';
import { Settings } from './settings.js';

const kDebounceMs = 150;
const kIdleWaitMs = 200;  // the other panels wait for an idle moment at most this long

// Runs `fn` once the browser is idle (after the next frame); Safari has no
// requestIdleCallback.
const whenIdle = globalThis.requestIdleCallback
    ? (fn) => requestIdleCallback(fn, { timeout: kIdleWaitMs })
    : (fn) => setTimeout(fn, 0);

// options: {engine, assetBase (URL of the static files), nginxVersion}.
// Resolves once the examples are in place.
export async function mountSandbox(root, { engine, assetBase, nginxVersion = '' }) {
  const container = document.createElement('div');
  container.innerHTML = kMarkup;
  const app = container.firstElementChild;
  root.append(app);
  app.dataset.state = 'ready';
  app.dataset.revision = '0';

  const status = part(app, 'status');
  const findings = new FindingsView(app, {
    onJump: (at) => editor.jumpTo(at),
    onBackend: (name) => settings.focusBackend(name),
  });
  const diff = new DiffView(app);
  const redaction = new RedactionView(app, { onChange: () => analyzeSoon() });
  const llm = new LlmPanel(part(app, 'llm'), { engine });
  const settings = new Settings(app, { nginxVersion, onChange: () => analyze() });
  let timer = 0;
  // Typing waits for a pause (analyze() clears the timer it replaces).
  const analyzeSoon = () => {
    clearTimeout(timer);
    llm.outdated();
    timer = setTimeout(analyze, kDebounceMs);
  };
  const diagnoses = new DiagnosesView(app, { onChange: analyzeSoon });
  const options = () => ({ ...settings.options(), ...redaction.words(),
                           errorLog: diagnoses.log });
  const editor = new Editor(app, {
    onChange: ({ immediate }) => (immediate ? analyze() : analyzeSoon()),
  });
  part(app, 'file').addEventListener('change', (event) => {
    const file = event.target.files[0];
    if (file) editor.loadFile(file);
  });

  // Analyzes the paste area's text and shows the result.
  async function analyze() {
    const text = editor.value;
    clearTimeout(timer);
    app.dataset.state = 'analyzing';
    status.textContent = 'Checking…';
    llm.outdated();
    const asked = options();
    let answer;
    try {
      answer = await engine.analyze(text, asked);
    } catch (e) {
      app.dataset.state = 'failed';
      status.textContent = `ngxfix failed: ${e.message}`;
      editor.fill();
      return;
    }
    if (answer === null) return;  // a newer request replaced this one
    const { result, ms } = answer;
    editor.setAnalysis(text, result.tokens, [
      ...result.findings.map((f) => ({ at: f.at, severity: f.severity,
                                       title: `${f.rule}: ${f.message}` })),
      ...result.syntax_errors.map((e) => ({ at: e.at, severity: 'syntax',
                                            title: `syntax ${e.severity}: ${e.message}` })),
    ]);
    const lineOf = (at) => editor.lineOf(at);
    findings.show(result, lineOf);
    diff.show(result);
    const errors = result.syntax_errors.filter((e) => e.severity === 'error').length;
    status.textContent = `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}` +
        (errors ? `, ${errors} syntax error${errors === 1 ? '' : 's'}` : '') +
        ` · nginx ${result.nginx_version} · checked in ${Math.round(ms)} ms, in this page`;
    app.dataset.state = 'drawing';
    const shown = String(Number(app.dataset.revision) + 1);
    app.dataset.revision = shown;
    whenIdle(() => {
      if (app.dataset.revision !== shown || app.dataset.state !== 'drawing') return;  // newer text
      diagnoses.show(result);
      settings.show(result.backends);
      redaction.show(result.redaction);
      llm.show(text, result, asked);
      app.dataset.state = 'ready';
      editor.fill();  // a big text, now that its result is on screen
    });
  }

  findings.clear('Paste a configuration to check it.');
  try {
    const examples = await loadExamples(assetBase, root);
    showExamples(app, examples, (example) => {
      settings.apply(example.settings || {});
      editor.setValue(example.text);
    });
  } catch (e) {
    announce(status, `The examples did not load: ${e.message}`, 8000);
  }
  return { app, analyze };
}
