// The optimistic update shared by every post action: the screen changes at once
// wherever the post is cached (feed, bookmarks) and rolls back with a polite, visible
// message when the server refuses. The bookmark switch lives here because both the
// feed and the bookmarks page show it.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Bookmark, Post, User } from '../../../contract';
import { useAnnounce } from '../components/announcer';
import { api } from './api';
import { profileQuery } from './current-user';
import { describePost } from './format';
import { patchPost, restorePosts, snapshotPosts, type Snapshot } from './post-cache';
import { queryKeys } from './query-keys';

/** Ids of rows the server has not created yet (the optimistic placeholders). */
export const PENDING_ID = -1;

interface Optimistic<TVars, TResult> {
  request: (vars: TVars) => Promise<TResult>;
  apply: (vars: TVars, me: User) => { postId: number; patch: (post: Post) => Post };
  settle?: (vars: TVars, result: TResult, queryClient: QueryClient) => void;
  done: (vars: TVars) => string;
  failed: (vars: TVars) => string;
}

export function useOptimisticPostMutation<TVars, TResult>(config: Optimistic<TVars, TResult>) {
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
      void queryClient.invalidateQueries({ queryKey: queryKeys.bookmarks(), refetchType: 'none' });
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
