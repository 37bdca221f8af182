// Response compression for JSON and HTML (@fastify/compress). The client's static
// assets are compressed once at build time (scripts/precompress.ts) and served as
// files by @fastify/static; this compresses what the app generates per request.
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/**
 * Below this many bytes a body goes as it is: it fits in one TCP segment anyway, and
 * gzip's ~20-byte frame plus the CPU would buy nothing.
 */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Levels chosen by measurement (README, Performance): the feed's 19 KB of JSON shrinks
 * to about 2.4 KB at gzip level 1 as at level 6 within a few percent, for a fraction
 * of the CPU; brotli at quality 1 is smaller than gzip 1 and as cheap.
 */
export const GZIP_LEVEL = 1;
/** The largest API answer (50 posts with their comments) is ~50 KB. */
export const SYNC_COMPRESSION_MAX_BYTES = 256 * 1024;
export const BROTLI_QUALITY = 1;
/**
 * Brotli's window, 2^18 = 256 KB: as large as the largest body compressed in one go.
 * The default (2^22) makes the encoder set up a 4 MB ring buffer for every response,
 * which for a 3 KB answer cost half the compression's time (38 → 18 µs CPU for the
 * stories, measured; the same bytes out).
 */
export const BROTLI_WINDOW_BITS = 18;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESSION_THRESHOLD_BYTES,
    // What the client accepts, in this order of preference; zstd is left out (Node 20 lacks it).
    encodings: ['br', 'gzip', 'deflate'],
    // Compress in the request's own turn (zlib's *Sync) up to this size instead of
    // through a zlib stream on the thread pool: on a machine whose cores all run
    // workers the pool adds no parallelism, and the stream pipeline cost more CPU
    // than the compression itself (23 % of the feed's profile, against ~4 % in one go).
    syncThreshold: SYNC_COMPRESSION_MAX_BYTES,
    zlibOptions: { level: GZIP_LEVEL },
    brotliOptions: {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS,
      },
    },
    // JSON (and problem+json), HTML, CSS, JavaScript and SVG; other images and fonts
    // are compressed already.
    customTypes:
      /^(?:application\/(?:[a-z.+-]*\+)?json|text\/(?:html|css|javascript)|application\/javascript|image\/svg\+xml)\b/,
  });
  // @fastify/static sends the precompressed .br/.gz of an asset without saying the
  // answer depends on Accept-Encoding; a shared cache must not hand brotli to a
  // client that never asked for it.
  // A callback hook, not async: it runs on every response and needs no promise.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (reply.hasHeader('content-encoding')) {
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i.test(vary)) {
        reply.header('vary', vary === '' ? 'Accept-Encoding' : `${vary}, Accept-Encoding`);
      }
    }
    done(null, payload);
  });
}
