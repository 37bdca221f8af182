// The current user (GET /api/profile): shown by the navbar and the profile card, and
// the author of every optimistic like and comment.
import { queryOptions } from '@tanstack/react-query';
import { api } from './api';
import { queryKeys } from './query-keys';
import type { User } from '../../../contract';

/** GET /api/profile: the current user. */
export const profileQuery = () =>
  queryOptions({
    queryKey: queryKeys.profile(),
    queryFn: () => api.get<User>('/api/profile'),
    staleTime: Infinity,
  });
