// Lists resolve their nested fields through per-request DataLoaders: the number of SQL statements for
// a page does not grow with the page size (no N+1).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
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
    expect(large).toBeLessThanOrEqual(14);
  });
});
