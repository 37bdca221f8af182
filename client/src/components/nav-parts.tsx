// What the app's navigation bar and the API explorer's header share, so that both
// look like one product: the logo, the item style and the Log out button.
import { Camera, LogOut } from 'lucide-react';
import type { FormEvent } from 'react';

export const navItemClass =
  'flex shrink-0 items-center gap-2 whitespace-nowrap rounded-lg px-2 py-2 md:px-2.5 text-sm font-medium text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 focus-ring';

export const navItemActiveClass = 'bg-neutral-100 text-neutral-900';

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

/** POST with the CSRF value: a link to /logout on another site cannot log anyone out. */
export function LogoutButton() {
  return (
    <form method="post" action="/logout" onSubmit={fillLogoutCsrf} className="shrink-0">
      <input type="hidden" name="csrf_token" defaultValue="" />
      <button type="submit" className={navItemClass}>
        <LogOut aria-hidden="true" className="size-5" />
        <span className="sr-only xl:not-sr-only">Log out</span>
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
