import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useFollow } from '../../lib/use-follow';
import { suggestionsQuery } from './network.queries';
import { PersonRow, PersonRowSkeletons } from './person-row';

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
        <PersonRowSkeletons layout="suggestion" />
      ) : suggestions.isError ? (
        <p className="px-1 text-sm text-neutral-600">Suggestions could not be loaded.</p>
      ) : suggestions.data.length === 0 ? (
        <p className="px-1 text-sm text-neutral-600">You follow everyone already.</p>
      ) : (
        // Phones: a sideways row of cards so the feed stays near the top; wide screens: a list.
        <ul className="scrollbar-thin flex gap-3 overflow-x-auto pb-1 lg:block lg:space-y-3 lg:overflow-visible lg:pb-0">
          {suggestions.data.map((user) => (
            <PersonRow key={user.id} user={user} follow={follow} layout="suggestion" />
          ))}
        </ul>
      )}
    </section>
  );
}
