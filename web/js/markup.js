// The sandbox's markup, one copy for the page (index.html), the custom
// element (shadow DOM) and the single-file build.  Parts are found by
// data-role; data-testid marks the contract the browser tests rely on.

export const kNginxVersions = ['1.18.0', '1.20.2', '1.22.1', '1.24.0', '1.25.5',
                               '1.26.3', '1.27.4', '1.28.0', '1.29.4', '1.29.7',
                               '1.31.4'];

export const kProtocols = [
  ['http1', 'HTTP/1.1'], ['https', 'HTTP/1.1 over TLS'], ['h2c', 'HTTP/2 cleartext'],
  ['h2', 'HTTP/2 over TLS'], ['grpc', 'gRPC'], ['grpcs', 'gRPC over TLS'],
  ['ws', 'WebSocket (HTTP/1.1)'],
];

export const kMarkup = `
<div class="nx-app" data-role="app">
  <header class="nx-header">
    <h1>ngxfix</h1>
    <p>Paste an nginx configuration, a snippet or an <code>nginx -T</code> dump.
       It is checked and fixed in this page: nothing is sent anywhere unless
       you press Send under <em>Ask an LLM</em>, which sends only redacted text.</p>
  </header>
  <div class="nx-layout">
    <section class="nx-pane nx-input-pane" aria-labelledby="nx-config-title">
      <div class="nx-toolbar">
        <h2 id="nx-config-title">Configuration</h2>
        <label class="nx-field">nginx version
          <select data-role="nginx-version" data-testid="nginx-version"></select>
        </label>
        <label class="nx-button nx-file">Open a file…
          <input type="file" data-role="file" accept=".conf,.txt,text/plain">
        </label>
      </div>
      <div class="nx-examples" data-role="examples" data-testid="examples"
           role="group" aria-label="Examples"></div>
      <div class="nx-editor" data-role="editor">
        <div class="nx-gutter" data-role="gutter" aria-hidden="true"><div data-role="gutter-lines"></div></div>
        <div class="nx-code">
          <pre class="nx-highlight" aria-hidden="true"><code data-role="highlight"></code></pre>
          <textarea data-role="input" data-testid="config-input" spellcheck="false"
                    autocapitalize="off" autocomplete="off" wrap="off"
                    aria-label="nginx configuration"
                    placeholder="Paste or drop nginx.conf here"></textarea>
        </div>
      </div>
      <p class="nx-status" data-role="status" data-testid="status" role="status" aria-live="polite"></p>
      <ul class="nx-syntax" data-role="syntax-errors" data-testid="syntax-errors"
          aria-label="Syntax errors"></ul>
      <section class="nx-settings" aria-labelledby="nx-backends-title">
        <h2 id="nx-backends-title">Backends</h2>
        <p class="nx-hint">What each upstream or backend speaks decides the fix.
           ngxfix infers it; correct it here.</p>
        <div data-role="backends" data-testid="backends"></div>
      </section>
      <section class="nx-settings" aria-labelledby="nx-log-title">
        <h2 id="nx-log-title">Error log</h2>
        <p class="nx-hint">Optional: paste nginx error-log lines. ngxfix names their
           causes, and what they say about a backend decides its fix.</p>
        <textarea class="nx-log" data-role="error-log" data-testid="error-log"
                  spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
                  aria-label="nginx error-log lines"
                  placeholder="2026/11/26 01:30:00 [error] 7#7: *1 upstream sent too large http2 frame: 4740180 ..."></textarea>
      </section>
    </section>
    <section class="nx-pane nx-results-pane" aria-labelledby="nx-findings-title">
      <h2 id="nx-findings-title">Findings</h2>
      <div data-role="findings" data-testid="findings"></div>
      <section data-role="diagnoses-section" aria-labelledby="nx-diagnoses-title" hidden>
        <h2 id="nx-diagnoses-title">From the error log</h2>
        <div data-role="diagnoses" data-testid="diagnoses"></div>
      </section>
      <h2 id="nx-fix-title">Fix</h2>
      <div class="nx-toolbar" role="group" aria-labelledby="nx-fix-title">
        <label class="nx-field"><input type="radio" name="nx-diff-layout" value="unified"
               data-role="layout-unified" checked> Unified</label>
        <label class="nx-field"><input type="radio" name="nx-diff-layout" value="split"
               data-role="layout-split"> Side by side</label>
        <label class="nx-field"><input type="checkbox" data-role="show-redacted"
               data-testid="show-redacted"> Show the redacted version</label>
        <button type="button" class="nx-button" data-role="copy-patch"
                data-testid="copy-patch">Copy patch</button>
        <button type="button" class="nx-button" data-role="download-patch"
                data-testid="download-patch">Download .patch</button>
        <button type="button" class="nx-button" data-role="copy-fixed"
                data-testid="copy-fixed">Copy fixed config</button>
        <span class="nx-notice" data-role="fix-notice" role="status" aria-live="polite"></span>
      </div>
      <div class="nx-diff" data-role="diff" data-testid="diff" tabindex="0"
           aria-label="Diff with your values"></div>
      <div class="nx-diff" data-role="diff-redacted" data-testid="diff-redacted" tabindex="0"
           aria-label="Redacted diff" hidden></div>
      <h2 id="nx-redaction-title">Redaction</h2>
      <div class="nx-words" role="group" aria-labelledby="nx-redaction-title"
           aria-describedby="nx-words-help">
        <label class="nx-field">Also hide
          <input type="text" data-role="sensitive-words" data-testid="sensitive-words"
                 spellcheck="false" autocomplete="off" placeholder="e.g. acme, billing-team"></label>
        <label class="nx-field">Never hide
          <input type="text" data-role="keep-words" data-testid="keep-words"
                 spellcheck="false" autocomplete="off" placeholder="e.g. status.acme.io"></label>
        <p class="nx-hint" id="nx-words-help">Separated by commas. Also hide: words that
          ngxfix does not know are yours (a company, team or project name), wherever they
          occur, as written. Never hide: values that are not sensitive, exactly as written.</p>
      </div>
      <div data-role="redaction-report" data-testid="redaction-report"></div>
      <div class="nx-toolbar" role="group" aria-labelledby="nx-redaction-title">
        <button type="button" class="nx-button" data-role="copy-redacted"
                data-testid="copy-redacted">Copy redacted config</button>
        <span class="nx-notice" data-role="redaction-notice" role="status" aria-live="polite"></span>
      </div>
      <pre class="nx-preview" data-role="redacted-preview" data-testid="redacted-preview"
           tabindex="0" aria-label="Redacted configuration"></pre>
      <section class="nx-llm" data-role="llm" aria-labelledby="nx-llm-title"></section>
    </section>
  </div>
</div>`;
