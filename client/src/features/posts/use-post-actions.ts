// Like, bookmark, comment and delete-comment: each updates the screen at once and
// rolls back with a polite, visible message when the server refuses (issue §4).
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useAnnounce } from '../../components/announcer';
import { api } from '../../lib/api';
import { describePost } from '../../lib/format';
import type { Bookmark, Comment, Like, Post, User } from '../../lib/types';
import { profileQuery } from '../profile/profile.queries';
import { patchPost, restorePosts, snapshotPosts, type Snapshot } from './post-cache';

/** Ids of rows the server has not created yet (the optimistic placeholders). */
const PENDING_ID = -1;
let nextTemporaryCommentId = -1;

interface Optimistic<TVars, TResult> {
  request: (vars: TVars) => Promise<TResult>;
  apply: (vars: TVars, me: User) => { postId: number; patch: (post: Post) => Post };
  settle?: (vars: TVars, result: TResult, queryClient: QueryClient) => void;
  done: (vars: TVars) => string;
  failed: (vars: TVars) => string;
}

function useOptimisticPostMutation<TVars, TResult>(config: Optimistic<TVars, TResult>) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const me = useQuery(profileQuery()).data;
  return useMutation<TResult, Error, TVars, { snapshot: Snapshot }>({
    mutationFn: config.request,
    onMutate: async (vars) => {
      const snapshot = await snapshotPosts(queryClient);
      if (me) {
        const { postId, patch } = config.apply(vars, me);
        patchPost(queryClient, postId, patch);
      }
      return { snapshot };
    },
    onSuccess: (result, vars) => {
      config.settle?.(vars, result, queryClient);
      announce(config.done(vars));
    },
    onError: (_error, vars, context) => {
      restorePosts(queryClient, context?.snapshot);
      announce(config.failed(vars), 'error');
    },
  });
}

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

export function useBookmark() {
  return useOptimisticPostMutation<
    { post: Pick<Post, 'id' | 'current_user_bookmark_id' | 'user' | 'caption'> },
    Bookmark | null
  >({
    request: async ({ post }) =>
      post.current_user_bookmark_id
        ? (await api.delete(`/api/bookmarks/${post.current_user_bookmark_id}`), null)
        : api.post<Bookmark>('/api/bookmarks', { post_id: post.id }),
    apply: ({ post }) => ({
      postId: post.id,
      patch: (current) => {
        if (post.current_user_bookmark_id) {
          const { current_user_bookmark_id: _removed, ...rest } = current;
          return rest;
        }
        return { ...current, current_user_bookmark_id: PENDING_ID };
      },
    }),
    settle: ({ post }, bookmark, queryClient) => {
      // A removed bookmark stays listed (switched off) until the page is left, so the
      // focus stays put and a slip can be undone in place.
      // Marked stale only: the list is fetched afresh the next time it is shown.
      void queryClient.invalidateQueries({ queryKey: ['bookmarks'], refetchType: 'none' });
      if (bookmark)
        patchPost(queryClient, post.id, (current) => ({
          ...current,
          current_user_bookmark_id: bookmark.id,
        }));
    },
    done: ({ post }) => (post.current_user_bookmark_id ? 'Bookmark removed' : 'Post bookmarked'),
    failed: ({ post }) =>
      `Could not ${post.current_user_bookmark_id ? 'remove the bookmark of' : 'bookmark'} the ${describePost(post)}. Please try again.`,
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
