import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import type { Post } from '../../../../contract';

export const FEED_PAGE_SIZE = 10;

/** GET /api/posts?limit&before: the feed, newest first, a page at a time (cursor = last post id). */
export const feedQuery = () =>
  infiniteQueryOptions({
    queryKey: queryKeys.posts.feed(),
    queryFn: ({ pageParam }) =>
      api.get<Post[]>(
        `/api/posts?limit=${FEED_PAGE_SIZE}${pageParam ? `&before=${pageParam}` : ''}`,
      ),
    initialPageParam: 0,
    getNextPageParam: (lastPage) =>
      lastPage.length < FEED_PAGE_SIZE ? undefined : lastPage.at(-1)?.id,
  });

/** GET /api/posts/<id>: one post (the edit form). */
export const postQuery = (id: number) =>
  queryOptions({
    queryKey: queryKeys.posts.one(id),
    queryFn: () => api.get<Post>(`/api/posts/${id}`),
  });
