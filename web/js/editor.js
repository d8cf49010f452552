// The paste area: a textarea with a highlighted <pre> drawn under it and a
// gutter of line numbers beside it, both kept in step with its scrolling.
//
// Colours come from the core's own tokens (wasm/highlight.h), so what is
// coloured is what nginx reads.  Only the lines in view are drawn: a 1.3 MB
// configuration has 40,000 lines and would make the page crawl otherwise.
// Tokens are used only while the text is the one they were made for; while
// the user types, the new text shows plain until its analysis arrives.

import { escapeHtml, part } from './dom.js';

const kKindClass = ['nx-t-name', 'nx-t-arg', 'nx-t-string', 'nx-t-comment',
                    'nx-t-punct', 'nx-t-lua', 'nx-t-framing'];
const kOverscan = 10;  // lines drawn above and below the visible ones
const kBigChange = 64;  // characters: more than this at once is a paste
const kBigPaste = 64 * 1024;  // characters: pasted directly (see the paste listener)

export class Editor {
  #input;
  #code;
  #gutter;
  #lineStarts = [0];
  #analysis = null;  // {text, tokens, marks: Map(line -> {severity, title})}
  #frame = 0;
  #onChange;

  // onChange({immediate, text}) runs on every edit; immediate for pastes,
  // drops and other edits of many characters at once; `text`, when given,
  // is the new text before the textarea shows it.
  constructor(root, { onChange }) {
    this.#input = part(root, 'input');
    this.#code = part(root, 'highlight');
    this.#gutter = part(root, 'gutter-lines');
    this.#onChange = onChange;
    let lastLength = 0;
    this.#input.addEventListener('input', (event) => {
      const length = this.#input.value.length;
      const immediate = (event.inputType || '').startsWith('insertFrom') ||
                        Math.abs(length - lastLength) > kBigChange;
      lastLength = length;
      this.#textChanged();
      this.#onChange({ immediate });
    });
    // Chromium's own paste of a megabyte into a textarea takes seconds, and
    // so does setting its value from a paste handler: a big paste is
    // analyzed first and shown in the textarea right after, so that the
    // analysis runs while the browser lays the text out.
    this.#input.addEventListener('paste', (event) => {
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      if (pasted.length < kBigPaste) return;
      event.preventDefault();
      const { selectionStart, selectionEnd, value } = this.#input;
      const text = value.slice(0, selectionStart) + pasted + value.slice(selectionEnd);
      this.#onChange({ immediate: true, text });
      setTimeout(() => {
        this.#input.value = text;
        this.#input.setSelectionRange(selectionStart + pasted.length,
                                      selectionStart + pasted.length);
        lastLength = text.length;
        this.#textChanged();
      }, 0);
    });
    this.#input.addEventListener('scroll', () => this.#schedule());
    new ResizeObserver(() => this.#schedule()).observe(this.#input);
    this.#input.addEventListener('dragover', (event) => {
      if (event.dataTransfer.types.includes('Files')) event.preventDefault();
    });
    this.#input.addEventListener('drop', (event) => {
      const file = event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      this.loadFile(file);
    });
  }

  get value() { return this.#input.value; }

  setValue(text) {
    this.#input.value = text;
    this.#input.scrollTop = 0;
    this.#textChanged();
    this.#onChange({ immediate: true });
  }

  async loadFile(file) {
    this.setValue(await file.text());
  }

  // The line (1-based, over the whole input) that holds UTF-16 offset `at`.
  lineOf(at) {
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  }

  // Shows an analysis of `text`: its tokens, and marks on lines
  // ([{at, severity, title}]).
  setAnalysis(text, tokens, marks) {
    if (text !== this.#input.value) return;
    const byLine = new Map();
    for (const mark of marks) {
      const line = this.lineOf(mark.at);
      const old = byLine.get(line);
      if (!old || mark.severity === 'syntax') byLine.set(line, mark);
    }
    this.#analysis = { text, tokens: tokens || [], marks: byLine };
    this.#schedule();
  }

  // Puts the caret at UTF-16 offset `at`, scrolls it into view, focuses.
  jumpTo(at) {
    const line = this.lineOf(at);
    const lineHeight = this.#lineHeight();
    this.#input.focus();
    this.#input.setSelectionRange(at, at);
    this.#input.scrollTop = Math.max(0, (line - 1) * lineHeight -
                                        this.#input.clientHeight / 3);
    this.#schedule();
  }

  #textChanged() {
    const text = this.#input.value;
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      starts.push(i + 1);
    }
    this.#lineStarts = starts;
    this.#schedule();
  }

  #lineHeight() {
    return parseFloat(getComputedStyle(this.#input).lineHeight) || 20;
  }

  #schedule() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render();
    });
  }

  #render() {
    const text = this.#input.value;
    const lineHeight = this.#lineHeight();
    const starts = this.#lineStarts;
    const top = this.#input.scrollTop;
    const first = Math.max(0, Math.floor(top / lineHeight) - kOverscan);
    const last = Math.min(starts.length - 1,
        Math.ceil((top + this.#input.clientHeight) / lineHeight) + kOverscan);
    const current = this.#analysis && this.#analysis.text === text
        ? this.#analysis : null;
    const tokens = current ? current.tokens : [];
    let t = firstTokenEndingAfter(tokens, starts[first]);
    let code = '';
    let gutter = '';
    for (let line = first; line <= last; ++line) {
      const begin = starts[line];
      const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
      const mark = current && current.marks.get(line + 1);
      const markClass = mark ? ` nx-mark-${mark.severity}` : '';
      gutter += `<div class="nx-ln${markClass}"${mark ? ` title="${escapeHtml(mark.title)}"` : ''}>${line + 1}</div>`;
      code += `<span class="nx-line${markClass}">`;
      let at = begin;
      // A token may run over several lines (Lua bodies, quoted strings):
      // each line draws its part of it.
      while (t < tokens.length && tokens[t] < end) {
        const start = Math.max(tokens[t], begin);
        const stop = Math.min(tokens[t] + tokens[t + 1], end);
        if (start > at) code += escapeHtml(text.slice(at, start));
        code += `<span class="${kKindClass[tokens[t + 2]]}">${escapeHtml(text.slice(start, stop))}</span>`;
        at = stop;
        if (tokens[t] + tokens[t + 1] > end) break;  // goes on next line
        t += 3;
      }
      if (at < end) code += escapeHtml(text.slice(at, end));
      code += '</span>';
    }
    this.#code.innerHTML = code;
    this.#gutter.innerHTML = gutter;
    const shift = first * lineHeight - top;
    this.#code.style.transform =
        `translate(${-this.#input.scrollLeft}px, ${shift}px)`;
    this.#gutter.style.transform = `translateY(${shift}px)`;
  }
}

// Index (a multiple of 3) of the first token that ends after `offset`.
function firstTokenEndingAfter(tokens, offset) {
  let lo = 0;
  let hi = tokens.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid * 3] + tokens[mid * 3 + 1] > offset) hi = mid; else lo = mid + 1;
  }
  return lo * 3;
}
