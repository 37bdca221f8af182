// Optimistic updates change a post wherever it is cached: the feed pages, a post's
// own page, profile grids and the bookmarks list. A snapshot taken first lets a refused request roll back exactly.
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { Bookmark, Post } from '../../../contract';
import { queryKeys } from './query-keys';

const FEED_KEY = queryKeys.posts.feed();
const BOOKMARKS_KEY = queryKeys.bookmarks();
const POSTS_KEY = queryKeys.posts.all;
const ONE_POST_KEY = ['posts', 'one'] as const;
const USER_POSTS_KEY = ['posts', 'user'] as const;

export type PostPatch = (post: Post) => Post;
export type Snapshot = Array<[QueryKey, unknown]>;

export async function snapshotPosts(queryClient: QueryClient): Promise<Snapshot> {
  await queryClient.cancelQueries({ queryKey: POSTS_KEY });
  await queryClient.cancelQueries({ queryKey: BOOKMARKS_KEY });
  return [
    ...queryClient.getQueriesData({ queryKey: POSTS_KEY }),
    ...queryClient.getQueriesData({ queryKey: BOOKMARKS_KEY }),
  ];
}

export function restorePosts(queryClient: QueryClient, snapshot: Snapshot | undefined): void {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}

/** Applies `patch` to the post with this id in every cache that holds it. */
export function patchPost(queryClient: QueryClient, postId: number, patch: PostPatch): void {
  for (const queryKey of [FEED_KEY, USER_POSTS_KEY]) {
    queryClient.setQueriesData<InfiniteData<Post[]>>({ queryKey }, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) =>
              page.map((post) => (post.id === postId ? patch(post) : post)),
            ),
          }
        : data,
    );
  }
  queryClient.setQueriesData<Post>({ queryKey: [...ONE_POST_KEY, postId] }, (post) =>
    post ? patch(post) : post,
  );
  queryClient.setQueriesData<Bookmark[]>({ queryKey: BOOKMARKS_KEY }, (bookmarks) =>
    bookmarks?.map((bookmark) =>
      bookmark.post.id === postId
        ? { ...bookmark, post: withoutComments(patch({ ...bookmark.post, comments: [] })) }
        : bookmark,
    ),
  );
}

/** Removes a post from the feed (after it was deleted). */
export function removePost(queryClient: QueryClient, postId: number): void {
  for (const queryKey of [FEED_KEY, USER_POSTS_KEY]) {
    queryClient.setQueriesData<InfiniteData<Post[]>>({ queryKey }, (data) =>
      data
        ? { ...data, pages: data.pages.map((page) => page.filter((post) => post.id !== postId)) }
        : data,
    );
  }
  queryClient.setQueriesData<Bookmark[]>({ queryKey: BOOKMARKS_KEY }, (bookmarks) =>
    bookmarks?.filter((bookmark) => bookmark.post.id !== postId),
  );
}

function withoutComments(post: Post): Bookmark['post'] {
  const { comments: _comments, ...rest } = post;
  return rest;
}
