import { describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { getCapture } from '../../lib/tracking/get-capture';
import { startCapture } from '../../lib/tracking/start-capture';
import { epcisDocument, gateway, kampala, newContainer, objectEvent, officer, trackedShipment, trader, withToken } from './fixtures';

describe('startCapture and getCapture', () => {
  it('records a successful capture job with its counts, readable by the sender’s company and customs', async () => {
    const { containerNumber } = await trackedShipment();
    const actor = await gateway();
    const event = objectEvent({ container: containerNumber, bizStep: 'departing' });
    const job = await startCapture({ actor, document: epcisDocument([event, event]) });
    expect(job).toMatchObject({ status: 'SUCCEEDED', eventCount: 2, storedCount: 1, duplicateCount: 1, alertCount: 0, errors: [], message: null });
    expect(job.finishedAt).toBeInstanceOf(Date);
    // Another token of the same company, and an officer, read it; another company does not.
    expect(await getCapture({ actor: withToken(actor, ['tracking:read']), id: job.id })).toEqual(job);
    expect((await getCapture({ actor: await officer(), id: job.id })).id).toBe(job.id);
    await expect(getCapture({ actor: withToken(await kampala(), ['events:write']), id: job.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getCapture({ actor: await trader(), id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('records a refused document as a FAILED job with every error, storing none of its events', async () => {
    const unknown = newContainer();
    const job = await startCapture({ actor: await gateway(), document: epcisDocument([objectEvent({ container: unknown }), objectEvent({ container: 'CSQU3054384' })]) });
    expect(job).toMatchObject({ status: 'FAILED', eventCount: 2, storedCount: 0 });
    expect(job.errors.map((e) => e.code)).toEqual(['INVALID']);
    expect(job.message).toMatch(/^The document was refused and nothing of it was stored: 1 problem/);
    const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM seal_event WHERE capture_id = $1`, [job.id]);
    expect(rows[0].n).toBe(0);
    const bad = await startCapture({ actor: await gateway(), document: epcisDocument([objectEvent({ container: unknown })]) });
    expect(bad.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN' })]);
  });

  it('refuses at once (no job) a caller without the right and an oversized document', async () => {
    await expect(startCapture({ actor: withToken(await trader(), ['tracking:read']), document: epcisDocument([]) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const big = epcisDocument(Array.from({ length: 10_001 }, () => ({ type: 'ObjectEvent' })));
    await expect(startCapture({ actor: await gateway(), document: big })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
