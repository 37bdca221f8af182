// API.md §4 "Inputs are strict": each example of hostile input the two databases
// used to answer differently, as a table, on the dialect under test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIMITS } from '../../contract';
import { apiAs, bearer, createPost, createUser, type ApiClient } from '../../test/fixtures';
import { testDialect, useTestApp } from '../../test/helpers';

const OUT_OF_RANGE_IDS: unknown[] = [
  2147483648,
  '2147483648',
  '9999999999',
  1e20,
  2 ** 53 + 2,
  0,
  -1,
  '0',
  '99999999999999999999999',
];
const NOT_IDS: unknown[] = ['abc', '0x35', '053', '+53', ' 53', '5.3e1', '', 1.5, null, true, [1]];

describe(`strict inputs (${testDialect})`, () => {
  const t = useTestApp();
  let as: ApiClient;
  let postId: number;
  let userId: number;
  let count: (
    table: 'posts' | 'comments' | 'likes_posts' | 'bookmarks' | 'following',
  ) => Promise<number>;

  it('sets up a user with a post', async () => {
    const user = await createUser(t.db);
    userId = user.id;
    postId = (await createPost(t.db, user.id)).id;
    as = apiAs(t.app, user.id);
    count = async (table) => {
      const row = await t.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
  });

  const bodyIdRoutes: Array<[url: string, field: string, extra: object]> = [
    ['/api/bookmarks', 'post_id', {}],
    ['/api/likes', 'post_id', {}],
    ['/api/posts/likes', 'post_id', {}],
    ['/api/comments', 'post_id', { text: 'Hello' }],
    ['/api/following', 'user_id', {}],
  ];
  for (const [url, field, extra] of bodyIdRoutes) {
    it(`POST ${url} answers 404 for ${field} outside 1-2147483647`, async () => {
      for (const id of OUT_OF_RANGE_IDS) {
        const response = await as('POST', url, { ...extra, [field]: id });
        assert.equal(response.statusCode, 404, `${url} ${JSON.stringify(id)}: ${response.body}`);
        assert.match(response.json<{ message: string }>().message, /not found\.$/);
      }
      // Beyond what a double holds exactly: JSON text, as a client would send it.
      const text = JSON.stringify({ ...extra, [field]: 0 }).replace(/0}$/, '9007199254740993}');
      const raw = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...bearer(t.app, userId), 'content-type': 'application/json' },
        payload: text,
      });
      assert.equal(raw.statusCode, 404, text);
    });
    it(`POST ${url} answers 400 naming ${field} when it is not an id`, async () => {
      for (const id of NOT_IDS) {
        const response = await as('POST', url, { ...extra, [field]: id });
        assert.equal(response.statusCode, 400, `${url} ${JSON.stringify(id)}: ${response.body}`);
        assert.match(response.json<{ message: string }>().message, new RegExp(`"${field}"`));
      }
    });
  }

  it('refuses a NUL in every text field with a 400 naming the field, before SQL', async () => {
    const cases: Array<[method: 'POST' | 'PATCH', url: string, body: object, field: string]> = [
      ['POST', '/api/posts', { image_url: '/x.jpg', caption: 'a\u0000b' }, 'caption'],
      ['POST', '/api/posts', { image_url: '/x.jpg', alt_text: '\u0000' }, 'alt_text'],
      ['POST', '/api/posts', { image_url: '/x\u0000.jpg' }, 'image_url'],
      ['PATCH', `/api/posts/${postId}`, { caption: 'x\u0000' }, 'caption'],
      ['POST', '/api/comments', { post_id: postId, text: 'nice\u0000' }, 'text'],
      ['POST', '/api/posts', { image_url: '/x.jpg', caption: 'lone \ud800' }, 'caption'],
    ];
    const before = await count('posts');
    for (const [method, url, body, field] of cases) {
      const response = await as(method, url, body);
      assert.equal(response.statusCode, 400, `${method} ${url}: ${response.body}`);
      assert.match(response.json<{ message: string }>().message, new RegExp(`"${field}"`));
    }
    assert.equal(await count('posts'), before);
  });

  it('answers 400 naming the field for a NUL in the username of /api/token', async () => {
    for (const body of [
      { username: 'web\u0000dev', password: 'password' },
      { username: 'webdev', password: 'pass\u0000word' },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/token', payload: body });
      assert.equal(response.statusCode, 400, response.body);
      assert.match(response.json<{ message: string }>().message, /"(username|password)": .*NUL/);
    }
  });

  it('answers /login with a NUL in the username with the form again (200)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=web%00dev&password=password',
    });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.match(response.body, /<form/);
    assert.ok(!response.body.includes('\u0000'), 'no NUL in the page');
  });

  it('answers 404 for a path id in any notation but plain digits in range', async () => {
    const spellings = ['0x35', '5.3e1', '0b110101', '0o65', '+53', '%2053', '053', '53.0', '0'];
    for (const spelling of [...spellings, '-1', '2147483648', '1e3', 'abc', '%20']) {
      const response = await as('GET', `/api/posts/${spelling}`);
      assert.equal(response.statusCode, 404, `/api/posts/${spelling}: ${response.body}`);
    }
    assert.equal((await as('GET', `/api/posts/${postId}`)).statusCode, 200);
    assert.equal((await as('DELETE', '/api/likes/2147483648')).statusCode, 404);
    assert.equal((await as('POST', '/api/posts/0x35/likes')).statusCode, 404);
  });

  it('answers 400 for a limit in any notation but plain digits', async () => {
    for (const limit of ['0x10', '1e1', '0b11', '+5', '05', '%205', '5.0', '-5', '0', '51', '']) {
      const response = await as('GET', `/api/posts?limit=${limit}`);
      assert.equal(response.statusCode, 400, `limit=${limit}: ${response.body}`);
      assert.match(response.json<{ message: string }>().message, /"limit"/);
    }
    assert.equal((await as('GET', '/api/posts?limit=10')).statusCode, 200);
    assert.equal((await as('GET', '/api/posts?before=0x10')).statusCode, 400);
  });

  it('refuses an image_url that is not an http(s) URL with a host or a /path', async () => {
    const bad = [
      'not a url',
      'javascript:alert(1)',
      '//host/x',
      '/\\host/x',
      'http://',
      'ftp://h/x',
      ' /x.jpg',
      'https://h/a b',
      '',
    ];
    for (const image_url of bad) {
      const response = await as('POST', '/api/posts', { image_url });
      assert.equal(response.statusCode, 400, `${JSON.stringify(image_url)}: ${response.body}`);
      assert.match(response.json<{ message: string }>().message, /"image_url"/);
    }
    const good = [
      'https://picsum.photos/600/430?id=42',
      'http://localhost:5000/x.jpg',
      '/media/u/a.webp',
    ];
    for (const image_url of good) {
      const response = await as('POST', '/api/posts', { image_url });
      assert.equal(response.statusCode, 201, `${image_url}: ${response.body}`);
      assert.equal(response.json<{ image_url: string }>().image_url, image_url);
    }
  });

  it('refuses a 274-character image_url with a 400 naming the limit instead of cutting it', async () => {
    const image_url = `https://example.com/${'a'.repeat(274 - 20)}`;
    assert.equal(image_url.length, 274);
    const response = await as('POST', '/api/posts', { image_url });
    assert.equal(response.statusCode, 400);
    assert.match(
      response.json<{ message: string }>().message,
      new RegExp(`"image_url".*${LIMITS.imageUrl}`),
    );
  });
});
