// The page's entry point (index.html): the sandbox, with the core in a
// module Web Worker.  ?nginx=X.Y.Z picks the default nginx version (for
// iframes embedding the page).

import { createWorkerEngine } from './engine.js';
import { mountSandbox } from './sandbox.js';

const assetBase = new URL('../', import.meta.url);
const version = new URLSearchParams(location.search).get('nginx');
mountSandbox(document.getElementById('ngxfix'), {
  engine: createWorkerEngine(new URL('js/worker.js', assetBase)),
  assetBase,
  nginxVersion: /^\d+\.\d+\.\d+$/.test(version || '') ? version : undefined,
});
