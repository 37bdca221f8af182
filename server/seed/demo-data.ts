// The demo data as plain rows, generated from a fixed PRNG seed (API.md §8): the
// same ids and texts on every run. Timestamps are offsets before `now`, so with the
// same `now` every row is identical, and without one only the timestamps differ.
import { describeScene, sceneFor } from '../images/scene';
import { toDbTime } from '../db/portable';
import { createRandom } from '../images/random';
import { CAPTIONS, COMMENTS, PEOPLE, STORIES } from './texts';

export interface DemoRows {
  users: Array<{
    id: number;
    first_name: string;
    last_name: string;
    username: string;
    password_hash: string;
    password_plaintext: string;
    email: string;
    image_url: string;
    thumb_url: string;
    date_created: string;
    /** Written as 1/0 on SQLite (see seed.ts). */
    is_verified: boolean;
    is_disabled: boolean;
  }>;
  following: Array<{ id: number; user_id: number; following_id: number }>;
  posts: Array<{
    id: number;
    image_url: string;
    caption: string;
    alt_text: string;
    pub_date: string;
    user_id: number;
  }>;
  comments: Array<{ id: number; text: string; pub_date: string; user_id: number; post_id: number }>;
  likes_posts: Array<{ id: number; user_id: number; post_id: number; timestamp: string }>;
  likes_comments: Array<{ id: number; user_id: number; comment_id: number; timestamp: string }>;
  bookmarks: Array<{ id: number; user_id: number; post_id: number; timestamp: string }>;
  stories: Array<{ id: number; text: string; pub_date: string; user_id: number }>;
}

export const DEMO_SEED = 20_240_601;
export const DEMO_USER_COUNT = PEOPLE.length + 1;
const HOUR = 3600;
const FOLLOWS_PER_USER = 10;

/** Timed rows are generated as "seconds before now", then numbered oldest first. */
function numberByTime<T extends { ago: number }>(items: T[]): Array<T & { id: number }> {
  return [...items]
    .sort((a, b) => b.ago - a.ago)
    .map((item, index) => ({ ...item, id: index + 1 }));
}

export function generateDemoData(options: { now: Date; passwordHash: string }): DemoRows {
  const random = createRandom(DEMO_SEED);
  const at = (ago: number) => toDbTime(new Date(options.now.getTime() - ago * 1000));
  const userIds = Array.from({ length: DEMO_USER_COUNT }, (_, index) => index + 1);

  const people: Array<readonly [string, string]> = [['Webdev', 'User'], ...PEOPLE];
  const users = people.map(([first, last], index) => {
    const id = index + 1;
    const username = id === 1 ? 'webdev' : `${first}_${last}`.toLowerCase();
    // Course clients show thumb_url at its natural size: a 30 px image of its own.
    const avatar = `/media/seed/avatar-${id}.svg`;
    const thumbnail = `/media/seed/thumb-${id}.svg`;
    return {
      id,
      first_name: first,
      last_name: last,
      username,
      password_hash: options.passwordHash,
      // API.md §2: only the seed writes it, and only the public demo password.
      password_plaintext: 'password',
      email: `${username}@example.com`,
      image_url: avatar,
      thumb_url: thumbnail,
      date_created: at((200 - id * 3) * 24 * HOUR),
      is_verified: true,
      is_disabled: false,
    };
  });

  // The next three users (wrapping) first: everyone is followed by at least three,
  // and every network holds two of any three consecutive ids, so at least two
  // story authors (stories go to ids not divisible by three).
  const following: DemoRows['following'] = [];
  const network = new Map<number, Set<number>>();
  for (const userId of userIds) {
    const next = [1, 2, 3].map((step) => ((userId - 1 + step) % DEMO_USER_COUNT) + 1);
    const others = userIds.filter((id) => id !== userId && !next.includes(id));
    const followed = [...next, ...random.sample(others, FOLLOWS_PER_USER - next.length)];
    for (const followingId of followed) {
      following.push({ id: following.length + 1, user_id: userId, following_id: followingId });
    }
    network.set(userId, new Set([userId, ...followed]));
  }

  const draftPosts = userIds.flatMap((userId) =>
    Array.from({ length: random.int(5, 10) }, () => ({
      user_id: userId,
      ago: random.int(5 * 60, 100 * HOUR - 1),
      caption: random.pick(CAPTIONS),
    })),
  );
  const timedPosts = numberByTime(draftPosts);
  const posts = timedPosts.map(({ id, user_id, ago, caption }) => ({
    id,
    image_url: `/media/seed/post-${id}.svg`,
    caption,
    alt_text: describeScene(sceneFor(`post-${id}`)),
    pub_date: at(ago),
    user_id,
  }));
  const othersPostsSeenBy = (userId: number) =>
    timedPosts.filter((post) => post.user_id !== userId && network.get(userId)?.has(post.user_id));
  /** Something done to a post happens between its publication and now. */
  const after = (ago: number) => Math.floor(ago * random.next());

  const likes_posts: DemoRows['likes_posts'] = [];
  const bookmarks: DemoRows['bookmarks'] = [];
  const draftComments: Array<{ user_id: number; post_id: number; text: string; ago: number }> = [];
  for (const userId of userIds) {
    const visible = othersPostsSeenBy(userId);
    // Likes, then bookmarks: the same columns, each from its own sample.
    for (const rows of [likes_posts, bookmarks]) {
      for (const post of random.sample(visible, random.int(5, 20))) {
        rows.push({
          id: rows.length + 1,
          user_id: userId,
          post_id: post.id,
          timestamp: at(after(post.ago)),
        });
      }
    }
    for (const post of random.sample(visible, random.int(5, 20))) {
      draftComments.push({
        user_id: userId,
        post_id: post.id,
        text: random.pick(COMMENTS),
        ago: after(post.ago),
      });
    }
  }
  const timedComments = numberByTime(draftComments);
  const comments = timedComments.map(({ ago, ...comment }) => ({ ...comment, pub_date: at(ago) }));

  const postAuthor = new Map(timedPosts.map((post) => [post.id, post.user_id]));
  const likes_comments: DemoRows['likes_comments'] = [];
  for (const userId of userIds) {
    const candidates = timedComments.filter(
      (comment) =>
        comment.user_id !== userId &&
        network.get(userId)?.has(postAuthor.get(comment.post_id) ?? 0),
    );
    for (const comment of random.sample(candidates, random.int(1, 4))) {
      likes_comments.push({
        id: likes_comments.length + 1,
        user_id: userId,
        comment_id: comment.id,
        timestamp: at(after(comment.ago)),
      });
    }
  }

  const draftStories = userIds
    .filter((userId) => userId % 3 !== 0)
    .flatMap((userId) =>
      Array.from({ length: random.int(1, 3) }, () => ({
        user_id: userId,
        text: random.pick(STORIES),
        ago: random.int(10 * 60, 23 * HOUR),
      })),
    );
  const stories = numberByTime(draftStories).map(({ ago, ...story }) => ({
    ...story,
    pub_date: at(ago),
  }));

  return { users, following, posts, comments, likes_posts, likes_comments, bookmarks, stories };
}
