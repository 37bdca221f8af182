// Uploaded images in the uploaded_media table (MEDIA_STORAGE=database): every
// instance of the app reads the same rows, no shared disk needed.
import type { Db } from '../../db/database';
import type { MediaStorage } from './media-storage';
import { findUploadedMedia, insertUploadedMedia } from './uploads.queries';

export function createDatabaseStorage(db: Db): MediaStorage {
  return {
    async save(name, file, ownerId) {
      await insertUploadedMedia(db.kysely, {
        name,
        userId: ownerId,
        contentType: file.contentType,
        bytes: file.bytes,
      });
    },
    async read(name) {
      const row = await findUploadedMedia(db.kysely, name);
      return row && { bytes: Buffer.from(row.bytes), contentType: row.content_type };
    },
  };
}
