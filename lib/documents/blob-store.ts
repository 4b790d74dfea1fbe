// Where document bytes live, behind one small interface chosen by configuration: the local filesystem
// (default, under DATA_DIR/blobs or BLOB_DIR) or an S3-compatible object store (BLOB_STORE=s3).
// Content-addressed: the key is the bytes' SHA-256, so the same bytes are stored once, and a stored blob
// never changes. The database (table `blob`) says which blobs exist for the product; the store only keeps bytes.
// The interface only: the factory that picks an implementation is get-blob-store.ts (so the
// implementations can import this file without a circle).
import path from 'node:path';
import type { Readable } from 'node:stream';

import { dataDir, getEnv } from '../env';

export interface BlobPutResult {
  /** SHA-256 of the bytes, lowercase hex: the blob's key. */
  sha256: string;
  size: number;
  /** The same bytes were stored before; they are kept once. */
  existed: boolean;
}

export interface BlobStore {
  readonly kind: 'local' | 's3';
  /**
   * Stores a stream: hashed while written to a temporary file, then published under its SHA-256 in one
   * atomic step. When the stream fails, is destroyed or `signal` aborts, nothing is left behind.
   */
  put(source: Readable, options?: { signal?: AbortSignal }): Promise<BlobPutResult>;
  /** The bytes of a stored blob; AppError NOT_FOUND when there is none. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
}

/** The local store's folder (also where the S3 store spools uploads before sending them). */
export function blobRoot(): string {
  const env = getEnv();
  return path.resolve(env.BLOB_DIR ?? path.join(dataDir(), 'blobs'));
}

/** Temporary files of uploads in progress: inside the root, so a rename into place is atomic. */
export function blobSpoolDir(root = blobRoot()): string {
  return path.join(root, '.tmp');
}
