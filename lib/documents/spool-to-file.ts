// Writes a stream to a new temporary file while hashing it, so that a blob's key (its SHA-256) is known
// only once every byte is safely on disk. On any error or abort the temporary file is removed.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface SpooledFile {
  path: string;
  sha256: string;
  size: number;
}

/** Temporary files end with this; anything else in a spool folder is not ours. */
export const SPOOL_SUFFIX = '.part';

export async function spoolToFile(source: Readable, dir: string, options: { signal?: AbortSignal } = {}): Promise<SpooledFile> {
  // The source may fail before the pipeline below listens (while the folder and file are made): keep
  // that from being an unhandled 'error' event; the pipeline then sees the stream as errored.
  const swallow = () => undefined;
  source.on('error', swallow);
  const file = path.join(dir, `${randomUUID()}${SPOOL_SUFFIX}`);
  const hash = createHash('sha256');
  let size = 0;
  let handle: FileHandle | undefined;
  try {
    await mkdir(dir, { recursive: true, mode: 0o750 });
    // Opened before any byte flows, so that no late open can recreate the file after the clean-up below.
    handle = await open(file, 'wx', 0o640);
    const out = handle;
    await pipeline(
      source,
      async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          hash.update(chunk);
          size += chunk.length;
          for (let at = 0; at < chunk.length; ) at += (await out.write(chunk, at, chunk.length - at)).bytesWritten;
        }
      },
      { signal: options.signal },
    );
    // On disk before the caller renames or uploads it: a crash must not leave a truncated blob.
    await handle.sync();
    await handle.close();
    return { path: file, sha256: hash.digest('hex'), size };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(file, { force: true });
    throw error;
  } finally {
    source.off('error', swallow);
  }
}
