// Sticky top bar: the app name, the main pages, the API explorer, the user, Log out.
import { useQuery } from '@tanstack/react-query';
import { Code } from 'lucide-react';
import { NavLink } from 'react-router';
import { CLIENT_ROUTES } from '../../../contract/client-routes';
import { profileQuery } from '../lib/current-user';
import {
  LogoMark,
  logoClass,
  MAIN_NAV_ITEMS,
  NavFrame,
  NavItemContent,
  navItemClass,
  PageItem,
  ProfileItemContent,
} from './nav-parts';
import { profilePath } from './user-link';
import { UserSearch } from './user-search';

const activeItemClass = ({ isActive }: { isActive: boolean }) => navItemClass(isActive);

export function Navbar() {
  const profile = useQuery(profileQuery());
  return (
    <NavFrame
      // Phones: the search box gets a row of its own under the links.
      navClassName="mx-auto flex max-w-5xl flex-wrap xl:max-w-6xl items-center gap-x-0.5 gap-y-2 px-3 py-2 sm:gap-x-1 sm:px-4 md:h-14 md:flex-nowrap md:py-0"
    >
      <NavLink to={CLIENT_ROUTES.feed.path} className={logoClass}>
        <LogoMark />
      </NavLink>
      <UserSearch className="order-last w-full md:order-none md:mr-2 md:w-52" />
      {MAIN_NAV_ITEMS.map(({ to, icon, label }) => (
        <NavLink key={to} to={to} end className={activeItemClass}>
          <NavItemContent icon={icon} label={label} />
        </NavLink>
      ))}
      <PageItem href="/api" icon={Code} label="API" />
      {profile.data ? (
        <NavLink to={profilePath(profile.data.username)} className={activeItemClass}>
          <ProfileItemContent user={profile.data} testId="navbar-username" />
        </NavLink>
      ) : null}
    </NavFrame>
  );
}
