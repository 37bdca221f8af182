// "Your sessions": every login of this account, this device marked, any other one
// ended with a button, or all of them at once ("Log out everywhere else").
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Laptop } from 'lucide-react';
import { useState } from 'react';
import { useAnnounce } from '../../components/announcer';
import { ErrorState, Skeleton } from '../../components/states';
import { api, ApiError } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import { describeDevice, formatWhen } from './describe-device';
import { sessionsQuery, type SessionInfo } from './settings.queries';

export function SessionsList() {
  const sessions = useQuery(sessionsQuery());
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions() });
  const failed = (failure: Error) =>
    setError(failure instanceof ApiError ? failure.message : 'That did not work. Try again.');

  const endOne = useMutation({
    mutationFn: (session: SessionInfo) => api.delete(`/api/sessions/${session.id}`),
    onSuccess: (_answer, session) => {
      setError(null);
      announce(`Logged out ${describeDevice(session.user_agent)}`);
      void refresh();
    },
    onError: failed,
  });
  const endOthers = useMutation({
    mutationFn: () => api.delete('/api/sessions'),
    onSuccess: () => {
      setError(null);
      announce('Logged out everywhere else');
      void refresh();
    },
    onError: failed,
  });

  if (sessions.isPending) {
    return (
      <div className="space-y-3" aria-busy="true" aria-label="Loading your sessions">
        <Skeleton className="h-14 w-full" />
        <Skeleton className="h-14 w-full" />
      </div>
    );
  }
  if (sessions.isError) {
    return (
      <ErrorState
        message="Your sessions could not be loaded."
        onRetry={() => void sessions.refetch()}
      />
    );
  }
  const others = sessions.data.filter((session) => !session.current);
  return (
    <div className="space-y-4">
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200">
        {sessions.data.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <Laptop aria-hidden="true" className="size-5 shrink-0 text-neutral-500" />
            <div className="min-w-0 flex-1">
              <p className="font-medium" title={session.user_agent ?? undefined}>
                {describeDevice(session.user_agent)}
                {session.current ? (
                  <span className="ml-2 rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-800">
                    This device
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-neutral-600">
                Signed in {formatWhen(session.created)} · last used {formatWhen(session.last_used)}
              </p>
            </div>
            {session.current ? null : (
              <button
                type="button"
                className="btn-secondary"
                disabled={endOne.isPending}
                onClick={() => endOne.mutate(session)}
                aria-label={`Log out ${describeDevice(session.user_agent)}, last used ${formatWhen(session.last_used)}`}
              >
                Log out
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <button
          type="button"
          className="btn-secondary"
          disabled={endOthers.isPending}
          onClick={() => endOthers.mutate()}
        >
          Log out everywhere else
        </button>
      ) : (
        <p className="text-sm text-neutral-600">You are not logged in anywhere else.</p>
      )}
    </div>
  );
}
