// The seal rules, end to end through capture: alerts, shipment status, and what they do to the
// declaration (risk finding, RED lane, control), plus acknowledgement by an officer.
import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getDb, getPool } from '../../lib/db';
import { recordPayment } from '../../lib/declarations/record-payment';
import { decideDeclaration } from '../../lib/declarations/decide-declaration';
import { updateRiskRule } from '../../lib/risk/update-risk-rule';
import { acknowledgeAlert } from '../../lib/tracking/acknowledge-alert';
import { captureEpcisDocument } from '../../lib/tracking/capture-epcis-document';
import { evaluateSealEvents, type ShipmentState, type StoredSealEvent } from '../../lib/tracking/evaluate-seal-events';
import { getShipment } from '../../lib/tracking/get-shipment';
import { daysAgo, epcisDocument, gateway, minutesAgo, objectEvent, officer, trackedShipment, trader, type EventOptions } from './fixtures';

const capture = async (events: EventOptions[], actor?: Awaited<ReturnType<typeof gateway>>) =>
  captureEpcisDocument({ actor: actor ?? (await gateway()), document: epcisDocument(events.map(objectEvent)) });
const shipmentOf = async (containerNumber: string) => getShipment({ actor: await officer(), containerNumber });
const declarationOf = (id: string) => getDb().declaration.findUniqueOrThrow({ where: { id }, include: { riskFindings: true } });

// Near Antwerp (authorized, 5 km) and Le Havre (not on the route).
const ANTWERP_TERMINAL: [number, number] = [51.28, 4.35];
const LE_HAVRE: [number, number] = [49.49, 0.11];

describe('tamper', () => {
  it('raises an alert, suspects tampering, and sends the declaration to the RED lane with the reason among its findings', async () => {
    const { declarationId, containerNumber } = await trackedShipment();
    expect((await declarationOf(declarationId)).status).toBe('DUTY_ASSESSED');
    const outcome = await capture([{ container: containerNumber, bizStep: 'transporting', position: [36.5, -4.9], sealState: 'TAMPERED', eventTime: `${daysAgo(30)}T08:30:00Z` }]);
    expect(outcome).toMatchObject({ alertCount: 1, shipments: [{ containerNumber, status: null }] });

    const shipment = await shipmentOf(containerNumber);
    expect(shipment.status).toBe('TAMPER_SUSPECTED');
    expect(shipment.alerts).toEqual([expect.objectContaining({ kind: 'TAMPER', reason: `Container ${containerNumber}: the seal reported tampering at 36.5000, -4.9000 on ${daysAgo(30)}T08:30:00.000Z.`, acknowledgedAt: null })]);

    const d = await declarationOf(declarationId);
    expect(d.lane).toBe('RED');
    // Seal evidence takes a declaration awaiting payment or release back under control (lifecycle.ts).
    expect(d.status).toBe('UNDER_CONTROL');
    const finding = d.riskFindings.find((f) => f.ruleKey === 'seal-integrity')!;
    expect(finding.reason).toBe(`Container ${containerNumber}: the seal reported tampering at 36.5000, -4.9000 on ${daysAgo(30)}T08:30:00.000Z. Electronic-seal evidence that the container may have been opened, or its seal swapped, in transit: physical inspection.`);
    expect(finding.weight).toBe(100);
    const audit = await getPool().query(`SELECT action FROM audit_event WHERE target_id IN ($1, $2) ORDER BY id`, [declarationId, shipment.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['shipment.register', 'tracking.alert', 'declaration.seal_integrity']));
  });

  it('puts a RISK_ASSESSED declaration under control, and only records the finding once released', async () => {
    const assessed = await trackedShipment();
    await getPool().query(`UPDATE declaration SET status = 'RISK_ASSESSED' WHERE id = $1`, [assessed.declarationId]);
    await capture([{ container: assessed.containerNumber, sealState: 'TAMPERED' }]);
    const d = await declarationOf(assessed.declarationId);
    expect([d.status, d.lane]).toEqual(['UNDER_CONTROL', 'RED']);
    const history = await getDb().declarationStatusChange.findMany({ where: { declarationId: assessed.declarationId }, orderBy: { id: 'desc' }, take: 1 });
    expect(history[0]).toMatchObject({ fromStatus: 'RISK_ASSESSED', toStatus: 'UNDER_CONTROL', actorId: null, reason: `Seal integrity alert on container ${assessed.containerNumber}: physical inspection.` });

    const released = await trackedShipment();
    const customs = await officer();
    const due = (await declarationOf(released.declarationId)).dutyTotal!.toFixed(2);
    await recordPayment({ actor: customs, id: released.declarationId, amount: due, reference: 'BANK-7' });
    await decideDeclaration({ actor: customs, id: released.declarationId, decision: 'RELEASED' });
    const laneBefore = (await declarationOf(released.declarationId)).lane;
    await capture([{ container: released.containerNumber, sealState: 'TAMPERED' }]);
    const after = await declarationOf(released.declarationId);
    expect([after.status, after.lane]).toEqual(['RELEASED', laneBefore]);
    expect(after.riskFindings.map((f) => f.ruleKey)).toContain('seal-integrity');
    expect((await shipmentOf(released.containerNumber)).alerts).toHaveLength(1);
  });

  it('brings DUTY_ASSESSED and PAID declarations under control (payment kept); QUERY and CANCEL_REQUESTED keep their status on lane RED', async () => {
    // Goods awaiting payment or release are still under customs supervision: a breached seal means the
    // goods may not be what was assessed, so they go to physical inspection before anyone releases them.
    const customs = await officer();
    const assessed = await trackedShipment();
    await capture([{ container: assessed.containerNumber, sealState: 'TAMPERED' }]);
    expect((await declarationOf(assessed.declarationId)).status).toBe('UNDER_CONTROL');

    const paid = await trackedShipment();
    const due = (await declarationOf(paid.declarationId)).dutyTotal!.toFixed(2);
    await recordPayment({ actor: customs, id: paid.declarationId, amount: due, reference: 'BANK-11' });
    await capture([{ container: paid.containerNumber, sealState: 'TAMPERED' }]);
    const d = await declarationOf(paid.declarationId);
    expect([d.status, d.lane, d.paymentReference]).toEqual(['UNDER_CONTROL', 'RED', 'BANK-11']);
    expect(d.paidAt).not.toBeNull();
    const [last] = await getDb().declarationStatusChange.findMany({ where: { declarationId: paid.declarationId }, orderBy: { id: 'desc' }, take: 1 });
    expect(last).toMatchObject({ fromStatus: 'PAID', toStatus: 'UNDER_CONTROL', actorId: null });
    // It cannot be released straight from control.
    await expect(decideDeclaration({ actor: customs, id: paid.declarationId, decision: 'RELEASED' })).rejects.toMatchObject({ code: 'CONFLICT' });

    for (const status of ['QUERY', 'CANCEL_REQUESTED'] as const) {
      const other = await trackedShipment();
      await getPool().query(`UPDATE declaration SET status = $2::declaration_status WHERE id = $1`, [other.declarationId, status]);
      await capture([{ container: other.containerNumber, sealState: 'TAMPERED' }]);
      const o = await declarationOf(other.declarationId);
      expect([o.status, o.lane]).toEqual([status, 'RED']);
    }
  });

  it('keeps one open alert per kind until an officer acknowledges it', async () => {
    const { containerNumber } = await trackedShipment();
    await capture([{ container: containerNumber, sealState: 'TAMPERED', eventTime: minutesAgo(30) }, { container: containerNumber, sealState: 'TAMPERED', eventTime: minutesAgo(20) }]);
    const [alert] = (await shipmentOf(containerNumber)).alerts;
    expect((await shipmentOf(containerNumber)).alerts).toHaveLength(1);

    await expect(acknowledgeAlert({ actor: await trader(), alertId: alert!.id, note: 'fine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(acknowledgeAlert({ actor: await officer(), alertId: alert!.id, note: ' ' })).rejects.toMatchObject({ details: { fieldErrors: [{ path: ['note'] }] } });
    const acknowledged = await acknowledgeAlert({ actor: await officer(), alertId: alert!.id, note: 'Seal inspected at Algeciras: intact, sensor fault.' });
    expect(acknowledged).toMatchObject({ id: alert!.id, acknowledgementNote: 'Seal inspected at Algeciras: intact, sensor fault.', acknowledgedById: (await officer()).userId });
    await expect(acknowledgeAlert({ actor: await officer(), alertId: alert!.id, note: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Acknowledging does not clear the suspicion; new evidence raises a new alert.
    expect((await shipmentOf(containerNumber)).status).toBe('TAMPER_SUSPECTED');
    await capture([{ container: containerNumber, sealState: 'TAMPERED', eventTime: minutesAgo(10) }]);
    expect((await shipmentOf(containerNumber)).alerts.map((a) => a.acknowledgedAt === null)).toEqual([true, false]);
  });

  it('raises the alert but leaves the declaration alone when the seal-integrity rule is disabled', async () => {
    const admin = await loadUserActor({ email: 'admin@clearway.example' });
    await updateRiskRule({ actor: admin, key: 'seal-integrity', changes: { enabled: false } });
    try {
      const { declarationId, containerNumber } = await trackedShipment();
      await capture([{ container: containerNumber, sealState: 'TAMPERED' }]);
      expect((await shipmentOf(containerNumber)).alerts).toHaveLength(1);
      const d = await declarationOf(declarationId);
      expect(d.lane).not.toBe('RED');
      expect(d.riskFindings.map((f) => f.ruleKey)).not.toContain('seal-integrity');
    } finally {
      await updateRiskRule({ actor: admin, key: 'seal-integrity', changes: { enabled: true } });
    }
  });
});

describe('openings', () => {
  it('allows opening inside an authorized place’s radius (no alert), and alerts outside it with the distance', async () => {
    const inside = await trackedShipment();
    const ok = await capture([{ container: inside.containerNumber, bizStep: 'inspecting', disposition: 'container_open', position: ANTWERP_TERMINAL }]);
    expect(ok).toMatchObject({ alertCount: 0 });
    expect((await shipmentOf(inside.containerNumber)).status).toBe('OPENED_AUTHORIZED');
    expect((await declarationOf(inside.declarationId)).lane).not.toBe('RED');

    const outside = await trackedShipment();
    const bad = await capture([{ container: outside.containerNumber, disposition: 'container_open', position: LE_HAVRE, eventTime: `${daysAgo(20)}T03:00:00Z` }]);
    expect(bad).toMatchObject({ alertCount: 1 });
    expect((await shipmentOf(outside.containerNumber)).status).toBe('TAMPER_SUSPECTED');
    const [alert] = (await shipmentOf(outside.containerNumber)).alerts;
    expect(alert).toMatchObject({
      kind: 'OPENED_OUTSIDE_AREA',
      reason: `Container ${outside.containerNumber}: seal opened at 49.4900, 0.1100 on ${daysAgo(20)}T03:00:00.000Z, 362 km from the nearest authorized place, BEANR Antwerp (radius 5 km).`,
    });
    expect((await declarationOf(outside.declarationId)).lane).toBe('RED');
  });

  it('judges an opening without a position by its UN/LOCODE, and one with neither as unverifiable', async () => {
    const byCode = await trackedShipment();
    expect(await capture([{ container: byCode.containerNumber, sealState: 'OPEN', readPoint: 'urn:epc:id:sgln:4012345.00001.NLRTM' }])).toMatchObject({ alertCount: 0 });
    const nowhere = await trackedShipment();
    await capture([{ container: nowhere.containerNumber, sealState: 'OPEN' }]);
    expect((await shipmentOf(nowhere.containerNumber)).alerts[0]!.reason).toMatch(/at an unreported place .* neither a position nor a UN\/LOCODE/);
  });

  it('treats an opening reported by a customs officer as authorized anywhere, and closes the journey on removal at destination', async () => {
    const { containerNumber } = await trackedShipment();
    expect(await capture([{ container: containerNumber, disposition: 'container_open', position: LE_HAVRE, eventTime: minutesAgo(50) }], await officer())).toMatchObject({ alertCount: 0 });
    const removedAt = minutesAgo(40);
    await capture([{ container: containerNumber, action: 'DELETE', bizStep: 'removing', readPoint: 'urn:unece:locode:NLRTM', eventTime: removedAt }]);
    const shipment = await shipmentOf(containerNumber);
    expect(shipment.closedAt).toEqual(new Date(removedAt));
    expect(shipment.alerts).toEqual([]);
  });
});

describe('seals', () => {
  it('alerts on a seal number that differs from the declaration', async () => {
    const { declarationId, containerNumber } = await trackedShipment();
    await capture([{ container: containerNumber, bizStep: 'arriving', seals: ['CN1234567'] }]);
    expect((await shipmentOf(containerNumber)).alerts).toEqual([]);
    await capture([{ container: containerNumber, bizStep: 'arriving', seals: ['CN7654321'], readPoint: 'urn:unece:locode:ESALG', eventTime: `${daysAgo(18)}T10:00:00Z` }]);
    const shipment = await shipmentOf(containerNumber);
    expect(shipment.alerts).toEqual([expect.objectContaining({ kind: 'SEAL_MISMATCH', reason: `Container ${containerNumber} reported seal CN7654321 at ESALG on ${daysAgo(18)}T10:00:00.000Z; the declaration gives CN1234567.` })]);
    expect(shipment.status).toBe('TAMPER_SUSPECTED');
    expect((await declarationOf(declarationId)).riskFindings.find((f) => f.ruleKey === 'seal-integrity')!.reason).toMatch(/reported seal CN7654321/);
  });

  it('alerts on a resealing not done by customs; a customs resealing restores SEALED_INTACT and its seal becomes known', async () => {
    const carrier = await trackedShipment();
    await capture([{ container: carrier.containerNumber, bizStep: 'replacing', seals: ['TRM000111'], extra: { 'cw:sealSource': 'TERMINAL' } }]);
    expect((await shipmentOf(carrier.containerNumber)).alerts).toEqual([
      expect.objectContaining({ kind: 'RESEALED_WITHOUT_CUSTOMS', reason: expect.stringMatching(/resealed with seal TRM000111 at an unreported place on .*, reported by API token "t" of exports@bright-electronics\.example's company: not by customs\./) }),
    ]);

    const customs = await trackedShipment();
    await capture([{ container: customs.containerNumber, disposition: 'container_open', position: LE_HAVRE, eventTime: minutesAgo(30) }]);
    expect((await shipmentOf(customs.containerNumber)).status).toBe('TAMPER_SUSPECTED');
    await capture([{ container: customs.containerNumber, bizStep: 'replacing', seals: ['NLCUS0001'], eventTime: minutesAgo(20) }], await officer());
    const after = await shipmentOf(customs.containerNumber);
    expect(after.status).toBe('SEALED_INTACT');
    expect(after.seals).toContainEqual(expect.objectContaining({ type: 'MECHANICAL', identifier: 'NLCUS0001', source: 'CUSTOMS' }));
    expect(after.alerts.map((a) => a.kind)).toEqual(['OPENED_OUTSIDE_AREA']);
    // The new seal is on the record: later readings of it are no mismatch.
    expect(await capture([{ container: customs.containerNumber, bizStep: 'arriving', seals: ['NLCUS0001'], eventTime: minutesAgo(10) }])).toMatchObject({ alertCount: 0 });
  });

  it('does not let a late event roll the status back', async () => {
    const { containerNumber } = await trackedShipment();
    await capture([{ container: containerNumber, disposition: 'container_open', position: ANTWERP_TERMINAL, eventTime: minutesAgo(60) }]);
    await capture([{ container: containerNumber, bizStep: 'replacing', seals: ['NLCUS0002'], eventTime: minutesAgo(30) }], await officer());
    await capture([{ container: containerNumber, disposition: 'container_open', position: ANTWERP_TERMINAL, eventTime: minutesAgo(45) }]);
    expect((await shipmentOf(containerNumber)).status).toBe('SEALED_INTACT');
  });
});

describe('evaluateSealEvents (pure)', () => {
  const state = (): ShipmentState => ({
    id: 's',
    containerNumber: 'CSQU3054383',
    declarationId: 'd',
    status: 'SEALED_INTACT',
    statusAt: null,
    lastEventAt: null,
    lastPositionAt: null,
    lastLatitude: null,
    lastLongitude: null,
    lastLocode: null,
    closedAt: null,
    declaredSeals: ['CN1'],
    seals: [],
    stops: [{ role: 'DESTINATION', locode: 'NLRTM', name: 'Rotterdam', latitude: 51.949, longitude: 4.1453, radiusKm: 10 }],
    openAlertKinds: [],
  });
  const event = (o: Partial<StoredSealEvent>): StoredSealEvent => ({
    id: '1', eventId: 'e', kind: 'POSITION', containerNumber: 'CSQU3054383', eventTime: new Date('2026-01-01T00:00:00Z'), timeZoneOffset: '+00:00', bizStep: null, disposition: null,
    locode: null, readPoint: null, latitude: null, longitude: null, sealNumbers: [], eSeal: null, batteryPercent: null, source: null, eventIndex: 0, containerPath: [], idPath: [], ...o,
  });
  const gatewayReporter = { isCustoms: false, description: 'gateway' };

  it('keeps the latest position by event time, and registers the first e-seal seen', () => {
    const r = evaluateSealEvents(state(), [event({ id: '2', latitude: 2, longitude: 2, eventTime: new Date('2026-01-02') }), event({ id: '1', latitude: 1, longitude: 1, eSeal: 'ACME:1' })], gatewayReporter);
    expect([r.state.lastLatitude, r.state.lastPositionAt]).toEqual([2, new Date('2026-01-02')]);
    expect(r.newSeals).toEqual([expect.objectContaining({ type: 'ELECTRONIC', identifier: 'ACME:1' })]);
    const again = evaluateSealEvents({ ...state(), seals: [{ type: 'ELECTRONIC', identifier: 'ACME:1' }] }, [event({ eSeal: 'ACME:2' })], gatewayReporter);
    expect(again.alerts.map((a) => a.kind)).toEqual(['SEAL_MISMATCH']);
  });

  it('authorizes an opening within the radius, with the route stop’s coordinates for its UN/LOCODE', () => {
    expect(evaluateSealEvents(state(), [event({ kind: 'OPENED', latitude: 51.9, longitude: 4.2 })], gatewayReporter).state.status).toBe('OPENED_AUTHORIZED');
    expect(evaluateSealEvents(state(), [event({ kind: 'OPENED', latitude: 52.1, longitude: 4.3 })], gatewayReporter).alerts[0]!.reason).toMatch(/20 km from the nearest authorized place, NLRTM Rotterdam \(radius 10 km\)\.$/);
  });
});
