import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { NewComment, NewPost, PostIdBody } from '../../contract';
import { apiAs, assertAnswer, bearer, createUser } from '../../test/fixtures';
import { useTestApp, testDialect } from '../../test/helpers';
import { describeValidationError } from './validation';

/** The message the body validator gives for `value` (the same options as registerValidators). */
function bodyMessage(schema: object, value: unknown): string {
  const validate = new Ajv({ allErrors: false, verbose: true, strict: false }).compile(schema);
  assert.equal(validate(value), false);
  return describeValidationError(validate.errors ?? [], 'body');
}

describe('describeValidationError', () => {
  const messages: Array<[test: string, schema: object, body: unknown, message: string]> = [
    ['names a missing field', NewPost, {}, 'Missing field "image_url".'],
    [
      'names the field and the type it must have',
      NewPost,
      { image_url: 3 },
      'Invalid field "image_url": must be a string.',
    ],
    [
      "uses a schema's errorMessage for ids in bodies",
      PostIdBody,
      { post_id: 1.5 },
      'Invalid field "post_id": must be a positive integer id (a number like 12 or a string like "12").',
    ],
    [
      'asks for a JSON object when the body is not one',
      PostIdBody,
      [1],
      'The request body must be a JSON object (send Content-Type: application/json).',
    ],
  ];
  for (const [test, schema, body, message] of messages)
    it(test, () => assert.equal(bodyMessage(schema, body), message));

  it('says an empty text must not be empty and a long one how long it may be', () => {
    assert.equal(
      bodyMessage(NewComment, { post_id: 1, text: '' }),
      'Invalid field "text": must not be empty.',
    );
    assert.match(
      bodyMessage(NewComment, { post_id: 1, text: 'x'.repeat(5000) }),
      /"text": must be at most 2200 characters long\.$/,
    );
  });

  it('names query parameters as such', () => {
    const validate = new Ajv({ strict: false }).compile({
      type: 'object',
      properties: { limit: { type: 'integer' } },
    });
    validate({ limit: 'x' });
    assert.equal(
      describeValidationError(validate.errors ?? [], 'querystring'),
      'Invalid query parameter "limit": must be an integer.',
    );
  });
});

describe(`request bodies under /api (${testDialect})`, () => {
  const t = useTestApp();

  it('answers 415 for a non-empty body that is not JSON', async () => {
    const user = await createUser(t.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/likes',
      headers: { ...bearer(t.app, user.id), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'post_id=1',
    });
    assertAnswer(response, 415, {
      message: 'Unsupported Content-Type: send the body as application/json.',
    });
  });

  it('accepts an empty body whatever its Content-Type says', async () => {
    const user = await createUser(t.db);
    for (const type of ['application/json', 'text/plain']) {
      const response = await t.app.inject({
        method: 'DELETE',
        url: '/api/likes/2147483000',
        headers: { ...bearer(t.app, user.id), 'content-type': type },
        payload: '',
      });
      assertAnswer(response, 404, { message: 'Like 2147483000 not found.' }, type);
    }
    assert.equal((await apiAs(t.app, user.id)('DELETE', '/api/likes/2147483000')).statusCode, 404);
  });

  it('accepts application/json with a charset, and only application/json', async () => {
    const user = await createUser(t.db);
    const send = (type: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/posts',
        headers: { ...bearer(t.app, user.id), 'content-type': type },
        payload: JSON.stringify({ image_url: '/x.jpg' }),
      });
    assert.equal((await send('application/json; charset=utf-8')).statusCode, 201);
    assert.equal((await send('application/merge-patch+json')).statusCode, 415);
  });
});
