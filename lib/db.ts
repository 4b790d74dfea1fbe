// The one place that builds the Prisma client. Nothing outside lib/ imports it.
// The custom server (tsx) and the Next.js server bundle load this module separately; the client is
// kept on globalThis so that one process holds one connection pool.
import { PrismaPg } from '@prisma/adapter-pg';

import { getEnv } from './env';
import { AppError } from './errors';
import { getLogger } from './logger';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;
export type { Prisma } from './generated/prisma/client';

const KEY = Symbol.for('clearway.prisma');
type Holder = { [KEY]?: { url: string; client: PrismaClient } };

export function getDb(): PrismaClient {
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
    const adapter = new PrismaPg(
      { connectionString: url, max: getEnv().DATABASE_POOL_SIZE, connectionTimeoutMillis: 5_000 },
      { onPoolError: (err) => getLogger().error({ err }, 'database pool error') },
    );
    holder[KEY] = { url, client: new PrismaClient({ adapter }) };
  }
  return holder[KEY].client;
}

/** Close the pool (graceful shutdown, end of a test file). */
export async function disconnectDb(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  holder[KEY] = undefined;
  await current?.client.$disconnect();
}
