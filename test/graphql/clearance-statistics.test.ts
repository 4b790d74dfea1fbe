// Clearance statistics through the real server: release times from the status history per dimension,
// lane shares, queries, own figures beside national ones, empty periods and bad periods (issue 20).
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { validImport } from '../declarations/fixtures';
import { asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
let TRADER: Record<string, string>;
let STRANGER: Record<string, string>;
let OFFICER: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  TRADER = await asUser('trader@rotterdam-importers.example');
  STRANGER = await asUser('trader@kampala-trading.example');
  OFFICER = await asUser('officer@customs.example');
});
afterAll(async () => {
  await server.app.close();
});

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  return (await server.graphql({ query, variables }, headers)).json;
}

/** A declaration of the trader released `hours` after its lodgement (history moved back in time). */
async function released(hours: number): Promise<string> {
  const c = await gql('mutation($input: DeclarationInput!) { createDeclarationDraft(input: $input) { declaration { id } } }', { input: validImport() }, TRADER);
  const id = c.data.createDeclarationDraft.declaration.id;
  const s = await gql('mutation($id: ID!) { submitDeclaration(id: $id) { declaration { status dutyTotal } } }', { id }, TRADER);
  const d = s.data.submitDeclaration.declaration;
  if (d.status === 'DUTY_ASSESSED' && Number(d.dutyTotal) > 0) {
    await gql('mutation($id: ID!, $a: Decimal!) { recordPayment(id: $id, amount: $a, reference: "T-1") { userErrors { message } } }', { id, a: d.dutyTotal }, OFFICER);
  }
  const r = await gql('mutation($id: ID!) { releaseDeclaration(id: $id) { declaration { status } userErrors { message } } }', { id }, OFFICER);
  expect(r.data.releaseDeclaration.declaration.status).toBe('RELEASED');
  await getPool().query(`UPDATE declaration_status_change SET at = at - make_interval(secs => $2) WHERE declaration_id = $1 AND to_status <> 'RELEASED'`, [id, hours * 3600]);
  return id;
}

const STATS = `query($from: DateTime, $to: DateTime) { clearanceStatistics(from: $from, to: $to) {
  bucketsHours
  national { releases { dimension key count medianHours p90Hours distribution } lodgedPerLane { lane count share } queries { count answered medianAnswerHours } }
  own { releases { dimension key count medianHours } }
} }`;

describe('clearanceStatistics', () => {
  it('computes release times per dimension from the status history, publicly', async () => {
    for (const h of [2, 10, 30]) await released(h);
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const { data } = await gql(STATS, { from, to });
    expect(data.clearanceStatistics.bucketsHours).toEqual([1, 4, 24, 72]);
    const all = data.clearanceStatistics.national.releases.find((r: { dimension: string }) => r.dimension === 'ALL');
    expect(all).toMatchObject({ count: 3, distribution: [0, 1, 1, 1, 0] });
    expect(all.medianHours).toBeCloseTo(10, 1);
    expect(all.p90Hours).toBeCloseTo(26, 0);
    const dims = new Set(data.clearanceStatistics.national.releases.map((r: { dimension: string }) => r.dimension));
    expect([...dims].sort()).toEqual(['ALL', 'LANE', 'OFFICE', 'PROCEDURE', 'WEEK']);
    expect(data.clearanceStatistics.national.releases.find((r: { dimension: string }) => r.dimension === 'OFFICE')).toMatchObject({ key: 'NL000396', count: 3 });
    // Anonymous: no own figures.
    expect(data.clearanceStatistics.own).toBeNull();
  });

  it('reads the same figures after the migration backfilled the per-declaration summary from the history', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const end = Date.now() + 60_000;
    // Each read its own period (a millisecond apart), so the cache answers none of them.
    const to = new Date(end).toISOString();
    const before = (await gql(STATS, { from, to })).data.clearanceStatistics.national;
    const migration = readFileSync('prisma/migrations/20261208700000_declaration_clearance/migration.sql', 'utf8');
    const backfill = migration.slice(migration.lastIndexOf('INSERT INTO "declaration_clearance"'));
    await getPool().query('DELETE FROM declaration_clearance');
    expect((await gql(STATS, { from, to: new Date(end + 1).toISOString() })).data.clearanceStatistics.national.releases).toEqual([expect.objectContaining({ dimension: 'ALL', count: 0 })]);
    await getPool().query(backfill);
    expect((await gql(STATS, { from, to: new Date(end + 2).toISOString() })).data.clearanceStatistics.national).toEqual(before);
  });

  it('gives a trader its own figures next to the national ones', async () => {
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const mine = (await gql(STATS, { from, to }, TRADER)).data.clearanceStatistics;
    expect(mine.own.releases[0]).toMatchObject({ dimension: 'ALL', count: mine.national.releases[0].count });
    const theirs = (await gql(STATS, { from, to }, STRANGER)).data.clearanceStatistics;
    expect(theirs.own.releases[0]).toMatchObject({ dimension: 'ALL', count: 0, medianHours: null });
    expect(theirs.national.releases[0].count).toBeGreaterThan(0);
  });

  it('answers an empty period with empty figures, not an error', async () => {
    const { data, errors } = await gql(STATS, { from: '2001-01-01T00:00:00.000Z', to: '2001-02-01T00:00:00.000Z' });
    expect(errors).toBeUndefined();
    expect(data.clearanceStatistics.national).toEqual({
      releases: [{ dimension: 'ALL', key: null, count: 0, medianHours: null, p90Hours: null, distribution: [0, 0, 0, 0, 0] }],
      lodgedPerLane: [],
      queries: { count: 0, answered: 0, medianAnswerHours: null },
    });
  });

  it('refuses a period that ends before it starts, or is too long, naming the field', async () => {
    const back = await server.graphql({ query: STATS, variables: { from: '2026-02-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' } });
    expect(back.status).toBe(400);
    expect(back.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ path: ['to'], code: 'MISMATCH' })] });
    const long = await server.graphql({ query: STATS, variables: { from: '2000-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' } });
    expect(long.json.errors[0].extensions.fieldErrors).toEqual([expect.objectContaining({ path: ['from'], code: 'TOO_BIG' })]);
  });
});
