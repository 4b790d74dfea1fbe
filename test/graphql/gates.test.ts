// Terminal gates through the HTTP server: POST /api/gate/decision for simple readers (API token with
// gate:decide), Query.gateDecision, gateEvents (filters, pages, who sees what), gateTraffic, upsertGate.
import { randomUUID } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { asToken } from '../support/auth';
import { newContainer, trackedShipment } from '../tracking/fixtures';
import { GATE_IN, GATE_OUT, releasedShipment, reportTamper, TERMINAL_EMAIL } from '../gates/fixtures';
import { serveSignedIn } from './http-server';

const { server, H } = serveSignedIn({
  terminal: TERMINAL_EMAIL,
  officer: 'officer@customs.example',
  trader: 'trader@rotterdam-importers.example',
  admin: 'admin@clearway.example',
});
let readerHeaders: Record<string, string>;
let scopeless: Record<string, string>;

beforeAll(async () => {
  readerHeaders = (await asToken(TERMINAL_EMAIL, ['gate:decide'])).headers;
  scopeless = (await asToken(TERMINAL_EMAIL, ['tracking:read'])).headers;
});

async function post(body: unknown, headers: Record<string, string> = readerHeaders) {
  const res = await fetch(`${server.url}/api/gate/decision`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

const DECISION = 'id decision containerNumber gate { code direction } reasons { code passed message } requestId epcisEventId waitSeconds replayed';

describe('POST /api/gate/decision', () => {
  it('opens for a released container with an intact seal, holds a tampered one, with reasons in words and codes', async () => {
    const ok = await releasedShipment();
    const open = await post({ containerNumber: ok.containerNumber, gate: GATE_IN });
    expect(open.status).toBe(200);
    expect(open.json).toMatchObject({ decision: 'OPEN', open: true, gate: GATE_IN, containerNumber: ok.containerNumber, replayed: false });
    expect(open.json.reasons.map((r: { code: string }) => r.code)).toEqual(['DECLARATION_RELEASED', 'PERMITS_SATISFIED', 'SEAL_INTACT', 'NO_OPEN_ALERT', 'NO_SUSPECT_SCAN']);

    const bad = await releasedShipment();
    await reportTamper(bad.containerNumber);
    const held = await post({ containerNumber: bad.containerNumber, gate: GATE_OUT });
    expect(held.status).toBe(200);
    expect(held.json).toMatchObject({ decision: 'HOLD', open: false });
    expect(held.json.reasons.filter((r: { passed: boolean }) => !r.passed).map((r: { code: string }) => r.code)).toEqual(['SEAL_BROKEN', 'OPEN_ALERT']);
  });

  it('answers a retry (Idempotency-Key header or requestId) with the same decision', async () => {
    const { containerNumber } = await trackedShipment();
    const key = randomUUID();
    const first = await post({ containerNumber, gate: GATE_IN }, { ...readerHeaders, 'idempotency-key': key });
    const again = await post({ containerNumber, gate: GATE_IN, requestId: key });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.json).toMatchObject({ id: first.json.id, requestId: key, replayed: true, decision: 'HOLD' });
  });

  it('answers an unknown container 404 naming it, not 500', async () => {
    const unknown = newContainer();
    const res = await post({ containerNumber: unknown, gate: GATE_IN });
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(unknown), fieldErrors: [{ path: ['containerNumber'], code: 'UNKNOWN', message: expect.any(String) }] });
  });

  it('refuses bad input 400 naming the fields, no credentials 401, a token without gate:decide 403, other methods 405', async () => {
    const bad = await post({ containerNumber: 12, gate: GATE_IN });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fieldErrors.map((f: { path: string[] }) => f.path.join('.'))).toEqual(['containerNumber']);
    expect((await post('{"containerNumber":')).status).toBe(400);
    expect((await post({ containerNumber: 'CSQU3054383', gate: GATE_IN }, {})).status).toBe(401);
    const forbidden = await post({ containerNumber: 'CSQU3054383', gate: GATE_IN }, scopeless);
    expect([forbidden.status, forbidden.json.error.requiredScope]).toEqual([403, 'gate:decide']);
    const get = await fetch(`${server.url}/api/gate/decision`, { headers: readerHeaders });
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const text = await fetch(`${server.url}/api/gate/decision`, { method: 'POST', headers: { ...readerHeaders, 'content-type': 'text/plain' }, body: 'x' });
    expect(text.status).toBe(415);
  });
});

describe('GraphQL', () => {
  it('gateDecision answers like the REST route; an unknown container is NOT_FOUND', async () => {
    const { containerNumber } = await releasedShipment();
    const { json } = await server.graphql({ query: `query($c: String!, $g: String!) { gateDecision(containerNumber: $c, gate: $g) { ${DECISION} } }`, variables: { c: containerNumber, g: GATE_IN } }, readerHeaders);
    expect(json.errors).toBeUndefined();
    expect(json.data.gateDecision).toMatchObject({ decision: 'OPEN', gate: { code: GATE_IN, direction: 'IN' }, waitSeconds: 0, replayed: false });
    const unknown = await server.graphql({ query: `{ gateDecision(containerNumber: "${newContainer()}", gate: "${GATE_IN}") { id } }` }, readerHeaders);
    expect(unknown.json.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('gateEvents filters by gate, decision and time and pages; the terminal operator sees its gates, a trader none', async () => {
    const since = new Date().toISOString();
    const a = await trackedShipment();
    const b = await releasedShipment();
    await post({ containerNumber: a.containerNumber, gate: GATE_OUT });
    await post({ containerNumber: b.containerNumber, gate: GATE_OUT });
    await post({ containerNumber: a.containerNumber, gate: GATE_IN });
    const q = `query($f: GateEventFilter, $after: String) { gateEvents(filter: $f, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { containerNumber decision gate { code } } } } }`;
    const out = await server.graphql({ query: q, variables: { f: { gates: [GATE_OUT], from: since } } }, H.terminal);
    expect(out.json.errors).toBeUndefined();
    expect(out.json.data.gateEvents).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const next = await server.graphql({ query: q, variables: { f: { gates: [GATE_OUT], from: since }, after: out.json.data.gateEvents.pageInfo.endCursor } }, H.terminal);
    const both = [...out.json.data.gateEvents.edges, ...next.json.data.gateEvents.edges].map((e: { node: { containerNumber: string } }) => e.node.containerNumber);
    expect(both.sort()).toEqual([a.containerNumber, b.containerNumber].sort());
    const holds = await server.graphql({ query: q, variables: { f: { decision: 'HOLD', from: since } } }, H.officer);
    expect(holds.json.data.gateEvents.totalCount).toBe(2);
    const later = await server.graphql({ query: q, variables: { f: { from: new Date(Date.now() + 60_000).toISOString() } } }, readerHeaders);
    expect(later.json.data.gateEvents.totalCount).toBe(0);
    const trader = await server.graphql({ query: q }, H.trader);
    expect(trader.json.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('gateTraffic counts decisions per gate with hold reasons and the median wait', async () => {
    const { json } = await server.graphql({ query: '{ gateTraffic { asOf gates { gate { code } openCount holdCount medianWaitSeconds holdReasons { code count } } recent { decision } } }' }, H.terminal);
    expect(json.errors).toBeUndefined();
    const out = json.data.gateTraffic.gates.find((g: { gate: { code: string } }) => g.gate.code === GATE_OUT);
    expect(out.holdCount).toBeGreaterThan(0);
    expect(out.holdReasons.map((r: { code: string }) => r.code)).toContain('SEAL_BROKEN');
    const inGate = json.data.gateTraffic.gates.find((g: { gate: { code: string } }) => g.gate.code === GATE_IN);
    expect(inGate.openCount).toBeGreaterThan(0);
    expect(inGate.medianWaitSeconds).toBeGreaterThanOrEqual(0);
  });

  it('upsertGate: platform administrators register and retire gates; a retired gate decides nothing; others are refused', async () => {
    const m = `mutation($i: UpsertGateInput!) { upsertGate(input: $i) { gate { code name locode direction retiredAt } userErrors { path code message } } }`;
    const input = { code: 'nlrtm-t2-in', name: 'Terminal 2, in', locode: 'nlrtm', direction: 'IN', operatorEori: 'NL555000111' };
    const made = await server.graphql({ query: m, variables: { i: input } }, H.admin);
    expect(made.json.data.upsertGate).toMatchObject({ gate: { code: 'NLRTM-T2-IN', locode: 'NLRTM', retiredAt: null }, userErrors: [] });
    const bad = await server.graphql({ query: m, variables: { i: { ...input, locode: 'N1', operatorEori: 'XX000' } } }, H.admin);
    expect(bad.json.data.upsertGate.userErrors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['locode']);
    const unknownCompany = await server.graphql({ query: m, variables: { i: { ...input, operatorEori: 'XX000' } } }, H.admin);
    expect(unknownCompany.json.data.upsertGate.userErrors).toEqual([{ path: ['operatorEori'], code: 'UNKNOWN', message: 'No company with EORI XX000.' }]);
    const officer = await server.graphql({ query: m, variables: { i: input } }, H.officer);
    expect(officer.json.errors[0].extensions.code).toBe('FORBIDDEN');

    await server.graphql({ query: m, variables: { i: { ...input, retired: true } } }, H.admin);
    const { containerNumber } = await trackedShipment();
    const retired = await post({ containerNumber, gate: 'NLRTM-T2-IN' });
    expect([retired.status, retired.json.error.code]).toEqual([409, 'CONFLICT']);
    const gates = await server.graphql({ query: '{ gates { code } }' }, H.terminal);
    expect(gates.json.data.gates.map((g: { code: string }) => g.code)).toEqual([GATE_IN, GATE_OUT]);
  });
});
