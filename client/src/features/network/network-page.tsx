// Who you follow and who follows you, as two tabs (two URLs), each person with a
// Follow / Following switch.
import { useQuery } from '@tanstack/react-query';
import { UserPlus, Users } from 'lucide-react';
import { NavLink } from 'react-router';
import { EmptyState, ErrorState } from '../../components/states';
import { useFollow } from '../../lib/use-follow';
import { followersQuery, followingQuery } from './network.queries';
import { PersonRow, PersonRowSkeletons } from './person-row';

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `flex-1 rounded-md px-3 py-2 text-center text-sm font-semibold focus-ring ${
    isActive ? 'bg-white text-neutral-900 shadow-sm' : 'text-neutral-700 hover:text-neutral-900'
  }`;

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
        <PersonRowSkeletons layout="list" label="Loading people" />
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
        <ul className="card divide-y divide-neutral-200">
          {people.map((user) => (
            <PersonRow key={user.id} user={user} follow={follow} layout="list" />
          ))}
        </ul>
      )}
    </>
  );
}
