// Steady mixed load for the fault tests: a few loops, each on its own keep-alive
// connection, reading the feed and one post and writing posts, likes, bookmarks and
// comments (and deleting some posts). Every write answered 2xx is remembered, so a
// test can check afterwards that the database holds exactly what was acknowledged.
// Bounded: each request times out (recorded as hung), and stop() ends the loops.
import type { Db } from '../../server/db/database';
import { keepAliveAgent, send, type Outcome } from './http';

export interface Acknowledged {
  /** Post id -> deleted (a 2xx DELETE). */
  posts: Map<number, boolean>;
  /** Row id -> post id, for rows whose POST was answered 201. */
  likes: Map<number, number>;
  bookmarks: Map<number, number>;
  comments: Map<number, number>;
}

export interface LoadStats {
  requests: number;
  byStatus: Map<number, number>;
  /** Requests with no complete answer (connection error or timeout). */
  failures: number;
  hung: number;
  /** A few unexpected outcomes, for the assertion message. */
  samples: Outcome[];
  /** performance.now() of the last write answered 2xx. */
  lastWriteOkAt: number;
}

export interface MixedLoad {
  stats: LoadStats;
  acknowledged: Acknowledged;
  stop(): Promise<void>;
}

export function startMixedLoad(base: string, token: string, loops = 4): MixedLoad {
  const stats: LoadStats = {
    requests: 0,
    byStatus: new Map(),
    failures: 0,
    hung: 0,
    samples: [],
    lastWriteOkAt: 0,
  };
  const acknowledged: Acknowledged = {
    posts: new Map(),
    likes: new Map(),
    bookmarks: new Map(),
    comments: new Map(),
  };
  let running = true;

  const call = async (
    agent: ReturnType<typeof keepAliveAgent>,
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const outcome = await send(base, { method, path, body, token, agent });
    stats.requests++;
    if (outcome.status === null) {
      stats.failures++;
      if (outcome.error?.startsWith('no answer')) stats.hung++;
    } else {
      stats.byStatus.set(outcome.status, (stats.byStatus.get(outcome.status) ?? 0) + 1);
    }
    const ok = outcome.status !== null && outcome.status < 300;
    if (ok && method !== 'GET') stats.lastWriteOkAt = outcome.endedAt;
    if (!ok && stats.samples.length < 20 && outcome.status !== 503) stats.samples.push(outcome);
    // Pause after an error, as a client would, instead of spinning on a down server.
    if (!ok) await new Promise((resolve) => setTimeout(resolve, 50));
    return ok ? (outcome.body as { id: number }) : null;
  };

  const loop = async (index: number) => {
    const agent = keepAliveAgent();
    for (let round = 0; running; round++) {
      await call(agent, 'GET', '/api/posts?limit=5');
      const post = await call(agent, 'POST', '/api/posts', {
        image_url: `/media/load-${index}-${round}.svg`,
        caption: `load ${index}/${round}`,
      });
      if (post === null) continue;
      acknowledged.posts.set(post.id, false);
      const like = await call(agent, 'POST', '/api/likes', { post_id: post.id });
      if (like) acknowledged.likes.set(like.id, post.id);
      const bookmark = await call(agent, 'POST', '/api/bookmarks', { post_id: post.id });
      if (bookmark) acknowledged.bookmarks.set(bookmark.id, post.id);
      const comment = await call(agent, 'POST', '/api/comments', { post_id: post.id, text: 'hi' });
      if (comment) acknowledged.comments.set(comment.id, post.id);
      await call(agent, 'GET', `/api/posts/${post.id}`);
      // Deleting a post removes its likes, bookmarks and comments in one statement.
      if (round % 4 === 3 && (await call(agent, 'DELETE', `/api/posts/${post.id}`))) {
        acknowledged.posts.set(post.id, true);
      }
    }
    agent.destroy();
  };

  const done = Promise.all(Array.from({ length: loops }, (_, index) => loop(index)));
  return {
    stats,
    acknowledged,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** Count of requests answered with a status in [from, to). */
export function countStatus(stats: LoadStats, from: number, to: number): number {
  let count = 0;
  for (const [status, n] of stats.byStatus) if (status >= from && status < to) count += n;
  return count;
}

async function existingIds(
  db: Db,
  table: 'posts' | 'likes_posts' | 'bookmarks' | 'comments',
  ids: number[],
) {
  const found = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.kysely
      .selectFrom(table)
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/**
 * What the database holds against what was acknowledged: every 2xx write is there
 * (unless its post was deleted with a 2xx, and then nothing of it is), and no like,
 * bookmark or comment points at a missing post. Returns the problems found.
 */
export async function checkAcknowledged(db: Db, acknowledged: Acknowledged): Promise<string[]> {
  const problems: string[] = [];
  const posts = await existingIds(db, 'posts', [...acknowledged.posts.keys()]);
  for (const [id, deleted] of acknowledged.posts) {
    if (deleted && posts.has(id))
      problems.push(`post ${id} was deleted with a 2xx but is still there`);
    if (!deleted && !posts.has(id))
      problems.push(`post ${id} was created with a 201 but is missing`);
  }
  const tables = [
    ['likes_posts', acknowledged.likes],
    ['bookmarks', acknowledged.bookmarks],
    ['comments', acknowledged.comments],
  ] as const;
  for (const [table, rows] of tables) {
    const found = await existingIds(db, table, [...rows.keys()]);
    for (const [id, postId] of rows) {
      const postDeleted = acknowledged.posts.get(postId) === true;
      if (!postDeleted && !found.has(id))
        problems.push(`${table} ${id} was answered 201 but is missing`);
      if (postDeleted && found.has(id))
        problems.push(`${table} ${id} outlived its deleted post ${postId}`);
    }
    const orphans = await db.kysely
      .selectFrom(table)
      .select(`${table}.id`)
      .leftJoin('posts', 'posts.id', `${table}.post_id`)
      .where('posts.id', 'is', null)
      .execute();
    if (orphans.length > 0)
      problems.push(`${orphans.length} ${table} rows point at a missing post`);
  }
  return problems;
}
