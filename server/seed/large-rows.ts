// Pure, deterministic row generators for the large benchmark seed (issue 2). Every
// row is a function of its ids alone (a hash, not a running PRNG), so each phase
// can be generated in any order, in bounded memory, and gives the same rows on
// every run. Ids are explicit and arithmetic: post k of user u has id
// (u - 1) * postsPerUser + k + 1, so likes and comments can point at visible posts
// without reading anything back.
import { toDbTime } from '../db/portable';
import type { Database } from '../db/schema';
import type { Insertable } from 'kysely';

export interface LargeShape {
  users: number;
  postsPerUser: number;
  /** Already clamped to users - 1. */
  followsPerUser: number;
  commentsPerUser: number;
  likesPerUser: number;
  bookmarksPerUser: number;
  storiesPerUser: number;
  /** Timestamps are spread over the 100 hours before this instant (ms). */
  now: number;
  passwordHash: string;
}

const SPREAD_MS = 100 * 3600 * 1000;

// API.md §8: no single quote, double quote or backslash in any seeded text.
const firstNames = [
  'Ada',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Luca',
  'Maya',
  'Nils',
  'Olu',
  'Priya',
];
const lastNames = [
  'Adams',
  'Brown',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kim',
  'Lopez',
  'Moreau',
  'Novak',
  'Okafor',
  'Patel',
];
const subjects = [
  'Sunset',
  'Morning coffee',
  'Mountain trail',
  'City lights',
  'Old bridge',
  'Rainy street',
  'Beach walk',
  'Garden',
  'Street food',
  'Harbor',
];
const moods = ['calm', 'golden', 'quiet', 'bright', 'moody', 'busy', 'fresh', 'soft'];
const remarks = [
  'Love this',
  'Great light',
  'Where is this',
  'So good',
  'Beautiful colors',
  'Nice shot',
  'Miss this place',
  'Amazing',
];
const storyTexts = [
  'Out on a walk',
  'Trying a new recipe',
  'Back at work',
  'Weekend plans',
  'New camera day',
  'Reading in the park',
];

/** A 32-bit integer hash of (stream, id) mapped to [0, 1): the seeded PRNG of this seed. */
export function unitHash(stream: number, id: number, salt = 0): number {
  let h =
    Math.imul(stream ^ 0x9e3779b9, 0x85ebca6b) ^
    Math.imul(id, 0xc2b2ae35) ^
    Math.imul(salt + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)] as T;

/**
 * `count` distinct integers in [0, space), deterministic in (stream, id). Rejection
 * sampling when the space is roomy, a partial Fisher-Yates shuffle when it is tight.
 */
export function pickDistinct(stream: number, id: number, count: number, space: number): number[] {
  const wanted = Math.min(count, space);
  if (space > 4 * wanted) {
    const chosen = new Set<number>();
    for (let salt = 0; chosen.size < wanted; salt++)
      chosen.add(Math.floor(unitHash(stream, id, salt) * space));
    return [...chosen];
  }
  const all = Array.from({ length: space }, (_, i) => i);
  for (let i = 0; i < wanted; i++) {
    const j = i + Math.floor(unitHash(stream, id, i) * (space - i));
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, wanted);
}

/** Independent random streams, one per kind of decision. */
const Stream = {
  Follow: 1,
  PostTime: 2,
  PostText: 3,
  Comment: 4,
  Like: 5,
  Bookmark: 6,
  Story: 7,
  Name: 8,
} as const;

/** Ids of the users `userId` follows (never themself). */
export function followeesOf(shape: LargeShape, userId: number): number[] {
  // Draw among the users - 1 others: index i maps to i + 1, skipping userId.
  return pickDistinct(Stream.Follow, userId, shape.followsPerUser, shape.users - 1).map((i) =>
    i + 1 >= userId ? i + 2 : i + 1,
  );
}

/** A post id among the posts of `followees`, addressed by an index in [0, followees * postsPerUser). */
function visiblePostId(shape: LargeShape, followees: number[], index: number): number {
  const author = followees[Math.floor(index / shape.postsPerUser)] as number;
  return (author - 1) * shape.postsPerUser + (index % shape.postsPerUser) + 1;
}

export function postTime(shape: LargeShape, postId: number): number {
  return shape.now - Math.floor(unitHash(Stream.PostTime, postId) * SPREAD_MS);
}

/** A moment between the post's publication and now, so reactions follow their post. */
function reactionTime(shape: LargeShape, postId: number, stream: number, rowId: number): string {
  const published = postTime(shape, postId);
  return toDbTime(
    new Date(published + Math.floor(unitHash(stream, rowId, 7) * (shape.now - published))),
  );
}

type Row<T extends keyof Database> = Insertable<Database[T]>;

export function userRow(shape: LargeShape, id: number): Row<'users'> {
  // User 1 is webdev, as in the demo seed, so `npm run bench` and the login form work.
  const first = id === 1 ? 'Webdev' : pick(firstNames, unitHash(Stream.Name, id, 1));
  const last = id === 1 ? 'User' : pick(lastNames, unitHash(Stream.Name, id, 2));
  const username = id === 1 ? 'webdev' : `${first.toLowerCase()}${id}`;
  return {
    id,
    first_name: first,
    last_name: last,
    username,
    password_hash: shape.passwordHash,
    password_plaintext: 'password',
    email: `${username}@example.com`,
    image_url: `/media/seed/avatar-${id}.svg`,
    thumb_url: `/media/seed/thumb-${id}.svg`,
    date_created: toDbTime(new Date(shape.now - SPREAD_MS)),
  };
}

export function postRow(shape: LargeShape, id: number): Row<'posts'> {
  const subject = pick(subjects, unitHash(Stream.PostText, id, 1));
  const mood = pick(moods, unitHash(Stream.PostText, id, 2));
  return {
    id,
    image_url: `/media/seed/post-${id}.svg`,
    caption: `${subject}, ${mood} and lovely. Photo number ${id}.`,
    alt_text: `A ${mood} photo of ${subject.toLowerCase()}`,
    pub_date: toDbTime(new Date(postTime(shape, id))),
    user_id: Math.floor((id - 1) / shape.postsPerUser) + 1,
  };
}

/** The follows of one user; ids continue from `firstId`. */
export function followRows(shape: LargeShape, userId: number, firstId: number): Row<'following'>[] {
  return followeesOf(shape, userId).map((followee, i) => ({
    id: firstId + i,
    user_id: userId,
    following_id: followee,
  }));
}

export function commentRows(shape: LargeShape, userId: number, firstId: number): Row<'comments'>[] {
  const followees = followeesOf(shape, userId);
  const space = followees.length * shape.postsPerUser;
  return Array.from({ length: space > 0 ? shape.commentsPerUser : 0 }, (_, i) => {
    const id = firstId + i;
    const postId = visiblePostId(
      shape,
      followees,
      Math.floor(unitHash(Stream.Comment, id) * space),
    );
    return {
      id,
      text: `${pick(remarks, unitHash(Stream.Comment, id, 1))}!`,
      pub_date: reactionTime(shape, postId, Stream.Comment, id),
      user_id: userId,
      post_id: postId,
    };
  });
}

/** Likes or bookmarks: distinct visible posts per user (unique (user_id, post_id), API.md §2). */
export function reactionRows(
  shape: LargeShape,
  kind: 'likes' | 'bookmarks',
  userId: number,
  firstId: number,
) {
  const followees = followeesOf(shape, userId);
  const stream = kind === 'likes' ? Stream.Like : Stream.Bookmark;
  const count = kind === 'likes' ? shape.likesPerUser : shape.bookmarksPerUser;
  return pickDistinct(stream, userId, count, followees.length * shape.postsPerUser).map(
    (index, i) => {
      const postId = visiblePostId(shape, followees, index);
      return {
        id: firstId + i,
        user_id: userId,
        post_id: postId,
        timestamp: reactionTime(shape, postId, stream, firstId + i),
      };
    },
  );
}

export function storyRows(shape: LargeShape, userId: number, firstId: number): Row<'stories'>[] {
  return Array.from({ length: shape.storiesPerUser }, (_, i) => {
    const id = firstId + i;
    return {
      id,
      text: pick(storyTexts, unitHash(Stream.Story, id)),
      pub_date: toDbTime(
        new Date(shape.now - Math.floor(unitHash(Stream.Story, id, 1) * SPREAD_MS)),
      ),
      user_id: userId,
    };
  });
}
