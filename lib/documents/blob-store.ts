// Where document bytes live, behind one small interface chosen by configuration: the local filesystem
// (default, under DATA_DIR/blobs or BLOB_DIR) or an S3-compatible object store (BLOB_STORE=s3).
// Content-addressed: the key is the bytes' SHA-256, so the same bytes are stored once, and a stored blob
// never changes. The database (table `blob`) says which blobs exist for the product; the store only keeps bytes.
import path from 'node:path';
import type { Readable } from 'node:stream';

import { dataDir, getEnv } from '../env';
import { createLocalBlobStore } from './local-blob-store';
import { createS3BlobStore } from './s3-blob-store';

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

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

let cached: { key: string; store: BlobStore } | undefined;

/** The configured store (one instance per configuration). Half an S3 configuration is an error. */
export function getBlobStore(): BlobStore {
  const env = getEnv();
  const root = blobRoot();
  if (env.BLOB_STORE === 'local') {
    const key = `local\n${root}`;
    if (cached?.key !== key) cached = { key, store: createLocalBlobStore(root) };
    return cached.store;
  }
  const missing = S3_VARIABLES.filter((name) => !env[name]);
  if (missing.length) {
    throw new Error(`Invalid configuration:\n${missing.map((name) => `  ${name}: required when BLOB_STORE=s3`).join('\n')}`);
  }
  const config = {
    endpoint: env.S3_ENDPOINT!,
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    spoolDir: blobSpoolDir(root),
  };
  const key = `s3\n${JSON.stringify(config)}`;
  if (cached?.key !== key) cached = { key, store: createS3BlobStore(config) };
  return cached.store;
}
