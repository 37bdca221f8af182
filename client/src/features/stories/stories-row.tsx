// Stories: one bubble per person (their stories newest first), a gradient ring while
// some are unseen, grey once all were shown in this browser. A bubble opens the viewer.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Avatar } from '../../components/avatar';
import { Skeleton } from '../../components/states';
import type { Story } from '../../../../contract';
import { displayName } from '../../lib/format';
import { readSeen } from './seen-stories';
import { storiesQuery } from './stories.queries';
import { StoryViewer, type StoryGroup } from './story-viewer';

/** Stories by person, in the order their newest story appears (the API's, newest first). */
export function groupStories(stories: Story[]): StoryGroup[] {
  const groups = new Map<number, StoryGroup>();
  for (const story of stories) {
    const group = groups.get(story.user.id) ?? { user: story.user, stories: [] };
    group.stories.push(story);
    groups.set(story.user.id, group);
  }
  // Each person's stories play oldest first, like a story should be told.
  return [...groups.values()].map((group) => ({ ...group, stories: group.stories.reverse() }));
}

export function StoriesRow() {
  const stories = useQuery(storiesQuery());
  const groups = useMemo(() => groupStories(stories.data ?? []), [stories.data]);
  const [seen, setSeen] = useState(readSeen);
  const [open, setOpen] = useState<number | null>(null);
  const close = useCallback(() => setOpen(null), []);
  if (stories.isError) return null;

  return (
    <section aria-labelledby="stories-heading" className="card min-w-0">
      <h2 id="stories-heading" className="sr-only">
        Stories
      </h2>
      <ul
        aria-label="Stories"
        className="scrollbar-thin relative flex gap-3 overflow-x-auto px-4 py-4"
      >
        {stories.isPending
          ? Array.from({ length: 6 }, (_, index) => (
              <li
                key={index}
                className="flex w-20 shrink-0 flex-col items-center gap-1.5"
                aria-hidden="true"
              >
                <Skeleton className="size-16 rounded-full" />
                <Skeleton className="h-2.5 w-12" />
              </li>
            ))
          : null}
        {stories.data?.length === 0 ? (
          <li className="py-2 text-sm text-neutral-600">
            No stories yet. Stories from people you follow show up here.
          </li>
        ) : null}
        {groups.map((group, index) => {
          const unseen = group.stories.some((story) => !seen.has(story.id));
          const count = group.stories.length;
          return (
            <li key={group.user.id} className="w-20 shrink-0">
              <button
                type="button"
                onClick={() => setOpen(index)}
                className="flex w-full flex-col items-center gap-1.5 rounded-lg p-0.5 focus-ring"
                data-seen={unseen ? undefined : 'true'}
                title={`${group.user.username} (${displayName(group.user)})`}
              >
                <span className={`${unseen ? 'story-ring' : 'bg-neutral-300'} rounded-full p-0.5`}>
                  <span className="block rounded-full bg-white p-0.5">
                    <Avatar user={group.user} size="lg" />
                  </span>
                </span>
                {/* One line, cut with an ellipsis: the full name is in the title and the accessible name. */}
                <span className="w-full truncate text-center text-xs leading-tight text-neutral-800">
                  {group.user.username}
                </span>
                <span className="sr-only">
                  : {count} {count === 1 ? 'story' : 'stories'}
                  {unseen ? '' : ', seen'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {open !== null ? (
        <StoryViewer groups={groups} start={open} onClose={close} onSeen={setSeen} />
      ) : null}
    </section>
  );
}
