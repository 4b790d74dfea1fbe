// The broker's work queue over GraphQL: declarations needing action first (query, rejection, duties),
// over all clients, with client names, filters, cursor pagination, saved views and the CSV export;
// bad filters name their field, and officers are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { raiseQuery } from '../../lib/declarations/raise-query';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { disconnectDb } from '../../lib/db';
import { applyForPermit } from '../../lib/permits/apply-for-permit';
import { validImport } from '../declarations/fixtures';
import { asUser } from '../support/auth';
import { OFFICER_EMAIL } from '../support/declarations';
import { startTestServer, type TestServer } from '../graphql/http-server';

const BROKER = 'broker@delta-brokers.example';
let server: TestServer;
let queried: string;
let assessed: string;
let draft: string;
let permitted: string;

const QUEUE = `query($f: WorkQueueFiltersInput, $first: Int, $after: String) { workQueue(filters: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { declarationId action status lane clientName ageSeconds } } }`;

beforeAll(async () => {
  server = await startTestServer();
  const broker = await loadUserActor({ email: BROKER });
  const input = () => validImport({ representativeEori: 'NL987654321', representationStatus: 'DIRECT' });
  draft = (await createDeclarationDraft({ actor: broker, input: input() })).id;
  assessed = (await createDeclarationDraft({ actor: broker, input: input() })).id;
  await submitDeclaration({ actor: broker, id: assessed });
  queried = (await createDeclarationDraft({ actor: broker, input: input() })).id;
  await submitDeclaration({ actor: broker, id: queried });
  await raiseQuery({ actor: await loadUserActor({ email: OFFICER_EMAIL }), id: queried, question: 'Which warehouse?' });
  // Frozen beef from Brazil needs a veterinary certificate: its application is still a draft.
  const beef = validImport({
    representativeEori: 'NL987654321',
    representationStatus: 'DIRECT',
    invoiceAmount: '12000.00',
    totalPackages: 100,
    grossMass: '2500',
    items: [{ commodityCode: '02023090', description: 'Frozen beef', originCountry: 'BR', packageKind: 'CT', packageCount: 100, grossMass: '2500', netMass: '2400', itemPrice: '12000.00' }],
  });
  permitted = (await createDeclarationDraft({ actor: broker, input: beef })).id;
  await submitDeclaration({ actor: broker, id: permitted });
  await applyForPermit({ actor: broker, input: { ruleKey: 'vet-02-import', declarationId: permitted } });
});
afterAll(async () => {
  await server.app.close();
  await disconnectDb();
});

describe('Query.workQueue', () => {
  it('puts the query to answer first, then a permit to apply for, duties to pay, then drafts, with the client', async () => {
    const res = await server.graphql({ query: QUEUE, variables: { first: 100 } }, await asUser(BROKER));
    expect(res.json.errors).toBeUndefined();
    const nodes = res.json.data.workQueue.nodes as { declarationId: string; action: string; clientName: string }[];
    const rank = (id: string) => nodes.findIndex((n) => n.declarationId === id);
    expect(nodes[rank(queried)]).toMatchObject({ action: 'ANSWER_QUERY', clientName: expect.any(String) });
    expect(rank(queried)).toBeLessThan(rank(draft));
    const actions = nodes.map((n) => n.action);
    expect(nodes[rank(permitted)]!.action).toBe('ANSWER_PERMIT_REQUEST');
    expect(rank(queried)).toBeLessThan(rank(permitted));
    expect(rank(permitted)).toBeLessThan(rank(assessed));
    const order = ['ANSWER_QUERY', 'ANSWER_PERMIT_REQUEST', 'FIX_REJECTION', 'PAY_DUTIES', 'SUBMIT_DRAFT', 'WAIT_FOR_CUSTOMS'];
    expect(actions.map((a) => order.indexOf(a))).toEqual([...actions.map((a) => order.indexOf(a))].sort((x, y) => x - y));
    expect(nodes[rank(draft)]!.action).toBe('SUBMIT_DRAFT');
    expect(['PAY_DUTIES', 'WAIT_FOR_CUSTOMS']).toContain(nodes[rank(assessed)]!.action);
  });

  it('filters by status and lane, and pages with a cursor without repeating or skipping', async () => {
    const headers = await asUser(BROKER);
    const q = await server.graphql({ query: QUEUE, variables: { f: { status: ['QUERY'] } } }, headers);
    expect(q.json.data.workQueue.nodes.every((n: { status: string }) => n.status === 'QUERY')).toBe(true);
    expect(q.json.data.workQueue.nodes.map((n: { declarationId: string }) => n.declarationId)).toContain(queried);
    const all = (await server.graphql({ query: QUEUE, variables: { first: 100 } }, headers)).json.data.workQueue;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: any = (await server.graphql({ query: QUEUE, variables: { first: 2, after } }, headers)).json.data.workQueue;
      seen.push(...page.nodes.map((n: { declarationId: string }) => n.declarationId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n: { declarationId: string }) => n.declarationId));
    expect(all.totalCount).toBe(seen.length);
  });

  it('names the field of a bad filter, refuses a foreign cursor and officers', async () => {
    const headers = await asUser(BROKER);
    const bad = await server.graphql({ query: QUEUE, variables: { f: { from: '2026-13-45x' } } }, headers);
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].extensions.fieldErrors[0].path).toEqual(['from']);
    const cursor = await server.graphql({ query: QUEUE, variables: { after: 'bm90LWEtY3Vyc29y' } }, headers);
    expect(cursor.json.errors[0].extensions.fieldErrors[0].path).toEqual(['after']);
    const officer = await server.graphql({ query: QUEUE }, await asUser(OFFICER_EMAIL));
    expect(officer.json.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('saves a view and exports the queue as CSV', async () => {
    const headers = await asUser(BROKER);
    const saved = await server.graphql({ query: `mutation { saveWorkQueueView(name: "Queries", filters: { status: [QUERY] }) { id name filters } }` }, headers);
    expect(saved.json.errors).toBeUndefined();
    expect(saved.json.data.saveWorkQueueView).toMatchObject({ name: 'Queries', filters: '{"status":["QUERY"]}' });
    const views = await server.graphql({ query: `{ workQueueViews { name } }` }, headers);
    expect(views.json.data.workQueueViews).toEqual([{ name: 'Queries' }]);
    const csv = await fetch(`${server.url}/api/work-queue.csv?status=QUERY`, { headers });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Action,Client,LRN,MRN,Status,Lane,Duty total,Last change,Age (hours),Declaration id');
    expect(lines.some((l) => l.startsWith('ANSWER_QUERY,') && l.endsWith(queried))).toBe(true);
  });
});
