// Configuration is parsed and validated once, here (API.md §7). Everything else
// receives a typed Config; nothing outside this file reads environment variables.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { PostgresSslError, splitPostgresSsl, type PostgresSsl } from './db/postgres-ssl';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  /** `ssl`: from the URL's sslmode or PGSSLMODE (db/postgres-ssl.ts); absent: pg's defaults. */
  | { dialect: 'postgres'; url: string; ssl?: PostgresSsl };

export interface Config {
  env: 'development' | 'production' | 'test';
  /** Default 127.0.0.1; in production 0.0.0.0, so a platform's router or a VM's proxy reaches it. */
  host: string;
  port: number;
  /** CLIENT_DIR: a built client served instead of the bundled one (pages/client/client-dir.routes.ts). */
  clientDir: string | null;
  dataDir: string;
  database: DatabaseConfig;
  jwtSecret: string;
  /** True when the secret was generated for development and not configured. */
  jwtSecretGenerated: boolean;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  cookieSecure: boolean;
  corsOrigins: string[];
  redisUrl: string | null;
  /** Fastify's trustProxy: false, true (trust every proxy), or trusted proxy addresses/CIDRs (comma-separated). */
  trustProxy: boolean | string;
  /** The login limiter (API.md §5): failed logins allowed per window, for each of its four counters. */
  loginLimits: LoginLimits;
  /** The window those failures are counted in, in seconds. */
  loginFailureWindowSeconds: number;
  /** Where the limiter's counters live: one process, Redis, or the database shared by the workers. */
  loginCounterStore: 'memory' | 'redis' | 'database';
  /** Prefix of every Redis key, so several apps (or test runs) can share one Redis. */
  redisKeyPrefix: string;
  /** Password hashes computed at once, and how many may wait (API.md §5); more answer 503. */
  hashPool: { threads: number; queue: number };
  /**
   * log2 of scrypt's N for new password hashes (PASSWORD_HASH_COST): 17, OWASP's
   * minimum, and more if wanted; lower only with NODE_ENV=test, to keep tests that are
   * not about hashing fast.
   */
  passwordHashCost: number;
  logLevel: string;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Seed the demo data when the database has no users (on by default outside production). */
  seedOnStart: boolean;
  /** Worker processes sharing the port (API.md §10); 1 serves from the main process itself. */
  webConcurrency: number;
  /** Bounds on waiting for the database, so an outage answers 503 instead of hanging. */
  databaseTimeouts: { connectMs: number; statementMs: number };
  /** Where uploaded images live (API.md §9): files under DATA_DIR/media, or a database table. */
  mediaStorage: 'files' | 'database';
  /** Largest accepted upload, in bytes (API.md §9: MEDIA_MAX_BYTES, 10 MiB). */
  mediaMaxBytes: number;
  /** REGISTRATION=closed hides POST /api/users and /register (API.md §9). */
  registrationOpen: boolean;
}

export interface LoginLimits {
  /** Per (username, trusted device). */
  device: number;
  /** Per (username, client address), for clients without a device cookie. */
  userAddress: number;
  /** Per username, over every client without a device cookie. */
  user: number;
  /** Per client address, over every username. */
  address: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** process.env merged over the `.env` file of the working directory (real env wins). */
export function readEnvironment(cwd = process.cwd()): Env {
  const file = path.join(cwd, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}

function fail(variable: string, problem: string, fix: string): never {
  throw new ConfigError(`${variable} ${problem}. ${fix}`);
}

function parseInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    fail(name, `is "${raw}"`, `Set it to a whole number from ${min} to ${max}.`);
  }
  return Number(raw);
}

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  return fail(name, `is "${env[name]}"`, 'Set it to true or false.');
}

/**
 * Accepts what the course's `.env` holds: SQLAlchemy URLs such as
 * `postgresql+psycopg://user:pw@host/db`, plain `postgres://` URLs, `sqlite:///path`
 * or a bare file path.
 */
export function parseDatabaseUrl(
  raw: string,
  cwd: string,
  variable = 'DATABASE_URL',
  pgSslMode?: string,
): DatabaseConfig {
  const value = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return { dialect: 'sqlite', file: path.resolve(cwd, value) };
  const [base] = scheme.split('+');
  if (base === 'postgres' || base === 'postgresql') {
    const url = 'postgresql' + value.slice(scheme.length);
    try {
      const parsed = new URL(url);
      if (parsed.pathname.length <= 1) {
        fail(
          variable,
          'names no database',
          'Add one, e.g. postgresql://user@127.0.0.1:5432/photo_app',
        );
      }
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      fail(variable, 'is not a valid URL', 'Use postgresql://user:password@host:5432/database');
    }
    try {
      return { dialect: 'postgres', ...splitPostgresSsl(url, pgSslMode) };
    } catch (error) {
      if (!(error instanceof PostgresSslError)) throw error;
      return fail(
        variable,
        `(or PGSSLMODE) has a problem: ${error.message}`,
        'Hosted databases usually want ?sslmode=require.',
      );
    }
  }
  if (base === 'sqlite') {
    // sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy writes them.
    const file = value.slice('sqlite:///'.length);
    if (file === '' || file === ':memory:') {
      fail(variable, 'names no SQLite file', 'Use sqlite:///data/photo-app.db or a file path.');
    }
    return { dialect: 'sqlite', file: path.resolve(cwd, file) };
  }
  return fail(
    variable,
    `uses the unsupported scheme "${scheme}"`,
    'Use a postgresql:// URL or a SQLite file path.',
  );
}

/** Parses and validates the environment; throws ConfigError with one line naming the fix. */
export function loadConfig(env: Env, cwd = process.cwd()): Config {
  const rawEnv = env.NODE_ENV?.trim() || 'development';
  if (rawEnv !== 'development' && rawEnv !== 'production' && rawEnv !== 'test') {
    fail('NODE_ENV', `is "${rawEnv}"`, 'Set it to development, production or test.');
  }
  const production = rawEnv === 'production';
  const dataDir = path.resolve(cwd, env.DATA_DIR?.trim() || 'data');

  const dbVariable = env.DATABASE_URL?.trim() ? 'DATABASE_URL' : 'DB_URL';
  const dbRaw = env[dbVariable]?.trim();
  const database: DatabaseConfig = dbRaw
    ? parseDatabaseUrl(dbRaw, cwd, dbVariable, env.PGSSLMODE)
    : { dialect: 'sqlite', file: path.join(dataDir, 'photo-app.db') };

  const host = env.HOST?.trim() || (production ? '0.0.0.0' : '127.0.0.1');
  const clientDir = parseClientDir(env.CLIENT_DIR, cwd);
  const port = parseInteger(env, 'PORT', 5000, 0, 65535);

  let jwtSecret = env.JWT_SECRET ?? '';
  let jwtSecretGenerated = false;
  if (jwtSecret === '') {
    if (production) {
      fail(
        'JWT_SECRET',
        'is required when NODE_ENV=production',
        'Set it to a long random string, e.g. the output of: openssl rand -hex 32',
      );
    }
    jwtSecret = loadOrCreateDevSecret(dataDir);
    jwtSecretGenerated = true;
  }

  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      fail(
        'CORS_ORIGINS',
        `contains "${origin}"`,
        'List origins like https://app.example.com, separated by commas.',
      );
    }
  }

  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) {
    fail('REDIS_URL', `is "${redisUrl}"`, 'Use redis://host:6379 (or rediss:// for TLS).');
  }

  // Off by default: trusting X-Forwarded-For from anyone would let a client pick the
  // address the login brute-force limit counts against.
  const trustProxyRaw = env.TRUST_PROXY?.trim() || 'false';
  const trustProxy = ['true', 'false'].includes(trustProxyRaw.toLowerCase())
    ? trustProxyRaw.toLowerCase() === 'true'
    : trustProxyRaw;

  const logLevel = env.LOG_LEVEL?.trim() || (rawEnv === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    fail(
      'LOG_LEVEL',
      `is "${logLevel}"`,
      'Use one of fatal, error, warn, info, debug, trace, silent.',
    );
  }

  const mediaStorage = env.MEDIA_STORAGE?.trim().toLowerCase() || 'files';
  if (mediaStorage !== 'files' && mediaStorage !== 'database') {
    fail('MEDIA_STORAGE', `is "${env.MEDIA_STORAGE}"`, 'Set it to files or database.');
  }
  // Counters must be shared by every process that answers logins: Redis when there is
  // one, else the database once several workers run, else this process's memory.
  const workers = parseInteger(
    env,
    'WEB_CONCURRENCY',
    production ? availableParallelism() : 1,
    1,
    64,
  );
  const loginCounterStore =
    env.LOGIN_COUNTERS?.trim().toLowerCase() ||
    (redisUrl ? 'redis' : workers > 1 ? 'database' : 'memory');
  if (
    loginCounterStore !== 'memory' &&
    loginCounterStore !== 'redis' &&
    loginCounterStore !== 'database'
  ) {
    fail('LOGIN_COUNTERS', `is "${env.LOGIN_COUNTERS}"`, 'Set it to memory, redis or database.');
  }
  if (loginCounterStore === 'redis' && !redisUrl) {
    fail('LOGIN_COUNTERS', 'is redis but REDIS_URL is not set', 'Set REDIS_URL=redis://host:6379.');
  }
  const registration = env.REGISTRATION?.trim().toLowerCase() || 'open';
  if (registration !== 'open' && registration !== 'closed') {
    fail('REGISTRATION', `is "${env.REGISTRATION}"`, 'Set it to open or closed.');
  }

  return {
    env: rawEnv,
    host,
    port,
    clientDir,
    dataDir,
    database,
    jwtSecret,
    jwtSecretGenerated,
    accessTokenTtlSeconds: parseInteger(env, 'JWT_ACCESS_TOKEN_EXPIRES', 15 * 60, 10, 86_400 * 30),
    refreshTokenTtlSeconds: parseInteger(
      env,
      'JWT_REFRESH_TOKEN_EXPIRES',
      30 * 86_400,
      60,
      86_400 * 365,
    ),
    cookieSecure: parseBoolean(env, 'JWT_COOKIE_SECURE', production),
    corsOrigins,
    redisUrl,
    trustProxy,
    loginLimits: {
      device: parseInteger(env, 'LOGIN_LIMIT_DEVICE', 10, 1, 10_000),
      // LOGIN_MAX_FAILURES was the one limit of earlier versions.
      userAddress: parseInteger(
        env,
        'LOGIN_LIMIT_USER_ADDRESS',
        parseInteger(env, 'LOGIN_MAX_FAILURES', 10, 1, 10_000),
        1,
        10_000,
      ),
      user: parseInteger(env, 'LOGIN_LIMIT_USER', 20, 1, 10_000),
      address: parseInteger(env, 'LOGIN_LIMIT_ADDRESS', 50, 1, 10_000),
    },
    loginFailureWindowSeconds: parseInteger(env, 'LOGIN_FAILURE_WINDOW', 15 * 60, 1, 86_400),
    loginCounterStore,
    redisKeyPrefix: env.REDIS_KEY_PREFIX?.trim() || 'photo-app:',
    passwordHashCost: parseInteger(env, 'PASSWORD_HASH_COST', 17, rawEnv === 'test' ? 10 : 17, 20),
    hashPool: {
      threads: parseInteger(env, 'HASH_THREADS', Math.max(1, availableParallelism() - 1), 1, 64),
      queue: parseInteger(
        env,
        'HASH_QUEUE',
        16 * Math.max(1, availableParallelism() - 1),
        0,
        10_000,
      ),
    },
    logLevel,
    bodyLimit: parseInteger(env, 'BODY_LIMIT', 1024 * 1024, 1024, 50 * 1024 * 1024),
    seedOnStart: parseBoolean(env, 'SEED_ON_START', !production),
    webConcurrency: parseInteger(
      env,
      'WEB_CONCURRENCY',
      production ? availableParallelism() : 1,
      1,
      64,
    ),
    databaseTimeouts: {
      connectMs: parseInteger(env, 'DATABASE_CONNECT_TIMEOUT_MS', 3000, 100, 60_000),
      statementMs: parseInteger(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 5000, 100, 600_000),
    },
    mediaStorage,
    mediaMaxBytes: parseInteger(env, 'MEDIA_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    registrationOpen: registration === 'open',
  };
}

/** A built client's directory: it must exist and hold the index.html every page falls back to. */
function parseClientDir(raw: string | undefined, cwd: string): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const dir = path.resolve(cwd, value);
  if (!existsSync(path.join(dir, 'index.html'))) {
    const problem = !existsSync(dir)
      ? 'does not exist'
      : statSync(dir).isDirectory()
        ? 'has no index.html'
        : 'is not a directory';
    fail(
      'CLIENT_DIR',
      `(${dir}) ${problem}`,
      'Point it at the built client, e.g. CLIENT_DIR=static/react-client/dist (run its build first).',
    );
  }
  return dir;
}

/** Development only: a strong secret generated once and kept, so restarts keep sessions. */
function loadOrCreateDevSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved.length >= 32) return saved;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
