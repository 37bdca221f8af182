// The one "page not found" screen: unknown paths, posts and people that do not exist
// (or that the user may not see), and someone else's post's edit page.
import { SearchX } from 'lucide-react';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../lib/api';
import { ErrorState } from './states';

export function NotFound({ what = 'page' }: { what?: 'page' | 'post' | 'person' }) {
  // After the route's title (app.tsx sets it in a layout effect), and again on every
  // path this screen stays mounted for.
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = 'Page not found · Photo App';
  }, [pathname]);
  const text = {
    page: 'There is no page at this address. Check the link, or go back to your feed.',
    post: 'This post does not exist, was deleted, or is by someone you do not follow.',
    person: 'Nobody here goes by that name. Check the spelling, or search for them above.',
  }[what];
  return (
    <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-neutral-300 bg-white px-6 py-12 text-center">
      <SearchX aria-hidden="true" className="size-8 text-neutral-500" />
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="max-w-sm text-sm text-neutral-600">{text}</p>
      <Link to="/" className="btn-primary">
        Go to your feed
      </Link>
    </div>
  );
}

/**
 * A post or person whose query failed: not found when the server says 404 (absent and
 * hidden are one answer), else `message` with Try again.
 */
export function LoadFailure({
  query,
  what,
  message,
}: {
  query: { error: Error | null; refetch: () => Promise<unknown> };
  what: 'post' | 'person';
  message: string;
}) {
  if (query.error instanceof ApiError && query.error.status === 404)
    return <NotFound what={what} />;
  return <ErrorState message={message} onRetry={() => void query.refetch()} />;
}

/** A path id as the server accepts it (plain digits, 1-2147483647), or null. */
export function pathId(raw: string | undefined): number | null {
  if (raw === undefined || !/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}
