import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import type { Follower, Following, User } from '../../../../contract';

/** GET /api/following: who the current user follows (also the source of every Follow switch). */
export const followingQuery = () =>
  queryOptions({
    queryKey: queryKeys.following(),
    queryFn: () => api.get<Following[]>('/api/following'),
  });

/** GET /api/followers: who follows the current user. */
export const followersQuery = () =>
  queryOptions({
    queryKey: queryKeys.followers(),
    queryFn: () => api.get<Follower[]>('/api/followers'),
  });

/** GET /api/suggestions: up to SUGGESTIONS_MAX (contract/limits.ts) people to follow. */
export const suggestionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.suggestions(),
    queryFn: () => api.get<User[]>('/api/suggestions'),
    staleTime: Infinity,
  });
