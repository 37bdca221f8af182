import type { User } from '../../../contract';
import type { useFollow } from '../lib/use-follow';
import { SwitchButton } from './switch-button';

/** "Follow" / "Following" switch for one person. */
export function FollowSwitch({
  user,
  follow,
}: {
  user: User;
  follow: ReturnType<typeof useFollow>;
}) {
  const following = follow.isFollowing(user.id);
  return (
    <SwitchButton
      checked={following}
      label={`Follow ${user.username}`}
      onToggle={() => follow.toggle(user)}
      className={`rounded-lg px-3 py-1.5 text-xs font-semibold ${
        following
          ? 'border border-neutral-300 bg-white text-neutral-900 hover:bg-neutral-100'
          : 'bg-accent text-white hover:bg-accent-strong'
      }`}
    >
      {following ? 'Following' : 'Follow'}
    </SwitchButton>
  );
}
