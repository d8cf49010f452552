// The findings list: severity, rule, line (a button that jumps there), what
// breaks, why, the fix, the nginx version it is for and the versions its
// rule concerns; syntax errors get a list of their own, at their line and
// column.  Long lists are drawn a page at a time: a 1.3 MB configuration
// can have thousands of findings.

import { escapeHtml, part } from './dom.js';

const kPage = 100;
// Longer lists are laid out lazily (ngxfix.css): for a short one the lazy
// layout is a second layout pass in the frame that shows the result.
const kLazyFrom = 20;

export class FindingsView {
  #list;
  #syntax;
  #onJump;
  #onBackend;
  #shown = kPage;
  #last = null;

  // onJump(at) moves the editor to UTF-16 offset `at`; onBackend(name)
  // shows the setting of what backend `name` speaks.
  constructor(root, { onJump, onBackend }) {
    this.#list = part(root, 'findings');
    this.#syntax = part(root, 'syntax-errors');
    this.#onJump = onJump;
    this.#onBackend = onBackend;
    for (const el of [this.#list, this.#syntax]) {
      el.addEventListener('click', (event) => {
        const jump = event.target.closest('[data-at]');
        if (jump) this.#onJump(Number(jump.dataset.at));
        const backend = event.target.closest('[data-backend-setting]');
        if (backend) this.#onBackend(backend.dataset.backendSetting);
        if (event.target.closest('[data-role="more"]')) {
          this.#shown += kPage * 10;
          this.#draw();
        }
      });
    }
  }

  // `lineOf(at)` gives the line in the editor, which differs from the
  // file's own line in an nginx -T dump.
  show(result, lineOf) {
    if (this.#last?.result !== result) this.#shown = kPage;
    this.#last = { result, lineOf };
    this.#draw();
  }

  clear(message) {
    this.#last = null;
    this.#list.innerHTML = `<p class="nx-empty">${escapeHtml(message)}</p>`;
    this.#syntax.innerHTML = '';
  }

  #draw() {
    const { result, lineOf } = this.#last;
    const where = (item) => {
      const file = item.file && item.file !== 'nginx.conf' ? `${item.file}:` : '';
      return `${file}${item.line}:${item.column}`;
    };
    this.#syntax.innerHTML = result.syntax_errors.map((e) => `
      <li class="nx-syntax-${escapeHtml(e.severity)}">
        <button type="button" class="nx-link" data-at="${e.at}"
                aria-label="Go to line ${lineOf(e.at)}">${escapeHtml(where(e))}</button>
        syntax ${escapeHtml(e.severity)}: ${escapeHtml(e.message)}
      </li>`).join('');

    const findings = result.findings;
    // Without a chosen version, the one judged is an assumption: say which.
    const version = result.nginx_version_assumption
      ? `<p class="nx-version-note">${escapeHtml(result.nginx_version_assumption)}.</p>`
      : '';
    if (findings.length === 0) {
      this.#list.innerHTML = `<p class="nx-empty">No findings for nginx ${
          escapeHtml(result.nginx_version)}.</p>${version}`;
      return;
    }
    const counts = ['error', 'warning', 'info']
        .map((s) => [s, findings.filter((f) => f.severity === s).length])
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`).join(', ');
    let html = `<p class="nx-summary">${counts}, for nginx ${
        escapeHtml(result.nginx_version)}.</p>${version}<ol class="nx-findings${
        findings.length >= kLazyFrom ? ' nx-findings-lazy' : ''}">`;
    for (const f of findings.slice(0, this.#shown)) {
      html += `
      <li class="nx-finding nx-sev-${escapeHtml(f.severity)}" data-rule="${escapeHtml(f.rule)}">
        <div class="nx-finding-head">
          <span class="nx-badge">${escapeHtml(f.severity)}</span>
          <code class="nx-rule">${escapeHtml(f.rule)}</code>
          <button type="button" class="nx-link" data-at="${f.at}"
                  aria-label="Go to line ${lineOf(f.at)}">line ${escapeHtml(where(f))}</button>
        </div>
        <p class="nx-message">${escapeHtml(f.message)}</p>
        <p class="nx-why">${escapeHtml(f.explanation)}</p>
        ${f.assumption ? `<p class="nx-assumption"><strong>Assumption:</strong> ${
            escapeHtml(f.assumption)}.${f.assumed_backend ? ` <button type="button"
            class="nx-link" data-backend-setting="${escapeHtml(f.assumed_backend)}">Not so?
            Set what ${escapeHtml(f.assumed_backend)} speaks</button>` : ''}</p>` : ''}
        <p class="nx-fix-state">${f.fix
            ? `Fixed in the diff below, for nginx ${escapeHtml(result.nginx_version)}.`
            : 'No automatic fix.'} The rule concerns nginx versions: ${
            escapeHtml(f.versions)}.</p>
      </li>`;
    }
    html += '</ol>';
    if (findings.length > this.#shown) {
      html += `<button type="button" class="nx-button" data-role="more">Show ${
          Math.min(kPage * 10, findings.length - this.#shown)} more of ${
          findings.length - this.#shown}</button>`;
    }
    this.#list.innerHTML = html;
  }
}
