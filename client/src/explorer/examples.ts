// Examples that are real for the logged-in user (issue 6, item 3): ids of rows they
// own or may act on, found through the API itself. Which row suits a request follows
// from its resource and method (API.md §4), so no endpoint is listed here by name.
import type { Bookmark, Comment, Following, Post, User } from '../../../contract';
import type { Endpoint } from './openapi';

export interface Facts {
  me: User;
  /** A post the user wrote (they may edit or delete it). */
  ownPost?: Post;
  /** Any post the user can see (to read or comment on). */
  visiblePost?: Post;
  unlikedPost?: Post;
  unbookmarkedPost?: Post;
  ownComment?: Comment;
  ownLike?: { id: number; post_id: number };
  bookmark?: Bookmark;
  following?: Following;
  /** Someone the user neither is nor follows. */
  stranger?: User;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
}

export function deriveFacts(
  me: User,
  posts: Post[],
  bookmarks: Bookmark[],
  following: Following[],
  suggestions: User[],
): Facts {
  const ownComment = posts
    .flatMap((post) => post.comments)
    .find((comment) => comment.user.id === me.id);
  const liked = posts.find((post) => post.current_user_like_id !== undefined);
  return {
    me,
    ownPost: posts.find((post) => post.user.id === me.id),
    visiblePost: posts[0],
    unlikedPost: posts.find((post) => post.current_user_like_id === undefined),
    unbookmarkedPost: posts.find((post) => post.current_user_bookmark_id === undefined),
    ownComment,
    ownLike:
      liked?.current_user_like_id !== undefined
        ? { id: liked.current_user_like_id, post_id: liked.id }
        : undefined,
    bookmark: bookmarks[0],
    following: following[0],
    stranger: suggestions.find((user) => user.id !== me.id),
  };
}

export interface Example {
  /** Values for the path and query parameters, by name. */
  params: Record<string, string>;
  /** The JSON body as text, or '' when the endpoint takes none. */
  body: string;
  /** Why a value could not be filled in, and what to do about it. */
  notes: string[];
}

type Pick = { value: number | string | undefined; missing: string };

function resourceOf(endpoint: Endpoint): string {
  const segments = endpoint.path.split('/').filter(Boolean);
  // The deprecated like aliases live under /api/posts/.../likes (API.md §4).
  if (segments.includes('likes')) return 'likes';
  return segments[1] ?? '';
}

/** The facts that are rows with an id. */
type RowFact = {
  [K in keyof Facts]-?: Facts[K] extends { id: number } | undefined ? K : never;
}[keyof Facts];

/**
 * The row an `id` in the path should name, by resource ("GET posts": reading names any
 * visible post, the other methods need the user's own), and what to do when there is none.
 */
// prettier-ignore
const PATH_IDS = new Map<string, [fact: RowFact, missing: string]>([
  ['GET posts', ['visiblePost', 'No post is visible to you yet: create one or follow someone first.']],
  ['posts', ['ownPost', 'You have no posts yet: create one with "Create Post" first.']],
  ['comments', ['ownComment', 'You have no comments on visible posts yet: add one with "Add Comment" first.']],
  ['likes', ['ownLike', 'You have not liked a visible post yet: add one with "Add a Like" first.']],
  ['bookmarks', ['bookmark', 'You have no bookmarks yet: add one with "Add Bookmark" first.']],
  ['following', ['following', 'You follow nobody yet: follow someone with "Follow User" first.']],
]);

function pathId(resource: string, method: string, facts: Facts): Pick {
  const row = PATH_IDS.get(`${method} ${resource}`) ?? PATH_IDS.get(resource);
  if (!row) return { value: undefined, missing: '' };
  const [fact, missing] = row;
  return { value: facts[fact]?.id, missing };
}

/** The post a `post_id` (in the path or the body) should name. */
function postId(resource: string, method: string, facts: Facts): Pick {
  if (resource === 'likes') {
    return method === 'DELETE'
      ? { value: facts.ownLike?.post_id, missing: 'You have not liked a visible post yet.' }
      : {
          value: facts.unlikedPost?.id,
          missing: 'You have liked every post you can see: remove a like first.',
        };
  }
  if (resource === 'bookmarks') {
    return {
      value: facts.unbookmarkedPost?.id,
      missing: 'You have bookmarked every post you can see: remove a bookmark first.',
    };
  }
  return {
    value: facts.visiblePost?.id,
    missing: 'No post is visible to you yet: create one first.',
  };
}

function bodyValue(
  name: string,
  resource: string,
  method: string,
  facts: Facts,
  tokens: Tokens | null,
): Pick | null {
  switch (name) {
    case 'post_id':
      return postId(resource, method, facts);
    case 'user_id':
      return { value: facts.stranger?.id, missing: 'There is nobody left to follow.' };
    case 'image_url':
      // An image the app itself serves (API.md §8), so the new post shows a picture.
      return { value: facts.ownPost?.image_url ?? facts.visiblePost?.image_url, missing: '' };
    case 'username':
      return { value: facts.me.username, missing: '' };
    case 'password':
      return { value: '', missing: 'Type your password into "password" before sending.' };
    case 'refresh_token':
      return {
        value: tokens?.refresh_token,
        missing:
          'Get tokens in the "Tokens for external clients" panel first to fill in refresh_token.',
      };
    default:
      return null;
  }
}

export function buildExample(
  endpoint: Endpoint,
  facts: Facts | null,
  tokens: Tokens | null,
): Example {
  const resource = resourceOf(endpoint);
  const notes: string[] = [];
  const params: Record<string, string> = {};
  const note = (pick: Pick) => {
    if (pick.value === undefined && pick.missing) notes.push(pick.missing);
  };

  for (const parameter of endpoint.parameters) {
    if (parameter.in !== 'path' || !facts) continue;
    const pick =
      parameter.name === 'post_id'
        ? postId(resource, endpoint.method, facts)
        : pathId(resource, endpoint.method, facts);
    note(pick);
    params[parameter.name] = pick.value === undefined ? '' : String(pick.value);
  }

  let body = '';
  if (endpoint.body) {
    const start = endpoint.body.example;
    const filled: Record<string, unknown> =
      start && typeof start === 'object' && !Array.isArray(start) ? { ...start } : {};
    for (const field of endpoint.body.fields) {
      const pick = facts ? bodyValue(field.name, resource, endpoint.method, facts, tokens) : null;
      if (!pick) continue;
      note(pick);
      if (pick.value !== undefined) filled[field.name] = pick.value;
    }
    body = JSON.stringify(filled, null, 2);
  }
  return { params, body, notes };
}
