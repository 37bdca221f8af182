import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Comment, Post, User } from '../../../contract';
import { buildExample, deriveFacts, type Facts } from './examples';
import type { Endpoint, Field } from './openapi';

const user = (id: number): User => ({
  id,
  first_name: 'A',
  last_name: 'B',
  username: `user${id}`,
  email: `user${id}@example.com`,
  image_url: null,
  thumb_url: null,
});
const me = user(1);
const comment = (id: number, author: User, postId: number): Comment => ({
  id,
  text: 'hi',
  post_id: postId,
  display_time: 'Just now',
  user: author,
});
const post = (id: number, author: User, extra: Partial<Post> = {}): Post => ({
  id,
  image_url: '/media/x.svg',
  user: author,
  caption: null,
  alt_text: null,
  display_time: 'Just now',
  likes: [],
  comments: [],
  ...extra,
});

const posts = [
  post(30, user(2), {
    current_user_like_id: 301,
    current_user_bookmark_id: 302,
    comments: [comment(71, user(2), 30)],
  }),
  post(20, me, { current_user_bookmark_id: 202, comments: [comment(72, me, 20)] }),
  post(10, user(3)),
];
const facts: Facts = deriveFacts(me, posts, [], [{ id: 55, following: user(2) }], [user(4)]);

const field = (name: string, where: Field['in']): Field => ({
  name,
  in: where,
  type: 'integer',
  required: true,
  description: '',
});
const endpoint = (
  method: string,
  path: string,
  params: Field[] = [],
  body: Field[] | null = null,
): Endpoint => ({
  id: 'x',
  method,
  path,
  summary: 'x',
  description: '',
  group: 'x',
  deprecated: false,
  needsAuth: true,
  parameters: params,
  body: body ? { required: true, fields: body, example: {} } : null,
  responses: [],
});

describe('deriveFacts', () => {
  it('finds rows the user owns or may still act on', () => {
    assert.equal(facts.ownPost?.id, 20);
    assert.equal(facts.unlikedPost?.id, 20);
    assert.equal(facts.unbookmarkedPost?.id, 10);
    assert.equal(facts.ownComment?.id, 72);
    assert.deepEqual(facts.ownLike, { id: 301, post_id: 30 });
    assert.equal(facts.following?.id, 55);
    assert.equal(facts.stranger?.id, 4);
  });
});

describe('buildExample', () => {
  // POST /api/likes and /api/bookmarks name a post the user has not liked or bookmarked.
  for (const [name, path, postId] of [
    ['likes a post the user has not liked yet', '/api/likes', 20],
    ['bookmarks a post the user has not bookmarked yet', '/api/bookmarks', 10],
  ] as const) {
    it(name, () => {
      const body = [field('post_id', 'body')];
      const example = buildExample(endpoint('POST', path, [], body), facts, null);
      assert.deepEqual(JSON.parse(example.body), { post_id: postId });
      assert.deepEqual(example.notes, []);
    });
  }

  it('edits and deletes only a post the user owns, but reads any visible one', () => {
    const id = [field('id', 'path')];
    assert.equal(
      buildExample(endpoint('DELETE', '/api/posts/{id}', id), facts, null).params.id,
      '20',
    );
    assert.equal(
      buildExample(endpoint('PATCH', '/api/posts/{id}', id), facts, null).params.id,
      '20',
    );
    assert.equal(buildExample(endpoint('GET', '/api/posts/{id}', id), facts, null).params.id, '30');
  });

  it('fills both ids of the deprecated like alias from one of the user likes', () => {
    const example = buildExample(
      endpoint('DELETE', '/api/posts/{post_id}/likes/{id}', [
        field('post_id', 'path'),
        field('id', 'path'),
      ]),
      facts,
      null,
    );
    assert.deepEqual(example.params, { post_id: '30', id: '301' });
  });

  it('follows someone the user does not follow and unfollows with the following row id', () => {
    assert.deepEqual(
      JSON.parse(
        buildExample(
          endpoint('POST', '/api/following', [], [field('user_id', 'body')]),
          facts,
          null,
        ).body,
      ),
      { user_id: 4 },
    );
    assert.equal(
      buildExample(endpoint('DELETE', '/api/following/{id}', [field('id', 'path')]), facts, null)
        .params.id,
      '55',
    );
  });

  it('says what to do when the user has no row to use', () => {
    const example = buildExample(
      endpoint('DELETE', '/api/bookmarks/{id}', [field('id', 'path')]),
      facts,
      null,
    );
    assert.equal(example.params.id, '');
    assert.deepEqual(example.notes, [
      'You have no bookmarks yet: add one with "Add Bookmark" first.',
    ]);
  });

  it('starts a new post from an image the app serves', () => {
    const example = buildExample(
      endpoint('POST', '/api/posts', [], [field('image_url', 'body')]),
      facts,
      null,
    );
    assert.deepEqual(JSON.parse(example.body), { image_url: '/media/x.svg' });
  });

  it('fills the refresh token once the user has asked for tokens', () => {
    const refresh = endpoint('POST', '/api/token/refresh', [], [field('refresh_token', 'body')]);
    assert.equal(buildExample(refresh, facts, null).notes.length, 1);
    const filled = buildExample(refresh, facts, { access_token: 'a', refresh_token: 'r' });
    assert.deepEqual(JSON.parse(filled.body), { refresh_token: 'r' });
    assert.deepEqual(filled.notes, []);
  });
});
