// The configured blob store (lib/documents/blob-store.ts has the interface): local by default, S3 with
// BLOB_STORE=s3. In its own file so the implementations and the interface import no factory.
import { getEnv } from '../env';
import { blobRoot, blobSpoolDir, type BlobStore } from './blob-store';
import { createLocalBlobStore } from './create-local-blob-store';
import { createS3BlobStore } from './create-s3-blob-store';

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
