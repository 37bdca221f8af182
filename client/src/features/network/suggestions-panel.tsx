import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Avatar } from '../../components/avatar';
import { UserLink } from '../../components/user-link';
import { Skeleton } from '../../components/states';
import { displayName } from '../../lib/format';
import { FollowSwitch } from '../../components/follow-switch';
import { suggestionsQuery } from './network.queries';
import { useFollow } from '../../lib/use-follow';

/** "Suggestions for you", each with a Follow / Following switch. */
export function SuggestionsPanel() {
  const suggestions = useQuery(suggestionsQuery());
  const follow = useFollow();
  // Phones show the panel inside the feed, wide screens beside it: one id per copy.
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-3">
      <h2 id={headingId} className="px-1 text-sm font-semibold text-neutral-600">
        Suggestions for you
      </h2>
      {suggestions.isPending ? (
        <div className="space-y-3" aria-hidden="true">
          {[0, 1, 2].map((index) => (
            <div key={index} className="flex items-center gap-3 px-1">
              <Skeleton className="size-10 rounded-full" />
              <Skeleton className="h-3 w-28" />
            </div>
          ))}
        </div>
      ) : suggestions.isError ? (
        <p className="px-1 text-sm text-neutral-600">Suggestions could not be loaded.</p>
      ) : suggestions.data.length === 0 ? (
        <p className="px-1 text-sm text-neutral-600">You follow everyone already.</p>
      ) : (
        // Phones: a sideways row of cards so the feed stays near the top; wide screens: a list.
        <ul className="scrollbar-thin flex gap-3 overflow-x-auto pb-1 lg:block lg:space-y-3 lg:overflow-visible lg:pb-0">
          {suggestions.data.map((user) => (
            <li
              key={user.id}
              className="card flex w-36 shrink-0 flex-col items-center gap-2 p-3 text-center lg:w-auto lg:flex-row lg:border-0 lg:bg-transparent lg:p-0 lg:px-1 lg:text-left"
            >
              <Avatar user={user} />
              <div className="w-full min-w-0 lg:flex-1">
                <p className="truncate text-sm">
                  <UserLink username={user.username} />
                </p>
                <p className="truncate text-xs text-neutral-600">{displayName(user)}</p>
              </div>
              <FollowSwitch user={user} follow={follow} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
