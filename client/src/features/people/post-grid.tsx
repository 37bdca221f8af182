// A profile's posts as square tiles; each opens the post's own page.
import { Heart, MessageCircle } from 'lucide-react';
import { Link } from 'react-router';
import { PostImage } from '../../components/post-image';
import { postPath } from '../../components/user-link';
import { describePost, formatCount } from '../../lib/format';
import type { Post } from '../../../../contract';

const likesAndComments = (post: Post) =>
  `${formatCount(post.likes.length, 'like')}, ${formatCount(post.comments.length, 'comment')}`;

export function PostGrid({
  posts,
  hasMore,
  loadingMore,
  onMore,
}: {
  posts: Post[];
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
}) {
  return (
    <section aria-label="Posts" className="space-y-4">
      <ul className="grid grid-cols-3 gap-1 sm:gap-2">
        {posts.map((post) => (
          <li key={post.id}>
            <Link
              to={postPath(post.id)}
              className="group relative block overflow-hidden rounded-sm focus-ring sm:rounded-md"
              aria-label={`Open the ${describePost(post)}: ${likesAndComments(post)}`}
            >
              <PostImage
                src={post.image_url}
                alt={post.alt_text ?? `Photo by ${post.user.username}`}
                className="aspect-square w-full object-cover"
              />
              <span
                aria-hidden="true"
                className="absolute inset-0 hidden items-center justify-center gap-4 bg-black/40 text-sm font-semibold text-white group-hover:flex"
              >
                <span className="flex items-center gap-1">
                  <Heart className="size-4 fill-white" /> {post.likes.length}
                </span>
                <span className="flex items-center gap-1">
                  <MessageCircle className="size-4 fill-white" /> {post.comments.length}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {hasMore ? (
        <div className="flex justify-center">
          <button type="button" onClick={onMore} disabled={loadingMore} className="btn-secondary">
            {loadingMore ? 'Loading more posts…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </section>
  );
}
