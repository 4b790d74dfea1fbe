// SQL for the hot paths, on the same pool as Prisma. `Sql` runs one parameterised statement and
// returns its rows; loaders written against it serve both a `pg` transaction and a Prisma one, so the
// same query is never written twice.
import type pg from 'pg';

import type { Tx } from './tx';
import { getPool } from '../db';

export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** For a pooled client inside a transaction, or the pool itself (each statement on its own). */
export function sqlOfClient(client: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> }): Sql {
  return async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];
}

export function sqlOfPrisma(tx: Pick<Tx, '$queryRawUnsafe'>): Sql {
  return <T>(text: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...params);
}

/** Runs `fn` in one transaction (READ COMMITTED) on a pooled connection; rolls back on any error. */
export async function sqlTransaction<T>(fn: (sql: Sql, client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    const result = await fn(sqlOfClient(client), client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** PostgreSQL's error code of a failed statement (e.g. 23505 unique violation), if any. */
export function pgCode(error: unknown): string | undefined {
  return typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
