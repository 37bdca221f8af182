import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Story } from '../../lib/types';

/** GET /api/stories: stories of the current user's network, newest first. */
export const storiesQuery = () =>
  queryOptions({ queryKey: ['stories'], queryFn: () => api.get<Story[]>('/api/stories') });
