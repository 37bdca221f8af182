// Like, comment and delete-comment: each updates the screen at once and rolls back
// with a polite, visible message when the server refuses (lib/post-mutations.ts).
import type { Comment, Like, Post } from '../../../../contract';
import { api } from '../../lib/api';
import { describePost } from '../../lib/format';
import { patchPost } from '../../lib/post-cache';
import { PENDING_ID, useOptimisticPostMutation } from '../../lib/post-mutations';

let nextTemporaryCommentId = -1;

export function useLike() {
  return useOptimisticPostMutation<{ post: Post }, Like | null>({
    request: async ({ post }) =>
      post.current_user_like_id
        ? (await api.delete(`/api/likes/${post.current_user_like_id}`), null)
        : api.post<Like>('/api/likes', { post_id: post.id }),
    apply: ({ post }, me) => ({
      postId: post.id,
      patch: (current) => {
        if (post.current_user_like_id) {
          const { current_user_like_id: likeId, ...rest } = current;
          return { ...rest, likes: current.likes.filter((like) => like.id !== likeId) };
        }
        return {
          ...current,
          current_user_like_id: PENDING_ID,
          likes: [...current.likes, { id: PENDING_ID, user_id: me.id, post_id: post.id }],
        };
      },
    }),
    settle: ({ post }, like, queryClient) => {
      if (!like) return;
      patchPost(queryClient, post.id, (current) => ({
        ...current,
        current_user_like_id: like.id,
        likes: current.likes.map((item) => (item.id === PENDING_ID ? like : item)),
      }));
    },
    done: ({ post }) => (post.current_user_like_id ? 'Like removed' : 'Post liked'),
    failed: ({ post }) =>
      `Could not ${post.current_user_like_id ? 'unlike' : 'like'} the ${describePost(post)}. Please try again.`,
  });
}

export function useAddComment() {
  return useOptimisticPostMutation<{ post: Post; text: string; temporaryId: number }, Comment>({
    request: ({ post, text }) => api.post<Comment>('/api/comments', { post_id: post.id, text }),
    apply: ({ post, text, temporaryId }, me) => ({
      postId: post.id,
      patch: (current) => ({
        ...current,
        comments: [
          ...current.comments,
          { id: temporaryId, text, post_id: post.id, display_time: 'Just now', user: me },
        ],
      }),
    }),
    settle: ({ post, temporaryId }, comment, queryClient) =>
      patchPost(queryClient, post.id, (current) => ({
        ...current,
        comments: current.comments.map((item) => (item.id === temporaryId ? comment : item)),
      })),
    done: () => 'Comment posted',
    failed: ({ post }) =>
      `Could not post your comment on the ${describePost(post)}. Please try again.`,
  });
}

export function newTemporaryCommentId(): number {
  nextTemporaryCommentId -= 1;
  return nextTemporaryCommentId;
}

export function useDeleteComment() {
  return useOptimisticPostMutation<{ post: Post; comment: Comment }, unknown>({
    request: ({ comment }) => api.delete(`/api/comments/${comment.id}`),
    apply: ({ post, comment }) => ({
      postId: post.id,
      patch: (current) => ({
        ...current,
        comments: current.comments.filter((item) => item.id !== comment.id),
      }),
    }),
    done: () => 'Comment deleted',
    failed: () => 'Could not delete the comment. Please try again.',
  });
}
