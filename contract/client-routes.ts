// The web client's screens: one list for both sides. The server answers each path with
// the app's HTML (so a reload works) and the client renders and titles it. Plain values
// with no imports, so the client may import this module at run time.

/** Path patterns in react-router / find-my-way syntax (`:id` is a parameter). */
export const CLIENT_ROUTES = {
  feed: { path: '/', title: 'Feed' },
  bookmarks: { path: '/bookmarks', title: 'Bookmarks' },
  following: { path: '/network', title: 'Following' },
  followers: { path: '/network/followers', title: 'Followers' },
  newPost: { path: '/posts/new', title: 'New post' },
  editPost: { path: '/posts/:id/edit', title: 'Edit post' },
  settings: { path: '/settings', title: 'Settings' },
  post: { path: '/posts/:id', title: 'Post' },
  profile: { path: '/users/:username', title: 'Profile' },
} as const;

export type ClientRouteName = keyof typeof CLIENT_ROUTES;
