// A stored blob's bytes in memory (scan images are decoded whole; the size limit bounds them).
import { getBlobStore } from '../documents/get-blob-store';

export async function readBlob(sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getBlobStore().get(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
