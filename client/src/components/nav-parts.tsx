// What the app's navigation bar and the API explorer's header share, so that both
// look like one product: the logo, the item style, the main pages, the profile item
// and the Log out button.
import {
  Bookmark,
  Camera,
  LogOut,
  Settings,
  SquarePlus,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { FormEvent, ReactNode } from 'react';
import type { User } from '../../../contract';
import { CLIENT_ROUTES } from '../../../contract/client-routes';
import { Avatar } from './avatar';

const itemClass =
  'flex shrink-0 items-center gap-2 whitespace-nowrap rounded-lg px-2 py-2 md:px-2.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 focus-ring';

/** An item's classes; `active` marks the page that shows. */
export function navItemClass(active = false): string {
  return active ? `${itemClass} bg-neutral-100 text-neutral-900` : itemClass;
}

export const logoClass =
  'mr-auto flex shrink-0 items-center gap-2 rounded-lg py-1 pr-2 text-lg font-bold tracking-tight whitespace-nowrap focus-ring';

/** The camera and the app's name (the name from 640 px up: phones keep one row of links). */
export function LogoMark() {
  return (
    <>
      <Camera aria-hidden="true" className="size-6 text-accent" />
      <span className="sr-only sm:not-sr-only sm:whitespace-nowrap">Photo App</span>
    </>
  );
}

/** The sticky bar and its "Main" navigation, Log out last; `before` goes ahead of it (a skip link). */
export function NavFrame({
  navClassName,
  before,
  children,
}: {
  navClassName: string;
  before?: ReactNode;
  children: ReactNode;
}) {
  return (
    <header className="sticky top-0 z-40 border-b border-neutral-200 bg-white/95 backdrop-blur">
      {before}
      <nav aria-label="Main" className={navClassName}>
        {children}
        <LogoutButton />
      </nav>
    </header>
  );
}

/** The main pages, in the order both bars show them. */
export const MAIN_NAV_ITEMS: readonly { to: string; icon: LucideIcon; label: string }[] = [
  { to: CLIENT_ROUTES.newPost.path, icon: SquarePlus, label: 'New post' },
  { to: CLIENT_ROUTES.bookmarks.path, icon: Bookmark, label: 'Bookmarks' },
  { to: CLIENT_ROUTES.following.path, icon: Users, label: 'Network' },
  { to: CLIENT_ROUTES.settings.path, icon: Settings, label: 'Settings' },
];

/** An item as a plain link (a page outside the app's router); `current` marks the page that shows. */
export function PageItem({
  href,
  icon,
  label,
  current = false,
}: {
  href: string;
  icon: LucideIcon;
  label: string;
  current?: boolean;
}) {
  return (
    <a href={href} aria-current={current ? 'page' : undefined} className={navItemClass(current)}>
      <NavItemContent icon={icon} label={label} />
    </a>
  );
}

/** An item's icon and its label (the label from 1280 px up, for screen readers always). */
export function NavItemContent({ icon: Icon, label }: { icon: LucideIcon; label: string }) {
  return (
    <>
      <Icon aria-hidden="true" className="size-5" />
      <span className="sr-only xl:not-sr-only">{label}</span>
    </>
  );
}

/** The signed-in user's item: the avatar, and the username from 1536 px up. */
export function ProfileItemContent({ user, testId }: { user: User; testId?: string }) {
  return (
    <>
      <Avatar user={user} size="xs" />
      <span className="sr-only">Your profile: </span>
      <span className="sr-only 2xl:not-sr-only" data-testid={testId}>
        {user.username}
      </span>
    </>
  );
}

/** POST with the CSRF value: a link to /logout on another site cannot log anyone out. */
function LogoutButton() {
  return (
    <form method="post" action="/logout" onSubmit={fillLogoutCsrf} className="shrink-0">
      <input type="hidden" name="csrf_token" defaultValue="" />
      <button type="submit" className={navItemClass()}>
        <NavItemContent icon={LogOut} label="Log out" />
      </button>
    </form>
  );
}

/** The csrf_access_token cookie is read when the form is sent: a refresh may have renewed it. */
function fillLogoutCsrf(event: FormEvent<HTMLFormElement>): void {
  const field = event.currentTarget.elements.namedItem('csrf_token');
  const match = /(?:^|;\s*)csrf_access_token=([^;]*)/.exec(document.cookie);
  if (field instanceof HTMLInputElement) field.value = decodeURIComponent(match?.[1] ?? '');
}
