// Build-time compression of the client's static files: next to each compressible
// file of at least 1 KB, a .br (brotli, maximum quality) and a .gz (gzip level 9),
// kept only when smaller. @fastify/static (preCompressed: true) sends them to
// clients that accept them, so the server never compresses an asset per request.
// Runs as the last step of `vite build` (the Vite plugin below).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
const MIN_BYTES = 1024;

function* filesBelow(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesBelow(full);
    else if (entry.isFile()) yield full;
  }
}

export interface PrecompressSummary {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

export function precompressDirectory(dir: string): PrecompressSummary {
  const summary: PrecompressSummary = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const file of filesBelow(dir)) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
    const content = readFileSync(file);
    const brotli = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gzip = gzipSync(content, { level: 9 });
    summary.files += 1;
    summary.bytes += content.length;
    summary.brotliBytes += Math.min(brotli.length, content.length);
    summary.gzipBytes += Math.min(gzip.length, content.length);
    if (brotli.length < content.length) writeFileSync(`${file}.br`, brotli);
    if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip);
  }
  return summary;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Vite plugin: precompresses the build's output directory once the bundle is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'photo-app-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const s = precompressDirectory(outDir);
      this.info(
        `precompressed ${s.files} files: ${kb(s.bytes)} → ${kb(s.brotliBytes)} brotli, ${kb(s.gzipBytes)} gzip`,
      );
    },
  };
}
