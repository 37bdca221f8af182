// Where uploaded images live (API.md §9), behind one small interface: files under
// DATA_DIR/media (the default), or a database table (MEDIA_STORAGE=database) so
// several instances without a shared disk serve the same files. Both are served at
// /media/u/<name> (served-media.routes.ts).
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { createDatabaseStorage } from './database-storage';
import { createFileStorage } from './file-storage';

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

export interface MediaStorage {
  /** Stores a new file under a fresh name from media-names.ts; `ownerId` uploaded it. */
  save(name: string, file: StoredFile, ownerId: number): Promise<void>;
  /** The file, or undefined when there is none by that name. */
  read(name: string): Promise<StoredFile | undefined>;
}

export function createMediaStorage(
  config: Pick<Config, 'mediaStorage' | 'dataDir'>,
  db: Db,
): MediaStorage {
  return config.mediaStorage === 'database'
    ? createDatabaseStorage(db)
    : createFileStorage(config.dataDir);
}
