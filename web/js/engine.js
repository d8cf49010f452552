// Runs analyses for the page: in a module Web Worker (the served page and
// the custom element) or in this thread (the single-file build, where
// file:// forbids module workers).  Either way the page calls
// engine.analyze(text, options) and gets the latest result only: requests
// made while one runs are merged into the newest, so typing never queues
// work.

class Engine {
  #run;
  #call;
  #busy = false;
  #pending = null;  // {text, options, resolve, reject} waiting to run

  constructor(run, call) {
    this.#run = run;
    this.#call = call;
  }

  // One of the core's other calls (the LLM panel's llmPrepare, llmAnswer),
  // at once and never merged; resolves with its result.
  call(method, input) {
    return this.#call(method, input);
  }

  // Resolves with {result, ms}, or with null when a newer request replaced
  // this one before it ran.
  analyze(text, options) {
    return new Promise((resolve, reject) => {
      if (this.#pending) this.#pending.resolve(null);
      this.#pending = { text, options, resolve, reject };
      this.#next();
    });
  }

  async #next() {
    if (this.#busy || !this.#pending) return;
    const { text, options, resolve, reject } = this.#pending;
    this.#pending = null;
    this.#busy = true;
    try {
      resolve(await this.#run(text, options));
    } catch (e) {
      reject(e);
    } finally {
      this.#busy = false;
      this.#next();
    }
  }
}

export function createWorkerEngine(workerUrl) {
  const worker = new Worker(workerUrl, { type: 'module' });
  const waiting = new Map();
  let nextId = 1;
  worker.onmessage = ({ data }) => {
    const call = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.error) call.reject(new Error(data.error));
    else call.resolve({ result: data.result, ms: data.ms });
  };
  worker.onerror = (event) => {
    const error = new Error(`the analysis worker failed: ${event.message || 'cannot load'}`);
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  };
  const post = (message) => new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, ...message });
  });
  return new Engine((text, options) => post({ text, options }),
                    async (method, input) => (await post({ method, input })).result);
}

// `ngxfix` is a promise of an instance from wasm/ngxfix.mjs.
export function createLocalEngine(ngxfix) {
  return new Engine(async (text, options) => {
    const core = await ngxfix;
    // Let the page paint "analyzing…" before the thread is busy.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const started = performance.now();
    const result = core.analyze(text, options);
    return { result, ms: performance.now() - started };
  }, async (method, input) => (await ngxfix)[method](input));
}
