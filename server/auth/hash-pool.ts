// Password hashing off the main thread (API.md §5): a pool of worker threads with
// bounded concurrency (about one per CPU, leaving one for the event loop) and a
// bounded wait queue. When the queue is full a hash is refused at once
// (HashPoolBusyError -> 503 with Retry-After) instead of making every login wait.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';

export type HashTask =
  | {
      kind: 'scrypt';
      password: string;
      salt: string;
      keyLength: number;
      N: number;
      r: number;
      p: number;
    }
  | {
      kind: 'pbkdf2';
      password: string;
      salt: string;
      keyLength: number;
      iterations: number;
      digest: string;
    };

export interface HashPoolOptions {
  /** Hashes computed at the same time. */
  threads: number;
  /** Hashes that may wait for a thread; one more is refused. */
  queue: number;
}

export class HashPoolBusyError extends Error {
  readonly statusCode = 503;
  /** Seconds a client should wait before trying again. */
  readonly retryAfterSeconds = 2;
  constructor() {
    super('The server is busy checking other passwords: try again in a moment.');
    this.name = 'HashPoolBusyError';
  }
}

export function defaultHashPoolOptions(): HashPoolOptions {
  const threads = Math.max(1, availableParallelism() - 1);
  return { threads, queue: threads * 16 };
}

const workerFile = path.join(import.meta.dirname, 'hash-worker.mjs');
let pool: Piscina | null = null;
let options = defaultHashPoolOptions();

/** Sets the pool's bounds (config HASH_THREADS / HASH_QUEUE); a running pool is replaced. */
export function configureHashPool(next: HashPoolOptions): void {
  if (next.threads === options.threads && next.queue === options.queue) return;
  options = next;
  const previous = pool;
  pool = null;
  // Hashes already running finish; the old threads then exit.
  void previous?.close();
}

function currentPool(): Piscina {
  pool ??= new Piscina({
    filename: workerFile,
    minThreads: 0,
    maxThreads: options.threads,
    // Piscina's own queue check is the final word (it is atomic with the dispatch).
    maxQueue: options.queue,
    // Threads start with the first hash (minThreads 0) and exit 5 s after the last:
    // each is a V8 isolate of ~10 MB resident, which a read-only worker should not
    // carry for long after one login (README, Performance: RSS per worker).
    idleTimeout: 5_000,
    // Workers must not inherit a test runner's or tsx's flags beyond what they need.
    execArgv: [],
  });
  return pool;
}

/** Hashes waiting for a thread right now. */
export function hashesWaiting(): number {
  return pool?.queueSize ?? 0;
}

/** Runs one hash in a worker thread. Throws HashPoolBusyError when the queue is full. */
export async function runHash(task: HashTask): Promise<Buffer> {
  const workers = currentPool();
  if (workers.queueSize >= options.queue) throw new HashPoolBusyError();
  try {
    const result = (await workers.run(task)) as Uint8Array;
    return Buffer.from(result.buffer, result.byteOffset, result.byteLength);
  } catch (error) {
    if (error instanceof Error && error.message === 'Task queue is at limit') {
      throw new HashPoolBusyError();
    }
    throw error;
  }
}
