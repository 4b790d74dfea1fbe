// A blob store on any S3-compatible object store (AWS S3, MinIO, Ceph, Garage…), with fetch and
// Signature V4: PUT, GET and HEAD of one object per blob, keyed by its SHA-256, at path-style URLs
// (`<endpoint>/<bucket>/<sha256>`). The upload is spooled to a local temporary file first, because the
// key is the bytes' hash; the PUT then declares that hash as x-amz-content-sha256, so the store itself
// refuses bytes that changed on the way.
import { openAsBlob } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

import { AppError } from '../errors';
import { SHA256_HEX } from '../ledger/entry-format';
import type { BlobStore } from './blob-store';
import { awsUriEncode, EMPTY_PAYLOAD_SHA256, signAwsRequest } from './sign-aws-request';
import { spoolToFile } from './spool-to-file';

export interface S3BlobStoreConfig {
  /** e.g. https://s3.eu-west-1.amazonaws.com or http://minio.internal:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Local folder for uploads in progress. */
  spoolDir: string;
}

export function createS3BlobStore(config: S3BlobStoreConfig): BlobStore {
  const base = new URL(config.endpoint);
  const credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: 's3' };
  const urlOf = (sha256: string) => {
    const url = new URL(base);
    url.pathname = `${base.pathname.replace(/\/+$/, '')}/${awsUriEncode(config.bucket)}/${sha256}`;
    url.search = '';
    return url;
  };

  async function send(method: 'GET' | 'HEAD' | 'PUT', sha256: string, options: { body?: Blob; signal?: AbortSignal } = {}): Promise<Response> {
    const url = urlOf(sha256);
    const headers = signAwsRequest({
      method,
      url,
      headers: options.body ? { 'content-type': 'application/octet-stream' } : {},
      // For a PUT the payload is the blob itself, whose SHA-256 is its key.
      payloadSha256: options.body ? sha256 : EMPTY_PAYLOAD_SHA256,
      credentials,
    });
    try {
      return await fetch(url, { method, headers, body: options.body, signal: options.signal, redirect: 'error' });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new AppError('SERVICE_UNAVAILABLE', `The S3 document store at ${base.origin} cannot be reached.`, {}, { cause: error });
    }
  }

  async function refusal(res: Response, what: string): Promise<AppError> {
    const text = res.body ? await res.text().catch(() => '') : '';
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
    return new AppError('SERVICE_UNAVAILABLE', `The S3 document store answered ${res.status}${code ? ` (${code})` : ''} to ${what}.`);
  }

  async function has(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    const res = await send('HEAD', sha256);
    if (res.status === 404) return false;
    if (!res.ok) throw await refusal(res, `HEAD ${sha256}`);
    return true;
  }

  return {
    kind: 's3',
    has,

    async put(source, options = {}) {
      const spooled = await spoolToFile(source, config.spoolDir, options);
      try {
        const existed = await has(spooled.sha256);
        if (!existed) {
          // A file-backed Blob: fetch streams it from disk with its length known (S3 wants Content-Length).
          const res = await send('PUT', spooled.sha256, { body: await openAsBlob(spooled.path), signal: options.signal });
          if (!res.ok) throw await refusal(res, `PUT ${spooled.sha256}`);
          await res.body?.cancel();
        }
        return { sha256: spooled.sha256, size: spooled.size, existed };
      } finally {
        await rm(spooled.path, { force: true });
      }
    },

    async get(sha256) {
      if (!SHA256_HEX.test(sha256)) throw new AppError('NOT_FOUND', `No blob ${sha256}.`);
      const res = await send('GET', sha256);
      if (res.status === 404) {
        await res.body?.cancel();
        throw new AppError('NOT_FOUND', `No blob ${sha256} in the store.`);
      }
      if (!res.ok || !res.body) throw await refusal(res, `GET ${sha256}`);
      return Readable.fromWeb(res.body as unknown as NodeReadableStream<Uint8Array>);
    },
  };
}
