// The paste area: a textarea with a highlighted <pre> drawn under it and a
// gutter of line numbers beside it, both kept in step with its scrolling.
//
// Colours come from the core's own tokens (wasm/highlight.h), so what is
// coloured is what nginx reads.  Only the lines in view are drawn: a 1.3 MB
// configuration has 40,000 lines and would make the page crawl otherwise.
// Tokens are used only while the text is the one they were made for; while
// the user types, the new text shows plain until its analysis arrives.
//
// A big text (a megabyte: a paste, a file) costs Chromium one to two seconds
// of layout in a textarea (a node per line; no CSS helps).  So it is held as
// the pending text: drawn in the overlay (only the lines in view) and
// analyzed at once, and put into the textarea only once its result is on
// screen (fill()), so that the layout delays neither the analysis nor the
// result.

import { escapeHtml, part } from './dom.js';

const kKindClass = ['nx-t-name', 'nx-t-arg', 'nx-t-string', 'nx-t-comment',
                    'nx-t-punct', 'nx-t-lua', 'nx-t-framing'];
const kOverscan = 10;  // lines drawn above and below the visible ones
const kBigChange = 64;  // characters: more than this at once is a paste
const kBigPaste = 64 * 1024;  // characters: more is held as the pending text first

export class Editor {
  #input;
  #code;
  #gutter;
  #lineStarts = [0];
  #analysis = null;  // {text, tokens, marks: Map(line -> {severity, title})}
  #pending = null;  // {text, caret}: a big text not yet in the textarea
  #frame = 0;
  #onChange;
  #lengthSet;  // (): the page set the textarea's text; edits are sized from it

  // onChange({immediate}) runs on every edit (the new text is `value`);
  // immediate for pastes, drops and other edits of many characters at once.
  constructor(root, { onChange }) {
    this.#input = part(root, 'input');
    this.#code = part(root, 'highlight');
    this.#gutter = part(root, 'gutter-lines');
    this.#onChange = onChange;
    let lastLength = 0;
    this.#input.addEventListener('input', (event) => {
      // The textarea is read-only while a text is pending: an edit made
      // anyway (by a script) is the newer text.
      this.#pending = null;
      this.#input.readOnly = false;
      const length = this.#input.value.length;
      const immediate = (event.inputType || '').startsWith('insertFrom') ||
                        Math.abs(length - lastLength) > kBigChange;
      lastLength = length;
      this.#textChanged();
      this.#onChange({ immediate });
    });
    // Chromium's own paste of a megabyte into a textarea takes seconds, and
    // so does setting its value: a big paste becomes the pending text.
    this.#input.addEventListener('paste', (event) => {
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      if (pasted.length < kBigPaste) return;
      event.preventDefault();
      // A paste onto a pending one goes at its caret (the textarea's
      // selection is in the old text).
      const [from, to] = this.#pending ? [this.#pending.caret, this.#pending.caret]
                                       : [this.#input.selectionStart, this.#input.selectionEnd];
      const value = this.value;
      this.#hold(value.slice(0, from) + pasted + value.slice(to), from + pasted.length);
    });
    this.#lengthSet = () => { lastLength = this.#input.value.length; };
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

  // The text being edited: the pending paste's, or the textarea's.
  get value() { return this.#pending ? this.#pending.text : this.#input.value; }

  // Replaces the whole text (an example, a file), caret at the start.
  setValue(text) {
    this.#input.scrollTop = 0;
    if (text.length >= kBigPaste) {
      this.#hold(text, 0);
      return;
    }
    this.#pending = null;
    this.#input.readOnly = false;
    this.#input.value = text;
    this.#lengthSet();
    this.#textChanged();
    this.#onChange({ immediate: true });
  }

  // Makes `text` the pending text, to be analyzed now and put into the
  // textarea by fill().
  #hold(text, caret) {
    this.#pending = { text, caret };
    // Typing into the old text now would be lost when the new one lands.
    this.#input.readOnly = true;
    this.#textChanged();
    this.#onChange({ immediate: true });
  }

  async loadFile(file) {
    this.setValue(await file.text());
  }

  // Puts the pending text, if any, into the textarea once the frame that
  // shows its result has been drawn (the frame after next begins).
  fill() {
    if (!this.#pending) return;
    const pending = this.#pending;
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (this.#pending !== pending) return;
      this.#pending = null;
      this.#input.value = pending.text;
      this.#input.readOnly = false;
      this.#input.setSelectionRange(pending.caret, pending.caret);
      this.#lengthSet();
      this.#schedule();
    }));
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
    if (text !== this.value) return;
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
    const text = this.value;
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
    const text = this.value;
    const lineHeight = this.#lineHeight();
    const starts = this.#lineStarts;
    // Geometry is read before the writes below: a read after them would lay
    // the page out a second time in this frame.
    const top = this.#input.scrollTop;
    const left = this.#input.scrollLeft;
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
        `translate(${-left}px, ${shift}px)`;
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
