// Every comment of a post, oldest first, each author a link; your own can be deleted.
import { useQuery } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { Avatar } from '../../components/avatar';
import { IconButton } from '../../components/icon-button';
import { UserLink } from '../../components/user-link';
import type { Post } from '../../../../contract';
import { profileQuery } from '../../lib/current-user';
import { useDeleteComment } from './use-post-actions';

export function CommentList({ post }: { post: Post }) {
  const me = useQuery(profileQuery()).data;
  const deleteComment = useDeleteComment();
  if (post.comments.length === 0) {
    return <p className="text-sm text-neutral-600">No comments yet. Be the first to comment.</p>;
  }
  return (
    <ul aria-label="Comments" className="space-y-4 text-sm">
      {post.comments.map((comment) => (
        <li key={comment.id} className="flex items-start gap-3">
          <UserLink
            username={comment.user.username}
            className="shrink-0 rounded-full"
            tabIndex={-1}
          >
            <Avatar user={comment.user} size="sm" />
          </UserLink>
          <p className="min-w-0 flex-1 break-words">
            <UserLink username={comment.user.username} /> {comment.text}
            <span className="mt-1 block text-xs text-neutral-600">{comment.display_time}</span>
          </p>
          {me && comment.user.id === me.id && comment.id > 0 ? (
            <IconButton
              icon={Trash2}
              label={`Delete your comment: ${comment.text}`}
              onClick={() => deleteComment.mutate({ post, comment })}
              className="rounded-md p-1.5 text-neutral-600 hover:bg-neutral-100 hover:text-red-700"
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
