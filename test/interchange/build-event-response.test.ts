// Response push: a webhook endpoint that asks for XML gets each customs answer of a declaration as a WCO
// DM Response (application/xml, valid against WCO_RES_2_DMS.xsd), one that asks for EDIFACT gets CUSRES
// (application/edifact), both signed as the JSON events are (standardwebhooks verifies them), through
// real local receivers; a JSON endpoint is unchanged, and an event that is no customs answer stays JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { validateWcoXml } from '../../lib/interchange/validate-wco-xml';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { createWebhookEndpoint } from '../../lib/notifications/create-webhook-endpoint';
import { updateWebhookEndpoint } from '../../lib/notifications/update-webhook-endpoint';
import { submittedImport } from '../support/declarations';
import { startReceiver, type Receiver } from '../support/webhook-receiver';

const TRADER = 'trader@rotterdam-importers.example';
const TYPES = ['declaration.accepted', 'declaration.lane_set', 'webhook_endpoint.disabled'];

describe('declaration answers pushed as WCO DM XML and CUSRES', () => {
  const receivers: Receiver[] = [];
  beforeAll(() => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    process.env.WEBHOOK_ALLOW_HTTP = 'true';
    resetEnvCache();
  });
  afterAll(async () => {
    for (const r of receivers) await r.close();
    await disconnectDb();
  });

  it('delivers each answer in the format the endpoint asks for, signed the same way', async () => {
    const admin = await loadUserActor({ email: TRADER });
    const [xml, edi, json] = await Promise.all([startReceiver(), startReceiver(), startReceiver()]);
    receivers.push(xml, edi, json);
    const xmlEndpoint = await createWebhookEndpoint({ actor: admin, input: { url: xml.url, eventTypes: TYPES, payloadFormat: 'XML' } });
    expect(xmlEndpoint.endpoint.payloadFormat).toBe('XML');
    // Set on an existing endpoint by update.
    const ediEndpoint = await createWebhookEndpoint({ actor: admin, input: { url: edi.url, eventTypes: TYPES } });
    expect(ediEndpoint.endpoint.payloadFormat).toBe('JSON');
    expect((await updateWebhookEndpoint({ actor: admin, id: ediEndpoint.endpoint.id, input: { payloadFormat: 'EDIFACT' } })).payloadFormat).toBe('EDIFACT');
    const jsonEndpoint = await createWebhookEndpoint({ actor: admin, input: { url: json.url, eventTypes: TYPES } });
    await expect(createWebhookEndpoint({ actor: admin, input: { url: json.url, payloadFormat: 'YAML' as 'XML' } })).rejects.toMatchObject({ details: { fieldErrors: [expect.objectContaining({ path: ['payloadFormat'] })] } });

    const id = await submittedImport(TRADER);
    // A declaration's deliveries go in order, each started by the one before: drain until all have arrived.
    await expect.poll(async () => { await runPendingJobs(); return [xml, edi, json].map((r) => r.received.length); }, { timeout: 30_000, interval: 200 }).toEqual([2, 2, 2]);
    const { rows: [d] } = await getPool().query<{ mrn: string; lane: string; lrn: string }>(`SELECT mrn, lane::text, lrn FROM declaration WHERE id = $1`, [id]);

    expect(xml.received).toHaveLength(2);
    expect(xml.verified(xmlEndpoint.secret)).toHaveLength(2);
    for (const r of xml.received) {
      expect(r.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(await validateWcoXml(r.body, 'response')).toEqual([]);
      expect(r.body).toContain(d!.mrn);
    }
    // Accepted (01), then the lane (11) with its lane.
    expect(xml.received.map((r) => /<FunctionCode>(\d+)<\/FunctionCode>/.exec(r.body)?.[1])).toEqual(['01', '11']);
    expect(xml.received[1]!.body).toContain(d!.lane);

    expect(edi.received).toHaveLength(2);
    expect(edi.verified(ediEndpoint.secret)).toHaveLength(2);
    for (const r of edi.received) {
      expect(r.headers['content-type']).toBe('application/edifact');
      expect(r.body).toMatch(/^UNA:\+\.\? '\s*UNB\+UNO[ABCY]:\d/);
      expect(r.body).toContain("UNH+");
      expect(r.body).toContain(`RFF+ABT:${d!.mrn}'`);
    }

    expect(json.received.map((r) => r.json.type)).toEqual(['declaration.accepted', 'declaration.lane_set']);
    expect(json.received[0]!.headers['content-type']).toBe('application/json');
    expect(json.verified(jsonEndpoint.secret)).toHaveLength(2);
  });

  it('keeps JSON for events that are no customs answer', async () => {
    const admin = await loadUserActor({ email: TRADER });
    const target = await startReceiver({ status: 410 });
    const listener = await startReceiver();
    receivers.push(target, listener);
    // The listener takes XML; the other endpoint answering 410 gets disabled, which the company hears of.
    await createWebhookEndpoint({ actor: admin, input: { url: listener.url, eventTypes: ['webhook_endpoint.disabled'], payloadFormat: 'XML' } });
    await createWebhookEndpoint({ actor: admin, input: { url: target.url, eventTypes: ['declaration.accepted'] } });
    await submittedImport(TRADER);
    await runPendingJobs();
    expect(target.received).toHaveLength(1);
    await expect.poll(async () => { await runPendingJobs(); return listener.received.length; }, { timeout: 20_000 }).toBe(1);
    expect(listener.received[0]!.headers['content-type']).toBe('application/json');
    expect(listener.received[0]!.json.type).toBe('webhook_endpoint.disabled');
  });
});
