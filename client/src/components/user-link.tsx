// Every mention of a person leads to their profile page.
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** `/users/<username>`, the profile page's address (contract/client-routes.ts). */
export const profilePath = (username: string) => `/users/${encodeURIComponent(username)}`;

/** `/posts/<id>`, a post's own page. */
export const postPath = (id: number) => `/posts/${id}`;

export function UserLink({
  username,
  children,
  className = 'font-semibold hover:underline',
  tabIndex,
}: {
  username: string;
  children?: ReactNode;
  className?: string;
  tabIndex?: number;
}) {
  return (
    <Link
      to={profilePath(username)}
      // An avatar's extra link (tabIndex -1) repeats the name's: hidden from assistive tech.
      aria-hidden={tabIndex === -1 ? true : undefined}
      className={`rounded-sm focus-ring ${className}`}
      tabIndex={tabIndex}
    >
      {children ?? username}
    </Link>
  );
}
