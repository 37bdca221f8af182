// One post in the feed, laid out like the course client (and Instagram).
import { useQuery } from '@tanstack/react-query';
import { Heart, MessageCircle, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../components/avatar';
import { IconButton } from '../../components/icon-button';
import { PostImage } from '../../components/post-image';
import { postPath, UserLink } from '../../components/user-link';
import { BookmarkSwitch } from '../../components/bookmark-switch';
import { SwitchButton } from '../../components/switch-button';
import { describePost, likesLabel, viewAllCommentsLabel } from '../../lib/format';
import type { Post } from '../../../../contract';
import { profileQuery } from '../../lib/current-user';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';
import { CommentsDialog } from './comments-dialog';
import { DeletePostDialog } from './delete-post-dialog';
import { useBookmark } from '../../lib/post-mutations';
import { useLike } from './use-post-actions';

/** `full`: the post's own page, with every comment and no comments dialog. */
export function PostCard({
  post,
  full = false,
  onDeleted,
}: {
  post: Post;
  full?: boolean;
  onDeleted?: () => void;
}) {
  const me = useQuery(profileQuery()).data;
  const like = useLike();
  const bookmark = useBookmark();
  const [dialog, setDialog] = useState<'comments' | 'delete' | null>(null);
  const liked = post.current_user_like_id !== undefined;
  const mine = me?.id === post.user.id;
  const name = describePost(post);
  const latest = post.comments.at(-1);
  const viewAll = full ? null : viewAllCommentsLabel(post.comments.length);

  return (
    <article aria-label={`Post by ${post.user.username}`} className="card overflow-hidden">
      <header className="flex items-center gap-3 px-4 py-3">
        <UserLink username={post.user.username} className="shrink-0 rounded-full" tabIndex={-1}>
          <Avatar user={post.user} size="sm" />
        </UserLink>
        <h2 className="min-w-0 flex-1 truncate text-sm">
          <UserLink username={post.user.username} />
        </h2>
        {mine ? (
          <div className="flex gap-1">
            <Link
              to={`/posts/${post.id}/edit`}
              className="rounded-md p-2 text-neutral-700 hover:bg-neutral-100 focus-ring"
            >
              <Pencil aria-hidden="true" className="size-4" />
              <span className="sr-only">Edit your {name}</span>
            </Link>
            <IconButton
              icon={Trash2}
              label={`Delete your ${name}`}
              onClick={() => setDialog('delete')}
              className="rounded-md p-2 text-neutral-700 hover:bg-neutral-100 hover:text-red-700"
            />
          </div>
        ) : null}
      </header>
      <PostImage
        src={post.image_url}
        alt={post.alt_text ?? `Photo by ${post.user.username}`}
        className="aspect-square w-full object-cover"
      />
      <div className="flex items-center gap-1 px-2 pt-2">
        <SwitchButton
          checked={liked}
          label={`Like ${name}`}
          onToggle={() => {
            if (!like.isPending && post.current_user_like_id !== -1) like.mutate({ post });
          }}
          className="rounded-full p-2 hover:bg-neutral-100"
        >
          <Heart
            aria-hidden="true"
            className={`size-6 ${liked ? 'fill-red-600 text-red-600' : 'text-neutral-800'}`}
          />
        </SwitchButton>
        <IconButton
          icon={MessageCircle}
          label={`Comments on the ${name}`}
          onClick={() => setDialog('comments')}
          className="rounded-full p-2 text-neutral-800 hover:bg-neutral-100"
          iconSize="size-6"
        />
        <BookmarkSwitch
          post={post}
          bookmark={bookmark}
          className="ml-auto rounded-full p-2 hover:bg-neutral-100"
          iconSize="size-6"
        />
      </div>
      <div className="space-y-1.5 px-4 pb-3 text-sm">
        <p className="font-semibold" data-testid="like-count">
          {likesLabel(post.likes.length)}
        </p>
        {post.caption ? (
          <p className="break-words">
            <UserLink username={post.user.username} /> {post.caption}
          </p>
        ) : null}
        {viewAll ? (
          <button
            type="button"
            onClick={() => setDialog('comments')}
            className="rounded-sm text-neutral-600 hover:text-neutral-900 focus-ring"
          >
            {viewAll}
          </button>
        ) : null}
        {full ? (
          <div className="pt-2">
            <CommentList post={post} />
          </div>
        ) : latest ? (
          <p className="break-words">
            <UserLink username={latest.user.username} /> {latest.text}
          </p>
        ) : null}
        <p className="text-xs uppercase tracking-wide text-neutral-600">
          <Link to={postPath(post.id)} className="rounded-sm hover:underline focus-ring">
            {post.display_time}
            <span className="sr-only">: open the {name}</span>
          </Link>
        </p>
      </div>
      <CommentForm post={post} />
      {dialog === 'comments' ? (
        <CommentsDialog post={post} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'delete' ? (
        <DeletePostDialog post={post} onClose={() => setDialog(null)} onDeleted={onDeleted} />
      ) : null}
    </article>
  );
}
