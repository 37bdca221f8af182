// The settings screen's server state: the sessions list (GET /api/sessions, API.md §9).
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

/** One login of the current user, as GET /api/sessions answers it. */
export interface SessionInfo {
  id: string | number;
  created: string;
  last_used: string;
  user_agent: string | null;
  current: boolean;
}

export const sessionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.sessions(),
    queryFn: () => api.get<SessionInfo[]>('/api/sessions'),
  });
