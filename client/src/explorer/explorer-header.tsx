// The explorer's header is the app's navigation bar (components/nav-parts.tsx): the
// same logo, items, colours and Log out, with plain links since /api is another page.
import { useQuery } from '@tanstack/react-query';
import { Code, FileJson } from 'lucide-react';
import { CLIENT_ROUTES } from '../../../contract/client-routes';
import {
  LogoMark,
  logoClass,
  MAIN_NAV_ITEMS,
  NavFrame,
  navItemClass,
  PageItem,
  ProfileItemContent,
} from '../components/nav-parts';
import { profilePath } from '../components/user-link';
import { profileQuery } from '../lib/current-user';

export function ExplorerHeader() {
  const profile = useQuery(profileQuery());
  return (
    <NavFrame
      before={
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          Skip to the endpoints
        </a>
      }
      navClassName="mx-auto flex h-14 max-w-7xl items-center gap-x-0.5 px-3 sm:gap-x-1 sm:px-4"
    >
      <a href={CLIENT_ROUTES.feed.path} className={logoClass}>
        <LogoMark />
      </a>
      {MAIN_NAV_ITEMS.map(({ to, icon, label }) => (
        <PageItem key={to} href={to} icon={icon} label={label} />
      ))}
      <PageItem href="/api" icon={Code} label="API" current />
      <PageItem href="/api/openapi.json" icon={FileJson} label="OpenAPI document" />
      {profile.data ? (
        <a href={profilePath(profile.data.username)} className={navItemClass()}>
          <ProfileItemContent user={profile.data} />
        </a>
      ) : null}
    </NavFrame>
  );
}
