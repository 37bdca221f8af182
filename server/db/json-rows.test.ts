// jsonArrayOfRows and storedTimeText (db/portable.ts) on the real database: what
// comes back through the JSON aggregate must equal what the same rows give when
// selected plainly, for any text, on both dialects. A page of posts reads its likes
// and comments this way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { comment, createPost, createUser } from '../../test/fixtures';
import { testDialect, useTestApp } from '../../test/helpers';
import { fromDbJson, fromDbTime, jsonArrayOfRows, storedTimeText } from './portable';

const t = useTestApp();

type Tuple = [id: number, text: string, time: string, userId: number | null];

async function aggregated(postId: number): Promise<Tuple[]> {
  const db = t.db.kysely;
  const row = await db
    .selectFrom('posts')
    .select((eb) =>
      eb
        .selectFrom('comments as comment')
        .select((inner) =>
          jsonArrayOfRows<Tuple>(
            db,
            [
              inner.ref('comment.id'),
              inner.ref('comment.text'),
              storedTimeText(db, inner.ref('comment.pub_date')),
              inner.ref('comment.user_id'),
            ],
            [inner.ref('comment.pub_date'), inner.ref('comment.id')],
          ).as('rows'),
        )
        .whereRef('comment.post_id', '=', 'posts.id')
        .$asScalar()
        .$notNull()
        .as('comments'),
    )
    .where('posts.id', '=', postId)
    .executeTakeFirstOrThrow();
  return fromDbJson(row.comments);
}

async function plain(postId: number) {
  return t.db.kysely
    .selectFrom('comments')
    .select(['id', 'text', 'pub_date', 'user_id'])
    .where('post_id', '=', postId)
    .orderBy('pub_date')
    .orderBy('id')
    .execute();
}

// Any Unicode text PostgreSQL can store (it refuses NUL), quotes, backslashes and
// control characters included.
const anyText = fc
  .string({
    unit: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('"', '\\', '\n', '\t', '\u001f', '😀'),
    ),
  })
  .filter((text) => !text.includes('\u0000'));

describe(`rows as a JSON array (${testDialect})`, () => {
  it('gives [] for no row', async () => {
    const user = await createUser(t.db);
    const post = await createPost(t.db, user.id);
    assert.deepEqual(await aggregated(post.id), []);
  });

  it('gives the values, order and times of a plain select, for any text', async () => {
    const user = await createUser(t.db);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ text: anyText, hoursAgo: fc.integer({ min: 0, max: 3 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (comments) => {
          const post = await createPost(t.db, user.id);
          for (const { text, hoursAgo } of comments) {
            await comment(t.db, user.id, post.id, text, hoursAgo);
          }
          const expected = await plain(post.id);
          const actual = await aggregated(post.id);
          assert.deepEqual(
            actual.map(([id, text, , userId]) => ({ id, text, user_id: userId })),
            expected.map(({ id, text, user_id }) => ({ id, text, user_id })),
          );
          assert.deepEqual(
            actual.map(([, , time]) => fromDbTime(time).getTime()),
            expected.map((row) => fromDbTime(row.pub_date).getTime()),
          );
          // The same text the driver gives outside JSON (PostgreSQL's JSON would write "T").
          assert.deepEqual(
            actual.map(([, , time]) => time),
            expected.map((row) => String(row.pub_date)),
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
