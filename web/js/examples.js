// The examples, one click each.  They are data files (examples/index.json
// and the configurations it names), fetched from the page's own origin; the
// single-file build carries them inline in a JSON data block instead.

import { escapeHtml, part } from './dom.js';

// Resolves to [{id, title, description, text, settings}].
export async function loadExamples(assetBase, root) {
  const inline = root.querySelector?.('script#ngxfix-examples') ??
                 document.getElementById('ngxfix-examples');
  if (inline) return JSON.parse(inline.textContent);
  const index = await (await fetch(new URL('examples/index.json', assetBase))).json();
  return Promise.all(index.map(async (e) => ({
    ...e,
    text: await (await fetch(new URL(`examples/${e.id}.conf`, assetBase))).text(),
  })));
}

// Draws one button per example; onPick(example) loads it.
export function showExamples(root, examples, onPick) {
  const box = part(root, 'examples');
  box.innerHTML = '<span class="nx-muted">Examples:</span> ' + examples.map((e, i) =>
      `<button type="button" class="nx-button nx-example" data-example="${i}"
               data-testid="example-${escapeHtml(e.id)}"
               title="${escapeHtml(e.description)}">${escapeHtml(e.title)}</button>`).join(' ');
  box.addEventListener('click', (event) => {
    const button = event.target.closest('[data-example]');
    if (button) onPick(examples[Number(button.dataset.example)]);
  });
}
