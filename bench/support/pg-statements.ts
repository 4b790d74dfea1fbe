// PostgreSQL's own account of a benchmark's run, statement by statement (pg_stat_statements), for
// finding where the database's time goes. Off unless BENCH_PG_STATEMENTS=1: runBench then starts the
// embedded PostgreSQL with the extension preloaded (it costs a little per statement).
//
//   await resetPgStatements(databaseUrl);           // before the product's run
//   await printPgStatements(databaseUrl, minCalls); // after it
import pg from 'pg';

export const pgStatementsEnabled = () => process.env.BENCH_PG_STATEMENTS === '1';

/** Server settings that make pg_stat_statements available (planning time included). */
export const pgStatementSettings = (): Record<string, string> =>
  pgStatementsEnabled() ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' } : {};

async function query(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = (await client.query(text)) as pg.QueryResult | pg.QueryResult[];
    return Array.isArray(result) ? result.at(-1)! : result;
  } finally {
    await client.end();
  }
}

/** Forgets what was counted so far (no-op unless enabled). */
export async function resetPgStatements(url: string): Promise<void> {
  if (pgStatementsEnabled()) await query(url, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()');
}

/** Prints the statements called at least `minCalls` times since the reset, costliest first (no-op unless enabled). */
export async function printPgStatements(url: string, minCalls: number, title = 'PostgreSQL, per call (mean ms)'): Promise<void> {
  if (!pgStatementsEnabled()) return;
  const { rows } = await query(
    url,
    `SELECT calls, round((total_exec_time / calls)::numeric, 3) AS exec_ms, round((total_plan_time / greatest(calls, 1))::numeric, 3) AS plan_ms,
            round((total_exec_time + total_plan_time)::numeric) AS total_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
       FROM pg_stat_statements WHERE calls >= ${Math.max(1, Math.floor(minCalls))} ORDER BY total_exec_time + total_plan_time DESC LIMIT 30`,
  );
  console.error(`${title}:`);
  console.error(`   calls     exec     plan   total ms  statement`);
  for (const r of rows as { calls: number; exec_ms: string; plan_ms: string; total_ms: string; query: string }[]) {
    console.error(`  ${String(r.calls).padStart(6)}  ${r.exec_ms.padStart(7)}  ${r.plan_ms.padStart(7)}  ${r.total_ms.padStart(8)}  ${r.query}`);
  }
}
