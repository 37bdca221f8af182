// /users/<username>: a person's avatar, names, counts and Follow switch, then a grid
// of their posts when they are in your network ("Follow to see their posts" when not).
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Camera, Lock, Settings } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { Avatar } from '../../components/avatar';
import { FollowSwitch } from '../../components/follow-switch';
import { LoadFailure } from '../../components/not-found';
import { EmptyState, ErrorState, Skeleton, SkeletonLines } from '../../components/states';
import { profileQuery } from '../../lib/current-user';
import { displayName, formatCount } from '../../lib/format';
import { useFollow } from '../../lib/use-follow';
import type { Profile } from '../../../../contract';
import { PostGrid } from './post-grid';
import { personPostsQuery, personQuery } from './people.queries';

function ProfileHeader({ person, mine }: { person: Profile; mine: boolean }) {
  const follow = useFollow();
  return (
    <header className="card flex flex-col items-center gap-4 p-5 text-center sm:flex-row sm:items-start sm:gap-6 sm:text-left">
      <Avatar user={person} size="xl" />
      <div className="min-w-0 flex-1 space-y-3">
        <div className="flex flex-col items-center gap-2 sm:flex-row sm:flex-wrap">
          <h1 className="max-w-full truncate text-xl font-bold tracking-tight">
            {person.username}
          </h1>
          {mine ? (
            <Link to="/settings" className="btn-secondary py-1.5 text-xs">
              <Settings aria-hidden="true" className="size-4" />
              Settings
            </Link>
          ) : (
            <FollowSwitch user={person} follow={follow} />
          )}
        </div>
        <p className="text-sm font-medium break-words">{displayName(person)}</p>
        <ul
          aria-label="Counts"
          className="flex justify-center gap-5 text-sm text-neutral-700 sm:justify-start"
        >
          <li>
            <strong className="text-neutral-900">{formatCount(person.posts_count, 'post')}</strong>
          </li>
          <li>
            <strong className="text-neutral-900">
              {formatCount(person.followers_count, 'follower')}
            </strong>
          </li>
          <li>
            <strong className="text-neutral-900">
              {person.following_count.toLocaleString('en-US')}
            </strong>{' '}
            following
          </li>
        </ul>
      </div>
    </header>
  );
}

function ProfilePosts({ person, mine }: { person: Profile; mine: boolean }) {
  const inNetwork = mine || person.following_id !== undefined;
  const posts = useInfiniteQuery({ ...personPostsQuery(person.username), enabled: inNetwork });
  if (!inNetwork) {
    return (
      <EmptyState icon={<Lock className="size-8" />} title="Follow to see their posts">
        Posts by {person.username} show up here, and in your feed, once you follow them.
      </EmptyState>
    );
  }
  if (posts.isPending) {
    return (
      <div className="grid grid-cols-3 gap-1 sm:gap-2" aria-busy="true" aria-label="Loading posts">
        {Array.from({ length: 6 }, (_, index) => (
          <Skeleton key={index} className="aspect-square w-full rounded-none" />
        ))}
      </div>
    );
  }
  if (posts.isError) {
    return (
      <ErrorState message="Their posts could not be loaded." onRetry={() => void posts.refetch()} />
    );
  }
  const all = posts.data.pages.flat();
  if (all.length === 0) {
    return (
      <EmptyState icon={<Camera className="size-8" />} title="No posts yet">
        {mine ? 'Share your first photo with New post.' : `${person.username} has not posted yet.`}
      </EmptyState>
    );
  }
  return (
    <PostGrid
      posts={all}
      hasMore={posts.hasNextPage}
      loadingMore={posts.isFetchingNextPage}
      onMore={() => void posts.fetchNextPage()}
    />
  );
}

export function ProfilePage() {
  const username = useParams().username ?? '';
  const person = useQuery(personQuery(username));
  const me = useQuery(profileQuery()).data;

  if (person.isPending) {
    return (
      <div
        className="card flex items-center gap-6 p-5"
        aria-busy="true"
        aria-label="Loading the profile"
      >
        <Skeleton className="size-20 rounded-full sm:size-28" />
        <SkeletonLines className="space-y-3" lines={['h-5 w-40', 'h-3 w-56']} />
      </div>
    );
  }
  if (person.isError)
    return <LoadFailure query={person} what="person" message="This profile could not be loaded." />;
  const mine = me?.id === person.data.id;
  return (
    <>
      <ProfileHeader person={person.data} mine={mine} />
      <ProfilePosts person={person.data} mine={mine} />
    </>
  );
}
