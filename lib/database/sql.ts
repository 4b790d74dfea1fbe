// SQL for the hot paths, on the same pool as Prisma. `Sql` runs one parameterised statement and
// returns its rows; loaders written against it serve both a `pg` transaction and a Prisma one, so the
// same query is never written twice.
import { createHash } from 'node:crypto';

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

/**
 * Like sqlOfClient, but each statement is a named prepared statement of its connection (named by a hash of
 * its text): PostgreSQL parses it once per connection and, after five runs, reuses a generic plan when it
 * costs no more. Planning is most of a short statement's time (bench/gates.ts with BENCH_PG_STATEMENTS=1:
 * 1–4 ms to plan the gate decision's statements, 0.1–3 ms to run them). For hot paths whose statements
 * are a fixed set of texts only: a text built per call would pile up statements on every pooled connection.
 * On the pool, each statement is prepared on whichever connection runs it.
 */
export function preparedSqlOfClient(client: pg.Pool | pg.PoolClient): Sql {
  return async <T>(text: string, values: unknown[] = []) => (await client.query({ name: preparedStatementName(text), text, values })).rows as T[];
}

/** The prepared statement's name for a statement text (a hash of it: one text, one name, on every connection). */
export function preparedStatementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `cw_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
  return name;
}
const statementNames = new Map<string, string>();

/**
 * Runs `fn` in one transaction (READ COMMITTED) on a pooled connection; rolls back on any error.
 * `prepared`: the statements are prepared ones (preparedSqlOfClient). `genericPlans` (with `prepared`):
 * each is planned once per connection, never for its parameters (plan_cache_mode force_generic_plan for
 * this transaction, sent with BEGIN: no round trip of its own). For a hot path whose statements PostgreSQL
 * would otherwise plan on every run because a plan for the parameters looks cheaper (bench/gates.ts: the
 * tracking capture statement, about 0.9 ms of planning per decision).
 */
export async function sqlTransaction<T>(fn: (sql: Sql, client: pg.PoolClient) => Promise<T>, options: { prepared?: boolean; genericPlans?: boolean } = {}): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query(options.genericPlans ? 'BEGIN; SET LOCAL plan_cache_mode = force_generic_plan' : 'BEGIN');
    const result = await fn(options.prepared ? preparedSqlOfClient(client) : sqlOfClient(client), client);
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
