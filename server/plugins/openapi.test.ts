import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { useTestApp, testDialect } from '../../test/helpers';
import { API_TAGS } from './openapi';

/** The parts of an operation these tests read. */
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: Array<{ name: string }>;
}
type Document = {
  openapi: string;
  tags: Array<{ name: string }>;
  security: unknown[];
  components: {
    securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }>;
  };
  paths: Record<string, Record<string, Operation>>;
};

let doc: Document;
const t = useTestApp({}, async ({ app }) => {
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(response.statusCode, 200);
  doc = response.json();
});

/** Fastify's `/api/posts/:id` as OpenAPI writes it: `/api/posts/{id}`. */
const toOpenApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '');

describe(`GET /api/openapi.json (${testDialect})`, () => {
  it('is a valid OpenAPI 3.1 document, served without a token', async () => {
    assert.match(doc.openapi, /^3\.1\./);
    const result = await new Validator().validate(doc as never);
    assert.equal(result.valid, true, JSON.stringify(result.errors));
  });

  it('documents every registered /api route with a tag, a summary and a description', () => {
    const apiRoutes = t.app.registeredRoutes.filter(
      (route) =>
        route.url.startsWith('/api/') &&
        route.method !== 'HEAD' &&
        route.url !== '/api/openapi.json',
    );
    assert.ok(apiRoutes.length >= 24, `only ${apiRoutes.length} routes`);
    for (const route of apiRoutes) {
      const operation = doc.paths[toOpenApiPath(route.url)]?.[route.method.toLowerCase()];
      assert.ok(operation, `${route.method} ${route.url} is not documented`);
      assert.equal(operation.tags?.length, 1, `${route.method} ${route.url} tags`);
      assert.ok(
        API_TAGS.some((tag) => tag.name === operation.tags?.[0]),
        `${route.method} ${route.url} tag`,
      );
      assert.ok(operation.summary, `${route.method} ${route.url} summary`);
      assert.ok(operation.description, `${route.method} ${route.url} description`);
    }
  });

  it('names the endpoints as the explorer expects, with the tags in contract order', () => {
    assert.deepEqual(
      doc.tags.map((tag) => tag.name),
      API_TAGS.map((tag) => tag.name),
    );
    assert.equal(doc.paths['/api/posts']?.get?.summary, 'Get List of Posts');
    assert.equal(doc.paths['/api/likes']?.post?.summary, 'Add a Like');
    assert.equal(doc.paths['/api/following/{id}']?.delete?.summary, 'Unfollow User');
  });

  it('marks the older like paths as deprecated aliases', () => {
    const aliases = {
      post: ['/api/posts/{post_id}/likes', '/api/posts/likes'],
      delete: ['/api/posts/{post_id}/likes/{id}', '/api/posts/likes/{id}'],
    };
    for (const [method, paths] of Object.entries(aliases))
      for (const path of paths) {
        const operation = doc.paths[path]?.[method];
        assert.equal(operation?.deprecated, true, `${method} ${path}`);
        assert.match(operation?.summary ?? '', /\(deprecated alias/);
      }
    assert.notEqual(doc.paths['/api/likes']?.post?.deprecated, true);
  });

  it('documents the feed cursor and both security schemes', () => {
    const names = doc.paths['/api/posts']?.get?.parameters?.map((parameter) => parameter.name);
    assert.deepEqual(names?.sort(), ['before', 'limit']);
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    assert.equal(doc.components.securitySchemes.cookieAuth?.in, 'cookie');
    assert.equal(doc.components.securitySchemes.cookieAuth?.name, 'access_token_cookie');
    assert.deepEqual(doc.security, [{ bearerAuth: [] }, { cookieAuth: [] }]);
  });
});
