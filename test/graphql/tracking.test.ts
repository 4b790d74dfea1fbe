// Tracking through the HTTP server: EPCIS 2.0 capture over REST (tokens and signed gateways), shipments
// and timelines over GraphQL for each role, alerts feeding the declaration's risk, and live updates over
// graphql-ws.
import { createHmac } from 'node:crypto';

import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { loadUserActor } from '../../lib/auth/actor';
import { getPool } from '../../lib/db';
import { registerSealDevice } from '../../lib/tracking/register-seal-device';
import { asToken, asUser } from '../support/auth';
import { broker, epcisDocument, minutesAgo, newContainer, objectEvent, trackedShipment } from '../tracking/fixtures';
import { startTestServer, type TestServer } from './http-server';

const EMAILS = {
  trader: 'trader@rotterdam-importers.example',
  otherTrader: 'trader@kampala-trading.example',
  exporter: 'exports@bright-electronics.example',
  broker: 'broker@delta-brokers.example',
  officer: 'officer@customs.example',
};

let server: TestServer;
const H: Record<keyof typeof EMAILS, Record<string, string>> = {} as never;
/** The carrier's e-seal gateway: a token of the exporter's company with events:write. */
let gatewayToken: Record<string, string>;
let readerToken: { headers: Record<string, string>; secret: string };

beforeAll(async () => {
  server = await startTestServer();
  for (const [k, email] of Object.entries(EMAILS)) H[k as keyof typeof EMAILS] = await asUser(email);
  gatewayToken = (await asToken(EMAILS.exporter, ['events:write'])).headers;
  readerToken = await asToken(EMAILS.trader, ['tracking:read']);
});
afterAll(async () => {
  await server.app.close();
});

async function capture(document: unknown, headers: Record<string, string> = gatewayToken, contentType = 'application/ld+json') {
  const res = await fetch(`${server.url}/api/epcis/capture`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body: typeof document === 'string' ? document : JSON.stringify(document),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  return server.graphql({ query, variables }, headers);
}

const count = async (table: string) => (await getPool().query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

const SHIPMENT = `query($c: String) { shipment(containerNumber: $c) {
  id containerNumber status eventCount lrn declarationId declaration { id lrn }
  seals { type identifier } route { sequence role locode latitude longitude radiusKm } lastPosition { latitude longitude at }
  alerts { id kind reason acknowledgedAt acknowledgedBy note } } }`;
const TIMELINE = `query($c: String!, $first: Int, $after: String) { trackingTimeline(containerNumber: $c, first: $first, after: $after) {
  containerNumber status totalCount pageInfo { hasNextPage endCursor } edges { cursor node { eventId kind eventTime localTime latitude captureId } } } }`;

describe('POST /api/epcis/capture', () => {
  it('captures a document with an events:write token (202 + Location), and the trader reads it in event-time order', async () => {
    const { containerNumber, declarationId } = await trackedShipment();
    const events = [
      objectEvent({ container: containerNumber, eventID: 'urn:uuid:00000000-0000-4000-a000-000000000002', eventTime: minutesAgo(40), bizStep: 'departing', position: [31.2, 121.5] }),
      objectEvent({ container: containerNumber, eventID: 'urn:uuid:00000000-0000-4000-a000-000000000001', eventTime: minutesAgo(50), action: 'ADD', bizStep: 'commissioning', seals: ['CN1234567'] }),
      objectEvent({ container: containerNumber, eventID: 'urn:uuid:00000000-0000-4000-a000-000000000003', eventTime: minutesAgo(30), bizStep: 'transporting', position: [22.0, 115.5], offset: '+08:00' }),
    ];
    const res = await capture(epcisDocument(events));
    expect(res.status).toBe(202);
    expect(res.headers.get('gs1-epcis-version')).toBe('2.0.0');
    expect(res.headers.get('location')).toBe(`/api/epcis/capture/${res.json.captureId}`);
    expect(res.json).toMatchObject({ status: 'SUCCEEDED', success: true, eventCount: 3, storedCount: 3, duplicateCount: 0, alertCount: 0, errors: [] });

    const job = await fetch(`${server.url}${res.headers.get('location')}`, { headers: gatewayToken });
    expect(job.status).toBe(200);
    expect(await job.json()).toMatchObject({ captureId: res.json.captureId, status: 'SUCCEEDED', storedCount: 3 });
    // Another company's token, and a made-up id: not found.
    const other = await asToken(EMAILS.otherTrader, ['events:write']);
    expect((await fetch(`${server.url}${res.headers.get('location')}`, { headers: other.headers })).status).toBe(404);
    expect((await fetch(`${server.url}/api/epcis/capture/00000000-0000-4000-a000-000000000000`, { headers: gatewayToken })).status).toBe(404);

    const shipment = (await gql(SHIPMENT, { c: containerNumber }, H.trader)).json.data.shipment;
    expect(shipment).toMatchObject({ containerNumber, status: 'SEALED_INTACT', eventCount: 3, declarationId, declaration: { id: declarationId }, seals: [{ type: 'MECHANICAL', identifier: 'CN1234567' }] });
    expect(shipment.route.map((s: any) => [s.role, s.locode])).toEqual([['ORIGIN', 'CNSHA'], ['AUTHORIZED_OPENING', 'BEANR'], ['DESTINATION', 'NLRTM']]);
    expect(shipment.lastPosition).toMatchObject({ latitude: 22, longitude: 115.5 });

    const page1 = (await gql(TIMELINE, { c: containerNumber, first: 2 }, H.trader)).json.data.trackingTimeline;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: any) => e.node.eventId)).toEqual(['urn:uuid:00000000-0000-4000-a000-000000000001', 'urn:uuid:00000000-0000-4000-a000-000000000002']);
    expect(page1.edges[0].node).toMatchObject({ kind: 'SEALED', captureId: res.json.captureId });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await gql(TIMELINE, { c: containerNumber, first: 2, after: page1.pageInfo.endCursor }, H.trader)).json.data.trackingTimeline;
    expect(page2.edges.map((e: any) => e.node.eventId)).toEqual(['urn:uuid:00000000-0000-4000-a000-000000000003']);
    expect(page2.edges[0].node.localTime).toMatch(/\+08:00$/);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    // The declaration lists its shipment; a tracking-only token reads the shipment but not the declaration.
    const declared = await gql('query($id: ID!) { declaration(id: $id) { shipments { containerNumber eventCount } } }', { id: declarationId }, H.trader);
    expect(declared.json.data.declaration.shipments).toEqual([{ containerNumber, eventCount: 3 }]);
    const viaToken = await gql('query($c: String) { shipment(containerNumber: $c) { containerNumber declaration { id } } }', { c: containerNumber }, readerToken.headers);
    expect(viaToken.json.data.shipment).toEqual({ containerNumber, declaration: null });

    // Another company sees nothing, not even that the container is tracked.
    expect((await gql(SHIPMENT, { c: containerNumber }, H.otherTrader)).json.data.shipment).toBeNull();
    const hidden = await gql(TIMELINE, { c: containerNumber }, H.otherTrader);
    expect(hidden.json.errors).toBeUndefined();
    expect(hidden.json.data.trackingTimeline).toBeNull();
  });

  it('shows a broker the shipments of the declarations it files for its clients', async () => {
    const mine = await trackedShipment({ actor: await broker(), input: { representativeEori: 'NL987654321', representationStatus: 'DIRECT' } });
    const res = await gql('query($c: String) { shipments(filter: { containerNumber: $c }) { totalCount edges { node { id lrn } } } }', { c: mine.containerNumber }, H.broker);
    expect(res.json.data.shipments.totalCount).toBe(1);
    expect(res.json.data.shipments.edges[0].node.id).toBe(mine.shipmentId);
  });

  it('refuses without events:write (403 naming the scope), without credentials (401) and other media types (415)', async () => {
    const { containerNumber } = await trackedShipment();
    const doc = epcisDocument([objectEvent({ container: containerNumber })]);
    const forbidden = await capture(doc, readerToken.headers);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.error).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'events:write' });
    expect(forbidden.json.error.message).toContain('events:write');
    // A trader signed in is no gateway either.
    expect((await capture(doc, H.trader)).status).toBe(403);
    const anonymous = await capture(doc, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe('UNAUTHENTICATED');
    expect((await capture(JSON.stringify(doc), gatewayToken, 'text/plain')).status).toBe(415);
  });

  it('refuses malformed and invalid documents with 400 and the path of every problem, storing nothing', async () => {
    const { containerNumber } = await trackedShipment();
    const before = await count('seal_event');
    const malformed = await capture('{"type": "EPCISDocument", ');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ code: 'INVALID' }] });

    const invalid = await capture(epcisDocument([objectEvent({ container: containerNumber }), objectEvent({ container: containerNumber, eventTime: 'yesterday' })]));
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.fieldErrors.map((e: any) => e.path.join('/'))).toContain('epcisBody/eventList/1/eventTime');
    expect(invalid.headers.get('location')).toBe(`/api/epcis/capture/${invalid.json.error.captureId}`);

    const unknown = newContainer();
    const missing = await capture(epcisDocument([objectEvent({ container: containerNumber }), objectEvent({ container: unknown })]));
    expect(missing.status).toBe(400);
    expect(missing.json.error.fieldErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN', path: ['epcisBody', 'eventList', '1', 'epcList', '0'] })]);
    expect(missing.json.error.fieldErrors[0].message).toContain(unknown);
    // The refused job keeps its errors for GET.
    const job = await (await fetch(`${server.url}${missing.headers.get('location')}`, { headers: gatewayToken })).json();
    expect(job).toMatchObject({ status: 'FAILED', success: false, storedCount: 0, errors: [expect.objectContaining({ code: 'UNKNOWN' })] });
    expect(await count('seal_event')).toBe(before);
  });

  it('counts a resent event as a duplicate', async () => {
    const { containerNumber } = await trackedShipment();
    const doc = epcisDocument([objectEvent({ container: containerNumber, bizStep: 'departing' }), objectEvent({ container: containerNumber, eventID: null, bizStep: 'arriving' })]);
    expect((await capture(doc)).json).toMatchObject({ storedCount: 2, duplicateCount: 0 });
    const again = await capture(doc);
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ status: 'SUCCEEDED', eventCount: 2, storedCount: 0, duplicateCount: 2 });
  });

  it('refuses a 50,000-event document with 413 and stores nothing', async () => {
    const { containerNumber } = await trackedShipment();
    const [events, captures] = [await count('seal_event'), await count('epcis_capture')];
    const event = objectEvent({ container: containerNumber });
    const big = epcisDocument(Array.from({ length: 50_000 }, (_, i) => ({ ...event, eventID: `urn:uuid:00000000-0000-4000-a000-${String(i).padStart(12, '0')}` })));
    const res = await capture(big);
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', eventCount: 50_000, maxEvents: 10_000 });
    expect(res.json.error.message).toContain('Nothing was stored');
    expect([await count('seal_event'), await count('epcis_capture')]).toEqual([events, captures]);
  });

  it('advertises its limits (OPTIONS)', async () => {
    const res = await fetch(`${server.url}/api/epcis/capture`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('gs1-epcis-capture-limit')).toBe('10000');
  });
});

describe('signed e-seal gateways', () => {
  const sign = (secret: string, timestamp: string, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

  it('accept a correctly signed capture and refuse a bad signature, a replay and a stale timestamp (401)', async () => {
    const { containerNumber } = await trackedShipment();
    const device = await registerSealDevice({ actor: await loadUserActor({ email: EMAILS.exporter }), name: 'crane 4 reader' });
    const body = JSON.stringify(epcisDocument([objectEvent({ container: containerNumber, bizStep: 'inspecting' })]));
    const now = String(Math.floor(Date.now() / 1000));
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/ld+json', 'x-clearway-device': device.id, ...headers }, body });

    const bad = await post({ 'x-clearway-timestamp': now, 'x-clearway-signature': sign('cw_dev_wrong', now, body) });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as any).error.message).toMatch(/signature does not match/);

    const signed = { 'x-clearway-timestamp': now, 'x-clearway-signature': `sha256=${sign(device.secret, now, body)}` };
    const ok = await post(signed);
    expect(ok.status).toBe(202);
    expect(await ok.json()).toMatchObject({ status: 'SUCCEEDED', storedCount: 1 });

    const replay = await post(signed);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as any).error.message).toMatch(/replay/);

    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    expect((await post({ 'x-clearway-timestamp': stale, 'x-clearway-signature': sign(device.secret, stale, body) })).status).toBe(401);
  });
});

describe('POST /api/epcis/events', () => {
  const post = (event: unknown, headers = gatewayToken) =>
    fetch(`${server.url}/api/epcis/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(event) }).then(async (r) => ({
      status: r.status,
      json: (await r.json()) as any,
    }));

  it('stores one event (201), answers 200 for it again, and names problems inside the event', async () => {
    const { containerNumber } = await trackedShipment();
    const event = objectEvent({ container: containerNumber, bizStep: 'arriving', readPoint: 'urn:unece:locode:NLRTM' });
    const first = await post(event);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ stored: true, duplicate: false, eventID: event.eventID, shipment: { id: null, containerNumber, status: null } });
    const again = await post(event);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ stored: false, duplicate: true });
    const invalid = await post({ ...event, eventID: undefined, eventTime: 'soon' });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.fieldErrors.map((e: any) => e.path.join('/'))).toContain('eventTime');
    expect((await post(epcisDocument([event]))).json.error.fieldErrors[0].code).toBe('INVALID');
  });
});

describe('issue 12 over HTTP: forged seal events, event ids per reporter, input gaps', () => {
  const post = (path: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${server.url}/api/epcis/${path}`, { method: 'POST', headers: { 'content-type': 'application/ld+json', ...headers }, body: JSON.stringify(body) }).then(async (r) => ({
      status: r.status,
      json: (await r.json()) as any,
    }));

  it('refuses a forged TAMPER from another company’s token with the answer an untracked container gets; the declaration stays as it was', async () => {
    const { containerNumber, declarationId, shipmentId } = await trackedShipment();
    const stranger = (await asToken(EMAILS.otherTrader, ['events:write'])).headers;
    const laneBefore = (await gql('query($id: ID!) { declaration(id: $id) { lane status } }', { id: declarationId }, H.officer)).json.data.declaration;
    const untracked = newContainer();
    for (const path of ['capture', 'events']) {
      const body = (c: string) => {
        const event = objectEvent({ container: c, eventID: 'urn:uuid:00000000-0000-4000-a000-00000000f0e1', sealState: 'TAMPERED' });
        return path === 'capture' ? epcisDocument([event]) : event;
      };
      const forged = await post(path, body(containerNumber), stranger);
      const nobody = await post(path, body(untracked), stranger);
      expect(forged.status).toBe(400);
      expect(forged.json.error.fieldErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN', message: expect.stringContaining('no shipment of it that you may report for') })]);
      const same = (j: any, c: string) => JSON.stringify({ ...j.error, captureId: null, requestId: null }).replaceAll(c, 'C');
      expect(same(forged.json, containerNumber)).toBe(same(nobody.json, untracked));
      expect(JSON.stringify(forged.json)).not.toContain(shipmentId);
      expect(JSON.stringify(forged.json)).not.toMatch(/SEALED_INTACT|TAMPER_SUSPECTED/);
    }
    expect((await gql('query($id: ID!) { declaration(id: $id) { lane status } }', { id: declarationId }, H.officer)).json.data.declaration).toEqual(laneBefore);
    expect((await gql(SHIPMENT, { c: containerNumber }, H.officer)).json.data.shipment).toMatchObject({ status: 'SEALED_INTACT', eventCount: 0, alerts: [] });
  });

  it('answers 409 naming the id when a reporter reuses an event id for other content', async () => {
    const { containerNumber } = await trackedShipment();
    const id = 'urn:uuid:00000000-0000-4000-a000-00000000c0f1';
    const event = objectEvent({ container: containerNumber, eventID: id, bizStep: 'transporting' });
    expect((await post('events', event, gatewayToken)).status).toBe(201);
    expect((await post('events', event, gatewayToken)).status).toBe(200);
    const other = { ...event, bizStep: 'arriving' };
    const single = await post('events', other, gatewayToken);
    expect(single.status).toBe(409);
    expect(single.json.error).toMatchObject({ code: 'CONFLICT', eventId: id, fieldErrors: [{ path: ['eventID'], code: 'CONFLICT' }] });
    expect(single.json.error.message).toContain(`Event id ${id} was already received from you with different content (bizStep)`);
    const document = await post('capture', epcisDocument([other]), gatewayToken);
    expect(document.status).toBe(409);
    expect(document.json.error).toMatchObject({ code: 'CONFLICT', eventId: id, fieldErrors: [{ path: ['epcisBody', 'eventList', '0', 'eventID'] }] });
    const job = await (await fetch(`${server.url}/api/epcis/capture/${document.json.error.captureId}`, { headers: gatewayToken })).json();
    expect(job).toMatchObject({ status: 'FAILED', storedCount: 0, errorCount: 1, errors: [expect.objectContaining({ code: 'CONFLICT' })] });
  });

  it('refuses empty documents, year-0001 events and unreadable places, and gives errorCount in large error answers', async () => {
    const { containerNumber } = await trackedShipment();
    const empty = await post('capture', epcisDocument([]), gatewayToken);
    expect(empty.status).toBe(400);
    expect(empty.json.error).toMatchObject({ fieldErrors: [{ path: ['epcisBody', 'eventList'], code: 'REQUIRED' }], errorCount: 1 });
    const ancient = await post('events', objectEvent({ container: containerNumber, eventTime: '0001-01-01T00:00:00Z', readPoint: 'urn:unece:locode:QQ123' }), gatewayToken);
    expect(ancient.status).toBe(400);
    expect(ancient.json.error.fieldErrors.map((e: any) => [e.path.join('/'), e.code])).toEqual([
      ['eventTime', 'INVALID'],
      ['readPoint/id', 'UNKNOWN'],
    ]);
    const many = await post('capture', epcisDocument(Array.from({ length: 120 }, () => objectEvent({ container: 'CSQU3054384' }))), gatewayToken);
    expect(many.status).toBe(400);
    expect(many.json.error.fieldErrors).toHaveLength(100);
    expect(many.json.error.errorCount).toBe(120);
    const job = await (await fetch(`${server.url}/api/epcis/capture/${many.json.error.captureId}`, { headers: gatewayToken })).json();
    expect(job).toMatchObject({ status: 'FAILED', errorCount: 120 });
    expect(job.errors).toHaveLength(100);
  });
});

describe('GraphQL mutations', () => {
  it('recordSealEvents reports bad input as userErrors, and stores good input', async () => {
    const { containerNumber } = await trackedShipment();
    const mutation = 'mutation($e: [SealEventInput!]!) { recordSealEvents(events: $e) { capture { storedCount duplicateCount shipments { containerNumber status } } userErrors { path code message } } }';
    const bad = await gql(mutation, { e: [{ containerNumber: 'CSQU3054384', kind: 'POSITION', eventTime: minutesAgo(5) }] }, gatewayToken);
    expect(bad.json.data.recordSealEvents).toMatchObject({ capture: null, userErrors: [{ path: ['events', '0', 'containerNumber'], code: 'INVALID' }] });
    const good = await gql(mutation, { e: [{ containerNumber, kind: 'POSITION', eventTime: minutesAgo(5), latitude: 10, longitude: 109.5 }] }, gatewayToken);
    expect(good.json.data.recordSealEvents).toMatchObject({ capture: { storedCount: 1, shipments: [{ containerNumber, status: null }] }, userErrors: [] });
  });

  it('registerShipment registers a declared container for its declarant', async () => {
    const { declarationId, containerNumber } = await trackedShipment();
    const mutation = 'mutation($i: RegisterShipmentInput!) { registerShipment(input: $i) { shipmentId shipment { containerNumber route { locode } } userErrors { path code message } } }';
    // Its journey is already open: a conflict the filer can act on.
    const route = { origin: { locode: 'CNSHA' }, destination: { locode: 'NLRTM' } };
    const open = await gql(mutation, { i: { declarationId, containerNumber, route } }, H.trader);
    expect(open.json.data.registerShipment).toMatchObject({ shipmentId: null, userErrors: [{ code: 'CONFLICT' }] });
    const undeclared = await gql(mutation, { i: { declarationId, containerNumber: newContainer(), route } }, H.trader);
    expect(undeclared.json.data.registerShipment.userErrors).toEqual([expect.objectContaining({ path: ['containerNumber'], code: 'MISMATCH' })]);
  });
});

describe('alerts', () => {
  it('a tamper event puts the declaration on RED with the finding officers read; an officer acknowledges the alert', async () => {
    const { containerNumber, declarationId } = await trackedShipment();
    const res = await capture(epcisDocument([objectEvent({ container: containerNumber, bizStep: 'transporting', sealState: 'TAMPERED', position: [0.5143, 35.2698] })]));
    expect(res.json).toMatchObject({ status: 'SUCCEEDED', alertCount: 1 });

    const seen = await gql('query($id: ID!) { declaration(id: $id) { lane riskFindings { ruleKey reason } } }', { id: declarationId }, H.officer);
    expect(seen.json.data.declaration.lane).toBe('RED');
    expect(seen.json.data.declaration.riskFindings.map((f: any) => f.reason).join(' ')).toContain(`Container ${containerNumber}: the seal reported tampering`);

    const shipment = (await gql(SHIPMENT, { c: containerNumber }, H.officer)).json.data.shipment;
    expect(shipment.status).toBe('TAMPER_SUSPECTED');
    const [alert] = shipment.alerts;
    expect(alert).toMatchObject({ kind: 'TAMPER', acknowledgedAt: null });

    const ack = 'mutation($id: ID!, $note: String!) { acknowledgeAlert(id: $id, note: $note) { alert { id acknowledgedAt acknowledgedBy note } userErrors { code message } } }';
    const byTrader = await gql(ack, { id: alert.id, note: 'looks fine' }, H.trader);
    expect(byTrader.json.errors[0].extensions.code).toBe('FORBIDDEN');
    const done = await gql(ack, { id: alert.id, note: 'Seal photographed at Eldoret; goods intact.' }, H.officer);
    expect(done.json.data.acknowledgeAlert).toMatchObject({ alert: { id: alert.id, acknowledgedBy: EMAILS.officer, note: 'Seal photographed at Eldoret; goods intact.' }, userErrors: [] });
    expect(done.json.data.acknowledgeAlert.alert.acknowledgedAt).not.toBeNull();
    const twice = await gql(ack, { id: alert.id, note: 'again' }, H.officer);
    expect(twice.json.data.acknowledgeAlert).toMatchObject({ alert: null, userErrors: [{ code: 'CONFLICT' }] });
    // Still suspected: only a resealing by customs clears it.
    expect((await gql(SHIPMENT, { c: containerNumber }, H.officer)).json.data.shipment.status).toBe('TAMPER_SUSPECTED');
  });
});

describe('subscription trackingUpdated (graphql-ws)', () => {
  const clients: Client[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
  });

  /** A WebSocket that sends the session cookie on its upgrade request, as a browser does. */
  const withCookie = (cookie: string) =>
    class extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie } });
      }
    };

  function connect(options: { connectionParams?: Record<string, unknown>; webSocketImpl?: unknown } = {}): Client {
    const client = createClient({ url: `${server.url.replace('http', 'ws')}/api/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, ...options });
    clients.push(client);
    return client;
  }

  /** The first message of a subscription: a result, or the error that ended it. */
  function first(client: Client, containerNumber: string): { result: Promise<FormattedExecutionResult<any, unknown>>; stop: () => void } {
    let stop = () => {};
    const result = new Promise<FormattedExecutionResult<any, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no update within 10 s')), 10_000);
      stop = client.subscribe(
        { query: 'subscription($c: String!) { trackingUpdated(containerNumber: $c) { containerNumber status newEvents newAlerts shipment { eventCount } } }', variables: { c: containerNumber } },
        {
          next: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          error: (error) => {
            clearTimeout(timer);
            reject(error);
          },
          complete: () => undefined,
        },
      );
    });
    return { result, stop: () => stop() };
  }

  /** Until this process LISTENs (the subscription started): a capture before it would not be heard. */
  async function listening(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const { rows } = await getPool().query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN clearway_tracking%' AND pid <> pg_backend_pid()`);
      if (rows.length) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the subscription never started listening');
  }

  it('delivers an update after a capture, to a token and to a session cookie', async () => {
    const { containerNumber } = await trackedShipment();
    const byToken = first(connect({ connectionParams: { authorization: `Bearer ${readerToken.secret}` } }), containerNumber);
    const byCookie = first(connect({ webSocketImpl: withCookie(H.trader.cookie!) }), containerNumber);
    await listening();
    // Subscribers attach one after the other: give the second a moment once the connection listens.
    await new Promise((r) => setTimeout(r, 200));
    expect((await capture(epcisDocument([objectEvent({ container: containerNumber, bizStep: 'departing' })]))).status).toBe(202);
    for (const sub of [byToken, byCookie]) {
      const update = await sub.result;
      expect(update.errors).toBeUndefined();
      expect(update.data.trackingUpdated).toEqual({ containerNumber, status: 'SEALED_INTACT', newEvents: 1, newAlerts: 0, shipment: { eventCount: 1 } });
      sub.stop();
    }
  });

  it('refuses an unauthenticated connection, and a container the caller cannot see', async () => {
    const { containerNumber } = await trackedShipment();
    await expect(first(connect(), containerNumber).result).rejects.toMatchObject({ code: 4403 });
    const hidden = await first(connect({ webSocketImpl: withCookie(H.otherTrader.cookie!) }), containerNumber).result;
    expect(hidden.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const noScope = await first(connect({ connectionParams: { authorization: gatewayToken.authorization } }), containerNumber).result;
    expect(noScope.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', requiredScope: 'tracking:read' } });
  });

  it('serves subscriptions only, and answers a malformed one without closing the connection', async () => {
    const client = connect({ connectionParams: { authorization: `Bearer ${readerToken.secret}` } });
    const answer = (query: string) => new Promise<unknown>((resolve) => client.subscribe({ query }, { next: resolve, error: resolve, complete: () => undefined }));
    expect(await answer('{ __typename }')).toEqual([expect.objectContaining({ message: expect.stringContaining('POST /api/graphql'), extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) })]);
    expect(await answer('subscription {')).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }) })]);
    // The connection is still open: a container nobody tracks is simply not found.
    expect(await answer(`subscription { trackingUpdated(containerNumber: "${newContainer()}") { status } }`)).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });
});
