// The one place that builds the database clients: the Prisma client, and the `pg` pool under it that
// the hot paths (filing and submitting declarations) use directly with SQL, because a Prisma model
// query costs about six times the CPU of the same statement through `pg` (measured with bench code).
// Nothing outside lib/ imports this module. The custom server (tsx) and the Next.js server bundle load
// it separately; the clients live on globalThis so that one process holds one connection pool.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

import { closeTokenActorCache } from './auth/token-actor-cache';
import { getEnv } from './env';
import { AppError } from './errors';
import { getLogger } from './logger';
import { PrismaClient } from './generated/prisma/client';

// Secrets are never selected unless a query asks for them by name (`omit: { passwordHash: false }`).
const OMIT = { user: { passwordHash: true }, apiToken: { tokenHash: true }, invitation: { tokenHash: true }, passwordResetToken: { tokenHash: true }, webhookSecret: { secret: true }, partnerLinkSecret: { privateKey: true } } as const;

function createClient(adapter: PrismaPg) {
  return new PrismaClient({ adapter, omit: OMIT });
}

export type Db = ReturnType<typeof createClient>;
export type { Prisma } from './generated/prisma/client';

const KEY = Symbol.for('clearway.prisma');
type Holder = { [KEY]?: { url: string; client: Db; pool: pg.Pool } };

export function getDb(): Db {
  return clients().client;
}

/** The connection pool for SQL on hot paths (see lib/database/sql.ts). */
export function getPool(): pg.Pool {
  return clients().pool;
}

function clients() {
  const holder = globalThis as Holder;
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'No database configured: start Clearway with `npm start` (embedded PostgreSQL) or set DATABASE_URL.',
    );
  }
  if (holder[KEY]?.url !== url) {
    // A database that does not answer must fail requests in seconds, not hang them.
    const pool = new pg.Pool({ connectionString: url, max: getEnv().DATABASE_POOL_SIZE, connectionTimeoutMillis: 5_000 });
    pool.on('error', (err) => getLogger().error({ err }, 'database pool error'));
    const adapter = new PrismaPg(pool);
    holder[KEY] = { url, client: createClient(adapter), pool };
  }
  return holder[KEY];
}

/** Close the pool (graceful shutdown, end of a test file). */
export async function disconnectDb(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  holder[KEY] = undefined;
  await closeTokenActorCache();
  await current?.client.$disconnect();
  await current?.pool.end().catch(() => undefined);
}
