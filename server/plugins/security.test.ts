import assert from 'node:assert/strict';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, it } from 'node:test';
import helmet from 'helmet';
import { bearer, createUser } from '../../test/fixtures';
import { useTestApp, testDialect } from '../../test/helpers';
import { contentSecurityPolicy, helmetOptions, securityHeaders } from './security';

const TRUSTED = 'https://client.example.edu';

describe(`security headers and CORS (${testDialect})`, () => {
  const t = useTestApp({ env: { CORS_ORIGINS: TRUSTED } });

  it('sends a strict CSP, frame-ancestors none, nosniff and a referrer policy on pages, the API and their errors', async () => {
    const user = await createUser(t.db);
    // A page, an answer, and the error answers (401, 404 of /api, unknown page and media).
    const requests = [
      { url: '/login' },
      { url: '/api/profile', headers: bearer(t.app, user.id) },
      { url: '/api/profile' },
      { url: '/api/nope', headers: bearer(t.app, user.id) },
      { url: '/no/such/page' },
      { url: '/media/nope.jpg' },
    ];
    const statuses = new Set<number>();
    for (const { url, headers } of requests) {
      const response = await t.app.inject({ method: 'GET', url, headers });
      statuses.add(response.statusCode);
      const csp = String(response.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]) {
        assert.ok(csp.includes(directive), `${url}: ${directive}`);
      }
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['x-frame-options'], 'DENY');
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    }
    for (const status of [200, 401, 404])
      assert.ok(statuses.has(status), `a ${status} was checked`);
  });

  it("sets exactly the headers helmet itself sets on a real response, for each deployment's options", async () => {
    const deployments = [
      { env: 'development', cookieSecure: false },
      { env: 'production', cookieSecure: false },
      { env: 'production', cookieSecure: true }, // with HSTS
    ] as const;
    for (const deployment of deployments) {
      const options = helmetOptions(deployment);
      const request = new IncomingMessage(new Socket());
      const response = new ServerResponse(request);
      helmet(options)(request, response, () => undefined);
      const expected = Object.fromEntries(
        Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]),
      );
      assert.ok(Object.keys(expected).length >= 10, 'helmet set its headers');
      assert.deepEqual(securityHeaders(options), expected, JSON.stringify(deployment));
    }
    // And the app sends them on a page and on an API answer.
    const expected = securityHeaders(helmetOptions(t.config));
    for (const url of ['/login', '/api/profile']) {
      const response = await t.app.inject({ method: 'GET', url });
      for (const [name, value] of Object.entries(expected))
        assert.equal(response.headers[name], value, `${url}: ${name}`);
    }
  });

  it('allows images from any https site (and http outside production), nothing else from elsewhere', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/login' });
    const directives = new Map(
      String(response.headers['content-security-policy'])
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    );
    assert.deepEqual(directives.get('img-src'), ["'self'", 'data:', 'blob:', 'https:', 'http:']);
    for (const name of ['script-src', 'style-src', 'connect-src', 'default-src'])
      assert.deepEqual(directives.get(name), ["'self'"], name);
    assert.deepEqual(contentSecurityPolicy('production')['img-src'], [
      "'self'",
      'data:',
      'blob:',
      'https:',
    ]);
    assert.deepEqual(contentSecurityPolicy('production')['connect-src'], ["'self'"]);
  });

  it('lets any origin call /api with a Bearer token, without credentials', async () => {
    const user = await createUser(t.db);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/profile',
      headers: { ...bearer(t.app, user.id), origin: 'https://anyone.example' },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.equal(response.headers['access-control-allow-credentials'], undefined);
  });

  /** A GET without credentials from a page at `origin`. */
  const getFrom = (url: string, origin: string) =>
    t.app.inject({ method: 'GET', url, headers: { origin } });

  it('allows credentialed (cookie) calls only from CORS_ORIGINS', async () => {
    const trusted = await getFrom('/api/profile', TRUSTED);
    assert.equal(trusted.headers['access-control-allow-origin'], TRUSTED);
    assert.equal(trusted.headers['access-control-allow-credentials'], 'true');
    const other = await getFrom('/api/profile', 'https://evil.example');
    assert.notEqual(other.headers['access-control-allow-credentials'], 'true');
  });

  it('answers a preflight for /api without a token, allowing the Authorization and X-CSRF-TOKEN headers', async () => {
    const response = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/posts',
      headers: {
        origin: TRUSTED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-csrf-token',
      },
    });
    assert.equal(response.statusCode, 204);
    const allowed = String(response.headers['access-control-allow-headers']).toLowerCase();
    for (const header of ['authorization', 'content-type', 'x-csrf-token'])
      assert.ok(allowed.includes(header), header);
    assert.match(String(response.headers['access-control-allow-methods']), /PATCH/);
  });

  it('answers every preflight case as @fastify/cors did', async () => {
    const preflight = (url: string, headers: Record<string, string>) =>
      t.app.inject({ method: 'OPTIONS', url, headers });
    const asks = { 'access-control-request-method': 'DELETE' };
    // From another origin: allowed, without credentials.
    const other = await preflight('/api/posts/1', { origin: 'https://other.example', ...asks });
    assert.equal(other.statusCode, 204);
    assert.equal(other.headers['access-control-allow-origin'], '*');
    assert.equal(other.headers['access-control-allow-credentials'], undefined);
    assert.equal(other.headers['access-control-max-age'], '600');
    assert.equal(other.headers['content-length'], '0');
    assert.equal(other.body, '');
    // From a trusted origin, to a path with no route (the answer is the same).
    const trusted = await preflight('/api/no/such/thing', { origin: TRUSTED, ...asks });
    assert.equal(trusted.statusCode, 204);
    assert.equal(trusted.headers['access-control-allow-origin'], TRUSTED);
    assert.equal(trusted.headers['access-control-allow-credentials'], 'true');
    // Not a preflight: no Origin, or no method asked for.
    for (const headers of [asks, { origin: TRUSTED }]) {
      const refused = await preflight('/api/posts', headers);
      assert.equal(refused.statusCode, 400, JSON.stringify(headers));
      assert.equal(refused.body, 'Invalid Preflight Request');
    }
    // Outside /api there is no OPTIONS endpoint.
    const page = await preflight('/login', { origin: TRUSTED, ...asks });
    assert.equal(page.statusCode, 404);
    assert.equal(page.headers['access-control-allow-origin'], undefined);
  });

  it('says every answer depends on Origin, errors included', async () => {
    for (const url of ['/api/profile', '/api/nope', '/login']) {
      const response = await getFrom(url, 'https://other.example');
      assert.match(String(response.headers.vary), /^Origin\b/, url);
    }
  });

  it('adds no CORS headers outside /api', async () => {
    const response = await getFrom('/login', TRUSTED);
    assert.equal(response.headers['access-control-allow-origin'], undefined);
  });
});
