// Your bookmarks: a grid of saved photos, each with its author, caption and a
// Bookmark switch to remove it.
import { useQuery } from '@tanstack/react-query';
import { Bookmark as BookmarkIcon } from 'lucide-react';
import { Link } from 'react-router';
import { Avatar } from '../../components/avatar';
import { PostImage } from '../../components/post-image';
import { postPath, UserLink } from '../../components/user-link';
import { BookmarkSwitch } from '../../components/bookmark-switch';
import { EmptyState, ErrorState, Skeleton } from '../../components/states';
import { formatCount } from '../../lib/format';
import { useBookmark } from '../../lib/post-mutations';
import { bookmarksQuery } from './bookmarks.queries';

export function BookmarksPage() {
  const bookmarks = useQuery(bookmarksQuery());
  const bookmark = useBookmark();

  return (
    <>
      <h1 className="text-xl font-bold tracking-tight">Bookmarks</h1>
      {bookmarks.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2" aria-busy="true" aria-label="Loading bookmarks">
          {[0, 1, 2, 3].map((index) => (
            <Skeleton key={index} className="aspect-square w-full rounded-xl" />
          ))}
        </div>
      ) : bookmarks.isError ? (
        <ErrorState
          message="Your bookmarks could not be loaded."
          onRetry={() => void bookmarks.refetch()}
        />
      ) : bookmarks.data.length === 0 ? (
        <EmptyState icon={<BookmarkIcon className="size-8" />} title="No bookmarks yet">
          Tap the bookmark icon under a post to save it here.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {bookmarks.data.map(({ id, post }) => (
            <li key={id} className="card overflow-hidden">
              <article aria-label={`Bookmarked post by ${post.user.username}`}>
                <Link to={postPath(post.id)} className="block focus-ring">
                  <PostImage
                    src={post.image_url}
                    alt={post.alt_text ?? `Photo by ${post.user.username}`}
                    className="aspect-square w-full object-cover"
                  />
                  <span className="sr-only">Open the post</span>
                </Link>
                <div className="flex items-start gap-3 p-3">
                  <Avatar user={post.user} size="sm" />
                  <div className="min-w-0 flex-1 text-sm">
                    <h2>
                      <UserLink username={post.user.username} />
                    </h2>
                    {post.caption ? (
                      <p className="line-clamp-2 text-neutral-700">{post.caption}</p>
                    ) : null}
                    <p className="mt-1 text-xs text-neutral-600">
                      {formatCount(post.likes.length, 'like')} · {post.display_time}
                    </p>
                  </div>
                  <BookmarkSwitch
                    post={post}
                    bookmark={bookmark}
                    className="rounded-full p-2 hover:bg-neutral-100"
                    iconSize="size-5"
                  />
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
