// Small DOM helpers shared by the page's modules.  Everything the user typed
// reaches the DOM through escapeHtml() or textContent, never as markup.

const kEscapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => kEscapes[c]);
}

// The element of `root` (a document, element or shadow root) marked
// data-role="name".
export function part(root, name) {
  const el = root.querySelector(`[data-role="${name}"]`);
  if (!el) throw new Error(`the page has no [data-role="${name}"]`);
  return el;
}

// Copies text to the clipboard; resolves to true when it worked.  The
// clipboard API needs a secure context (localhost and file:// count).
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// Offers `text` as a file download, without any network request.
export function download(text, fileName, type = 'text/x-diff') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Shows a short message in a polite live region, then clears it.
export function announce(el, message, ms = 2500) {
  el.textContent = message;
  clearTimeout(el.nxTimer);
  el.nxTimer = setTimeout(() => { el.textContent = ''; }, ms);
}
