import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { apiDocsPath, generateApiDocs } from './api-docs';
import { describeType, renderApiReference, type OpenApiDocument } from './api-docs-render';

describe('docs/api.md', () => {
  it('is what `npm run docs:api` generates from the current OpenAPI document', async () => {
    const committed = readFileSync(apiDocsPath, 'utf8');
    const generated = await generateApiDocs();
    assert.ok(
      committed === generated,
      'docs/api.md is stale: run `npm run docs:api` and commit docs/api.md',
    );
  });
});

describe('renderApiReference', () => {
  const doc: OpenApiDocument = {
    info: { title: 'T', description: 'D' },
    tags: [{ name: 'Things', description: 'All things.' }],
    paths: {
      '/api/things': {
        get: {
          summary: 'Get Things',
          tags: ['Things'],
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 5 } },
          ],
          responses: {
            '200': {
              description: 'Default Response',
              content: {
                'application/json': {
                  schema: {
                    type: 'array',
                    items: {
                      type: 'object',
                      title: 'Thing',
                      required: ['id'],
                      properties: { id: { type: 'integer' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };

  it('renders each operation under its tag, with parameters, statuses and resources', () => {
    const text = renderApiReference(doc, 'Intro.');
    assert.match(text, /^# T\n/);
    assert.match(text, /## Things\n\nAll things\.\n\n### Get Things\n\n`GET \/api\/things`/);
    assert.match(text, /\| `limit` \| query \| integer \(1-5\) \| no \|/);
    assert.match(text, /\| 200 \| OK \| array of \[Thing\]\(#thing\) \|/);
    assert.match(text, /### Thing\n\n\| Field \| Type \| Required \| Notes \|/);
    assert.match(text, /\| `id` \| integer \| yes \|/);
  });

  it('changes when the document changes (a new endpoint appears)', () => {
    const before = renderApiReference(doc, '');
    const changed = structuredClone(doc);
    changed.paths['/api/others'] = {
      delete: { summary: 'Delete Other', tags: ['Things'], responses: {} },
    };
    const after = renderApiReference(changed, '');
    assert.notEqual(after, before);
    assert.match(after, /`DELETE \/api\/others`/);
  });

  it('describes nullable, limited and defaulted types', () => {
    assert.equal(
      describeType({ anyOf: [{ type: 'string', maxLength: 9 }, { type: 'null' }] }),
      'string (0-9 characters) or null',
    );
    assert.equal(
      describeType({ type: 'integer', minimum: 1, maximum: 50, default: 20 }),
      'integer (1-50, default 20)',
    );
  });
});
