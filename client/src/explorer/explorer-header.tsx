// The explorer's header is the app's navigation bar (components/nav-parts.tsx): the
// same logo, items, colours and Log out, with plain links since /api is another page.
import { useQuery } from '@tanstack/react-query';
import { Bookmark, Code, FileJson, Settings, SquarePlus, Users } from 'lucide-react';
import type { ReactNode } from 'react';
import { CLIENT_ROUTES } from '../../../contract/client-routes';
import { Avatar } from '../components/avatar';
import {
  LogoMark,
  LogoutButton,
  logoClass,
  navItemActiveClass,
  navItemClass,
} from '../components/nav-parts';
import { profilePath } from '../components/user-link';
import { profileQuery } from '../lib/current-user';

function NavItem({
  href,
  icon,
  label,
  current = false,
}: {
  href: string;
  icon: ReactNode;
  label: string;
  current?: boolean;
}) {
  return (
    <a
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`${navItemClass} ${current ? navItemActiveClass : ''}`}
    >
      {icon}
      <span className="sr-only xl:not-sr-only">{label}</span>
    </a>
  );
}

export function ExplorerHeader() {
  const profile = useQuery(profileQuery());
  return (
    <header className="sticky top-0 z-40 border-b border-neutral-200 bg-white/95 backdrop-blur">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to the endpoints
      </a>
      <nav
        aria-label="Main"
        className="mx-auto flex h-14 max-w-7xl items-center gap-x-0.5 px-3 sm:gap-x-1 sm:px-4"
      >
        <a href={CLIENT_ROUTES.feed.path} className={logoClass}>
          <LogoMark />
        </a>
        <NavItem
          href={CLIENT_ROUTES.newPost.path}
          icon={<SquarePlus aria-hidden="true" className="size-5" />}
          label="New post"
        />
        <NavItem
          href={CLIENT_ROUTES.bookmarks.path}
          icon={<Bookmark aria-hidden="true" className="size-5" />}
          label="Bookmarks"
        />
        <NavItem
          href={CLIENT_ROUTES.following.path}
          icon={<Users aria-hidden="true" className="size-5" />}
          label="Network"
        />
        <NavItem
          href={CLIENT_ROUTES.settings.path}
          icon={<Settings aria-hidden="true" className="size-5" />}
          label="Settings"
        />
        <NavItem
          href="/api"
          icon={<Code aria-hidden="true" className="size-5" />}
          label="API"
          current
        />
        <NavItem
          href="/api/openapi.json"
          icon={<FileJson aria-hidden="true" className="size-5" />}
          label="OpenAPI document"
        />
        {profile.data ? (
          <a href={profilePath(profile.data.username)} className={navItemClass}>
            <Avatar user={profile.data} size="xs" />
            <span className="sr-only">Your profile: </span>
            <span className="sr-only 2xl:not-sr-only">{profile.data.username}</span>
          </a>
        ) : null}
        <LogoutButton />
      </nav>
    </header>
  );
}
