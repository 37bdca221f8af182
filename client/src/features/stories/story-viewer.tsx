// The story viewer: a dialog showing one person's stories in turn, then the next
// person's. Left/Right arrows (or swiping, or the buttons) step through; Escape
// closes; each story runs STORY_MS with a progress bar, paused while the pointer is
// over it, while it has focus, or with the Pause button.
import { ChevronLeft, ChevronRight, Pause, Play } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Avatar } from '../../components/avatar';
import { Modal } from '../../components/modal';
import { UserLink } from '../../components/user-link';
import type { Story, User } from '../../../../contract';
import { displayName } from '../../lib/format';
import { markSeen } from './seen-stories';

export const STORY_MS = 6000;
const TICK_MS = 100;

export interface StoryGroup {
  user: User;
  stories: Story[];
}

export function StoryViewer({
  groups,
  start,
  onClose,
  onSeen,
}: {
  groups: StoryGroup[];
  start: number;
  onClose: () => void;
  onSeen: (seen: Set<number>) => void;
}) {
  const [position, setPosition] = useState({ group: start, story: 0 });
  const [elapsed, setElapsed] = useState(0);
  const [paused, setPaused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const swipeFrom = useRef<number | null>(null);
  const group = groups[position.group];
  const story = group?.stories[position.story];
  const stopped = paused || hovered || focused;

  const step = (direction: 1 | -1) => {
    setElapsed(0);
    setPosition(({ group: g, story: s }) => {
      const next = s + direction;
      if (next >= 0 && next < (groups[g]?.stories.length ?? 0)) return { group: g, story: next };
      const otherGroup = g + direction;
      if (otherGroup < 0) return { group: g, story: 0 };
      if (otherGroup >= groups.length) {
        // After the last story of the last person the viewer closes.
        queueMicrotask(onClose);
        return { group: g, story: s };
      }
      return {
        group: otherGroup,
        story: direction === 1 ? 0 : (groups[otherGroup]?.stories.length ?? 1) - 1,
      };
    });
  };

  useEffect(() => {
    if (story) onSeen(markSeen(story.id));
  }, [story, onSeen]);

  // One tick at a time, so a pause (or a step) simply stops scheduling the next one.
  useEffect(() => {
    if (stopped) return;
    const timer = setTimeout(() => {
      if (elapsed + TICK_MS >= STORY_MS) step(1);
      else setElapsed(elapsed + TICK_MS);
    }, TICK_MS);
    return () => clearTimeout(timer);
  });

  if (!group || !story) return null;
  // The title bar names the person and where the viewer is in their stories (a Story
  // has no time of its own in the contract, API.md §3: {id, text, user}).
  const title = `${displayName(group.user)}, story ${position.story + 1} of ${group.stories.length}`;
  const label = `Story ${position.story + 1} of ${group.stories.length} by ${group.user.username}`;

  return (
    <Modal title={title} onClose={onClose} size="sm">
      {/* Arrow keys anywhere in the dialog step through the stories. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        className="space-y-3 p-4"
        onKeyDown={(event) => {
          if (event.key === 'ArrowRight') step(1);
          else if (event.key === 'ArrowLeft') step(-1);
        }}
      >
        <div className="flex gap-1" aria-hidden="true">
          {group.stories.map((item, index) => (
            <span key={item.id} className="h-1 flex-1 overflow-hidden rounded-full bg-neutral-200">
              <span
                className="block h-full bg-accent"
                style={{
                  width: `${index < position.story ? 100 : index > position.story ? 0 : Math.min(100, (elapsed / STORY_MS) * 100)}%`,
                }}
              />
            </span>
          ))}
        </div>
        <div className="flex items-center gap-3">
          <Avatar user={group.user} size="sm" />
          <UserLink
            username={group.user.username}
            className="min-w-0 truncate font-semibold hover:underline"
          />
        </div>
        <figure
          // Focusable so that keyboard users can hold a story still, as the pointer does.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          aria-label={label}
          aria-live="polite"
          onMouseEnter={() => setHovered(true)}
          onMouseLeave={() => setHovered(false)}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onPointerDown={(event) => {
            swipeFrom.current = event.clientX;
          }}
          onPointerUp={(event) => {
            if (swipeFrom.current === null) return;
            const distance = event.clientX - swipeFrom.current;
            swipeFrom.current = null;
            if (Math.abs(distance) > 40) step(distance < 0 ? 1 : -1);
          }}
          className="story-card flex min-h-64 touch-pan-y items-center justify-center rounded-xl p-6 text-center text-lg font-semibold break-words text-white select-none focus-ring"
        >
          <blockquote>{story.text}</blockquote>
        </figure>
        <div className="flex items-center justify-between gap-2">
          <button type="button" onClick={() => step(-1)} className="btn-secondary px-3">
            <ChevronLeft aria-hidden="true" className="size-4" />
            Previous
          </button>
          <button
            type="button"
            onClick={() => setPaused((value) => !value)}
            className="btn-secondary px-3"
          >
            {paused ? (
              <Play aria-hidden="true" className="size-4" />
            ) : (
              <Pause aria-hidden="true" className="size-4" />
            )}
            {paused ? 'Play' : 'Pause'}
          </button>
          <button type="button" onClick={() => step(1)} className="btn-secondary px-3">
            Next
            <ChevronRight aria-hidden="true" className="size-4" />
          </button>
        </div>
      </div>
    </Modal>
  );
}
