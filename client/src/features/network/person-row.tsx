// A person as the network lists and the suggestions show them: avatar, username link,
// display name and a Follow / Following switch, and the grey rows shown while loading.
import { Avatar } from '../../components/avatar';
import { FollowSwitch } from '../../components/follow-switch';
import { Skeleton } from '../../components/states';
import { UserLink } from '../../components/user-link';
import { displayName } from '../../lib/format';
import type { useFollow } from '../../lib/use-follow';
import type { User } from '../../../../contract';

/** The network page's list, and the suggestions (cards on phones, a list from 1024 px up). */
const LAYOUTS = {
  list: {
    item: 'flex items-center gap-3 px-4 py-3',
    names: 'min-w-0 flex-1',
    name: 'text-sm',
    skeletons: 'card space-y-4 p-4',
    skeletonRow: 'flex items-center gap-3',
    skeletonLine: 'h-3 w-40',
  },
  suggestion: {
    item: 'card flex w-36 shrink-0 flex-col items-center gap-2 p-3 text-center lg:w-auto lg:flex-row lg:border-0 lg:bg-transparent lg:p-0 lg:px-1 lg:text-left',
    names: 'w-full min-w-0 lg:flex-1',
    name: 'text-xs',
    skeletons: 'space-y-3',
    skeletonRow: 'flex items-center gap-3 px-1',
    skeletonLine: 'h-3 w-28',
  },
} as const;

type Layout = keyof typeof LAYOUTS;

export function PersonRow({
  user,
  follow,
  layout,
}: {
  user: User;
  follow: ReturnType<typeof useFollow>;
  layout: Layout;
}) {
  const classes = LAYOUTS[layout];
  return (
    <li className={classes.item}>
      <Avatar user={user} />
      <div className={classes.names}>
        <p className="truncate text-sm">
          <UserLink username={user.username} />
        </p>
        <p className={`truncate ${classes.name} text-neutral-600`}>{displayName(user)}</p>
      </div>
      <FollowSwitch user={user} follow={follow} />
    </li>
  );
}

/**
 * Three rows of an avatar and a name while the people load. With a `label` the box is a
 * busy region of that name; without one screen readers skip it.
 */
export function PersonRowSkeletons({ layout, label }: { layout: Layout; label?: string }) {
  const classes = LAYOUTS[layout];
  return (
    <div
      className={classes.skeletons}
      aria-busy={label ? true : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {[0, 1, 2].map((index) => (
        <div key={index} className={classes.skeletonRow}>
          <Skeleton className="size-10 rounded-full" />
          <Skeleton className={classes.skeletonLine} />
        </div>
      ))}
    </div>
  );
}
