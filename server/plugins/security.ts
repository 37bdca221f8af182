// Security headers (helmet) and CORS for the whole app (API.md §6).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';

/**
 * Strict CSP: the login page, the React client and the API explorer are served by
 * the app itself as external JS/CSS files with no inline scripts or styles.
 * Images may come from anywhere over https (posts and avatars of an adopted course
 * database are picsum URLs, API.md §6), and over plain http outside production
 * (local test servers, a class's LAN); data:/blob: are previews of picked files.
 * Scripts, styles, frames and connections stay on this origin.
 */
export function contentSecurityPolicy(env: Config['env']) {
  const imageSources = ["'self'", 'data:', 'blob:', 'https:'];
  if (env !== 'production') imageSources.push('http:');
  return { ...CONTENT_SECURITY_POLICY, 'img-src': imageSources };
}

const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const isUnderApi = (url: string) =>
  url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/** helmet's options for this deployment: the one description of the security headers. */
export function helmetOptions(config: Pick<Config, 'env' | 'cookieSecure'>): HelmetOptions {
  return {
    // useDefaults off: helmet's default adds upgrade-insecure-requests, which would
    // break plain-http development servers reached by a LAN address.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(config.env),
    },
    // Not "no-referrer": under it browsers send `Origin: null` with same-origin form
    // posts, and POST /login refuses requests whose Origin is not our own.
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Course clients on other origins show the app's /media images and read its API
    // with Bearer tokens; cookies are SameSite=Lax, so cross-site loads carry none.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // HSTS only where the deployment is HTTPS (the same switch as Secure cookies).
    strictTransportSecurity: config.cookieSecure
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
  };
}

/**
 * The headers helmet sets with these options, read once: with static options (no
 * CSP nonce) they do not depend on the request. Set per request as Fastify reply
 * headers, they cost one object merge instead of helmet's 13 nested middlewares and
 * Node's per-call header validation (≈ 5 % of a small API answer's CPU time,
 * README Performance). security.test.ts checks they equal helmet's own output.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {}, // X-Powered-By, which neither Node nor Fastify sets
  };
  // helmet ≥ 8.1 throws on a misconfiguration here and calls next() synchronously.
  helmet(options)({} as IncomingMessage, collector as unknown as ServerResponse, () => undefined);
  return headers;
}

// CORS on /api only (API.md §6): any origin may call with a Bearer token (the answer
// has no Access-Control-Allow-Credentials, so browsers withhold cookies' results);
// cookie-authenticated cross-origin calls only from CORS_ORIGINS. The answer depends
// on the Origin header, so every response says Vary: Origin.
const CORS_EXPOSED_HEADERS = 'Retry-After, WWW-Authenticate';
const CORS_PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
  'access-control-allow-headers': 'Authorization, Content-Type, X-CSRF-TOKEN',
  'access-control-max-age': '600',
  'content-length': '0',
};

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  const headers = securityHeaders(helmetOptions(app.config));
  const credentialedOrigins = new Set(app.config.corsOrigins);
  // One hook for both, by hand rather than @fastify/cors: its per-request options
  // (needed because credentials depend on the origin) were normalised again on every
  // request, ≈ 10 µs per answer, 7 % of /api/profile's CPU (README Performance).
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header('vary', 'Origin');
    if (!isUnderApi(request.url)) {
      done();
      return;
    }
    const origin = request.headers.origin;
    const trusted = origin !== undefined && credentialedOrigins.has(origin);
    reply.header('access-control-allow-origin', trusted ? origin : '*');
    if (trusted) reply.header('access-control-allow-credentials', 'true');
    reply.header('access-control-expose-headers', CORS_EXPOSED_HEADERS);
    if (request.method !== 'OPTIONS') {
      done();
      return;
    }
    // A preflight, answered before any token check (browsers send it without one).
    if (origin === undefined || request.headers['access-control-request-method'] === undefined) {
      reply.code(400).type('text/plain').send('Invalid Preflight Request');
      return;
    }
    reply.code(204).headers(CORS_PREFLIGHT_HEADERS).send();
  });
}

/**
 * True when a request with an Origin header comes from another site than ours.
 * No Origin header (curl, scripts, tests, old browsers) is allowed (issue 3 §6).
 */
export function isCrossSiteRequest(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  return origin !== `${request.protocol}://${request.host}`;
}
