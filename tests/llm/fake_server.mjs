// A fake LLM on loopback for the LLM assist's browser tests: it speaks
// OpenAI's chat completions (POST /v1/chat/completions) and Anthropic's
// Messages API (POST /v1/messages), answers CORS preflights as the real APIs
// do, and records every request it gets (method, path, headers, body), so a
// test can check what really left the browser.  Node built-ins only.
//
//   const llm = await startFakeLlm();     // llm.origin: http://127.0.0.1:PORT
//   llm.behaviour = 'fix';                // see kBehaviours
//   ... llm.requests ...
//   await llm.close();
//
// The fix it answers is made from the configuration in the request (the
// ```nginx block of the user message), so it carries the placeholders the
// request carried: a server line gains max_fails=3, grpc_pass h2:// becomes
// proxy_pass http:// with HTTP/1.1, and proxy_pass https:// gains SNI.

import http from 'node:http';

export const kBehaviours = ['fix', 'invalid', 'unknown-placeholder', 'no-block', '401', '403',
                            '429', '500', 'timeout', 'no-cors'];

const kPaths = { '/v1/chat/completions': 'openai', '/v1/messages': 'anthropic' };

// The configuration in the last user message's ```nginx block.
function configOf(request) {
  const messages = request.messages || [];
  const user = messages.filter((m) => m.role === 'user').at(-1);
  const match = /```nginx\n([\s\S]*?)```/.exec(user?.content || '');
  return match ? match[1] : '';
}

function fixOf(config) {
  return config
      .replace(/^(\s*server\s+[^\s;]+)(\s*;)/gm, '$1 max_fails=3$2')
      .replace(/^(\s*)grpc_pass h2:\/\/([^;]+);/gm,
               '$1proxy_pass http://$2;\n$1proxy_http_version 1.1;')
      .replace(/^(\s*)(proxy_pass https:\/\/[^;]+;)/gm, '$1$2\n$1proxy_ssl_server_name on;');
}

// The model's text for `behaviour`.
function answerText(behaviour, config) {
  const explanation = 'The backend speaks HTTP/1.1, so nginx must proxy to it over HTTP/1.1.';
  switch (behaviour) {
    case 'invalid':
      return `\`\`\`nginx\n${config.replace(/}\s*$/, '')}    location /broken {\n` +
             '        proxy_pass http://backend_pool\n```\n' + explanation;
    case 'unknown-placeholder':
      return `\`\`\`nginx\n${fixOf(config)}# token\n` +
             'proxy_set_header X-Token "REDACTED_GENERIC_SECRET_99";\n```\n' + explanation;
    case 'no-block':
      return 'I cannot tell without more detail.';
    default:
      return `Here is the corrected configuration.\n\n\`\`\`nginx\n${fixOf(config)}\`\`\`\n\n` +
             explanation;
  }
}

// The API's success body for `api`.
function successBody(api, model, text) {
  if (api === 'anthropic') {
    return { id: 'msg_fake', type: 'message', role: 'assistant', model,
             content: [{ type: 'text', text }], stop_reason: 'end_turn' };
  }
  return { id: 'chatcmpl-fake', object: 'chat.completion', model,
           choices: [{ index: 0, finish_reason: 'stop',
                       message: { role: 'assistant', content: text } }] };
}

// The API's error body, as each API words it.
function errorBody(api, status) {
  const [type, message] = {
    401: ['authentication_error', 'Incorrect API key provided.'],
    403: ['permission_error', 'Your key may not use this model.'],
    429: ['rate_limit_error', 'Rate limit reached for requests.'],
    500: ['api_error', 'The server had an error while processing your request.'],
  }[status];
  return api === 'anthropic' ? { type: 'error', error: { type, message } }
                             : { error: { message, type, code: null } };
}

export async function startFakeLlm({ host = '127.0.0.1' } = {}) {
  const state = { behaviour: 'fix', requests: [], hanging: new Set() };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      state.requests.push({ method: req.method, path: req.url, headers: { ...req.headers }, body });
      const cors = state.behaviour === 'no-cors' ? {} : {
        'access-control-allow-origin': req.headers.origin || '*',
        vary: 'Origin',
      };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, state.behaviour === 'no-cors' ? {} : {
          ...cors,
          'access-control-allow-methods': 'POST, OPTIONS',
          'access-control-allow-headers': req.headers['access-control-request-headers'] || '',
          'access-control-max-age': '0',
          // Chromium's Private Network Access asks before a public page may
          // reach loopback.
          ...(req.headers['access-control-request-private-network']
              ? { 'access-control-allow-private-network': 'true' } : {}),
        });
        res.end();
        return;
      }
      const api = kPaths[req.url];
      const reply = (status, json) => {
        res.writeHead(status, { ...cors, 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.method !== 'POST' || !api) {
        reply(404, { error: { message: `no route ${req.method} ${req.url}` } });
        return;
      }
      if (state.behaviour === 'timeout') {
        state.hanging.add(res);  // never answers; released by close()
        return;
      }
      const status = Number(state.behaviour);
      if (status >= 400) {
        reply(status, errorBody(api, status));
        return;
      }
      let request;
      try {
        request = JSON.parse(body);
      } catch {
        reply(400, errorBody(api, 500));
        return;
      }
      // Anthropic's system prompt is a field; OpenAI's a message.
      reply(200, successBody(api, request.model, answerText(state.behaviour, configOf(request))));
    });
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  const { port } = server.address();
  return {
    origin: `http://${host}:${port}`,
    get behaviour() { return state.behaviour; },
    set behaviour(b) {
      if (!kBehaviours.includes(b)) throw new Error(`unknown behaviour ${b}`);
      state.behaviour = b;
    },
    // Every request so far (preflights included), oldest first.
    get requests() { return state.requests; },
    // The POSTs only.
    posts() { return state.requests.filter((r) => r.method === 'POST'); },
    close: () => new Promise((resolve) => {
      for (const res of state.hanging) res.destroy();
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

// `node tests/llm/fake_server.mjs [BEHAVIOUR]`: runs one until Ctrl-C, for
// trying the page by hand (base URL http://127.0.0.1:PORT/v1 for OpenAI,
// http://127.0.0.1:PORT for Anthropic).
if (import.meta.url === `file://${process.argv[1]}`) {
  const llm = await startFakeLlm();
  if (process.argv[2]) llm.behaviour = process.argv[2];
  console.log(`fake LLM on ${llm.origin} (${llm.behaviour})`);
}
