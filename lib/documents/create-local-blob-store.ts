// The default blob store: files under `<root>/<aa>/<bb>/<sha256>` (two levels of 256 folders keep any
// folder small), written to `<root>/.tmp` first and renamed into place — atomic on one filesystem, so a
// reader never sees part of a blob.
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

import { AppError } from '../errors';
import { SHA256_HEX } from '../ledger/entry-format';
import { blobSpoolDir, type BlobStore } from './blob-store';
import { spoolToFile } from './spool-to-file';

export function createLocalBlobStore(root: string): BlobStore {
  const spoolDir = blobSpoolDir(root);
  const pathOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new AppError('NOT_FOUND', `No blob ${sha256}.`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const exists = (file: string) =>
    access(file).then(
      () => true,
      () => false,
    );

  return {
    kind: 'local',

    async put(source, options = {}) {
      const spooled = await spoolToFile(source, spoolDir, options);
      try {
        const target = pathOf(spooled.sha256);
        // Same bytes, same name: keep the stored copy. Two concurrent uploads of new bytes both rename;
        // the second replaces identical content atomically, which is harmless.
        const existed = await exists(target);
        if (existed) await rm(spooled.path, { force: true });
        else {
          await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
          await rename(spooled.path, target);
        }
        return { sha256: spooled.sha256, size: spooled.size, existed };
      } catch (error) {
        await rm(spooled.path, { force: true });
        throw error;
      }
    },

    async get(sha256): Promise<Readable> {
      const file = pathOf(sha256);
      // Opened here, so that a missing blob is an error before the caller starts answering.
      const handle = await open(file, 'r').catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', `No blob ${sha256} in the store.`);
        throw error;
      });
      return handle.createReadStream();
    },

    async has(sha256) {
      return SHA256_HEX.test(sha256) && exists(pathOf(sha256));
    },
  };
}
