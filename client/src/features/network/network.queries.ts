import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Follower, Following, User } from '../../lib/types';

/** GET /api/following: who the current user follows (also the source of every Follow switch). */
export const followingQuery = () =>
  queryOptions({ queryKey: ['following'], queryFn: () => api.get<Following[]>('/api/following') });

/** GET /api/followers: who follows the current user. */
export const followersQuery = () =>
  queryOptions({ queryKey: ['followers'], queryFn: () => api.get<Follower[]>('/api/followers') });

/** GET /api/suggestions: up to 7 people to follow. */
export const suggestionsQuery = () =>
  queryOptions({
    queryKey: ['suggestions'],
    queryFn: () => api.get<User[]>('/api/suggestions'),
    staleTime: Infinity,
  });
