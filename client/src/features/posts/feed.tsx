// The feed: newest first, more posts as you reach the end (and a Load more button).
import { useInfiniteQuery } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import { Fragment, useEffect, useRef, type ReactNode } from 'react';
import { EmptyState, ErrorState, Skeleton, SkeletonLines } from '../../components/states';
import { feedQuery } from './posts.queries';
import { PostCard } from './post-card';

export function PostSkeleton() {
  return (
    <div className="card overflow-hidden" aria-hidden="true">
      <div className="flex items-center gap-3 px-4 py-3">
        <Skeleton className="size-8 rounded-full" />
        <Skeleton className="h-3 w-32" />
      </div>
      <Skeleton className="aspect-square w-full rounded-none" />
      <SkeletonLines className="space-y-2 p-4" lines={['h-3 w-20', 'h-3 w-3/4']} />
    </div>
  );
}

/** `afterFirstPost`: shown between the first and the second post, or under the empty feed (phones: the suggestions). */
export function Feed({ afterFirstPost }: { afterFirstPost?: ReactNode }) {
  const feed = useInfiniteQuery(feedQuery());
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = feed;

  // Infinite scrolling: load the next page when the end of the feed comes into view.
  useEffect(() => {
    const element = sentinel.current;
    if (element === null || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage)
          void fetchNextPage();
      },
      { rootMargin: '400px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (feed.isPending) {
    return (
      <div className="space-y-6" aria-busy="true" aria-label="Loading posts">
        <PostSkeleton />
        <PostSkeleton />
      </div>
    );
  }
  if (feed.isError)
    return (
      <ErrorState message="The feed could not be loaded." onRetry={() => void feed.refetch()} />
    );

  const posts = feed.data.pages.flat();
  if (posts.length === 0) {
    // A new account's first screen: the suggestions right under the guidance (phones).
    return (
      <div className="space-y-6">
        <EmptyState icon={<Users className="size-8" />} title="Follow people to see their posts">
          Pick someone from the suggestions, or share your first photo with New post.
        </EmptyState>
        {afterFirstPost}
      </div>
    );
  }
  return (
    <section aria-label="Posts" className="space-y-6">
      {posts.map((post, index) => (
        <Fragment key={post.id}>
          <PostCard post={post} />
          {index === 0 ? afterFirstPost : null}
        </Fragment>
      ))}
      <div ref={sentinel} className="flex justify-center pb-8">
        {hasNextPage ? (
          <button
            type="button"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
            className="btn-secondary"
          >
            {isFetchingNextPage ? 'Loading more posts…' : 'Load more'}
          </button>
        ) : (
          <p className="text-sm text-neutral-600">You are all caught up.</p>
        )}
      </div>
    </section>
  );
}
