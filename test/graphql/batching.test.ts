// Lists resolve their nested fields through per-request DataLoaders: the number of SQL statements for
// a page does not grow with the page size (no N+1).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { EXACT_COUNT_LIMIT } from '../../lib/declarations/list-declarations';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { validImport } from '../declarations/fixtures';
import { asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
let statements = 0;
const original = pg.Client.prototype.query;

beforeAll(async () => {
  server = await startTestServer();
  const actor = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  for (let i = 0; i < 12; i++) {
    const { id } = await createDeclarationDraft({ actor, input: validImport({ lrn: `BATCH-${i}` }) });
    await submitDeclaration({ actor, id });
  }
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
});

afterAll(async () => {
  pg.Client.prototype.query = original;
  await server.app.close();
});

const QUERY = `query($first: Int) { declarations(filter: { text: "BATCH-" }, first: $first) { edges { node {
  lrn declarant { name } importer { eori } exporter { eori } items { commodityCode dutyLines { amount } }
  containers { containerNumber } statusHistory { to actorEmail } versions { sha256 } riskFindings { ruleKey } queries { question } } } } }`;

async function statementsFor(first: number): Promise<number> {
  const before = statements;
  const { json } = await server.graphql({ query: QUERY, variables: { first } }, await asUser('officer@customs.example'));
  expect(json.errors).toBeUndefined();
  expect(json.data.declarations.edges).toHaveLength(first);
  return statements - before;
}

describe('nested fields of a list', () => {
  it('cost the same number of statements for 2 declarations as for 12', async () => {
    await statementsFor(2); // warm the acting-user cache
    const small = await statementsFor(2);
    const large = await statementsFor(12);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(15); // 14, plus the shared rate-limit counter
  });
});

// The trader's three list shapes (bench/api-reads.ts measures them): statements per page stay the same
// whatever the page size, and totalCount stops counting at EXACT_COUNT_LIMIT.
const TRADER_READ = `query($first: Int) { declarations(first: $first) { totalCount edges { node { id lrn status items { commodityCode } declarant { eori name } } } } }`;

describe("a trader's declarations page with totalCount, items and declarant", () => {
  it('costs the same statements for 2 rows as for 12, and counts no further than EXACT_COUNT_LIMIT', async () => {
    const headers = await asUser('trader@rotterdam-importers.example');
    const run = async (first: number) => {
      const before = statements;
      const { json } = await server.graphql({ query: TRADER_READ, variables: { first } }, headers);
      expect(json.errors).toBeUndefined();
      expect(json.data.declarations.edges).toHaveLength(first);
      expect(json.data.declarations.edges[0].node.items.length).toBeGreaterThan(0);
      return { statements: statements - before, totalCount: json.data.declarations.totalCount as number };
    };
    await run(2);
    const small = await run(2);
    const large = await run(12);
    expect(large.statements).toBe(small.statements);
    // Session, page, count, items, declarant (and the rate-limit counter).
    expect(large.statements).toBeLessThanOrEqual(8);
    expect(small.totalCount).toBeLessThan(EXACT_COUNT_LIMIT);

    // A long history: copies of one of the trader's declarations, beyond the limit.
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    try {
      const { rows: cols } = await pool.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'declaration' AND column_name NOT IN ('id', 'lrn', 'mrn') ORDER BY ordinal_position`);
      const list = cols.map((c) => `"${c.column_name}"`).join(', ');
      await pool.query(
        `INSERT INTO declaration (id, lrn, mrn, ${list})
         SELECT gen_random_uuid(), 'HIST-' || g, NULL, ${list} FROM (SELECT * FROM declaration WHERE lrn = 'BATCH-0') d, generate_series(1, $1) g`,
        [EXACT_COUNT_LIMIT + 50],
      );
    } finally {
      await pool.end();
    }
    const long = await run(12);
    expect(long.totalCount).toBe(EXACT_COUNT_LIMIT);
    expect(long.statements).toBe(small.statements);
  });
});
