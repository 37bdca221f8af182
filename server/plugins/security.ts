// Security headers (helmet) and CORS for the whole app (API.md §6).
import fastifyCors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';
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

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  // helmet itself, built once: @fastify/helmet calls helmet(options) again on every
  // request (re-parsing the CSP and rebuilding its 13 middlewares), which was ≈ 5 % of
  // the busy time of a small API answer (README Performance). Same options, same headers.
  const setSecurityHeaders = helmet({
    // useDefaults off: helmet's default adds upgrade-insecure-requests, which would
    // break plain-http development servers reached by a LAN address.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(app.config.env),
    },
    // Not "no-referrer": under it browsers send `Origin: null` with same-origin form
    // posts, and POST /login refuses requests whose Origin is not our own.
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Course clients on other origins show the app's /media images and read its API
    // with Bearer tokens; cookies are SameSite=Lax, so cross-site loads carry none.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // HSTS only where the deployment is HTTPS (the same switch as Secure cookies).
    strictTransportSecurity: app.config.cookieSecure
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
  });
  // helmet ≥ 8.1 throws on a misconfiguration when built (above) and calls next() bare.
  app.addHook('onRequest', (request, reply, done) => {
    setSecurityHeaders(request.raw, reply.raw, () => done());
  });

  const credentialedOrigins = new Set(app.config.corsOrigins);
  // CORS on /api/* only: any origin may call with a Bearer token (the answer has
  // no Access-Control-Allow-Credentials, so browsers withhold cookies' results);
  // cookie-authenticated cross-origin calls only from CORS_ORIGINS.
  await app.register(fastifyCors, {
    hideOptionsRoute: true,
    delegator: (request: FastifyRequest, callback) => {
      if (!isUnderApi(request.url)) {
        callback(null, { origin: false });
        return;
      }
      const origin = request.headers.origin;
      const trusted = typeof origin === 'string' && credentialedOrigins.has(origin);
      callback(null, {
        origin: trusted ? origin : '*',
        credentials: trusted,
        methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowedHeaders: ['Authorization', 'Content-Type', 'X-CSRF-TOKEN'],
        exposedHeaders: ['Retry-After', 'WWW-Authenticate'],
        maxAge: 600,
      });
    },
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
