// Follow / Unfollow, optimistic: the switch flips at once through the cached
// following list, and rolls back with a message when the server refuses. Shared by
// the network page, the suggestions and profile pages.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAnnounce } from '../components/announcer';
import { api } from './api';
import { queryKeys } from './query-keys';
import type { Following, User } from '../../../contract';

/** GET /api/following: who the current user follows (the source of every Follow switch). */
export const followingQuery = () =>
  queryOptions({
    queryKey: queryKeys.following(),
    queryFn: () => api.get<Following[]>('/api/following'),
  });

const PENDING_ID = -1;

export function useFollow() {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const following = useQuery(followingQuery());
  const key = followingQuery().queryKey;

  const mutation = useMutation({
    mutationFn: async ({ user, row }: { user: User; row: Following | undefined }) =>
      row
        ? (await api.delete(`/api/following/${row.id}`), null)
        : api.post<Following>('/api/following', { user_id: user.id }),
    onMutate: async ({ user, row }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      queryClient.setQueryData(key, (rows = []) =>
        row
          ? rows.filter((item) => item.id !== row.id)
          : [...rows, { id: PENDING_ID, following: user }],
      );
      return { previous };
    },
    onSuccess: (created, { user, row }) => {
      if (created) {
        queryClient.setQueryData(key, (rows = []) =>
          rows.map((item) =>
            item.id === PENDING_ID && item.following.id === user.id ? created : item,
          ),
        );
      }
      announce(row ? `You unfollowed ${user.username}` : `You follow ${user.username}`);
      // Their posts and stories arrive (or leave) in the feed.
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.stories() });
      // Follower counts and following_id on profile pages.
      void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
    },
    onError: (_error, { user, row }, context) => {
      queryClient.setQueryData(key, context?.previous);
      announce(
        `Could not ${row ? 'unfollow' : 'follow'} ${user.username}. Please try again.`,
        'error',
      );
    },
  });

  const rowFor = (userId: number) => following.data?.find((item) => item.following.id === userId);

  return {
    isFollowing: (userId: number) => rowFor(userId) !== undefined,
    toggle: (user: User) => {
      const row = rowFor(user.id);
      // A follow still on its way has no row id to delete yet.
      if (mutation.isPending || row?.id === PENDING_ID) return;
      mutation.mutate({ user, row });
    },
  };
}
