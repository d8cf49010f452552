// The sandbox: puts the markup into `root` (a page element or a shadow
// root), wires the editor, settings, findings, diff and redaction views to
// an engine (engine.js), and re-analyzes on every change: typing after a
// pause (debounced), pastes, drops, examples and settings at once.
//
// The root element gets data-state ("loading", "analyzing", "ready",
// "failed") and data-revision (one more per result shown): tests and the
// benchmark wait on them.

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

// options: {engine, assetBase (URL of the static files), nginxVersion}.
// Resolves once the examples are in place.
export async function mountSandbox(root, { engine, assetBase, nginxVersion = '1.24.0' }) {
  const container = document.createElement('div');
  container.innerHTML = kMarkup;
  const app = container.firstElementChild;
  root.append(app);
  app.dataset.state = 'ready';
  app.dataset.revision = '0';

  const status = part(app, 'status');
  const findings = new FindingsView(app, { onJump: (at) => editor.jumpTo(at) });
  const diff = new DiffView(app);
  const redaction = new RedactionView(app);
  const llm = new LlmPanel(part(app, 'llm'), { engine });
  const settings = new Settings(app, { nginxVersion, onChange: () => analyze() });
  let timer = 0;
  const diagnoses = new DiagnosesView(app, {
    onChange: () => {
      clearTimeout(timer);
      timer = setTimeout(analyze, kDebounceMs);
    },
  });
  const options = () => ({ ...settings.options(), errorLog: diagnoses.log });
  const editor = new Editor(app, {
    onChange: ({ immediate }) => {
      clearTimeout(timer);
      if (immediate) analyze();
      else timer = setTimeout(analyze, kDebounceMs);
    },
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
    let answer;
    try {
      answer = await engine.analyze(text, options());
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
    diagnoses.show(result);
    settings.show(result.backends);
    diff.show(result);
    redaction.show(result.redaction);
    llm.show(text, result, settings.options());
    const errors = result.syntax_errors.filter((e) => e.severity === 'error').length;
    status.textContent = `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}` +
        (errors ? `, ${errors} syntax error${errors === 1 ? '' : 's'}` : '') +
        ` · nginx ${result.nginx_version} · checked in ${Math.round(ms)} ms, in this page`;
    app.dataset.state = 'ready';
    app.dataset.revision = String(Number(app.dataset.revision) + 1);
    editor.fill();  // a big text, now that its result is on screen
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
