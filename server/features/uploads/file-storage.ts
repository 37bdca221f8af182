// Uploaded images as files under DATA_DIR/media (the default storage).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf, STORED_NAME } from './media-names';
import type { MediaStorage } from './media-storage';

export function createFileStorage(dataDir: string): MediaStorage {
  const directory = path.join(dataDir, 'media');

  /** Only names this storage made can become paths, so none can leave the directory. */
  const fileOf = (name: string) => {
    if (!STORED_NAME.test(name)) throw new Error(`Not a stored media name: ${name}`);
    return path.join(directory, name);
  };

  return {
    async save(name, file) {
      const target = fileOf(name);
      // Every time: cheap, and the directory may have been removed meanwhile.
      await mkdir(directory, { recursive: true });
      // Written aside and renamed into place, so a reader never sees half a file.
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, file.bytes, { flag: 'wx' });
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async read(name) {
      if (!STORED_NAME.test(name)) return undefined;
      try {
        return { bytes: await readFile(fileOf(name)), contentType: contentTypeOf(name) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}
