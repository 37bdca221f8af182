import { useQuery } from '@tanstack/react-query';
import { Avatar } from '../../components/avatar';
import { UserLink } from '../../components/user-link';
import { Skeleton } from '../../components/states';
import { displayName } from '../../lib/format';
import { profileQuery } from '../../lib/current-user';

/** The right column's profile panel: avatar, username, name. */
export function ProfileCard() {
  const profile = useQuery(profileQuery());
  return (
    <section aria-label="Your profile" className="flex items-center gap-3 px-1">
      {profile.data ? (
        <>
          <Avatar user={profile.data} size="lg" />
          <div className="min-w-0">
            <p className="truncate text-sm">
              <UserLink username={profile.data.username} />
            </p>
            <p className="truncate text-sm text-neutral-600">{displayName(profile.data)}</p>
          </div>
        </>
      ) : (
        <>
          <Skeleton className="size-14 rounded-full" />
          <div className="space-y-2">
            <Skeleton className="h-3 w-24" />
            <Skeleton className="h-3 w-32" />
          </div>
        </>
      )}
    </section>
  );
}
