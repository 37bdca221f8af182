import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bookmark,
  comment,
  createPost,
  createUser,
  like,
  createNetwork,
  assertAnswer,
} from '../../../test/fixtures';
import { useTestApp, testDialect } from '../../../test/helpers';
import { LIMITS } from '../../../contract';

const t = useTestApp({ env: { BODY_LIMIT: '65536' } });

const network = () => createNetwork(t.app, t.db);

const postsOf = (userId: number) =>
  t.db.kysely.selectFrom('posts').selectAll().where('user_id', '=', userId).execute();

describe(`POST /api/posts (${testDialect})`, () => {
  it('creates a post owned by the current user and answers 201 Post', async () => {
    const { viewer, as } = await network();
    const response = await as('POST', '/api/posts/', {
      image_url: '/a.jpg',
      caption: 'Hi',
      alt_text: 'A cat',
    });
    assert.equal(response.statusCode, 201);
    const post = response.json();
    const [row] = await postsOf(viewer.id);
    assert.deepEqual(
      { ...post, user: post.user.id },
      {
        id: row?.id,
        image_url: '/a.jpg',
        caption: 'Hi',
        alt_text: 'A cat',
        display_time: 'Just now',
        user: viewer.id,
        likes: [],
        comments: [],
      },
    );
  });

  it('stores null for an absent caption and alt text', async () => {
    const { as } = await network();
    const post = (await as('POST', '/api/posts', { image_url: '/b.jpg' })).json();
    assert.deepEqual([post.caption, post.alt_text], [null, null]);
  });

  it('answers 400 naming image_url when it is missing, empty, not a string or too long, and writes nothing', async () => {
    const { viewer, as } = await network();
    const cases: Array<[object, RegExp]> = [
      [{}, /Missing field "image_url"/],
      [{ image_url: '' }, /"image_url": must not be empty/],
      [{ image_url: 12 }, /"image_url": must be a string/],
      [
        { image_url: 'x'.repeat(LIMITS.imageUrl + 1) },
        /"image_url": must be at most 200 characters/,
      ],
      [
        { image_url: '/c.jpg', caption: 'x'.repeat(LIMITS.caption + 1) },
        /"caption": must be at most/,
      ],
      [
        { image_url: '/c.jpg', alt_text: 'x'.repeat(LIMITS.altText + 1) },
        /"alt_text": must be at most/,
      ],
    ];
    for (const [payload, message] of cases) {
      const response = await as('POST', '/api/posts', payload);
      assert.equal(response.statusCode, 400, JSON.stringify(payload).slice(0, 40));
      assert.match(response.json().message, message);
    }
    assert.deepEqual(await postsOf(viewer.id), []);
  });

  it('answers 400 for malformed JSON, 415 for another content type and 413 for a body over the limit', async () => {
    const { viewer, as } = await network();
    const headers = { ...apiHeaders(viewer.id) };
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"image_url":',
    });
    assertAnswer(malformed, 400, { message: 'The request body is not valid JSON.' });
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: 'image_url=/x.jpg',
    });
    assert.equal(text.statusCode, 415);
    assert.match(text.json().message, /application\/json/);
    const huge = await as('POST', '/api/posts', {
      image_url: '/d.jpg',
      caption: 'x'.repeat(70_000),
    });
    assertAnswer(huge, 413, { message: 'The request body is too large.' });
    assert.deepEqual(await postsOf(viewer.id), []);
  });
});

function apiHeaders(userId: number) {
  return { authorization: `Bearer ${t.app.tokens.sign('access', userId).token}` };
}

describe(`PATCH /api/posts/:id (${testDialect})`, () => {
  it('changes only the fields sent', async () => {
    const { viewer, as } = await network();
    const post = await createPost(t.db, viewer.id, { caption: 'old', alt_text: 'alt' });
    const response = await as('PATCH', `/api/posts/${post.id}`, { caption: 'new' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(
      [response.json().caption, response.json().alt_text, response.json().image_url],
      ['new', 'alt', post.image_url],
    );
    const cleared = await as('PATCH', `/api/posts/${post.id}/`, {
      alt_text: null,
      image_url: '/new.jpg',
    });
    assert.deepEqual(
      [cleared.json().caption, cleared.json().alt_text, cleared.json().image_url],
      ['new', null, '/new.jpg'],
    );
  });

  it('ignores fields that cannot be changed', async () => {
    const { viewer, as } = await network();
    const post = await createPost(t.db, viewer.id);
    const response = await as('PATCH', `/api/posts/${post.id}`, {
      caption: 'ok',
      id: 1,
      user_id: 2,
      pub_date: 'x',
    });
    assert.equal(response.statusCode, 200);
    const [row] = await postsOf(viewer.id);
    assert.deepEqual(row, { ...post, caption: 'ok' });
  });

  it('changes nothing for {} and answers 200 Post', async () => {
    const { viewer, as } = await network();
    const post = await createPost(t.db, viewer.id, { caption: 'same' });
    const response = await as('PATCH', `/api/posts/${post.id}`, {});
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().caption, 'same');
    assert.deepEqual((await postsOf(viewer.id))[0], post);
  });

  it('answers 404 for a post followed but not owned, a hidden one and an absent one', async () => {
    const { friend, as } = await network();
    const stranger = await createUser(t.db);
    const theirs = await createPost(t.db, friend.id, { caption: 'keep' });
    const hidden = await createPost(t.db, stranger.id);
    for (const id of [theirs.id, hidden.id, hidden.id + 100_000]) {
      const response = await as('PATCH', `/api/posts/${id}`, { caption: 'hacked' });
      assertAnswer(response, 404, { message: `Post ${id} not found.` });
    }
    assert.equal((await postsOf(friend.id))[0]?.caption, 'keep');
  });

  it('answers 400 for a bad field and leaves the post unchanged', async () => {
    const { viewer, as } = await network();
    const post = await createPost(t.db, viewer.id);
    for (const payload of [{ image_url: '' }, { caption: 5 }, { image_url: null }]) {
      const response = await as('PATCH', `/api/posts/${post.id}`, payload);
      assert.equal(response.statusCode, 400);
      assert.match(response.json().message, /field "(image_url|caption)"/);
    }
    assert.deepEqual((await postsOf(viewer.id))[0], post);
  });
});

describe(`DELETE /api/posts/:id (${testDialect})`, () => {
  it('deletes an owned post with its comments, likes and bookmarks', async () => {
    const { viewer, friend, as } = await network();
    const post = await createPost(t.db, viewer.id);
    await comment(t.db, friend.id, post.id);
    await like(t.db, friend.id, post.id);
    await bookmark(t.db, viewer.id, post.id);
    // The course client sends Content-Type: application/json with an empty body.
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/posts/${post.id}`,
      headers: { ...apiHeaders(viewer.id), 'content-type': 'application/json' },
      payload: '',
    });
    assertAnswer(response, 200, { message: `Post ${post.id} deleted.` });
    for (const table of ['comments', 'likes_posts', 'bookmarks'] as const) {
      const left = await t.db.kysely
        .selectFrom(table)
        .select('id')
        .where('post_id', '=', post.id)
        .execute();
      assert.deepEqual(left, [], table);
    }
    assert.equal((await as('GET', `/api/posts/${post.id}`)).statusCode, 404);
  });

  it('answers 404 for a post followed but not owned, a hidden one and an absent one, deleting nothing', async () => {
    const { friend, as } = await network();
    const stranger = await createUser(t.db);
    const theirs = await createPost(t.db, friend.id);
    const hidden = await createPost(t.db, stranger.id);
    for (const id of [theirs.id, hidden.id, hidden.id + 100_000]) {
      const response = await as('DELETE', `/api/posts/${id}`);
      assertAnswer(response, 404, { message: `Post ${id} not found.` });
    }
    assert.equal((await postsOf(friend.id)).length, 1);
    assert.equal((await postsOf(stranger.id)).length, 1);
  });
});
