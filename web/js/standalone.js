// The entry point of the single-file build (ngxfix-standalone.html), which
// works when opened from file://, offline: there module workers and fetch
// are not available, so the WebAssembly bytes come from a data block of the
// file itself and the core runs in the page's own thread.

import { createNgxfix } from '../wasm/ngxfix.mjs';
import { createLocalEngine } from './engine.js';
import { mountSandbox } from './sandbox.js';

const base64 = document.getElementById('ngxfix-wasm').textContent.trim();
const wasmBinary = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
mountSandbox(document.getElementById('ngxfix'), {
  engine: createLocalEngine(createNgxfix({ wasmBinary })),
  assetBase: new URL('./', location.href),
});
