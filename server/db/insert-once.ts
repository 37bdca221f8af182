// API.md §4: a duplicate like, bookmark or follow is a 400, never a 500, even when
// two requests race past the pre-check; the unique constraints have the last word.
import { isForeignKeyViolation, isUniqueViolation } from '../../db/portable';
import { badRequest, notFound } from '../../errors';

export async function insertOnce<T>(
  insert: () => Promise<T>,
  messages: { duplicate: string; missing: string },
): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw badRequest(messages.duplicate);
    // What the row points at was deleted between the check and the insert.
    if (isForeignKeyViolation(error)) throw notFound(messages.missing);
    throw error;
  }
}
