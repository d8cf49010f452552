// The Web Worker that runs the WebAssembly core, so that the page never
// freezes, even on a 1.3 MB configuration.  Messages: {id, text, options}
// in; {id, result, ms} or {id, error} out; and the calls of kCalls below.
// engine.js is the other side.

import { createNgxfix } from '../wasm/ngxfix.mjs';

// One analysis at start-up builds what the first real one would otherwise
// pay for (redaction compiles its patterns once, ~0.5 s), while the user is
// still reading the page.
const kWarmUp = 'upstream app {\n    server 10.0.0.1:8080;\n}\n';
const ready = createNgxfix().then((ngxfix) => {
  ngxfix.analyze(kWarmUp);
  return ngxfix;
});

// The core's calls other than analyze() that the page may make (the LLM
// panel's, web/js/llm.js): {id, method, input} in, {id, result} out.
const kCalls = new Set(['llmPrepare', 'llmAnswer']);

self.onmessage = async ({ data: { id, text, options, method, input } }) => {
  let ngxfix;
  try {
    ngxfix = await ready;
  } catch (e) {
    self.postMessage({ id, error: `cannot load the WebAssembly core: ${e.message}` });
    return;
  }
  if (method !== undefined) {
    try {
      if (!kCalls.has(method)) throw new Error(`no such call: ${method}`);
      self.postMessage({ id, result: ngxfix[method](input) });
    } catch (e) {
      self.postMessage({ id, error: e.message });
    }
    return;
  }
  try {
    const started = performance.now();
    const result = ngxfix.analyze(text, options);
    const ms = performance.now() - started;
    // Hundreds of thousands of numbers for a big configuration: moved, not
    // copied (an Int32Array of its own).
    self.postMessage({ id, result, ms }, result.tokens ? [result.tokens.buffer] : []);
  } catch (e) {
    self.postMessage({ id, error: e.message });
  }
};
