// The "Log out?" page GET /logout shows to a visitor sent by another site (API.md §6),
// rendered by Eta with auto-escaping like the login form, with its stylesheet.
import { Eta } from 'eta';

const eta = new Eta({ views: import.meta.dirname, autoEscape: true, cache: true });

/** `csrf` is the visitor's own csrf_access_token value: the form posts it back. */
export function renderConfirmation(csrf: string): string {
  return eta.render('logout', { csrf });
}
