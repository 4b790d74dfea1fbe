import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmbeddedPostgres } from '../../lib/database/embedded-postgres';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clearway-embedded-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('keeps the data across a stop and a start', async () => {
    const first = await startEmbeddedPostgres({ dir, port: 0, database: 'keep', persistent: true });
    await sql(first.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)');
    await first.stop();

    const second = await startEmbeddedPostgres({ dir, port: 0, database: 'keep', persistent: true });
    try {
      expect(await sql<{ note: string }>(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
      expect(new URL(second.url).hostname).toBe('127.0.0.1');
    } finally {
      await second.stop();
    }
  });

  it('refuses a second instance on the same folder with a clear message, and leaves the first running', async () => {
    const first = await startEmbeddedPostgres({ dir, port: 0, database: 'keep', persistent: true });
    try {
      await expect(startEmbeddedPostgres({ dir, port: 0, database: 'keep', persistent: true })).rejects.toThrow(
        new RegExp(`Another Clearway process \\(pid ${process.pid}\\) is already running the embedded database`),
      );
      expect(await sql<{ ok: number }>(first.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await first.stop();
    }
  });

  it('refuses while another live process holds the lock', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(path.join(dir, 'clearway.lock'), String(other.pid));
      await expect(startEmbeddedPostgres({ dir, port: 0, database: 'keep', persistent: true })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(`pid ${other.pid}`),
      });
    } finally {
      other.kill();
    }
  });

  it('takes over a lock whose process is gone, and holds it as its own', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
    const lock = path.join(dir, 'clearway.lock');
    await writeFile(lock, String(deadPid));
    const db = await startEmbeddedPostgres({ dir, port: 0, database: 'keep', persistent: true });
    try {
      expect(await sql<{ ok: number }>(db.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
      expect((await readFile(lock, 'utf8')).trim()).toBe(String(process.pid));
      // The lock taken over protects the folder like a fresh one.
      await expect(startEmbeddedPostgres({ dir, port: 0, database: 'keep', persistent: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    } finally {
      await db.stop();
    }
    await expect(access(lock)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('names the port when it is taken', async () => {
    const blocker = (await import('node:net')).createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    try {
      await expect(startEmbeddedPostgres({ dir, port, database: 'keep', persistent: true })).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is taken`,
      );
    } finally {
      blocker.close();
    }
  });
});
