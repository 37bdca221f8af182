// Stories: round avatars with a gradient ring, scrolling sideways.
import { useQuery } from '@tanstack/react-query';
import { Avatar } from '../../components/avatar';
import { Skeleton } from '../../components/states';
import { storiesQuery } from './stories.queries';

export function StoriesRow() {
  const stories = useQuery(storiesQuery());
  if (stories.isError) return null;
  return (
    <section aria-labelledby="stories-heading" className="card">
      <h2 id="stories-heading" className="sr-only">
        Stories
      </h2>
      <ul
        // Focusable so that keyboard users can scroll it sideways with the arrow keys.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        aria-label="Stories"
        className="scrollbar-thin flex gap-4 overflow-x-auto px-4 py-4 focus-ring"
      >
        {stories.isPending
          ? Array.from({ length: 6 }, (_, index) => (
              <li
                key={index}
                className="flex w-16 shrink-0 flex-col items-center gap-1.5"
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
        {stories.data?.map((story) => (
          <li
            key={story.id}
            className="flex w-16 shrink-0 flex-col items-center gap-1.5"
            title={story.text}
          >
            <span className="story-ring rounded-full p-0.5">
              <span className="block rounded-full bg-white p-0.5">
                <Avatar user={story.user} size="lg" />
              </span>
            </span>
            <span className="w-full truncate text-center text-xs text-neutral-800">
              {story.user.username}
            </span>
            <span className="sr-only">: {story.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
