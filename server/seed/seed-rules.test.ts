// The demo data's rules, checked on the seeded database itself: API.md §8 (course
// tools depend on them) and issue 2 (the shape of the demo network).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeScene, sceneFor } from '../images/scene';
import { buildTestApp, testDialect, type TestApp } from '../../test/helpers';
import { fromDbTime } from '../db/portable';
import { seedDemo } from './seed';

const now = new Date('2026-05-04T10:20:30.000Z');
const HOUR = 3_600_000;

type Rows = Awaited<ReturnType<typeof loadAll>>;

async function loadAll(t: TestApp) {
  const k = t.db.kysely;
  return {
    users: await k.selectFrom('users').selectAll().orderBy('id').execute(),
    following: await k.selectFrom('following').selectAll().execute(),
    posts: await k.selectFrom('posts').selectAll().execute(),
    comments: await k.selectFrom('comments').selectAll().execute(),
    likes: await k.selectFrom('likes_posts').selectAll().execute(),
    commentLikes: await k.selectFrom('likes_comments').selectAll().execute(),
    bookmarks: await k.selectFrom('bookmarks').selectAll().execute(),
    stories: await k.selectFrom('stories').selectAll().execute(),
  };
}

const countBy = <T>(rows: T[], key: (row: T) => number, id: number) =>
  rows.filter((row) => key(row) === id).length;

describe(`the demo data (${testDialect})`, () => {
  let t: TestApp;
  let rows: Rows;
  const network = (userId: number) =>
    new Set([
      userId,
      ...rows.following.filter((f) => f.user_id === userId).map((f) => f.following_id),
    ]);
  const visiblePosts = (userId: number) => {
    const members = network(userId);
    return rows.posts.filter((post) => members.has(post.user_id));
  };

  before(async () => {
    t = await buildTestApp();
    await seedDemo(t.db, { now });
    rows = await loadAll(t);
  });
  after(() => t.close());

  it('makes user 1 webdev (Webdev User) among about 30 users', () => {
    assert.deepEqual(
      {
        id: rows.users[0]?.id,
        username: rows.users[0]?.username,
        first: rows.users[0]?.first_name,
        last: rows.users[0]?.last_name,
      },
      { id: 1, username: 'webdev', first: 'Webdev', last: 'User' },
    );
    assert.ok(rows.users.length >= 25 && rows.users.length <= 35, `${rows.users.length} users`);
    assert.ok(rows.users.every((user) => user.username === user.username.toLowerCase()));
  });

  it('has every user follow 10 others and be followed by several', () => {
    for (const { id } of rows.users) {
      const follows = rows.following.filter((f) => f.user_id === id);
      assert.equal(follows.length, 10, `user ${id} follows`);
      assert.ok(
        follows.every((f) => f.following_id !== id),
        `user ${id} follows themself`,
      );
      assert.ok(countBy(rows.following, (f) => f.following_id, id) >= 3, `user ${id} followers`);
    }
  });

  it('gives every user 5-10 posts from the last 100 hours, each with alt text that describes its image', () => {
    for (const { id } of rows.users) {
      const count = countBy(rows.posts, (p) => p.user_id, id);
      assert.ok(count >= 5 && count <= 10, `user ${id} has ${count} posts`);
    }
    for (const post of rows.posts) {
      const age = now.getTime() - fromDbTime(post.pub_date).getTime();
      assert.ok(age > 0 && age <= 100 * HOUR, `post ${post.id} is ${age} ms old`);
      assert.equal(post.image_url, `/media/seed/post-${post.id}.svg`);
      assert.equal(post.alt_text, describeScene(sceneFor(`post-${post.id}`)));
      assert.ok(post.caption);
    }
  });

  it('gives stories to two of every three users', () => {
    const authors = new Set(rows.stories.map((story) => story.user_id));
    assert.equal(authors.size, Math.round((rows.users.length * 2) / 3));
  });

  it('gives every user 5-20 likes, bookmarks and comments, all on posts they can see', () => {
    for (const { id } of rows.users) {
      const visible = new Set(visiblePosts(id).map((post) => post.id));
      for (const [name, list] of [
        ['likes', rows.likes],
        ['bookmarks', rows.bookmarks],
        ['comments', rows.comments],
      ] as const) {
        const own = list.filter((row) => row.user_id === id);
        assert.ok(own.length >= 5 && own.length <= 20, `user ${id} has ${own.length} ${name}`);
        assert.ok(
          own.every((row) => visible.has(row.post_id)),
          `user ${id} has ${name} on hidden posts`,
        );
      }
    }
  });

  it('has some comment likes, each on a comment the liker can see', () => {
    assert.ok(rows.commentLikes.length > 0);
    const postOf = new Map(rows.comments.map((comment) => [comment.id, comment.post_id]));
    for (const like of rows.commentLikes) {
      const visible = new Set(visiblePosts(like.user_id).map((post) => post.id));
      assert.ok(visible.has(postOf.get(like.comment_id) ?? 0), `comment like ${like.id}`);
    }
  });

  it('meets API.md §8 for users 1-10', () => {
    for (let id = 1; id <= 10; id++) {
      const members = network(id);
      assert.ok(countBy(rows.following, (f) => f.user_id, id) >= 3, `user ${id} follows`);
      assert.ok(countBy(rows.following, (f) => f.following_id, id) >= 3, `user ${id} followers`);
      assert.ok(countBy(rows.posts, (p) => p.user_id, id) >= 2, `user ${id} posts`);
      assert.ok(countBy(rows.comments, (c) => c.user_id, id) >= 2, `user ${id} comments`);
      assert.ok(countBy(rows.likes, (l) => l.user_id, id) >= 2, `user ${id} likes`);
      assert.ok(countBy(rows.bookmarks, (b) => b.user_id, id) >= 2, `user ${id} bookmarks`);
      assert.ok(
        rows.stories.filter((s) => members.has(s.user_id)).length >= 2,
        `user ${id} visible stories`,
      );
      assert.ok(visiblePosts(id).length >= 3, `user ${id} visible posts`);
      assert.ok(visiblePosts(id).length < rows.posts.length, `user ${id} sees every post`);
    }
  });

  it('has no quote, double quote or backslash in any text', () => {
    const texts = [
      ...rows.users.flatMap((u) => [u.first_name, u.last_name, u.username, u.email]),
      ...rows.posts.flatMap((p) => [p.caption ?? '', p.alt_text ?? '']),
      ...rows.comments.map((c) => c.text),
      ...rows.stories.map((s) => s.text),
    ];
    assert.ok(texts.length > 500);
    assert.deepEqual(
      texts.filter((text) => /['"\\]/.test(text)),
      [],
    );
  });

  it('uses only images the app serves itself', async () => {
    const urls = new Set([
      ...rows.users.flatMap((u) => [u.image_url, u.thumb_url]),
      ...rows.posts.map((p) => p.image_url),
    ]);
    for (const url of urls) {
      assert.match(String(url), /^\/media\/seed\//);
      const response = await t.app.inject({ method: 'GET', url: String(url) });
      assert.equal(response.statusCode, 200, String(url));
      assert.match(String(response.headers['content-type']), /^image\/svg\+xml/);
    }
  });
});
