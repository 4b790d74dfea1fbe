import { describe, expect, it } from 'vitest';

import { getDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { captureEpcisDocument } from '../../lib/tracking/capture-epcis-document';
import { getShipment } from '../../lib/tracking/get-shipment';
import { raiseSilentSealAlerts } from '../../lib/tracking/raise-silent-seal-alerts';
import { jobCrontab } from '../../lib/jobs/job-tasks';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { raiseSilentSealAlertsTask } from '../../lib/tracking/raise-silent-seal-alerts-task';

import { epcisDocument, gateway, objectEvent, officer, trackedShipment } from './fixtures';

const HOUR = 3_600_000;
const alertsOf = async (containerNumber: string) => (await getShipment({ actor: await officer(), containerNumber })).alerts;

describe('raiseSilentSealAlerts', () => {
  it('alerts once on a seal silent for longer than TRACKING_SILENT_HOURS, and again after it spoke and fell silent', async () => {
    const { declarationId, containerNumber } = await trackedShipment();
    const last = new Date(Date.now() - 30 * HOUR);
    await captureEpcisDocument({ actor: await gateway(), document: epcisDocument([objectEvent({ container: containerNumber, bizStep: 'departing', eventTime: last.toISOString() })]) });
    const fresh = await trackedShipment();
    await captureEpcisDocument({ actor: await gateway(), document: epcisDocument([objectEvent({ container: fresh.containerNumber, bizStep: 'departing' })]) });

    const now = new Date();
    const first = await raiseSilentSealAlerts({ now });
    expect(first.alerted).toBeGreaterThanOrEqual(1);
    const alerts = await alertsOf(containerNumber);
    expect(alerts).toEqual([expect.objectContaining({ kind: 'SILENT_SEAL', sealEventId: null, reason: `Container ${containerNumber}: no seal event for 30 h (last on ${last.toISOString()}; silent after 24 h). The e-seal may be shielded, jammed or removed.` })]);
    expect(await alertsOf(fresh.containerNumber)).toEqual([]);
    const d = await getDb().declaration.findUniqueOrThrow({ where: { id: declarationId }, include: { riskFindings: true } });
    expect(d.lane).toBe('RED');
    expect(d.riskFindings.map((f) => f.reason)).toContainEqual(expect.stringMatching(/no seal event for 30 h/));

    // Still silent: no second alert.
    await raiseSilentSealAlerts({ now: new Date(now.getTime() + HOUR) });
    expect(await alertsOf(containerNumber)).toHaveLength(1);

    // The seal speaks, the officer acknowledges, and it falls silent again: a new alert.
    await captureEpcisDocument({ actor: await gateway(), document: epcisDocument([objectEvent({ container: containerNumber, bizStep: 'transporting' })]) });
    const { acknowledgeAlert } = await import('../../lib/tracking/acknowledge-alert');
    await acknowledgeAlert({ actor: await officer(), alertId: alerts[0]!.id, note: 'Gateway outage at the carrier, confirmed by phone.' });
    await raiseSilentSealAlerts({ now: new Date(now.getTime() + 2 * HOUR) });
    expect(await alertsOf(containerNumber)).toHaveLength(1);
    await raiseSilentSealAlerts({ now: new Date(now.getTime() + 26 * HOUR) });
    expect((await alertsOf(containerNumber)).map((a) => a.kind)).toEqual(['SILENT_SEAL', 'SILENT_SEAL']);
  });

  it('counts from registration when the seal never spoke, with the threshold from the environment', async () => {
    const { containerNumber } = await trackedShipment();
    process.env.TRACKING_SILENT_HOURS = '2';
    resetEnvCache();
    try {
      await raiseSilentSealAlerts({ now: new Date(Date.now() + HOUR) });
      expect(await alertsOf(containerNumber)).toEqual([]);
      await raiseSilentSealAlerts({ now: new Date(Date.now() + 3 * HOUR) });
      expect((await alertsOf(containerNumber))[0]!.reason).toMatch(/no seal event at all in the 3 h since the shipment was registered on .* \(silent after 2 h\)\./);
    } finally {
      delete process.env.TRACKING_SILENT_HOURS;
      resetEnvCache();
    }
  });

  it('runs as a cron task of the job queue (once per cluster), every 5 minutes', async () => {
    expect(jobCrontab).toContain('*/5 * * * * raise-silent-seal-alerts ?max=1');
    const { containerNumber } = await trackedShipment();
    await captureEpcisDocument({ actor: await gateway(), document: epcisDocument([objectEvent({ container: containerNumber, bizStep: 'departing', eventTime: new Date(Date.now() - 48 * HOUR).toISOString() })]) });
    await getPool().query(`SELECT graphile_worker.add_job('raise-silent-seal-alerts', '{}'::json)`);
    await runPendingJobs({ tasks: { 'raise-silent-seal-alerts': raiseSilentSealAlertsTask } });
    expect(await alertsOf(containerNumber)).toHaveLength(1);
  });
});
