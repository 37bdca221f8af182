// `sslmode` in a PostgreSQL URL, with libpq's meaning (the one hosted databases and
// their docs assume), turned into node-postgres's `ssl` option. pg on its own treats
// require and verify-ca as verify-full, so `?sslmode=require` against a hosted database
// whose certificate comes from the provider's own CA fails with "self-signed
// certificate in certificate chain" although libpq, psycopg and Flask connect.
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';

/** What pg.Pool takes as `ssl`: false (plain TCP) or TLS options. */
export type PostgresSsl = false | ConnectionOptions;

export const SSL_MODES = [
  'disable',
  'allow',
  'prefer',
  'require',
  'verify-ca',
  'verify-full',
  'no-verify',
] as const;
export type SslMode = (typeof SSL_MODES)[number];

/** URL parameters this module consumes (pg would otherwise re-apply its own meaning). */
const SSL_PARAMETERS = ['sslmode', 'sslrootcert', 'sslcert', 'sslkey'] as const;

export class PostgresSslError extends Error {}

export interface SplitPostgresSsl {
  /** The URL without the parameters above. */
  url: string;
  /** Absent when neither the URL nor PGSSLMODE names an sslmode: pg's defaults apply. */
  ssl?: PostgresSsl;
}

const isSslMode = (value: string): value is SslMode =>
  (SSL_MODES as readonly string[]).includes(value);

/**
 * Takes sslmode (or `fallbackMode`, i.e. PGSSLMODE, when the URL has none) and the
 * certificate files out of `url`:
 * - disable, allow: no TLS (allow tries plain TCP first in libpq too);
 * - prefer, require, no-verify: TLS without verifying the certificate, except that
 *   require with sslrootcert verifies the chain, as in libpq (pg cannot fall back to
 *   plain TCP, so prefer needs a server that speaks TLS);
 * - verify-ca: the chain against sslrootcert (required), not the host name;
 * - verify-full: the chain (sslrootcert, else the system CAs) and the host name.
 * Throws PostgresSslError for an unknown mode or an unreadable file.
 */
export function splitPostgresSsl(
  url: string,
  fallbackMode?: string,
  readFile: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): SplitPostgresSsl {
  const parsed = new URL(url);
  const rawMode = parsed.searchParams.get('sslmode') ?? fallbackMode?.trim() ?? '';
  if (rawMode === '') return { url };
  const mode = rawMode.toLowerCase();
  if (!isSslMode(mode)) {
    throw new PostgresSslError(`sslmode "${rawMode}" is not one of ${SSL_MODES.join(', ')}`);
  }
  const files: Partial<Record<'ca' | 'cert' | 'key', string>> = {};
  for (const [parameter, option] of [
    ['sslrootcert', 'ca'],
    ['sslcert', 'cert'],
    ['sslkey', 'key'],
  ] as const) {
    const file = parsed.searchParams.get(parameter);
    if (file === null || file === '') continue;
    try {
      files[option] = readFile(file);
    } catch {
      throw new PostgresSslError(`${parameter} names the file "${file}", which cannot be read`);
    }
  }
  for (const parameter of SSL_PARAMETERS) parsed.searchParams.delete(parameter);
  return { url: parsed.toString(), ssl: sslOption(mode, files) };
}

function sslOption(
  mode: SslMode,
  files: Partial<Record<'ca' | 'cert' | 'key', string>>,
): PostgresSsl {
  // Node verifies the host name in checkServerIdentity; a no-op keeps only the chain check.
  const skipHostName = { checkServerIdentity: () => undefined };
  switch (mode) {
    case 'disable':
    case 'allow':
      return false;
    case 'prefer':
    case 'no-verify':
      return { ...files, rejectUnauthorized: false };
    case 'require':
      return files.ca === undefined
        ? { ...files, rejectUnauthorized: false }
        : { ...files, ...skipHostName };
    case 'verify-ca':
      if (files.ca === undefined) {
        throw new PostgresSslError(
          'sslmode=verify-ca needs sslrootcert=<file of the CA certificate> in the URL',
        );
      }
      return { ...files, ...skipHostName };
    case 'verify-full':
      return { ...files };
  }
}
