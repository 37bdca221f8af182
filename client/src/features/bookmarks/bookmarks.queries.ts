import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import type { Bookmark } from '../../../../contract';

/** GET /api/bookmarks: the current user's bookmarks. */
export const bookmarksQuery = () =>
  queryOptions({
    queryKey: queryKeys.bookmarks(),
    queryFn: () => api.get<Bookmark[]>('/api/bookmarks'),
  });
