import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { curlSnippet, fetchSnippet, pythonSnippet, type SnippetRequest } from './snippets';

const like: SnippetRequest = {
  origin: 'http://127.0.0.1:5000',
  method: 'POST',
  url: '/api/likes',
  body: '{\n  "post_id": 3\n}',
  needsAuth: true,
  token: 'abc.def.ghi',
};

describe('code snippets', () => {
  it('curl sends the Bearer token and the compact JSON body', () => {
    assert.equal(
      curlSnippet(like),
      [
        "curl -X POST 'http://127.0.0.1:5000/api/likes' \\",
        "  -H 'Authorization: Bearer abc.def.ghi' \\",
        "  -H 'Content-Type: application/json' \\",
        `  -d '{"post_id":3}'`,
      ].join('\n'),
    );
  });

  it('curl quotes single quotes in bodies for the shell', () => {
    const snippet = curlSnippet({ ...like, body: `{"text": "it's"}` });
    assert.ok(snippet.endsWith(`-d '{"text":"it'"'"'s"}'`));
  });

  it('leaves the Authorization header out for the public token endpoint', () => {
    const token = {
      ...like,
      url: '/api/token',
      needsAuth: false,
      body: '{"username": "webdev", "password": ""}',
    };
    assert.doesNotMatch(curlSnippet(token), /Authorization/);
    assert.doesNotMatch(pythonSnippet(token), /Authorization/);
    assert.doesNotMatch(fetchSnippet(token), /Authorization/);
  });

  it('uses a placeholder until the user has a token', () => {
    assert.match(curlSnippet({ ...like, token: null }), /Bearer <ACCESS_TOKEN>/);
  });

  it('Python uses requests with json= and Python literals', () => {
    const snippet = pythonSnippet({ ...like, body: '{"caption": null, "ok": true}' });
    assert.match(snippet, /^import requests/);
    assert.match(snippet, /"caption": None/);
    assert.match(snippet, /"ok": True/);
    assert.match(snippet, /requests\.request\("POST", url, headers=headers, json=body\)/);
  });

  it('fetch sends the body through JSON.stringify', () => {
    const snippet = fetchSnippet(like);
    assert.match(snippet, /Authorization: "Bearer abc\.def\.ghi"/);
    assert.match(snippet, /body: JSON\.stringify\(\{\n {4}"post_id": 3\n {2}\}\)/);
  });
});
