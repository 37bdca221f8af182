// GET and POST /login (API.md §6): an accessible form that works without
// JavaScript. Rendered by Eta with auto-escaping on; no HTML is built from strings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, AuthenticationError } from '../../auth/authenticate';
import { REFRESH_COOKIE } from '../../auth/cookies';
import { checkCredentials, WRONG_CREDENTIALS } from '../../auth/credentials';
import {
  refreshAccess,
  setAccessCookies,
  setSessionCookies,
  startSession,
} from '../../auth/session';
import { LIMITS } from '../../../contract';
import { isStorableText } from '../../../contract/inputs';
import { isCrossSiteRequest } from '../../plugins/security';
import { serveStylesheet } from '../page-assets';

const views = import.meta.dirname;
const eta = new Eta({ views, autoEscape: true, cache: true });
const stylesheet = readFileSync(path.join(views, 'login.css'), 'utf8');

interface LoginView {
  error?: string;
  username?: string;
}

function renderLogin(app: FastifyInstance, reply: FastifyReply, status: number, view: LoginView) {
  const html = eta.render('login', {
    error: view.error ?? '',
    username: view.username ?? '',
    demoHint: app.config.seedOnStart,
    registrationOpen: app.config.registrationOpen,
  });
  // The form page may carry a typed username: keep it out of shared caches.
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** A form field as a string, or null when it is missing or repeated. */
function field(body: unknown, name: string): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

/** API.md §4: a value over its limit is refused in words, never cut (the page has no maxlength). */
function tooLong(username: string | null, password: string | null): string | null {
  if (username !== null && username.length > LIMITS.username) {
    return `A username is at most ${LIMITS.username} characters long; this one has ${username.length}.`;
  }
  if (password !== null && password.length > LIMITS.password) {
    return `A password is at most ${LIMITS.password} characters long; this one has ${password.length}.`;
  }
  return null;
}

/**
 * API.md §4: a NUL (or an unpaired surrogate) in a login is wrong input like any
 * other; the form shows the username back with U+FFFD in its place.
 */
const unstorable = (text: string | null) => text !== null && !isStorableText(text);
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const shownBack = (text: string) => text.replace(/[\u0000\uD800-\uDFFF]/gu, '\uFFFD');

export async function loginPageRoutes(app: FastifyInstance): Promise<void> {
  serveStylesheet(app, '/login/login.css', stylesheet);

  app.get('/login', { schema: { hide: true } }, async (request, reply) =>
    (await hasLiveSession(app, request, reply))
      ? reply.header('Cache-Control', 'no-store').redirect('/', 302)
      : renderLogin(app, reply, 200, {}),
  );

  app.post('/login', { schema: { hide: true } }, async (request, reply) => {
    const username = field(request.body, 'username');
    const password = field(request.body, 'password');
    // Login CSRF: another site must not log a visitor into an account it controls.
    if (isCrossSiteRequest(request)) {
      return renderLogin(app, reply, 403, {
        error:
          'This login form was sent from another website. Open this page directly and log in here.',
      });
    }
    if (unstorable(username) || unstorable(password)) {
      return renderLogin(app, reply, 200, {
        error: WRONG_CREDENTIALS,
        username: shownBack(username ?? ''),
      });
    }
    const overLimit = tooLong(username, password);
    if (overLimit !== null) {
      return renderLogin(app, reply, 400, { error: overLimit, username: username ?? '' });
    }
    if (username === null || password === null || username === '' || password === '') {
      return renderLogin(app, reply, 200, {
        error: 'Enter your username and password.',
        username: username ?? '',
      });
    }
    const result = await checkCredentials(app, request, { username, password });
    if (!result.ok && result.reason !== 'wrong') {
      reply.header('Retry-After', String(result.retryAfterSeconds));
      const status = result.reason === 'blocked' ? 429 : 503;
      return renderLogin(app, reply, status, { error: result.message, username });
    }
    if (!result.ok) return renderLogin(app, reply, 200, { error: WRONG_CREDENTIALS, username });
    const tokens = await startSession(app, request, reply, {
      id: result.userId,
      username: result.username,
    });
    setSessionCookies(app, reply, tokens);
    return reply.redirect('/', 302);
  });
}

/**
 * API.md §6: GET /login with a live session goes to /. A missing or expired access
 * cookie is renewed from the refresh cookie first, as for the pages.
 */
async function hasLiveSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  try {
    await authenticate(app, request);
    return true;
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    const refreshToken = request.cookies[REFRESH_COOKIE];
    if (!error.renewable || !refreshToken) return false;
    const renewed = await refreshAccess(app, refreshToken);
    if (renewed.ok) setAccessCookies(app, reply, renewed.access);
    return renewed.ok;
  }
}
