// The redacted view: the user's own words to hide or keep, what was
// replaced, by kind, and a preview of the redacted configuration, which is
// what may be shown to anyone else.  When the module has no redaction, the
// view says so and shows no text at all: unredacted text is never labelled
// "redacted".

import { announce, copyText, escapeHtml, part } from './dom.js';

// Lines of the preview: a 1.3 MB configuration laid out twice (paste area
// and preview) would cost the browser seconds.  "Copy redacted config"
// copies all of it.
const kPreviewLines = 400;

// "acme, billing team," -> ["acme", "billing team"]
function wordList(text) {
  return text.split(',').map((w) => w.trim()).filter(Boolean);
}

export class RedactionView {
  #report;
  #preview;
  #copy;
  #config = null;  // the whole redacted configuration, when there is one
  #sensitive;
  #keep;

  // onChange() runs when the user's words change.
  constructor(root, { onChange }) {
    this.#report = part(root, 'redaction-report');
    this.#preview = part(root, 'redacted-preview');
    this.#copy = part(root, 'copy-redacted');
    const notice = part(root, 'redaction-notice');
    this.#sensitive = part(root, 'sensitive-words');
    this.#keep = part(root, 'keep-words');
    for (const input of [this.#sensitive, this.#keep]) {
      input.addEventListener('input', () => onChange());
    }
    this.#copy.addEventListener('click', async () => {
      if (this.#config === null) return;
      const ok = await copyText(this.#config);
      announce(notice, ok ? 'Redacted configuration copied.'
                          : 'The clipboard is not available here.');
    });
  }

  // The analyze() options of the user's words.
  words() {
    return { sensitiveWords: wordList(this.#sensitive.value),
             keepWords: wordList(this.#keep.value) };
  }

  show(redaction) {
    this.#config = redaction.available ? redaction.config : null;
    this.#copy.disabled = !redaction.available;
    if (!redaction.available) {
      this.#report.innerHTML = `<p class="nx-warning" data-testid="redaction-unavailable">
        Redaction unavailable: ${escapeHtml(redaction.reason)}. Nothing on this page is
        redacted; do not share it.</p>`;
      this.#preview.textContent = '';
      this.#preview.hidden = true;
      return;
    }
    this.#preview.hidden = false;
    const items = redaction.report;
    if (items.length === 0) {
      this.#report.innerHTML = '<p class="nx-empty">Nothing needed redacting.</p>';
    } else {
      const byKind = new Map();
      for (const item of items) byKind.set(item.kind, (byKind.get(item.kind) || 0) + 1);
      this.#report.innerHTML =
          `<p class="nx-summary">${[...byKind].map(([k, n]) => `${n} ${escapeHtml(k)}`)
              .join(', ')} replaced.</p>
          <table class="nx-redaction-table"><thead><tr><th scope="col">Kind</th>
            <th scope="col">Found by</th><th scope="col">Replaced by</th>
            <th scope="col">First at</th><th scope="col">Times</th></tr></thead><tbody>` +
          items.map((item) => `<tr><td>${escapeHtml(item.kind)}</td>
            <td>${escapeHtml(item.detector)}</td><td><code>${escapeHtml(item.placeholder)}</code></td>
            <td>${item.line}:${item.column}</td><td>${item.count}</td></tr>`).join('') +
          '</tbody></table>';
    }
    const lines = redaction.config.split('\n');
    this.#preview.textContent = lines.length > kPreviewLines
        ? `${lines.slice(0, kPreviewLines).join('\n')}\n… ${lines.length - kPreviewLines} more ` +
          'lines: "Copy redacted config" copies all of them.'
        : redaction.config;
  }

}
