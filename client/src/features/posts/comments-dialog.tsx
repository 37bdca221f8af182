// "View all comments": the image, the caption and every comment; your own comments
// can be deleted here.
import { useQuery } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { Avatar } from '../../components/avatar';
import { PostImage } from '../../components/post-image';
import { UserLink } from '../../components/user-link';
import { Modal } from '../../components/modal';
import type { Post } from '../../../../contract';
import { profileQuery } from '../../lib/current-user';
import { CommentForm } from './comment-form';
import { useDeleteComment } from './use-post-actions';

export function CommentsDialog({ post, onClose }: { post: Post; onClose: () => void }) {
  const me = useQuery(profileQuery()).data;
  const deleteComment = useDeleteComment();

  return (
    <Modal title={`Comments on the post by ${post.user.username}`} onClose={onClose}>
      <div className="grid max-h-[calc(100dvh-6rem)] overflow-y-auto md:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <PostImage
          src={post.image_url}
          alt={post.alt_text ?? `Photo by ${post.user.username}`}
          className="aspect-square w-full object-cover"
          lazy={false}
        />
        <div className="flex min-h-0 flex-col">
          <ul className="flex-1 space-y-4 overflow-y-auto p-4 text-sm">
            {post.caption ? (
              <li className="flex gap-3 border-b border-neutral-200 pb-4">
                <Avatar user={post.user} size="sm" />
                <p>
                  <UserLink username={post.user.username} /> {post.caption}
                  <span className="mt-1 block text-xs text-neutral-600">{post.display_time}</span>
                </p>
              </li>
            ) : null}
            {post.comments.length === 0 ? (
              <li className="text-neutral-600">No comments yet. Be the first.</li>
            ) : null}
            {post.comments.map((comment) => (
              <li key={comment.id} className="flex items-start gap-3">
                <Avatar user={comment.user} size="sm" />
                <p className="min-w-0 flex-1 break-words">
                  <UserLink username={comment.user.username} /> {comment.text}
                  <span className="mt-1 block text-xs text-neutral-600">
                    {comment.display_time}
                  </span>
                </p>
                {me && comment.user.id === me.id && comment.id > 0 ? (
                  <button
                    type="button"
                    onClick={() => deleteComment.mutate({ post, comment })}
                    className="rounded-md p-1.5 text-neutral-600 hover:bg-neutral-100 hover:text-red-700 focus-ring"
                  >
                    <Trash2 aria-hidden="true" className="size-4" />
                    <span className="sr-only">Delete your comment: {comment.text}</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          <CommentForm post={post} />
        </div>
      </div>
    </Modal>
  );
}
