// "View all comments": the image, the caption and every comment (the same list as a
// post's own page, so your own comments can be deleted here too).
import { Avatar } from '../../components/avatar';
import { PostImage } from '../../components/post-image';
import { UserLink } from '../../components/user-link';
import { Modal } from '../../components/modal';
import type { Post } from '../../../../contract';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';

export function CommentsDialog({ post, onClose }: { post: Post; onClose: () => void }) {
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
          <div className="flex-1 space-y-4 overflow-y-auto p-4 text-sm">
            {post.caption ? (
              <div className="flex gap-3 border-b border-neutral-200 pb-4">
                <Avatar user={post.user} size="sm" />
                <p className="min-w-0 flex-1 break-words">
                  <UserLink username={post.user.username} /> {post.caption}
                  <span className="mt-1 block text-xs text-neutral-600">{post.display_time}</span>
                </p>
              </div>
            ) : null}
            <CommentList post={post} />
          </div>
          <CommentForm post={post} />
        </div>
      </div>
    </Modal>
  );
}
