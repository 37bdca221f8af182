import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Bookmark } from '../../lib/types';

/** GET /api/bookmarks: the current user's bookmarks. */
export const bookmarksQuery = () =>
  queryOptions({ queryKey: ['bookmarks'], queryFn: () => api.get<Bookmark[]>('/api/bookmarks') });
