import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { User } from '../../lib/types';

/** GET /api/profile: the current user. */
export const profileQuery = () =>
  queryOptions({
    queryKey: ['profile'],
    queryFn: () => api.get<User>('/api/profile'),
    staleTime: Infinity,
  });
