// Runs in a worker thread of auth/hash-pool.ts: one password hash per task, computed
// synchronously here so that it occupies this thread only, never the main thread nor
// libuv's thread pool (which static files, readFile and DNS share). Plain JavaScript
// so that the production build can load it as it is.
import { pbkdf2Sync, scryptSync } from 'node:crypto';

/**
 * @param {{ kind: 'scrypt', password: string, salt: string, keyLength: number, N: number, r: number, p: number }
 *   | { kind: 'pbkdf2', password: string, salt: string, keyLength: number, iterations: number, digest: string }} task
 * @returns {Uint8Array}
 */
export default function hash(task) {
  if (task.kind === 'scrypt') {
    const { N, r, p } = task;
    // scrypt needs 128*N*r*p bytes; werkzeug allows 132*N*r*p, above Node's 32 MiB default.
    return scryptSync(task.password, task.salt, task.keyLength, {
      N,
      r,
      p,
      maxmem: 132 * N * r * p,
    });
  }
  return pbkdf2Sync(task.password, task.salt, task.iterations, task.keyLength, task.digest);
}
