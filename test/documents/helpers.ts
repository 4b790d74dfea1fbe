// Shared by the documents tests: a private blob folder, sample files, and what is left on disk.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll } from 'vitest';

import { resetEnvCache } from '../../lib/env';

/** A fresh BLOB_DIR for this test file (removed after it), with the configuration cache reset. */
export function setTemporaryBlobDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clearway-blobs-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  process.env.BLOB_DIR = dir;
  process.env.BLOB_STORE = 'local';
  resetEnvCache();
  return dir;
}

/** Every file under `dir` (relative paths), temporary ones included. */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

/** A small PDF with unique bytes (so tests do not share blobs by accident). */
export function pdf(extraBytes = 0): Buffer {
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n% ${randomBytes(8).toString('hex')}\n1 0 obj << /Type /Catalog >> endobj\n`),
    randomBytes(extraBytes),
    Buffer.from('\n%%EOF\n'),
  ]);
}

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64)]);
/** A Windows executable's start ("MZ", DOS stub). */
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), randomBytes(256)]);

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 20));
  }
}
