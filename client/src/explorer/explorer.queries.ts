// The explorer's two server queries, each owning its cache key and its fetch
// (STYLE.md): the OpenAPI document, and the facts the real examples are made from.
// Both go through the shared API client, which renews an expired session.
import { queryOptions } from '@tanstack/react-query';
import type { Bookmark, Following, Post, User } from '../../../contract';
import { api } from '../lib/api';
import { deriveFacts } from './examples';
import type { OpenApiDocument } from './openapi';

export const openApiQuery = queryOptions({
  queryKey: ['explorer', 'openapi'],
  queryFn: () => api.get<OpenApiDocument>('/api/openapi.json'),
});

export const factsQuery = queryOptions({
  queryKey: ['explorer', 'facts'],
  queryFn: async () => {
    const [me, posts, bookmarks, following, suggestions] = await Promise.all([
      api.get<User>('/api/profile'),
      // The most posts one page allows (API.md §4), to find a like or comment of the user.
      api.get<Post[]>('/api/posts?limit=50'),
      api.get<Bookmark[]>('/api/bookmarks'),
      api.get<Following[]>('/api/following'),
      api.get<User[]>('/api/suggestions'),
    ]);
    return deriveFacts(me, posts, bookmarks, following, suggestions);
  },
});
