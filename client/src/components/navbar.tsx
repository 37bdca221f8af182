// Sticky top bar: the app name, the main pages, the API explorer, the user, Log out.
import { useQuery } from '@tanstack/react-query';
import { Bookmark, Code, Settings, SquarePlus, Users } from 'lucide-react';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { CLIENT_ROUTES } from '../../../contract/client-routes';
import { profileQuery } from '../lib/current-user';
import { Avatar } from './avatar';
import {
  LogoMark,
  LogoutButton,
  logoClass,
  navItemActiveClass,
  navItemClass as itemClass,
} from './nav-parts';
import { profilePath } from './user-link';
import { UserSearch } from './user-search';

function NavItem({ to, icon, label }: { to: string; icon: ReactNode; label: string }) {
  return (
    <NavLink
      to={to}
      end
      className={({ isActive }) => `${itemClass} ${isActive ? navItemActiveClass : ''}`}
    >
      {icon}
      <span className="sr-only xl:not-sr-only">{label}</span>
    </NavLink>
  );
}

export function Navbar() {
  const profile = useQuery(profileQuery());
  return (
    <header className="sticky top-0 z-40 border-b border-neutral-200 bg-white/95 backdrop-blur">
      <nav
        aria-label="Main"
        // Phones: the search box gets a row of its own under the links.
        className="mx-auto flex max-w-5xl flex-wrap xl:max-w-6xl items-center gap-x-0.5 gap-y-2 px-3 py-2 sm:gap-x-1 sm:px-4 md:h-14 md:flex-nowrap md:py-0"
      >
        <NavLink to={CLIENT_ROUTES.feed.path} className={logoClass}>
          <LogoMark />
        </NavLink>
        <UserSearch className="order-last w-full md:order-none md:mr-2 md:w-52" />
        <NavItem
          to={CLIENT_ROUTES.newPost.path}
          icon={<SquarePlus aria-hidden="true" className="size-5" />}
          label="New post"
        />
        <NavItem
          to={CLIENT_ROUTES.bookmarks.path}
          icon={<Bookmark aria-hidden="true" className="size-5" />}
          label="Bookmarks"
        />
        <NavItem
          to={CLIENT_ROUTES.following.path}
          icon={<Users aria-hidden="true" className="size-5" />}
          label="Network"
        />
        <NavItem
          to={CLIENT_ROUTES.settings.path}
          icon={<Settings aria-hidden="true" className="size-5" />}
          label="Settings"
        />
        <a href="/api" className={itemClass}>
          <Code aria-hidden="true" className="size-5" />
          <span className="sr-only xl:not-sr-only">API</span>
        </a>
        {profile.data ? (
          <NavLink
            to={profilePath(profile.data.username)}
            className={({ isActive }) => `${itemClass} ${isActive ? navItemActiveClass : ''}`}
          >
            <Avatar user={profile.data} size="xs" />
            <span className="sr-only">Your profile: </span>
            <span className="sr-only 2xl:not-sr-only" data-testid="navbar-username">
              {profile.data.username}
            </span>
          </NavLink>
        ) : null}
        <LogoutButton />
      </nav>
    </header>
  );
}
