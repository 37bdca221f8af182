import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import type { Follower, User } from '../../../../contract';

export { followingQuery } from '../../lib/use-follow';

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
