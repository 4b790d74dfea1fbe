// The officers' shared queue through the real server: filters (and unknown values), counts, pagination,
// claims between two officers, the decide-path check, reassignment, claim timeout, saved views (issue 20).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { validImport } from '../declarations/fixtures';
import { asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
let TRADER: Record<string, string>;
let AMAL: Record<string, string>;
let JONAS: Record<string, string>;
let ADMIN: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  TRADER = await asUser('trader@rotterdam-importers.example');
  AMAL = await asUser('officer@customs.example');
  JONAS = await asUser('officer2@customs.example');
  ADMIN = await asUser('admin@clearway.example');
});
afterAll(async () => {
  await server.app.close();
});

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  return (await server.graphql({ query, variables }, headers)).json;
}

async function submitted(): Promise<string> {
  const created = await gql('mutation($input: DeclarationInput!) { createDeclarationDraft(input: $input) { declaration { id } } }', { input: validImport() }, TRADER);
  const id = created.data.createDeclarationDraft.declaration.id;
  const s = await gql('mutation($id: ID!) { submitDeclaration(id: $id) { declaration { status } userErrors { message } } }', { id }, TRADER);
  expect(s.data.submitDeclaration.userErrors).toEqual([]);
  return id;
}

const CLAIM = 'mutation($id: ID!) { claimDeclaration(id: $id) { declaration { id claim { officerEmail mine } } userErrors { code message } } }';
const UNCLAIM = 'mutation($id: ID!) { unclaimDeclaration(id: $id) { declaration { id claim { officerEmail } } userErrors { code message } } }';
const REJECT = 'mutation($id: ID!) { rejectDeclaration(id: $id, reason: "Wrong goods code") { declaration { status } userErrors { code message } } }';
const QUEUE = `query($filter: OfficerQueueFilter, $first: Int, $after: String, $orderBy: OfficerQueueOrder) {
  officerQueue(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount lateCount byStatus { key count } byLane { key count }
    pageInfo { hasNextPage endCursor }
    edges { node { declaration { id status importer { name } } ageHours serviceLevelHours late goods hsChapters claim { officerName mine } } }
  } }`;

describe('claims', () => {
  it('lets one of two officers claiming at once win, and tells the other who holds it', async () => {
    const id = await submitted();
    const [a, b] = await Promise.all([gql(CLAIM, { id }, AMAL), gql(CLAIM, { id }, JONAS)]);
    const results = [a.data.claimDeclaration, b.data.claimDeclaration];
    const winners = results.filter((r) => r.userErrors.length === 0);
    const losers = results.filter((r) => r.userErrors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winnerEmail = winners[0].declaration.claim.officerEmail;
    const winnerName = winnerEmail === 'officer@customs.example' ? 'Officer Amal Haddad' : 'Officer Jonas Weber';
    expect(losers[0]).toEqual({ declaration: null, userErrors: [{ code: 'CONFLICT', message: expect.stringContaining(winnerName) }] });
    const { rows } = await getPool().query('SELECT count(*)::int AS n FROM declaration_claim WHERE declaration_id = $1', [id]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses a decision on a declaration another officer holds, naming them; the holder decides', async () => {
    const id = await submitted();
    expect((await gql(CLAIM, { id }, AMAL)).data.claimDeclaration.userErrors).toEqual([]);
    const refused = await gql(REJECT, { id }, JONAS);
    expect(refused.data.rejectDeclaration).toEqual({ declaration: null, userErrors: [{ code: 'CONFLICT', message: expect.stringContaining('Officer Amal Haddad') }] });
    const notTheirs = await gql(UNCLAIM, { id }, JONAS);
    expect(notTheirs.data.unclaimDeclaration.userErrors).toEqual([{ code: 'CONFLICT', message: expect.stringContaining('Officer Amal Haddad') }]);
    const status = await getPool().query('SELECT status::text FROM declaration WHERE id = $1', [id]);
    expect(status.rows[0].status).not.toBe('REJECTED');
    expect((await gql(REJECT, { id }, AMAL)).data.rejectDeclaration.declaration.status).toBe('REJECTED');
  });

  it('gives back, returns after the timeout, and lets only a supervisor reassign', async () => {
    const id = await submitted();
    await gql(CLAIM, { id }, AMAL);
    expect((await gql(UNCLAIM, { id }, AMAL)).data.unclaimDeclaration).toEqual({ declaration: { id, claim: null }, userErrors: [] });
    expect((await gql(UNCLAIM, { id }, AMAL)).data.unclaimDeclaration.userErrors).toEqual([]);

    await gql(CLAIM, { id }, AMAL);
    await getPool().query(`UPDATE declaration_claim SET claimed_at = now() - interval '3 hours' WHERE declaration_id = $1`, [id]);
    expect((await gql(CLAIM, { id }, JONAS)).data.claimDeclaration.declaration.claim).toEqual({ officerEmail: 'officer2@customs.example', mine: true });

    const REASSIGN = 'mutation($id: ID!, $to: String!) { reassignDeclaration(id: $id, officerEmail: $to) { declaration { claim { officerEmail mine } } userErrors { path code message } } }';
    const byOfficer = await gql(REASSIGN, { id, to: 'officer@customs.example' }, JONAS);
    expect(byOfficer.errors[0].extensions.code).toBe('FORBIDDEN');
    const toTrader = await gql(REASSIGN, { id, to: 'trader@rotterdam-importers.example' }, ADMIN);
    expect(toTrader.data.reassignDeclaration.userErrors).toEqual([expect.objectContaining({ path: ['officerEmail'], code: 'UNKNOWN' })]);
    const done = await gql(REASSIGN, { id, to: 'officer@customs.example' }, ADMIN);
    expect(done.data.reassignDeclaration.declaration.claim).toEqual({ officerEmail: 'officer@customs.example', mine: false });
    const audit = await getPool().query(`SELECT action FROM audit_event WHERE target_id = $1 AND action LIKE 'declaration.%claim%' OR (target_id = $1 AND action = 'declaration.reassign') ORDER BY id`, [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['declaration.claim', 'declaration.unclaim', 'declaration.claim', 'declaration.claim', 'declaration.reassign']);
  });

  it('keeps filers out of the queue and claims', async () => {
    const id = await submitted();
    expect((await gql(QUEUE, {}, TRADER)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql(CLAIM, { id }, TRADER)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql('query($id: ID!) { declaration(id: $id) { claim { officerEmail } } }', { id }, TRADER)).data.declaration.claim).toBeNull();
  });
});

describe('officerQueue', () => {
  it('filters by HS chapter, importer and claim, counts, and pages with a cursor', async () => {
    const ids = [await submitted(), await submitted(), await submitted()];
    await gql(CLAIM, { id: ids[0] }, AMAL);
    const all = (await gql(QUEUE, { filter: { hsChapter: ['09'], importerEori: ['NL123456789'] }, first: 100 }, JONAS)).data.officerQueue;
    expect(all.totalCount).toBeGreaterThanOrEqual(3);
    expect(all.byStatus.reduce((a: number, s: { count: number }) => a + s.count, 0)).toBe(all.totalCount);
    const entry = all.edges.find((e: { node: { declaration: { id: string } } }) => e.node.declaration.id === ids[0]).node;
    expect(entry).toMatchObject({ hsChapters: ['09', '84'], goods: 'Laptop computers, 14 inch', claim: { officerName: 'Officer Amal Haddad', mine: false }, late: false });
    expect(entry.declaration.importer.name).toBeTruthy();
    expect(entry.serviceLevelHours).toEqual(expect.any(Number));

    const mine = (await gql(QUEUE, { filter: { claim: 'MINE' } }, AMAL)).data.officerQueue;
    expect(mine.edges.map((e: { node: { declaration: { id: string } } }) => e.node.declaration.id)).toContain(ids[0]);
    const unclaimed = (await gql(QUEUE, { filter: { claim: 'UNCLAIMED' }, first: 100 }, AMAL)).data.officerQueue;
    expect(unclaimed.edges.map((e: { node: { declaration: { id: string } } }) => e.node.declaration.id)).not.toContain(ids[0]);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const q: { edges: { node: { declaration: { id: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = (await gql(QUEUE, { first: 2, after, orderBy: 'RISK_SCORE_DESC' }, AMAL)).data.officerQueue;
      seen.push(...q.edges.map((e) => e.node.declaration.id));
      if (!q.pageInfo.hasNextPage) break;
      after = q.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
  });

  it('marks declarations past their lane’s service level as late', async () => {
    const id = await submitted();
    await getPool().query(`UPDATE declaration SET submitted_at = now() - interval '30 days' WHERE id = $1`, [id]);
    const late = (await gql(QUEUE, { filter: { late: true }, first: 100 }, AMAL)).data.officerQueue;
    expect(late.edges.find((e: { node: { declaration: { id: string } } }) => e.node.declaration.id === id).node).toMatchObject({ late: true, ageHours: expect.any(Number) });
    expect(late.lateCount).toBe(late.totalCount);
  });

  it('answers unknown filter values with field errors naming them', async () => {
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ office: ['NL999999'] }, ['filter', 'office', '0'], 'UNKNOWN'],
      [{ office: ['ROTTERDAM'] }, ['filter', 'office', '0'], 'INVALID'],
      [{ hsChapter: ['09', '77'] }, ['filter', 'hsChapter', '1'], 'UNKNOWN'],
      [{ importerEori: ['ZZ000'] }, ['filter', 'importerEori', '0'], 'UNKNOWN'],
      [{ status: ['DRAFT'] }, ['filter', 'status', '0'], 'INVALID'],
      [{ minAgeHours: 10, maxAgeHours: 2 }, ['filter', 'maxAgeHours'], 'MISMATCH'],
    ];
    for (const [filter, path, code] of cases) {
      const res = await server.graphql({ query: QUEUE, variables: { filter } }, AMAL);
      expect(res.status, JSON.stringify(filter)).toBe(400);
      expect(res.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ path, code })] });
    }
    const lane = await server.graphql({ query: QUEUE, variables: { filter: { lane: ['PURPLE'] } } }, AMAL);
    expect(lane.status).toBe(400);
    expect(lane.json.errors[0].message).toContain('PURPLE');
    const cursor = await server.graphql({ query: QUEUE, variables: { after: 'bm9wZQ' } }, AMAL);
    expect(cursor.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('saves views per officer', async () => {
    const SAVE = 'mutation($f: OfficerQueueFilter!) { saveOfficerQueueView(name: "Red coffee", filter: $f, orderBy: RISK_SCORE_DESC) { view { name filter orderBy } userErrors { path code } } }';
    const saved = (await gql(SAVE, { f: { lane: ['RED'], hsChapter: ['09'] } }, AMAL)).data.saveOfficerQueueView;
    expect(saved.view).toMatchObject({ name: 'Red coffee', orderBy: 'RISK_SCORE_DESC' });
    expect(JSON.parse(saved.view.filter)).toEqual({ lane: ['RED'], hsChapter: ['09'] });
    expect((await gql('{ officerQueueViews { name } }', {}, JONAS)).data.officerQueueViews).toEqual([]);
    const bad = (await gql(SAVE, { f: { office: ['XX000000'] } }, AMAL)).data.saveOfficerQueueView;
    expect(bad.userErrors).toEqual([expect.objectContaining({ path: ['filter', 'office', '0'], code: 'UNKNOWN' })]);
  });
});
