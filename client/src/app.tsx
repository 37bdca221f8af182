// The app shell and its routes: the paths and titles come from contract/client-routes.ts,
// the same list the server answers with index.html (server/pages/client/client.routes.ts).
import { useLayoutEffect, type ReactNode } from 'react';
import { matchPath, Route, Routes, useLocation } from 'react-router';
import { CLIENT_ROUTES, type ClientRouteName } from '../../contract/client-routes';
import { AnnouncerProvider } from './components/announcer';
import { Navbar } from './components/navbar';
import { NotFound } from './components/not-found';
import { BookmarksPage } from './features/bookmarks/bookmarks-page';
import { ProfilePage } from './features/people/profile-page';
import { NetworkPage } from './features/network/network-page';
import { SuggestionsPanel } from './features/network/suggestions-panel';
import { Feed } from './features/posts/feed';
import { PostFormPage } from './features/posts/post-form-page';
import { PostPage } from './features/posts/post-page';
import { ProfileCard } from './features/profile/profile-card';
import { SettingsPage } from './features/settings/settings-page';
import { StoriesRow } from './features/stories/stories-row';

/**
 * Keeps the document title in step with the screen, so each page is announced by name.
 * A layout effect, so it runs before the screens' own effects: the not-found screen
 * (shown for /posts/abc, whose route is "Post") then has the last word.
 */
function useDocumentTitle() {
  const { pathname } = useLocation();
  useLayoutEffect(() => {
    const route = Object.values(CLIENT_ROUTES).find(({ path }) => matchPath(path, pathname));
    document.title = `${route?.title ?? 'Page not found'} · Photo App`;
  }, [pathname]);
}

function Layout({ children, aside = true }: { children: ReactNode; aside?: boolean }) {
  return (
    <div className="mx-auto grid max-w-5xl grid-cols-[minmax(0,1fr)] gap-6 px-4 py-6 sm:max-w-[632px] lg:max-w-5xl lg:grid-cols-[minmax(0,600px)_320px] lg:justify-center lg:gap-8">
      <main id="main" className="min-w-0 space-y-6">
        {children}
      </main>
      {aside ? (
        // Phones show the feed first: the suggestions come as a strip after the first post.
        <aside
          aria-label="Profile and suggestions"
          className="hidden min-w-0 space-y-6 lg:sticky lg:top-20 lg:block lg:self-start"
        >
          <ProfileCard />
          <SuggestionsPanel />
        </aside>
      ) : null}
    </div>
  );
}

function FeedPage() {
  return (
    <Layout>
      <h1 className="sr-only">Feed</h1>
      <StoriesRow />
      <Feed
        afterFirstPost={
          <div className="lg:hidden">
            <SuggestionsPanel />
          </div>
        }
      />
    </Layout>
  );
}

const inLayout = (page: ReactNode, aside = true) => <Layout aside={aside}>{page}</Layout>;

/** The screen of each route in contract/client-routes.ts (the server serves the app at each path). */
const screens: Record<ClientRouteName, ReactNode> = {
  feed: <FeedPage />,
  bookmarks: inLayout(<BookmarksPage />),
  following: inLayout(<NetworkPage tab="following" />),
  followers: inLayout(<NetworkPage tab="followers" />),
  newPost: inLayout(<PostFormPage />, false),
  editPost: inLayout(<PostFormPage />, false),
  post: inLayout(<PostPage />),
  profile: inLayout(<ProfilePage />),
  settings: inLayout(<SettingsPage />, false),
};

export function App() {
  useDocumentTitle();
  return (
    <AnnouncerProvider>
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 text-sm font-semibold focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus-ring"
      >
        Skip to content
      </a>
      <Navbar />
      <Routes>
        {Object.entries(CLIENT_ROUTES).map(([name, { path }]) => (
          <Route key={name} path={path} element={screens[name as ClientRouteName]} />
        ))}
        <Route path="*" element={inLayout(<NotFound />, false)} />
      </Routes>
    </AnnouncerProvider>
  );
}
