import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeType, readGroups, slugify, type OpenApiDocument } from './openapi';

const doc: OpenApiDocument = {
  openapi: '3.1.0',
  tags: [{ name: 'Posts' }, { name: 'Post Likes' }, { name: 'Access Tokens' }],
  security: [{ bearerAuth: [] }, { cookieAuth: [] }],
  components: {
    schemas: {
      'def-0': { $id: 'Post', type: 'object', properties: { id: { type: 'integer' } } },
      Like: { type: 'object', properties: { id: { type: 'integer' } } },
    },
  },
  paths: {
    '/api/token': {
      post: {
        tags: ['Access Tokens'],
        summary: 'Get Access Token',
        security: [],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['username', 'password'],
                properties: { username: { type: 'string' }, password: { type: 'string' } },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Default Response',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
    '/api/likes': {
      post: {
        tags: ['Post Likes'],
        summary: 'Add a Like',
        description: 'Likes a visible post.',
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['post_id'],
                properties: {
                  post_id: {
                    anyOf: [{ type: 'integer' }, { type: 'string' }],
                    errorMessage: 'must be an id.',
                  },
                },
              },
              examples: { example1: { value: { post_id: 3 } } },
            },
          },
        },
        responses: {
          '201': {
            description: 'The new like',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Like' } } },
          },
        },
      },
    },
    '/api/posts/likes': {
      post: { tags: ['Post Likes'], summary: 'Add a Like (deprecated alias)', deprecated: true },
    },
    '/api/posts/{post_id}/likes': {
      post: { tags: ['Post Likes'], summary: 'Add a Like (deprecated alias)', deprecated: true },
    },
    '/api/posts': {
      get: {
        tags: ['Posts'],
        summary: 'Get List of Posts',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', default: 20, description: 'How many.' },
          },
        ],
        responses: {
          '200': {
            description: 'Posts',
            content: {
              'application/json': {
                schema: { type: 'array', items: { $ref: '#/components/schemas/def-0' } },
              },
            },
          },
        },
      },
    },
  },
};

describe('readGroups', () => {
  const groups = readGroups(doc);
  const all = groups.flatMap((group) => group.endpoints);
  const find = (summary: string) => all.find((endpoint) => endpoint.summary === summary);

  it('orders the groups as the document orders its tags, not as the paths come', () => {
    assert.deepEqual(
      groups.map((group) => group.name),
      ['Posts', 'Post Likes', 'Access Tokens'],
    );
  });

  it('anchors endpoints by their summary and keeps anchors unique for aliases that share one', () => {
    assert.equal(find('Get List of Posts')?.id, 'get-list-of-posts');
    const ids = all.map((endpoint) => endpoint.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('add-a-like-deprecated-alias'));
  });

  it('treats `security: []` as public and the global default as needing a token', () => {
    assert.equal(find('Get Access Token')?.needsAuth, false);
    assert.equal(find('Add a Like')?.needsAuth, true);
  });

  it('lists body fields with type, required and meaning, and takes the documented example', () => {
    const like = find('Add a Like');
    assert.deepEqual(like?.body?.fields, [
      {
        name: 'post_id',
        in: 'body',
        type: 'integer | string',
        required: true,
        description: 'must be an id.',
      },
    ]);
    assert.deepEqual(like?.body?.example, { post_id: 3 });
  });

  it('makes up a typed example when the document has none', () => {
    assert.deepEqual(find('Get Access Token')?.body?.example, {
      username: 'Example username',
      password: 'Example password',
    });
  });

  it('names response types through references, including fastify-swagger def-N names', () => {
    assert.deepEqual(find('Get List of Posts')?.responses, [
      { status: '200', description: 'Posts', type: 'Post[]' },
    ]);
    assert.equal(find('Add a Like')?.responses[0]?.type, 'Like');
  });

  it('drops the meaningless "Default Response" description of fastify-swagger', () => {
    assert.equal(find('Get Access Token')?.responses[0]?.description, '');
  });

  it('describes query parameters with their default', () => {
    assert.deepEqual(find('Get List of Posts')?.parameters, [
      {
        name: 'limit',
        in: 'query',
        type: 'integer',
        required: false,
        description: 'How many. Default: 20.',
        defaultValue: '20',
      },
    ]);
  });
});

describe('describeType', () => {
  it('writes nullable and array types the way TypeScript readers expect', () => {
    assert.equal(describeType(doc, { type: ['string', 'null'] }), 'string | null');
    assert.equal(
      describeType(doc, { anyOf: [{ type: 'string' }, { type: 'null' }] }),
      'string | null',
    );
    assert.equal(
      describeType(doc, {
        type: 'array',
        items: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
      }),
      '(integer | string)[]',
    );
  });
});

describe('slugify', () => {
  it('turns a summary into an anchor', () => {
    assert.equal(slugify('Add a Like (deprecated alias)'), 'add-a-like-deprecated-alias');
  });
});
