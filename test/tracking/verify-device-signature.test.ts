import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getPool } from '../../lib/db';
import { registerSealDevice } from '../../lib/tracking/register-seal-device';
import { startCapture } from '../../lib/tracking/start-capture';
import { verifyDeviceSignature } from '../../lib/tracking/verify-device-signature';
import { epcisDocument, objectEvent, trackedShipment, trader } from './fixtures';

const sign = (secret: string, timestamp: string, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

async function companyAdmin() {
  // The demo trader, made an administrator of its company for this test.
  await getPool().query(`UPDATE app_user SET is_company_admin = true WHERE email = 'trader@rotterdam-importers.example'`);
  return loadUserActor({ email: 'trader@rotterdam-importers.example' });
}

describe('e-seal gateway devices', () => {
  it('registers a device (company administrators only) and accepts its signed requests as an events:write actor', async () => {
    await getPool().query(`UPDATE app_user SET is_company_admin = false WHERE email = 'trader@rotterdam-importers.example'`);
    await expect(registerSealDevice({ actor: await trader(), name: 'Gate 4' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const device = await registerSealDevice({ actor: await companyAdmin(), name: 'Gate 4 reader' });
    expect(device.secret).toMatch(/^cw_dev_[A-Za-z0-9_-]{43}$/);

    const { containerNumber } = await trackedShipment();
    const body = JSON.stringify(epcisDocument([objectEvent({ container: containerNumber, bizStep: 'departing' })]));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const verified = await verifyDeviceSignature({ deviceId: device.id, timestamp, body, signature: `sha256=${sign(device.secret, timestamp, body)}` });
    expect(verified.device).toMatchObject({ id: device.id, name: 'Gate 4 reader' });
    expect(verified.actor.token).toEqual({ id: device.id, name: 'device Gate 4 reader', scopes: ['events:write'] });
    const job = await startCapture({ actor: verified.actor, document: body, deviceId: device.id });
    expect(job).toMatchObject({ status: 'SUCCEEDED', storedCount: 1 });
    const { rows } = await getPool().query(`SELECT device_id FROM epcis_capture WHERE id = $1`, [job.id]);
    expect(rows[0].device_id).toBe(device.id);
  });

  it('refuses a wrong signature, a stale or future timestamp, a replay, and unknown or revoked devices', async () => {
    const device = await registerSealDevice({ actor: await companyAdmin(), name: 'Gate 5' });
    const body = '{"hello":"world"}';
    const now = Math.floor(Date.now() / 1000);
    const ok = (t: number) => ({ deviceId: device.id, timestamp: String(t), body, signature: sign(device.secret, String(t), body) });

    await expect(verifyDeviceSignature({ ...ok(now), signature: sign('another secret', String(now), body) })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/does not match/) });
    await expect(verifyDeviceSignature({ ...ok(now), body: '{"hello":"World"}' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifyDeviceSignature(ok(now - 301))).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/30\d s away from the server clock; signed requests are accepted within 300 s/) });
    await expect(verifyDeviceSignature(ok(now + 400))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifyDeviceSignature({ ...ok(now), timestamp: 'yesterday' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const request = ok(now - 10);
    await verifyDeviceSignature(request);
    await expect(verifyDeviceSignature(request)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/replay/) });
    // A fresh timestamp makes a fresh signature: the same body can be sent again.
    await verifyDeviceSignature(ok(now - 9));

    await expect(verifyDeviceSignature({ ...ok(now), deviceId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Unknown device.' });
    await getPool().query(`UPDATE seal_device SET revoked_at = now() WHERE id = $1`, [device.id]);
    await expect(verifyDeviceSignature(ok(now - 1))).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'This device was revoked.' });
  });
});
