// Who you follow and who follows you, as two tabs (two URLs), each person with a
// Follow / Following switch.
import { useQuery } from '@tanstack/react-query';
import { UserPlus, Users } from 'lucide-react';
import { NavLink } from 'react-router';
import { Avatar } from '../../components/avatar';
import { UserLink } from '../../components/user-link';
import { EmptyState, ErrorState, Skeleton } from '../../components/states';
import { displayName } from '../../lib/format';
import type { User } from '../../../../contract';
import { FollowSwitch } from '../../components/follow-switch';
import { followersQuery, followingQuery } from './network.queries';
import { useFollow } from '../../lib/use-follow';

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `flex-1 rounded-md px-3 py-2 text-center text-sm font-semibold focus-ring ${
    isActive ? 'bg-white text-neutral-900 shadow-sm' : 'text-neutral-700 hover:text-neutral-900'
  }`;

function PeopleList({ people, follow }: { people: User[]; follow: ReturnType<typeof useFollow> }) {
  return (
    <ul className="card divide-y divide-neutral-200">
      {people.map((user) => (
        <li key={user.id} className="flex items-center gap-3 px-4 py-3">
          <Avatar user={user} />
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm">
              <UserLink username={user.username} />
            </p>
            <p className="truncate text-sm text-neutral-600">{displayName(user)}</p>
          </div>
          <FollowSwitch user={user} follow={follow} />
        </li>
      ))}
    </ul>
  );
}

export function NetworkPage({ tab }: { tab: 'following' | 'followers' }) {
  const following = useQuery(followingQuery());
  const followers = useQuery({ ...followersQuery(), enabled: tab === 'followers' });
  const follow = useFollow();
  const active = tab === 'following' ? following : followers;
  // A follow still on its way (id -1) is listed once the server has confirmed it.
  const people =
    tab === 'following'
      ? (following.data ?? []).filter((row) => row.id !== -1).map((row) => row.following)
      : (followers.data ?? []).map((row) => row.follower);

  return (
    <>
      <h1 className="text-xl font-bold tracking-tight">
        {tab === 'following' ? 'Following' : 'Followers'}
      </h1>
      <nav aria-label="Network" className="flex gap-1 rounded-lg bg-neutral-100 p-1">
        <NavLink to="/network" end className={tabClass}>
          Following
        </NavLink>
        <NavLink to="/network/followers" end className={tabClass}>
          Followers
        </NavLink>
      </nav>
      {active.isPending ? (
        <div className="card space-y-4 p-4" aria-busy="true" aria-label="Loading people">
          {[0, 1, 2].map((index) => (
            <div key={index} className="flex items-center gap-3">
              <Skeleton className="size-10 rounded-full" />
              <Skeleton className="h-3 w-40" />
            </div>
          ))}
        </div>
      ) : active.isError ? (
        <ErrorState
          message="This list could not be loaded."
          onRetry={() => void active.refetch()}
        />
      ) : people.length === 0 ? (
        tab === 'following' ? (
          <EmptyState icon={<UserPlus className="size-8" />} title="You do not follow anyone yet">
            Follow people from the suggestions on the feed to see their posts.
          </EmptyState>
        ) : (
          <EmptyState icon={<Users className="size-8" />} title="No followers yet">
            When people follow you, they show up here.
          </EmptyState>
        )
      ) : (
        <PeopleList people={people} follow={follow} />
      )}
    </>
  );
}
