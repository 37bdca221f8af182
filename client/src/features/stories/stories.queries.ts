import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import type { Story } from '../../../../contract';

/** GET /api/stories: stories of the current user's network, newest first. */
export const storiesQuery = () =>
  queryOptions({ queryKey: queryKeys.stories(), queryFn: () => api.get<Story[]>('/api/stories') });
