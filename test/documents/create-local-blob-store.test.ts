// The default blob store on the filesystem: content-addressed, atomic, and clean after failures.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';

import { describe, expect, it } from 'vitest';

import { createLocalBlobStore } from '../../lib/documents/create-local-blob-store';
import { filesUnder, setTemporaryBlobDir } from './helpers';

const root = setTemporaryBlobDir();
const store = createLocalBlobStore(root);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('local blob store', () => {
  it('stores bytes under <root>/<aa>/<bb>/<sha256>, once, and reads them back', async () => {
    const first = await store.put(Readable.from([Buffer.from('hello '), Buffer.from('world')]));
    expect(first).toEqual({ sha256: sha('hello world'), size: 11, existed: false });
    const file = path.join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256);
    expect(existsSync(file)).toBe(true);

    const again = await store.put(Readable.from([Buffer.from('hello world')]));
    expect(again).toEqual({ ...first, existed: true });
    expect(filesUnder(root)).toEqual([path.relative(root, file)]);

    expect(await store.has(first.sha256)).toBe(true);
    expect(await store.has(sha('nothing'))).toBe(false);
    expect(await text(await store.get(first.sha256))).toBe('hello world');
    await expect(store.get(sha('nothing'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('leaves no blob and no temporary file when the stream fails or is aborted midway', async () => {
    const before = filesUnder(root);
    const failing = new PassThrough();
    const put = store.put(failing);
    failing.write(Buffer.alloc(100_000, 1));
    await new Promise((r) => setTimeout(r, 20));
    failing.destroy(new Error('connection lost'));
    await expect(put).rejects.toThrow('connection lost');
    expect(filesUnder(root)).toEqual(before);

    const controller = new AbortController();
    const slow = new PassThrough();
    const aborted = store.put(slow, { signal: controller.signal });
    slow.write(Buffer.alloc(10_000, 2));
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(aborted).rejects.toThrow();
    expect(filesUnder(root)).toEqual(before);
  });
});
