// The error-log panel: what the pasted log lines mean (ngxfix diagnose's
// causes, each with its count, status, the *_pass it concerns and the rules
// that fix it), shown beside the findings.  The log also feeds the analyzer
// as evidence, so the findings and the fix already take it into account.

import { escapeHtml, part } from './dom.js';

export class DiagnosesView {
  #input;
  #list;
  #section;

  // onChange() runs when the log is edited.
  constructor(root, { onChange }) {
    this.#input = part(root, 'error-log');
    this.#list = part(root, 'diagnoses');
    this.#section = part(root, 'diagnoses-section');
    this.#input.addEventListener('input', () => onChange());
  }

  get log() { return this.#input.value; }

  show(result) {
    const d = result.diagnoses;
    this.#section.hidden = !d;
    if (!d) return;
    if (d.diagnoses.length === 0 && d.unknown.count === 0) {
      this.#list.innerHTML = '<p class="nx-empty">No error-log lines yet.</p>';
      return;
    }
    let html = `<ol class="nx-findings">`;
    for (const c of d.diagnoses) {
      const where = c.config.map((link) =>
          `<code>${escapeHtml(link.directive)} ${escapeHtml(link.url)}</code> (line ${link.line})`)
          .join(', ');
      html += `
      <li class="nx-finding nx-diagnosis" data-cause="${escapeHtml(c.cause)}">
        <div class="nx-finding-head">
          <span class="nx-badge">${escapeHtml(c.status === '-' ? 'no start' : c.status)}</span>
          <code class="nx-rule">${escapeHtml(c.cause)}</code>
          <span>${c.count} line${c.count === 1 ? '' : 's'}, first at log line ${c.first_line}</span>
        </div>
        <p class="nx-message"><code>${escapeHtml(c.message)}</code>${
            c.upstream ? ` (upstream <code>${escapeHtml(c.upstream)}</code>)` : ''}</p>
        <p class="nx-why">${escapeHtml(c.explanation)}</p>
        ${where ? `<p>Sent there by ${where}.</p>` : ''}
        ${c.rules.length ? `<p class="nx-fix-state">Rules: ${
            c.rules.map((r) => `<code>${escapeHtml(r)}</code>`).join(', ')}</p>` : ''}
      </li>`;
    }
    html += '</ol>';
    if (d.unknown.count > 0) {
      html += `<p class="nx-muted">${d.unknown.count} line${d.unknown.count === 1 ? '' : 's'}
        with no known cause: ${d.unknown.lines.map((l) => `line ${l.line}`).join(', ')}.</p>`;
    }
    this.#list.innerHTML = html;
  }
}
