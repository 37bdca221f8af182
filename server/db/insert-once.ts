// API.md §4: a duplicate like, bookmark or follow is a 400, and a row whose post or
// user is gone is a 404, never a 500, even when two requests race past the checks:
// the unique and foreign-key constraints have the last word.
import { rowIdOf } from '../../contract';
import { badRequest, notFound } from '../errors';
import { isForeignKeyViolation, isUniqueViolation } from './portable';

export interface InsertOnceOptions<T> {
  insert: () => Promise<T>;
  /** The row that already exists, if any: checked first, so the common case needs no failed insert. */
  findExisting?: () => Promise<unknown>;
  /** The 400 message for a row that exists already; without it a unique violation is unexpected. */
  duplicate?: string;
  /** The 404 message when what the row points at was deleted between the check and the insert. */
  missing: string;
}

export async function insertOnce<T>(options: InsertOnceOptions<T>): Promise<T> {
  const { duplicate, missing } = options;
  if (duplicate !== undefined && (await options.findExisting?.())) throw badRequest(duplicate);
  try {
    return await options.insert();
  } catch (error) {
    if (duplicate !== undefined && isUniqueViolation(error)) throw badRequest(duplicate);
    if (isForeignKeyViolation(error)) throw notFound(missing);
    throw error;
  }
}

/**
 * The row a body or path id names (a post, a user), as the current user may see it,
 * with the 404 message insertOnce needs (`Post 12 not found.`, the id as sent). An
 * id outside 1–2147483647 names nothing and never reaches SQL, and a row `find`
 * does not return (absent, or hidden from this user) is the same 404.
 */
export async function findTarget<R>(
  noun: string,
  sentId: number | string,
  find: (id: number) => Promise<R | undefined | false>,
): Promise<{ id: number; row: R; missing: string }> {
  const missing = `${noun} ${sentId} not found.`;
  const id = rowIdOf(sentId);
  const row = id === null ? undefined : await find(id);
  if (id === null || !row) throw notFound(missing);
  return { id, row, missing };
}
