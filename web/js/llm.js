// The LLM assist panel: asks a chat API, with the user's own key, about the
// configuration on the page, sending only its redacted view.
//
// The core builds the request (engine call llmPrepare: URL, headers, body,
// and the last gate's leaks) from the redacted configuration and map that
// the redacted preview shows; the panel shows that exact body, and sends it
// only when the user presses Send, adding the key header itself.  The answer
// goes back to the core (llmAnswer), which reads the API's answer or error,
// parses the corrected configuration, finds placeholders the map does not
// have and puts the real values back: the panel shows the fix as a diff with
// the real values, the explanation, syntax errors and remaining findings.
//
// The key lives in the password input only (and in sessionStorage when the
// user opts in); it never goes into a URL, a log, or any other part of the
// DOM.  No automatic retries: every request is one click.

import { escapeHtml, part } from './dom.js';
import { parseUnified, render } from './diff-view.js';

const kKeyStorage = 'ngxfix-llm-key';
const kDefaultTimeoutS = 120;

const kPanel = `
<h2 id="nx-llm-title">Ask an LLM</h2>
<p class="nx-hint">For what the rules do not cover: a chat API of your choice, with your own
   key, sees the <strong>redacted</strong> configuration below and nothing else, and only
   when you press Send. Its fix comes back as a diff with your real values.</p>
<div class="nx-llm-settings" role="group" aria-labelledby="nx-llm-title">
  <label class="nx-field">Provider
    <select data-role="llm-provider" data-testid="llm-provider">
      <option value="openai">OpenAI-compatible (OpenAI, Ollama, llama.cpp, vLLM)</option>
      <option value="anthropic">Anthropic</option>
    </select></label>
  <label class="nx-field">Base URL
    <input type="url" data-role="llm-base-url" data-testid="llm-base-url"
           spellcheck="false" autocomplete="off" placeholder="the provider's"></label>
  <label class="nx-field">Model
    <input type="text" data-role="llm-model" data-testid="llm-model"
           spellcheck="false" autocomplete="off" placeholder="e.g. gpt-4o, llama3.1"></label>
  <label class="nx-field">API key
    <input type="password" data-role="llm-key" data-testid="llm-key"
           spellcheck="false" autocomplete="off"></label>
  <label class="nx-field"><input type="checkbox" data-role="llm-remember"
         data-testid="llm-remember"> Keep the key for this tab</label>
  <label class="nx-field">Timeout (s)
    <input type="number" min="1" max="3600" value="${kDefaultTimeoutS}"
           data-role="llm-timeout" data-testid="llm-timeout"></label>
</div>
<p class="nx-hint" data-role="llm-target" data-testid="llm-target"></p>
<details class="nx-llm-preview">
  <summary>Exactly what Send sends (the request body)</summary>
  <pre class="nx-preview" data-role="llm-payload" data-testid="llm-payload" tabindex="0"
       aria-label="The request body"></pre>
  <p class="nx-hint">The same, as the model reads it:</p>
  <pre class="nx-preview" data-role="llm-messages" data-testid="llm-messages" tabindex="0"
       aria-label="The messages as the model reads them"></pre>
</details>
<div class="nx-toolbar">
  <button type="button" class="nx-button" data-role="llm-send" data-testid="llm-send">Send</button>
  <button type="button" class="nx-button" data-role="llm-cancel" data-testid="llm-cancel"
          disabled>Cancel</button>
  <span class="nx-notice" data-role="llm-status" data-testid="llm-status" role="status"
        aria-live="polite"></span>
</div>
<p class="nx-warning" data-role="llm-error" data-testid="llm-error" role="alert" hidden></p>
<div data-role="llm-result" data-testid="llm-result" hidden>
  <h3>The LLM's fix, with your values</h3>
  <div class="nx-llm-explanation" data-role="llm-explanation" data-testid="llm-explanation"></div>
  <ul class="nx-syntax" data-role="llm-syntax" data-testid="llm-syntax"
      aria-label="Syntax errors in the LLM's configuration"></ul>
  <ul class="nx-syntax" data-role="llm-unknown" data-testid="llm-unknown"
      aria-label="Placeholders the LLM made up"></ul>
  <div class="nx-diff" data-role="llm-diff" data-testid="llm-diff" tabindex="0"
       aria-label="The LLM's fix with your values"></div>
  <div data-role="llm-findings" data-testid="llm-findings"></div>
</div>`;

// What to do about each of the core's error kinds (llm/llm.h).
const kAdvice = {
  'auth': 'Check the API key: it belongs to this provider and is still valid.',
  'forbidden': 'The key may not use this model or API: check its permissions and the model name.',
  'rate-limit': 'Wait a while, then press Send again (ngxfix never retries by itself).',
  'server': 'The provider failed on its side: press Send again later.',
  'request': 'Check the base URL and the model name.',
  'malformed': 'Check the provider and the base URL: the answer is not that API\'s.',
  'no-config': 'Press Send again, or ask another model.',
};

export class LlmPanel {
  #engine;
  #el = {};
  #prepared = null;   // {request, input} for the configuration on the page
  #view = null;       // {text, result, options} of the last analysis
  #inFlight = null;   // {controller, timedOut}
  #preparing = 0;     // counts prepare calls, so a late one is dropped
  #latest = Promise.resolve();  // the newest prepare call: Send waits for it
  // Resolves once #view is the analysis of what the page holds now; while
  // an edit (a word to hide, say) awaits its analysis, #shown resolves it.
  #current = Promise.resolve();
  #shown = null;

  // `root`: the panel's element; `engine`: engine.js's, for the core's calls.
  constructor(root, { engine }) {
    this.#engine = engine;
    root.innerHTML = kPanel;
    for (const role of ['provider', 'base-url', 'model', 'key', 'remember', 'timeout',
                        'target', 'payload', 'messages', 'send', 'cancel', 'status', 'error', 'result',
                        'explanation', 'syntax', 'unknown', 'diff', 'findings']) {
      this.#el[role] = part(root, `llm-${role}`);
    }
    const el = this.#el;
    const stored = readStoredKey();
    if (stored) {
      el.key.value = stored;
      el.remember.checked = true;
    }
    el.key.addEventListener('input', () => this.#storeKey());
    el.remember.addEventListener('change', () => this.#storeKey());
    el.provider.addEventListener('change', () => this.#refresh());
    el['base-url'].addEventListener('input', () => this.#refresh());
    el.model.addEventListener('input', () => this.#refresh());
    el.send.addEventListener('click', () => this.#send());
    el.cancel.addEventListener('click', () => this.#inFlight?.controller.abort());
    this.#showTarget('Paste a configuration: the request appears here before anything is sent.');
  }

  // The page's text or settings changed: until show() brings their
  // analysis, Send waits, so that it never posts a body made before the
  // user hid another word.
  outdated() {
    if (this.#shown) return;
    this.#current = new Promise((resolve) => { this.#shown = resolve; });
  }

  // A new analysis of the page: `text` the user's configuration, `result`
  // analyze()'s, `options` the settings it ran with.
  show(text, result, options) {
    this.#view = { text, result, options };
    this.#refresh();
    this.#shown?.();
    this.#shown = null;
  }

  #refresh() {
    this.#latest = this.#prepare();
  }

  // The key in sessionStorage only while the user asks for it.
  #storeKey() {
    try {
      if (this.#el.remember.checked && this.#el.key.value) {
        sessionStorage.setItem(kKeyStorage, this.#el.key.value);
      } else {
        sessionStorage.removeItem(kKeyStorage);
      }
    } catch {
      // No storage here (a sandboxed frame): the key stays in memory.
    }
  }

  #showTarget(text) {
    this.#el.target.textContent = text;
  }

  async #prepare() {
    const view = this.#view;
    const el = this.#el;
    if (!view) return;
    const redaction = view.result.redaction;
    const turn = ++this.#preparing;
    if (!redaction.available) {
      this.#prepared = null;
      el.payload.textContent = '';
      el.messages.textContent = '';
      this.#showTarget('');
      this.#setError(`Nothing can be sent: redaction is unavailable (${redaction.reason}).`);
      return;
    }
    const input = {
      provider: el.provider.value, baseUrl: el['base-url'].value.trim(),
      model: el.model.value.trim(), redacted: redaction.config, map: redaction.map,
      nginxVersion: view.options.nginxVersion, backends: view.options.backends,
      // A value the user keeps is no leak to the last gate.
      sensitiveWords: view.options.sensitiveWords, keepWords: view.options.keepWords,
    };
    let request;
    try {
      request = await this.#engine.call('llmPrepare', input);
    } catch (e) {
      request = { error: e.message };
    }
    if (turn !== this.#preparing) return;  // a newer configuration or setting
    this.#prepared = { request, input, original: view.text };
    el.payload.textContent = request.error ? '' : request.body;
    el.messages.textContent = request.error ? '' : readable(request.body);
    this.#showTarget(request.error ? `Nothing to send yet: ${request.error}.`
                                   : `Send posts this body to ${request.url}.`);
    if (!this.#inFlight) this.#setError('');
  }

  #setError(message) {
    this.#el.error.textContent = message;
    this.#el.error.hidden = !message;
  }

  async #send() {
    const el = this.#el;
    if (this.#inFlight) return;
    if (this.#shown) el.status.textContent = 'Checking your last change first…';
    await this.#current;
    await this.#latest;  // the request for what the page shows now
    if (this.#inFlight) return;  // a second click while waiting
    el.status.textContent = '';
    const prepared = this.#prepared;
    el.result.hidden = true;
    if (!prepared) {
      this.#setError('Nothing to send yet: paste a configuration first.');
      return;
    }
    const { request, input, original } = prepared;
    if (request.error) {
      this.#setError(`Nothing was sent: ${request.error}.`);
      return;
    }
    if (request.leaks.length > 0) {
      this.#setError(`Nothing was sent: the last check found ${request.leaks.length} ` +
          'value(s) in the request that redaction missed, at ' +
          request.leaks.map((l) => `${l.kind} at line ${l.line}:${l.column} (${l.detector})`)
              .join(', ') +
          '. Remove them from the configuration, then press Send again.');
      return;
    }
    const headers = Object.fromEntries(request.headers);
    const key = el.key.value.trim();
    if (key) headers[request.key_header] = request.key_prefix ? `${request.key_prefix} ${key}` : key;
    const seconds = Math.max(1, Number(el.timeout.value) || kDefaultTimeoutS);
    const flight = { controller: new AbortController(), timedOut: false };
    const timer = setTimeout(() => {
      flight.timedOut = true;
      flight.controller.abort();
    }, seconds * 1000);
    this.#inFlight = flight;
    el.send.disabled = true;
    el.cancel.disabled = false;
    this.#setError('');
    el.status.textContent = 'Waiting for the answer…';
    let status;
    let body;
    try {
      const response = await fetch(request.url, {
        method: 'POST', headers, body: request.body, signal: flight.controller.signal,
        mode: 'cors', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
      });
      status = response.status;
      body = await response.text();
    } catch (e) {
      this.#setError(fetchFailure(e, flight, seconds, request.url));
      return;
    } finally {
      clearTimeout(timer);
      this.#inFlight = null;
      el.send.disabled = false;
      el.cancel.disabled = true;
      el.status.textContent = '';
    }
    let answer;
    try {
      answer = await this.#engine.call('llmAnswer', {
        provider: input.provider, status, body, original, redacted: input.redacted,
        map: input.map, nginxVersion: input.nginxVersion, backends: input.backends,
      });
    } catch (e) {
      this.#setError(`The answer could not be read: ${e.message}`);
      return;
    }
    this.#showAnswer(answer);
  }

  #showAnswer(answer) {
    const el = this.#el;
    if (answer.error_kind) {
      this.#setError(`${answer.error}. ${kAdvice[answer.error_kind] || ''}`.trim());
      if (answer.error_kind !== 'no-config') return;
    }
    el.result.hidden = false;
    el.explanation.textContent = answer.explanation || '';
    if (answer.error_kind) {
      for (const role of ['syntax', 'unknown', 'diff', 'findings']) el[role].innerHTML = '';
      return;
    }
    el.syntax.innerHTML = answer.syntax.map((d) =>
        `<li class="nx-syntax-${escapeHtml(d.severity)}">The LLM's configuration, line ${d.line}, ` +
        `column ${d.column}: ${escapeHtml(d.message)}</li>`).join('');
    el.unknown.innerHTML = answer.unknown_placeholders.map((p) =>
        `<li class="nx-syntax-warning">The LLM wrote <code>${escapeHtml(p)}</code>, which is ` +
        'no placeholder of your configuration: it has no real value; replace it yourself.</li>')
        .join('');
    el.diff.innerHTML = render(parseUnified(answer.diff), false);
    el.findings.innerHTML = answer.findings.length === 0
        ? '<p class="nx-empty">ngxfix finds nothing left in the LLM\'s configuration.</p>'
        : `<p class="nx-summary">ngxfix still finds ${answer.findings.length} in it:</p><ul>` +
          answer.findings.map((f) => `<li class="nx-finding-${escapeHtml(f.severity)}">line ${
              f.line}: <code>${escapeHtml(f.rule)}</code> ${escapeHtml(f.message)}</li>`).join('') +
          '</ul>';
  }
}

// The body's instructions and messages as text (both APIs' shapes).
function readable(body) {
  const { system, messages = [] } = JSON.parse(body);
  return [...(system ? [{ role: 'system', content: system }] : []), ...messages]
      .map((m) => `── ${m.role} ──\n${m.content}`).join('\n');
}

function readStoredKey() {
  try {
    return sessionStorage.getItem(kKeyStorage) || '';
  } catch {
    return '';
  }
}

// Why fetch() failed, in words the user can act on.  A TypeError cannot
// tell a CORS refusal from a network that is down (browsers hide which), so
// the message names both, and the page's own CSP.
function fetchFailure(error, flight, seconds, url) {
  const origin = new URL(url).origin;
  if (flight.timedOut) {
    return `No answer from ${origin} within ${seconds} s: the request was abandoned (timeout). ` +
           'The model may be slow (raise the timeout) or the server stuck; press Send to try again.';
  }
  if (error.name === 'AbortError') return 'Cancelled: the request was abandoned. Press Send to ask again.';
  return `The request to ${origin} failed without an answer. Either the server refused this ` +
         'page\'s origin (CORS: a local server must allow it, e.g. OLLAMA_ORIGINS for Ollama), ' +
         'or the network or the server is down or unreachable; the browser does not say which. ' +
         'It is also refused when this page\'s Content-Security-Policy (connect-src) does not ' +
         'list that origin. Check the base URL, then press Send to try again.';
}
