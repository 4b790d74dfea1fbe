// The S3-compatible blob store, against a tiny in-process fake S3 on 127.0.0.1 that checks every
// request's Signature V4 and payload hash; and the signer against AWS's published example.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getBlobStore } from '../../lib/documents/get-blob-store';
import { createS3BlobStore, type S3BlobStoreConfig } from '../../lib/documents/create-s3-blob-store';
import { signAwsRequest } from '../../lib/documents/sign-aws-request';
import { resetEnvCache } from '../../lib/env';
import { filesUnder, setTemporaryBlobDir } from './helpers';

const ACCESS_KEY = 'AKIACLEARWAYTEST';
const SECRET = 'test-secret/with+special=chars';
const spoolRoot = setTemporaryBlobDir();

/** A fake S3: objects in a Map, path-style /<bucket>/<key>, every request's signature verified. */
function fakeS3(bucket: string) {
  const objects = new Map<string, Buffer>();
  const log: string[] = [];
  const server = http.createServer(async (req, res) => {
    const body = await buffer(req);
    const url = new URL(req.url!, `http://${req.headers.host}`);
    log.push(`${req.method} ${url.pathname}`);
    const auth = req.headers.authorization ?? '';
    const signedNames = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
    const headers: Record<string, string> = {};
    for (const name of signedNames) if (name !== 'host' && name !== 'x-amz-date' && name !== 'x-amz-content-sha256') headers[name] = String(req.headers[name]);
    const expected = signAwsRequest({
      method: req.method!,
      url,
      headers,
      payloadSha256: String(req.headers['x-amz-content-sha256']),
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, region: 'eu-west-1', service: 's3' },
      now: new Date(String(req.headers['x-amz-date']).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')),
    });
    const error = (status: number, code: string) => {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(req.method === 'HEAD' ? undefined : `<?xml version="1.0"?><Error><Code>${code}</Code></Error>`);
    };
    if (expected.authorization !== auth) return error(403, 'SignatureDoesNotMatch');
    const [, b, key, ...rest] = url.pathname.split('/');
    if (b !== bucket || !key || rest.length) return error(404, 'NoSuchBucket');
    if (req.method === 'PUT') {
      const digest = createHash('sha256').update(body).digest('hex');
      if (digest !== req.headers['x-amz-content-sha256']) return error(400, 'XAmzContentSHA256Mismatch');
      if (req.headers['content-length'] !== String(body.length)) return error(411, 'MissingContentLength');
      objects.set(key, body);
      res.writeHead(200, { etag: '"x"' });
      return res.end();
    }
    const object = objects.get(key);
    if (!object) return error(404, 'NoSuchKey');
    res.writeHead(200, { 'content-length': String(object.length), 'content-type': 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : object);
  });
  return { server, objects, log };
}

const fake = fakeS3('clearway-docs');
let config: S3BlobStoreConfig;

beforeAll(async () => {
  await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
  config = {
    endpoint: `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`,
    bucket: 'clearway-docs',
    region: 'eu-west-1',
    accessKeyId: ACCESS_KEY,
    secretAccessKey: SECRET,
    spoolDir: `${spoolRoot}/.tmp`,
  };
});
afterAll(async () => {
  await new Promise((resolve) => fake.server.close(resolve));
});

describe('signAwsRequest', () => {
  it('matches the GET Object example of the AWS Signature V4 documentation', () => {
    const headers = signAwsRequest({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 's3' },
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('S3 blob store', () => {
  it('PUTs a blob under its SHA-256 once, and GETs and HEADs it', async () => {
    const store = createS3BlobStore(config);
    const bytes = Buffer.from(`%PDF-1.7 ${'x'.repeat(200_000)}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const put = await store.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]));
    expect(put).toEqual({ sha256, size: bytes.length, existed: false });
    expect(fake.objects.get(sha256)?.equals(bytes)).toBe(true);

    fake.log.length = 0;
    expect(await store.put(Readable.from([bytes]))).toEqual({ sha256, size: bytes.length, existed: true });
    expect(fake.log).toEqual([`HEAD /clearway-docs/${sha256}`]); // stored once: no second PUT

    expect(await store.has(sha256)).toBe(true);
    expect(await store.has('0'.repeat(64))).toBe(false);
    expect((await buffer(await store.get(sha256))).equals(bytes)).toBe(true);
    await expect(store.get('0'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(filesUnder(config.spoolDir)).toEqual([]);
  });

  it('reports a refusal by the store, without its secret, and leaves no spooled file', async () => {
    const store = createS3BlobStore({ ...config, secretAccessKey: 'wrong-secret' });
    const error = await store.put(Readable.from([Buffer.from('{"a":1}')])).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect((error as Error).message).toMatch(/answered 403 to HEAD/);
    expect((error as Error).message).not.toContain('wrong-secret');
    expect(filesUnder(config.spoolDir)).toEqual([]);
  });

  it('names the error code of the store when it refuses a GET', async () => {
    const store = createS3BlobStore({ ...config, secretAccessKey: 'wrong-secret' });
    await expect(store.get('0'.repeat(64))).rejects.toThrow(/answered 403 \(SignatureDoesNotMatch\) to GET/);
  });

  it('uploads nothing when the source fails', async () => {
    const store = createS3BlobStore(config);
    const before = fake.objects.size;
    const source = new PassThrough();
    const put = store.put(source);
    source.write('partial');
    source.destroy(new Error('client went away'));
    await expect(put).rejects.toThrow('client went away');
    expect(fake.objects.size).toBe(before);
    expect(filesUnder(config.spoolDir)).toEqual([]);
  });

  it('is chosen by BLOB_STORE=s3, and half a configuration is refused naming what is missing', () => {
    Object.assign(process.env, { BLOB_STORE: 's3', S3_ENDPOINT: config.endpoint, S3_BUCKET: config.bucket, S3_REGION: config.region, S3_ACCESS_KEY_ID: ACCESS_KEY, S3_SECRET_ACCESS_KEY: SECRET });
    resetEnvCache();
    try {
      expect(getBlobStore().kind).toBe('s3');
      delete process.env.S3_SECRET_ACCESS_KEY;
      resetEnvCache();
      expect(() => getBlobStore()).toThrow(/S3_SECRET_ACCESS_KEY: required when BLOB_STORE=s3/);
    } finally {
      for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) delete process.env[name];
      process.env.BLOB_STORE = 'local';
      resetEnvCache();
    }
  });
});
