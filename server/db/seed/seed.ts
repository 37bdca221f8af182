import type { Db } from '../database';

/** Placeholder replaced by the seed work in progress. */
export async function seedIfEmpty(_db: Db): Promise<boolean> {
  return false;
}
