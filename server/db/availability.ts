// Which database errors mean "the database cannot serve us right now" (API.md §10:
// answer 503, never crash, never hang), and the up/down state behind the one log
// line when it goes away and the one when it is back.

/**
 * `down`: the connection is gone or cannot be made (server stopped or restarting,
 * connection killed, network). `busy`: the database is there but could not answer in
 * time (statement timeout, SQLite lock held too long, no free connection).
 */
export type Unavailability = 'down' | 'busy';

// Node's socket errors when the server is gone or unreachable.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// PostgreSQL SQLSTATEs: admin_shutdown (pg_terminate_backend, fast shutdown),
// crash_shutdown, cannot_connect_now (starting up or shutting down).
const PG_DOWN_CODES = new Set(['57P01', '57P02', '57P03']);
// query_canceled (statement_timeout), too_many_connections.
const PG_BUSY_CODES = new Set(['57014', '53300']);

// node-postgres reports a lost or impossible connection with these messages (no code).
const PG_DOWN_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'is not queryable',
  'Cannot use a pool after calling end on the pool',
];

function fieldOf(error: unknown, name: 'code' | 'message'): string {
  if (typeof error !== 'object' || error === null) return '';
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

// Errors that came out of the driver: a client's ECONNRESET while uploading a body
// says nothing about the database, so only these are classified for the 503.
const fromDatabase = new WeakSet<object>();

/** Marks an error thrown by the driver (database.ts and sqlite-busy.ts do). */
export function markDatabaseError(error: unknown): void {
  if (typeof error === 'object' && error !== null) fromDatabase.add(error);
}

/** The database cannot serve right now: 'down' or 'busy' for a driver error, else null. */
export function databaseUnavailability(error: unknown): Unavailability | null {
  return typeof error === 'object' && error !== null && fromDatabase.has(error)
    ? classifyDatabaseError(error)
    : null;
}

/** Null for every other error (a constraint, a syntax error...): those stay 500s or 4xx. */
export function classifyDatabaseError(error: unknown): Unavailability | null {
  const code = fieldOf(error, 'code');
  if (SOCKET_CODES.has(code) || PG_DOWN_CODES.has(code) || code.startsWith('08')) return 'down';
  if (PG_BUSY_CODES.has(code)) return 'busy';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (/^SQLITE_(IOERR|CANTOPEN|FULL)/.test(code)) return 'down';
  const message = fieldOf(error, 'message');
  if (code === '' && PG_DOWN_MESSAGES.some((text) => message.includes(text))) return 'down';
  // An AggregateError (several addresses refused) or a wrapped driver error.
  if (typeof error === 'object' && error !== null) {
    const { cause, errors } = error as { cause?: unknown; errors?: unknown };
    if (cause !== undefined && cause !== error) return classifyDatabaseError(cause);
    if (Array.isArray(errors) && errors.length > 0) return classifyDatabaseError(errors[0]);
  }
  return null;
}

export interface AvailabilityChange {
  available: boolean;
  /** Why it went away (when !available). */
  reason: string;
  /** How long it was away, in milliseconds (when available). */
  downForMs: number;
}

/** The database's state as this process last saw it. */
export interface Availability {
  /** Null while the database answers; otherwise why it does not. */
  readonly outage: string | null;
  /** Called once per change, never per failed request. */
  onChange(listener: (change: AvailabilityChange) => void): void;
  /** Any error from the database: marks it down when the error says it is gone. */
  reportFailure(error: unknown): void;
  /** A statement succeeded: the database is back if it was away and has not failed for SETTLE_MS. */
  reportSuccess(): void;
}

/**
 * A success this soon after a connection failure does not mean the database is back
 * yet: when several pooled connections are killed at once (pg_terminate_backend, a
 * failover), each fails on its next use, in between other connections' successes.
 * Without this, one fault was logged as five outages (the fault suite saw it).
 */
export const SETTLE_MS = 1000;

export function createAvailability(now: () => number = Date.now): Availability {
  let outage: string | null = null;
  let downSince = 0;
  let lastFailure = 0;
  const listeners: Array<(change: AvailabilityChange) => void> = [];
  const emit = (change: AvailabilityChange) => {
    for (const listener of listeners) listener(change);
  };
  return {
    get outage() {
      return outage;
    },
    onChange(listener) {
      listeners.push(listener);
    },
    reportFailure(error) {
      markDatabaseError(error);
      if (classifyDatabaseError(error) !== 'down') return;
      lastFailure = now();
      if (outage !== null) return;
      outage = describeError(error);
      downSince = lastFailure;
      emit({ available: false, reason: outage, downForMs: 0 });
    },
    reportSuccess() {
      if (outage === null || now() - lastFailure < SETTLE_MS) return;
      const reason = outage;
      outage = null;
      emit({ available: true, reason, downForMs: now() - downSince });
    },
  };
}

/** One line: the driver's code and message, never a stack. */
export function describeError(error: unknown): string {
  const code = fieldOf(error, 'code');
  const message = fieldOf(error, 'message');
  if (message === '' && code === '') return String(error);
  return message.includes(code) ? message : [code, message].filter(Boolean).join(' ');
}
