// The uploaded_media table (MEDIA_STORAGE=database): one row per stored file.
import type { Executor } from '../../db/executor';
import { toDbTime } from '../../db/portable';

export async function insertUploadedMedia(
  db: Executor,
  row: { name: string; userId: number; contentType: string; bytes: Buffer },
): Promise<void> {
  await db
    .insertInto('uploaded_media')
    .values({
      name: row.name,
      user_id: row.userId,
      content_type: row.contentType,
      bytes: row.bytes,
      created_at: toDbTime(new Date()),
    })
    .execute();
}

export function findUploadedMedia(db: Executor, name: string) {
  return db
    .selectFrom('uploaded_media')
    .select(['bytes', 'content_type'])
    .where('name', '=', name)
    .executeTakeFirst();
}
