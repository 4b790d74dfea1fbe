// The gate decision (lib/gates/decide-gate.ts): each check's reason, the EPCIS event on the timeline,
// the audit row, the HOLD notification, retries, and the refusals.
import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { decideGate } from '../../lib/gates/decide-gate';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { acknowledgeAlert } from '../../lib/tracking/acknowledge-alert';
import { getShipment } from '../../lib/tracking/get-shipment';
import { getTrackingTimeline } from '../../lib/tracking/get-tracking-timeline';
import { loadUserActor } from '../../lib/auth/actor';
import { authenticateScanStation } from '../../lib/scans/authenticate-scan-station';
import { claimScan } from '../../lib/scans/claim-scan';
import { decideScan } from '../../lib/scans/decide-scan';
import { ingestScan } from '../../lib/scans/ingest-scan';
import { recordScanInspection } from '../../lib/scans/record-scan-inspection';
import { recordSealEvents } from '../../lib/tracking/record-seal-events';
import { kampala, newContainer, officer, trackedShipment, withToken } from '../tracking/fixtures';
import { newStation, scanMetadata, syntheticImage } from '../support/scans';
import { GATE_IN, GATE_OUT, reader, releasedShipment, reportTamper, terminalOperator } from './fixtures';

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('refused'),
    (e: unknown) => e as { code: string; message: string; details: { fieldErrors?: { path: string[]; code: string; message: string }[]; requiredScope?: string } },
  );
const codes = (d: { reasons: { code: string; passed: boolean }[] }) => d.reasons.map((r) => `${r.code}:${r.passed ? 'ok' : 'no'}`);
const count = async (sqlText: string, params: unknown[]) => (await getPool().query<{ n: number }>(sqlText, params)).rows[0]!.n;

describe('decideGate', () => {
  it('opens for a released declaration with an intact seal, and records an EPCIS arriving event on the timeline with an audit row', async () => {
    const { containerNumber, shipmentId } = await releasedShipment();
    const d = await decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_IN, sealNumbers: ['cn1234567'] } });
    expect(d.decision).toBe('OPEN');
    expect(codes(d)).toEqual(['DECLARATION_RELEASED:ok', 'PERMITS_SATISFIED:ok', 'SEAL_INTACT:ok', 'NO_OPEN_ALERT:ok', 'NO_SUSPECT_SCAN:ok']);
    expect(d.reasons[2]!.message).toContain('the seal read at the gate matches');
    expect(d.waitSeconds).toBe(0);
    expect(d.epcisEventId).toBe(`urn:uuid:${d.id}`);

    const timeline = await getTrackingTimeline({ actor: await officer(), shipmentId });
    const event = timeline.edges.map((e) => e.node).find((e) => e.eventId === d.epcisEventId);
    expect(event).toMatchObject({ kind: 'POSITION', bizStep: 'arriving', disposition: 'conformant', locode: 'NLRTM', readPoint: 'urn:unece:locode:NLRTM' });
    // The gate's read is a position, not seal evidence: nothing about the seal changes.
    expect((await getShipment({ actor: await officer(), id: shipmentId })).status).toBe('SEALED_INTACT');
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'gate.decide' AND target_id = $1`, [d.id])).toBe(1);
    // An OPEN tells nobody.
    expect(await count(`SELECT count(*)::int AS n FROM business_event WHERE type = 'gate.held' AND container_number = $1`, [containerNumber])).toBe(0);
  });

  it('holds an unreleased declaration, naming its status, and a missing permit, naming the requirement', async () => {
    const plain = await trackedShipment();
    const held = await decideGate({ actor: await reader(), input: { containerNumber: plain.containerNumber, gate: GATE_IN } });
    expect(held.decision).toBe('HOLD');
    expect(codes(held)).toEqual(['DECLARATION_NOT_RELEASED:no', 'PERMITS_SATISFIED:ok', 'SEAL_INTACT:ok', 'NO_OPEN_ALERT:ok', 'NO_SUSPECT_SCAN:ok']);
    expect(held.reasons[0]!.message).toMatch(/is not released \(status (SUBMITTED|ACCEPTED|RISK_ASSESSED|DUTY_ASSESSED|UNDER_CONTROL)\)/);

    // Frozen beef from Brazil needs a veterinary certificate that nobody applied for.
    const beef = await trackedShipment({
      input: {
        invoiceAmount: '12000.00',
        totalPackages: 100,
        grossMass: '2500',
        items: [{ commodityCode: '02023090', description: 'Frozen boneless beef', originCountry: 'BR', packageKind: 'CT', packageCount: 100, grossMass: '2500', netMass: '2400', itemPrice: '12000.00' }],
      },
    });
    const permit = await decideGate({ actor: await reader(), input: { containerNumber: beef.containerNumber, gate: GATE_IN } });
    expect(permit.decision).toBe('HOLD');
    const missing = permit.reasons.find((r) => r.code === 'PERMIT_MISSING')!;
    expect(missing.passed).toBe(false);
    expect(missing.message).toMatch(/Item 1: .* \(\d+\) of VET — MISSING/);
  });

  it('holds a broken seal and its open alert; after the officer acknowledges, the seal still holds it until customs reseal; then the open alert alone would', async () => {
    const { containerNumber, shipmentId } = await releasedShipment();
    await reportTamper(containerNumber);
    const broken = await decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_OUT } });
    expect(broken.decision).toBe('HOLD');
    expect(codes(broken)).toEqual(['DECLARATION_RELEASED:ok', 'PERMITS_SATISFIED:ok', 'SEAL_BROKEN:no', 'OPEN_ALERT:no', 'NO_SUSPECT_SCAN:ok']);
    expect(broken.reasons[3]!.message).toContain('TAMPER');

    // Customs reseal (the only way out of suspicion), the alert still open: only the alert holds.
    await recordSealEvents({ actor: await officer(), events: [{ containerNumber, kind: 'RESEALED', eventTime: new Date().toISOString(), sealNumbers: ['CU7654321'] }] });
    const alertOnly = await decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_OUT } });
    expect(codes(alertOnly)).toEqual(['DECLARATION_RELEASED:ok', 'PERMITS_SATISFIED:ok', 'SEAL_INTACT:ok', 'OPEN_ALERT:no', 'NO_SUSPECT_SCAN:ok']);

    const alert = (await getShipment({ actor: await officer(), id: shipmentId })).alerts[0]!;
    await acknowledgeAlert({ actor: await officer(), alertId: alert.id, note: 'Inspected at the terminal, resealed.' });
    const open = await decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_OUT, sealNumbers: ['CU7654321'] } });
    expect(open.decision).toBe('OPEN');
    // Waiting since the first read at this gate.
    expect(open.arrivedAt).toEqual(broken.decidedAt);
    expect(open.waitSeconds).toBeGreaterThan(0);
    expect(open.epcisEventId).not.toBeNull();
  });

  it('holds a container whose X-ray scan an analyst judged suspect until an officer records the inspection', async () => {
    const { containerNumber } = await releasedShipment();
    const station = await newStation();
    const { actor: stationActor, station: identity } = await authenticateScanStation(`Bearer ${station.token}`, { id: null, ip: null });
    const scan = await ingestScan({ station: identity, actor: stationActor, metadata: scanMetadata(station.code, containerNumber), images: [{ part: 'top', bytes: syntheticImage('png').bytes }] });
    const analyst = await loadUserActor({ email: 'imaging@customs.example' });
    await claimScan({ actor: analyst, id: scan.id });
    const imageId = (await getPool().query<{ id: string }>(`SELECT id FROM scan_image WHERE scan_id = $1`, [scan.id])).rows[0]!.id;
    await decideScan({ actor: analyst, id: scan.id, verdict: 'SUSPECT', regions: [{ imageId, label: 'CONCEALMENT_IN_STRUCTURE', x: 10, y: 10, width: 40, height: 20 }] });

    const held = await decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_OUT } });
    expect(held.decision).toBe('HOLD');
    expect(codes(held)).toEqual(['DECLARATION_RELEASED:ok', 'PERMITS_SATISFIED:ok', 'SEAL_INTACT:ok', 'NO_OPEN_ALERT:ok', 'SUSPECT_SCAN:no']);
    expect(held.reasons[4]!.message).toContain('CONCEALMENT_IN_STRUCTURE');

    await recordScanInspection({ actor: await officer(), id: scan.id, note: 'Opened at the terminal: nothing behind the panel.' });
    const open = await decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_OUT } });
    expect(open.decision).toBe('OPEN');
    expect(codes(open).at(-1)).toBe('NO_SUSPECT_SCAN:ok');
  });

  it('holds a seal read at the gate that is not the shipment’s', async () => {
    const { containerNumber } = await releasedShipment();
    const d = await decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_IN, sealNumbers: ['CN1234567', 'XX0000001'] } });
    expect(d.decision).toBe('HOLD');
    expect(codes(d)).toEqual(['DECLARATION_RELEASED:ok', 'PERMITS_SATISFIED:ok', 'SEAL_MISMATCH:no', 'NO_OPEN_ALERT:ok', 'NO_SUSPECT_SCAN:ok']);
    expect(d.reasons[2]!.message).toContain('XX0000001');
  });

  it('tells the officer on duty of a HOLD (inbox), through the business event', async () => {
    const { containerNumber, declarationId } = await trackedShipment();
    const d = await decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_IN } });
    const [event] = (await getPool().query(`SELECT payload FROM business_event WHERE type = 'gate.held' AND declaration_id = $1`, [declarationId])).rows;
    expect(event.payload).toMatchObject({ gateEventId: d.id, gate: GATE_IN, containerNumber, reasons: ['DECLARATION_NOT_RELEASED'] });
    await runPendingJobs();
    const officerId = (await officer()).userId;
    const inbox = await getPool().query(`SELECT n.title FROM notification n JOIN business_event e ON e.id = n.event_id WHERE e.type = 'gate.held' AND n.user_id = $1 AND e.declaration_id = $2`, [officerId, declarationId]);
    expect(inbox.rows.map((r) => r.title)).toEqual([expect.stringContaining('Container held at a terminal gate')]);
  });

  it('answers a retry with the same request id with the same decision, storing one decision and one event', async () => {
    const { containerNumber, shipmentId } = await trackedShipment();
    const requestId = randomUUID();
    const first = await decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_IN, requestId } });
    const [again, parallel] = await Promise.all([
      decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_IN, requestId } }),
      decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_IN, requestId } }),
    ]);
    expect([first.replayed, again.replayed, parallel.replayed]).toEqual([false, true, true]);
    expect(again).toMatchObject({ id: first.id, decision: first.decision, reasons: first.reasons });
    expect(await count(`SELECT count(*)::int AS n FROM gate_event WHERE request_key = $1`, [requestId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM seal_event WHERE shipment_id = $1`, [shipmentId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM business_event WHERE type = 'gate.held' AND container_number = $1`, [containerNumber])).toBe(1);

    // The same request id for another container is a mistake of the reader, not a retry.
    const other = await trackedShipment();
    const reused = await refusal(decideGate({ actor: await reader(), input: { containerNumber: other.containerNumber, gate: GATE_IN, requestId } }));
    expect(reused.code).toBe('CONFLICT');
    expect(reused.details.fieldErrors?.[0]?.path).toEqual(['requestId']);
  });

  it('stores one decision when two first reads with the same request id race: the other answers it, and its EPCIS event is rolled back', async () => {
    const { containerNumber, shipmentId } = await trackedShipment();
    const requestId = randomUUID();
    const answers = await Promise.all([1, 2, 3].map(async () => decideGate({ actor: await reader(), input: { containerNumber, gate: GATE_IN, requestId } })));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(await count(`SELECT count(*)::int AS n FROM gate_event WHERE request_key = $1`, [requestId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM seal_event WHERE shipment_id = $1`, [shipmentId])).toBe(1);
    expect(await count(`SELECT event_count AS n FROM shipment WHERE id = $1`, [shipmentId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'gate.decide' AND details->>'containerNumber' = $1`, [containerNumber])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'tracking.capture' AND details->'shipments' ? $1`, [shipmentId])).toBe(1);
  });

  it('answers an unknown container as NOT_FOUND naming it, and stores nothing', async () => {
    const unknown = newContainer();
    const before = await count(`SELECT count(*)::int AS n FROM gate_event`, []);
    const e = await refusal(decideGate({ actor: await reader(), input: { containerNumber: unknown, gate: GATE_IN } }));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain(`Unknown container ${unknown}`);
    expect(e.details.fieldErrors).toEqual([{ path: ['containerNumber'], code: 'UNKNOWN', message: expect.stringContaining(unknown) }]);
    expect(await count(`SELECT count(*)::int AS n FROM gate_event`, [])).toBe(before);
  });

  it('refuses bad input naming the field, a token without gate:decide, and gates the caller may not use', async () => {
    const bad = await refusal(decideGate({ actor: await reader(), input: { containerNumber: 'CSQU3054384', gate: '' } }));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.details.fieldErrors!.map((f) => f.path.join('.'))).toEqual(['containerNumber', 'gate']);
    expect(bad.details.fieldErrors![0]!.message).toContain('check digit');

    const { containerNumber } = await trackedShipment();
    const scopeless = await refusal(decideGate({ actor: withToken(await terminalOperator(), ['tracking:read']), input: { containerNumber, gate: GATE_IN } }));
    expect([scopeless.code, scopeless.details.requiredScope]).toEqual(['FORBIDDEN', 'gate:decide']);

    // Another company's gate:decide token, and a trader, see no gate at all (as for an unknown code).
    for (const actor of [withToken(await kampala(), ['gate:decide']), await kampala()]) {
      const e = await refusal(decideGate({ actor, input: { containerNumber, gate: GATE_IN } }));
      expect([e.code, e.message]).toEqual(['NOT_FOUND', `Unknown gate "${GATE_IN}".`]);
    }
    const nowhere = await refusal(decideGate({ actor: await reader(), input: { containerNumber, gate: 'NOWHERE-1' } }));
    expect([nowhere.code, nowhere.details.fieldErrors?.[0]?.path]).toEqual(['NOT_FOUND', ['gate']]);
    // Customs may ask at any gate, and so may the terminal's own operators.
    expect((await decideGate({ actor: await officer(), input: { containerNumber, gate: GATE_IN } })).decision).toBe('HOLD');
    expect((await decideGate({ actor: await terminalOperator(), input: { containerNumber, gate: GATE_IN } })).decision).toBe('HOLD');
  });
});
