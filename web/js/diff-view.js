// The fix as a diff, unified or side by side, with the user's real values
// (and, when asked, the redacted diff instead); copy the patch, download it
// as a .patch file, copy the whole fixed configuration.

import { announce, copyText, download, escapeHtml, part } from './dom.js';

const kMaxLines = 5000;  // drawn; the patch and the copies are always whole

export class DiffView {
  #root;
  #real;
  #redacted;
  #notice;
  #result = null;

  constructor(root) {
    this.#root = root;
    this.#real = part(root, 'diff');
    this.#redacted = part(root, 'diff-redacted');
    this.#notice = part(root, 'fix-notice');
    for (const role of ['layout-unified', 'layout-split', 'show-redacted']) {
      part(root, role).addEventListener('change', () => this.#draw());
    }
    part(root, 'copy-patch').addEventListener('click', async () => {
      if (!this.#result) return;
      const ok = await copyText(this.#patch());
      announce(this.#notice, ok ? 'Patch copied.' : 'The clipboard is not available here.');
    });
    part(root, 'download-patch').addEventListener('click', () => {
      if (!this.#result) return;
      download(this.#patch(), this.#redactedShown() ? 'ngxfix-redacted.patch' : 'ngxfix.patch');
      announce(this.#notice, 'Patch downloaded.');
    });
    part(root, 'copy-fixed').addEventListener('click', async () => {
      if (!this.#result) return;
      const ok = await copyText(this.#redactedShown() ? this.#result.redaction.fixed
                                                     : this.#result.fixed);
      announce(this.#notice, ok ? 'Fixed configuration copied.'
                                : 'The clipboard is not available here.');
    });
  }

  show(result) {
    this.#result = result;
    const redactable = result.redaction.available;
    const toggle = part(this.#root, 'show-redacted');
    toggle.disabled = !redactable;
    toggle.title = redactable ? '' : `Redaction unavailable: ${result.redaction.reason}`;
    if (!redactable) toggle.checked = false;
    this.#draw();
  }

  #redactedShown() {
    return part(this.#root, 'show-redacted').checked && this.#result?.redaction.available;
  }

  // The patch of the view on screen: the real one, or the redacted one.
  #patch() {
    return this.#redactedShown() ? this.#result.redaction.diff : this.#result.diff;
  }

  #draw() {
    if (!this.#result) return;
    const split = part(this.#root, 'layout-split').checked;
    const redacted = this.#redactedShown();
    this.#real.hidden = redacted;
    this.#redacted.hidden = !redacted;
    this.#real.innerHTML = render(this.#result.changes, split);
    this.#redacted.innerHTML = redacted
        ? render(parseUnified(this.#result.redaction.diff), split) : '';
  }
}

// Structured hunks ({path, hunks: [{old_start, new_start, lines: [[kind,
// text]]}]}) from a unified diff's text, for the redacted diff.
export function parseUnified(text) {
  const changes = [];
  let hunk = null;
  for (const line of text.split(/(?<=\n)/)) {
    if (line.startsWith('--- ')) continue;
    if (line.startsWith('+++ ')) {
      changes.push({ path: line.slice(6).trimEnd(), hunks: [] });
      continue;
    }
    const head = line.match(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/);
    if (head) {
      hunk = { old_start: Number(head[1]), new_start: Number(head[3]), lines: [] };
      changes.at(-1)?.hunks.push(hunk);
    } else if (hunk && /^[ +-]/.test(line)) {
      hunk.lines.push([line[0], line.slice(1)]);
    }
  }
  return changes;
}

// The HTML of structured hunks (the LLM panel draws its fix with it too).
// No table: a hunk is a row of columns, the line numbers of each as one
// text block, the code as one block per run of lines of one kind (the run's
// background); a 200-line diff as a table (a row per line) cost Chromium
// two and a half times the style and layout.
export function render(changes, split) {
  if (changes.length === 0) {
    return '<p class="nx-empty">Nothing to change.</p>';
  }
  let budget = kMaxLines;
  let html = '';
  for (const change of changes) {
    html += `<div class="nx-diff-file"><div class="nx-diff-path">${escapeHtml(change.path)}</div>` +
            `<div class="${split ? 'nx-diff-split' : 'nx-diff-unified'}">`;
    for (const hunk of change.hunks) {
      if (budget <= 0) break;
      html += `<div class="nx-diff-hunk">@@ -${hunk.old_start} +${hunk.new_start} @@</div>`;
      html += split ? splitColumns(hunk) : unifiedColumns(hunk);
      budget -= hunk.lines.length;
    }
    html += '</div></div>';
  }
  if (budget <= 0) {
    html += `<p class="nx-empty">The diff is long: the first ${kMaxLines} lines are shown; ` +
            'the patch holds all of it.</p>';
  }
  return html;
}

const kKind = { ' ': 'ctx', '-': 'del', '+': 'add' };

const code = (text) => escapeHtml(text.replace(/\r?\n$/, ''));

const kSign = { '-': '<span class="nx-diff-sign">- </span>',
                '+': '<span class="nx-diff-sign">+ </span>' };

// The code column of [[kind, text]] lines (kind ' ', '-', '+', or null for
// a blank line facing another side's): a block per run of one kind, the
// removed and added lines starting with their sign, which copying leaves out.
function codeColumn(lines) {
  let html = '';
  for (let i = 0; i < lines.length;) {
    const kind = lines[i][0];
    const run = [];
    for (; i < lines.length && lines[i][0] === kind; ++i) {
      run.push(kind === null ? '' : (kSign[kind] || '') + code(lines[i][1]));
    }
    // A line break ends every line: a last line that is blank still shows.
    html += `<div class="nx-diff-${kind === null ? 'empty' : kKind[kind]}">${run.join('\n')}\n</div>`;
  }
  return `<div class="nx-diff-code">${html}</div>`;
}

// A column of line numbers, one per line ('' for none).
const numbers = (list) => `<div class="nx-diff-ln" aria-hidden="true">${list.join('\n')}\n</div>`;

function unifiedColumns(hunk) {
  let oldLine = hunk.old_start;
  let newLine = hunk.new_start;
  const olds = [];
  const news = [];
  for (const [kind] of hunk.lines) {
    olds.push(kind === '+' ? '' : oldLine++);
    news.push(kind === '-' ? '' : newLine++);
  }
  return `<div class="nx-diff-cols">${numbers(olds)}${numbers(news)}${codeColumn(hunk.lines)}</div>`;
}

// Side by side: runs of removed lines face the added lines that replace
// them; the shorter run is padded with blank lines.
function splitColumns(hunk) {
  const sides = [{ line: hunk.old_start, numbers: [], lines: [] },
                 { line: hunk.new_start, numbers: [], lines: [] }];
  const put = (side, kind, text) => {
    side.numbers.push(kind === null ? '' : side.line++);
    side.lines.push([kind, text]);
  };
  const [before, after] = sides;
  const lines = hunk.lines;
  for (let i = 0; i < lines.length;) {
    if (lines[i][0] === ' ') {
      put(before, ' ', lines[i][1]);
      put(after, ' ', lines[i][1]);
      ++i;
      continue;
    }
    const removed = [];
    const added = [];
    while (i < lines.length && lines[i][0] === '-') removed.push(lines[i++][1]);
    while (i < lines.length && lines[i][0] === '+') added.push(lines[i++][1]);
    for (let k = 0; k < Math.max(removed.length, added.length); ++k) {
      put(before, k < removed.length ? '-' : null, removed[k]);
      put(after, k < added.length ? '+' : null, added[k]);
    }
  }
  return '<div class="nx-diff-cols">' + sides.map((side) =>
      `<div class="nx-diff-side">${numbers(side.numbers)}${codeColumn(side.lines)}</div>`)
      .join('') + '</div>';
}
