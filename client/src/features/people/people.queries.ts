import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import type { Post, Profile } from '../../../../contract';

export const PROFILE_PAGE_SIZE = 12;

/** GET /api/users/<username>: a person with their counts. */
export const personQuery = (username: string) =>
  queryOptions({
    queryKey: queryKeys.users.profile(username),
    queryFn: () => api.get<Profile>(`/api/users/${encodeURIComponent(username)}`),
  });

/** GET /api/users/<username>/posts: their posts, a page at a time (404 outside your network). */
export const personPostsQuery = (username: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.posts.byUser(username),
    queryFn: ({ pageParam }) =>
      api.get<Post[]>(
        `/api/users/${encodeURIComponent(username)}/posts?limit=${PROFILE_PAGE_SIZE}${pageParam ? `&before=${pageParam}` : ''}`,
      ),
    initialPageParam: 0,
    getNextPageParam: (lastPage) =>
      lastPage.length < PROFILE_PAGE_SIZE ? undefined : lastPage.at(-1)?.id,
  });
