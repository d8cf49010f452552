// <ngxfix-sandbox>: the whole sandbox as a custom element in a shadow root,
// for documentation portals.
//
//   <script type="module" src="/ngxfix/ngxfix-sandbox.js"></script>
//   <ngxfix-sandbox nginx-version="1.22.1" asset-path="/ngxfix/"></ngxfix-sandbox>
//
// Attributes: nginx-version, the version selected at first (default
// 1.24.0); asset-path, where the built site's files are (ngxfix.css,
// js/worker.js, wasm/, examples/), relative to the page; default: beside
// this script.  The assets must come from the page's own origin (browsers
// run Web Workers only from there).  README.md lists the CSP the host page
// needs.

import { createWorkerEngine } from './js/engine.js';
import { mountSandbox } from './js/sandbox.js';

class NgxfixSandbox extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const path = this.getAttribute('asset-path');
    const assetBase = path ? new URL(path, document.baseURI) : new URL('./', import.meta.url);
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('ngxfix.css', assetBase).href;
    shadow.append(style);
    mountSandbox(shadow, {
      engine: createWorkerEngine(new URL('js/worker.js', assetBase)),
      assetBase,
      nginxVersion: this.getAttribute('nginx-version') || undefined,
    });
  }
}

if (!customElements.get('ngxfix-sandbox')) {
  customElements.define('ngxfix-sandbox', NgxfixSandbox);
}
