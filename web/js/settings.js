// The settings the analysis depends on: the nginx version, and for each
// backend found, what it speaks, with ngxfix's inferred assumption shown
// and a control to correct it.  The user's choices are kept by backend name
// across edits of the text.

import { escapeHtml, part } from './dom.js';
import { kNginxVersions, kProtocols } from './markup.js';

const kSourceText = {
  inferred: 'inferred',
  annotation: 'from a # ngxfix: comment',
  evidence: 'from the error log',
  option: 'set by you',
};

export class Settings {
  #version;
  #backends;
  #chosen = new Map();     // backend name -> protocol the user picked
  #inferred = new Map();   // backend name -> {protocol, assumption} last inferred
  #drawn = '';             // the backends the list shows, as JSON
  #onChange;

  constructor(root, { nginxVersion, onChange }) {
    this.#version = part(root, 'nginx-version');
    this.#backends = part(root, 'backends');
    this.#onChange = onChange;
    const versions = !nginxVersion || kNginxVersions.includes(nginxVersion)
        ? kNginxVersions : [...kNginxVersions, nginxVersion].sort(compareVersions);
    // '' lets the core choose: 1.24.0, or what the configuration needs.
    this.#version.innerHTML = '<option value="">from the configuration</option>' +
        versions.map((v) =>
          `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('');
    this.#version.value = nginxVersion || '';
    this.#version.addEventListener('change', () => this.#onChange());
    this.#backends.addEventListener('change', (event) => {
      const select = event.target.closest('select[data-backend]');
      if (!select) return;
      this.#chosen.set(select.dataset.backend, select.value);
      this.#onChange();
    });
    this.#backends.addEventListener('click', (event) => {
      const reset = event.target.closest('button[data-reset]');
      if (!reset) return;
      this.#chosen.delete(reset.dataset.reset);
      this.#onChange();
    });
  }

  // The analyze() options these settings stand for.
  options() {
    return { nginxVersion: this.#version.value || undefined,
             backends: Object.fromEntries(this.#chosen) };
  }

  // Brings the control of what backend `name` speaks into view and focus.
  focusBackend(name) {
    const select = [...this.#backends.querySelectorAll('select[data-backend]')]
        .find((s) => s.dataset.backend === name);
    if (!select) return;
    select.scrollIntoView({ block: 'center' });
    select.focus();
  }

  // An example's settings replace the user's.
  apply({ nginxVersion, backends = {} }) {
    if (nginxVersion !== undefined) this.#version.value = nginxVersion || '';
    this.#chosen = new Map(Object.entries(backends));
  }

  show(backends) {
    // Typing mostly leaves the backends as they were: 18 selects laid out
    // again for nothing cost a 200-line configuration 10 ms.
    const drawn = JSON.stringify(backends);
    if (drawn === this.#drawn) return;
    this.#drawn = drawn;
    if (backends.length === 0) {
      this.#backends.innerHTML = '<p class="nx-empty">No proxy_pass, grpc_pass or other ' +
                                 '*_pass with a fixed address yet.</p>';
      return;
    }
    for (const b of backends) {
      if (b.source === 'inferred') this.#inferred.set(b.name, b);
    }
    this.#backends.innerHTML = '<ul class="nx-backends">' + backends.map((b, i) => {
      const id = `nx-backend-${i}`;
      const inferred = this.#inferred.get(b.name);
      const why = b.source === 'inferred' ? b.assumption
          : b.source === 'option' && inferred
              ? `ngxfix had assumed ${inferred.protocol}: ${inferred.assumption}` : '';
      return `<li class="nx-backend" data-backend-row="${escapeHtml(b.name)}">
        <label for="${id}"><code>${escapeHtml(b.name)}</code>
          <span class="nx-muted">(${escapeHtml(b.directive)}, line ${b.line})</span> speaks</label>
        <select id="${id}" data-backend="${escapeHtml(b.name)}"
                data-testid="backend-protocol">${kProtocols.map(([value, label]) =>
          `<option value="${value}"${value === b.protocol ? ' selected' : ''}>${
              escapeHtml(label)}</option>`).join('')}</select>
        <span class="nx-source nx-source-${escapeHtml(b.source)}">${
            escapeHtml(kSourceText[b.source] || b.source)}</span>
        ${b.source === 'option' ? `<button type="button" class="nx-link" data-reset="${
            escapeHtml(b.name)}">use ngxfix's guess</button>` : ''}
        ${why ? `<p class="nx-assumption">${escapeHtml(why)}</p>` : ''}
      </li>`;
    }).join('') + '</ul>';
  }
}

function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; ++i) {
    if (pa[i] !== pb[i]) return (pa[i] || 0) - (pb[i] || 0);
  }
  return 0;
}
