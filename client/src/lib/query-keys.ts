// Every query key of the app, in one factory. The *.queries.ts files build their
// queries from it, and code that invalidates or patches another screen's data names
// the key through it, so a key is never typed twice (and features need not import
// each other to reach a shared cache entry). Keys nest: invalidating `posts.all`
// also reaches the feed and every single post.
export const queryKeys = {
  posts: {
    all: ['posts'] as const,
    feed: () => ['posts', 'feed'] as const,
    one: (id: number) => ['posts', 'one', id] as const,
    /** One person's posts on their profile page (an infinite list, like the feed). */
    byUser: (username: string) => ['posts', 'user', username] as const,
  },
  users: {
    all: ['users'] as const,
    search: (text: string) => ['users', 'search', text] as const,
    profile: (username: string) => ['users', 'profile', username] as const,
  },
  bookmarks: () => ['bookmarks'] as const,
  following: () => ['following'] as const,
  followers: () => ['followers'] as const,
  suggestions: () => ['suggestions'] as const,
  profile: () => ['profile'] as const,
  stories: () => ['stories'] as const,
  sessions: () => ['sessions'] as const,
};
