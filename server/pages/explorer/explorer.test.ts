import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { ACCESS_COOKIE } from '../../auth/cookies';
import { createUser } from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';
import { clientDistDir } from '../client-build';

// `npm test` runs with a client build (CI builds first) or without one (a fresh
// clone): which answer is right depends on whether the explorer entry exists, and
// only that answer is accepted.
const built = existsSync(path.join(clientDistDir, 'explorer.html'));

describe(`GET /api, the API explorer page (${testDialect})`, () => {
  const t = useTestApp();
  let cookie: string;
  before(async () => {
    const user = await createUser(t.db);
    cookie = `${ACCESS_COOKIE}=${t.app.tokens.sign('access', user.id).token}`;
  });

  for (const url of ['/api', '/api/']) {
    it(`redirects ${url} to exactly /login without a token`, async () => {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 302);
      assert.equal(response.headers.location, '/login');
    });

    it(`serves the explorer at ${url} to a user logged in by cookie`, async () => {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      if (built) {
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^text\/html/);
        assert.match(response.body, /<title>API explorer · Photo App<\/title>/);
      } else {
        assert.equal(response.statusCode, 503);
        assert.match(String(response.headers['content-type']), /^text\/html/);
        assert.match(response.body, /Run <code>npm run build<\/code>/);
      }
      assert.equal(response.headers['cache-control'], 'no-store');
    });
  }

  const getWithAccessCookie = (url: string, token: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: `${ACCESS_COOKIE}=${token}` } });

  it('redirects to /login when the cookie holds a refresh token instead of an access token', async () => {
    const user = await createUser(t.db);
    const refresh = t.app.tokens.sign('refresh', user.id).token;
    const response = await getWithAccessCookie('/api', refresh);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/login');
  });

  it('redirects to /login when the user of the token was deleted', async () => {
    const user = await createUser(t.db);
    const token = t.app.tokens.sign('access', user.id).token;
    await t.db.kysely.deleteFrom('users').where('id', '=', user.id).execute();
    const response = await getWithAccessCookie('/api/', token);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/login');
  });
});

describe(`the explorer's Meaning column (${testDialect})`, () => {
  const t = useTestApp();

  interface Schema {
    $ref?: string;
    description?: string;
    properties?: Record<string, Schema>;
  }
  interface Operation {
    parameters?: Array<{ name: string; in: string; description?: string; schema?: Schema }>;
    requestBody?: { content?: Record<string, { schema?: Schema }> };
  }

  it('has words for every parameter and JSON body field of the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json<{
      paths: Record<string, Record<string, Operation>>;
      components?: { schemas?: Record<string, Schema> };
    }>();
    // $refs point into components.schemas by name ("#/components/schemas/def-3").
    const resolve = (schema: Schema | undefined): Schema | undefined =>
      schema?.$ref ? resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!]) : schema;
    const silent: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const parameter of operation.parameters ?? []) {
          if (!(parameter.description ?? resolve(parameter.schema)?.description)) {
            silent.push(`${method.toUpperCase()} ${path} ${parameter.in} ${parameter.name}`);
          }
        }
        const body = resolve(operation.requestBody?.content?.['application/json']?.schema);
        for (const [name, field] of Object.entries(body?.properties ?? {})) {
          if (!resolve(field)?.description)
            silent.push(`${method.toUpperCase()} ${path} body ${name}`);
        }
      }
    }
    assert.deepEqual(silent, []);
  });
});
