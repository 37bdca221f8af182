// Asks before deleting one of your posts (and everything that hangs on it).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAnnounce } from '../../components/announcer';
import { Modal } from '../../components/modal';
import { api } from '../../lib/api';
import type { Post } from '../../../../contract';
import { removePost } from '../../lib/post-cache';

export function DeletePostDialog({
  post,
  onClose,
  onDeleted,
}: {
  post: Post;
  onClose: () => void;
  /** After the delete (the post's own page leaves for the feed). */
  onDeleted?: () => void;
}) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/posts/${post.id}`),
    onSuccess: () => {
      removePost(queryClient, post.id);
      announce('Post deleted');
      onClose();
      onDeleted?.();
    },
    onError: () => announce('Could not delete the post. Please try again.', 'error'),
  });

  return (
    <Modal title="Delete this post?" onClose={onClose} size="sm">
      <div className="space-y-4 p-4">
        <p className="text-sm text-neutral-700">
          The photo, its likes, comments and bookmarks will be gone for good.
        </p>
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="btn-secondary">
            Cancel
          </button>
          <button
            type="button"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
            className="btn-primary bg-red-700 hover:bg-red-800"
          >
            {remove.isPending ? 'Deleting…' : 'Delete'}
          </button>
        </div>
      </div>
    </Modal>
  );
}
