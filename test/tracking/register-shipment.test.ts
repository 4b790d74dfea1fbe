import { describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { getShipment } from '../../lib/tracking/get-shipment';
import { registerSealDevice } from '../../lib/tracking/register-seal-device';
import { registerShipment } from '../../lib/tracking/register-shipment';
import { validImport } from '../declarations/fixtures';
import { kampala, newContainer, officer, ROUTE, trackedShipment, trader, withToken } from './fixtures';

async function draft(containerNumber: string) {
  return (await createDeclarationDraft({ actor: await trader(), input: validImport({ containers: [{ containerNumber, seals: ['CN1234567', 'CN1234568'] }] }) })).id;
}

describe('registerShipment', () => {
  it('registers the declared container with its declared seals and the route with coordinates', async () => {
    const containerNumber = newContainer();
    const declarationId = await draft(containerNumber);
    const { id } = await registerShipment({
      actor: await trader(),
      input: { declarationId, containerNumber, route: { ...ROUTE, waypoints: [{ locode: 'SGSIN' }, { locode: 'PTSIE', name: 'Sines', latitude: 37.95, longitude: -8.87, radiusKm: 3 }] } },
    });
    const s = await getShipment({ actor: await trader(), id });
    expect(s).toMatchObject({ containerNumber, status: 'SEALED_INTACT', originLocode: 'CNSHA', destinationLocode: 'NLRTM', eventCount: 0, lastPosition: null, alerts: [] });
    expect(s.seals.map((x) => [x.type, x.identifier, x.sealClass, x.source])).toEqual([
      ['MECHANICAL', 'CN1234567', 'H', 'SHIPPER'],
      ['MECHANICAL', 'CN1234568', 'H', 'SHIPPER'],
    ]);
    expect(s.route.map((r) => [r.sequence, r.role, r.locode, r.radiusKm])).toEqual([
      [1, 'ORIGIN', 'CNSHA', 10],
      [2, 'WAYPOINT', 'SGSIN', 10],
      [3, 'WAYPOINT', 'PTSIE', 3],
      [4, 'AUTHORIZED_OPENING', 'BEANR', 5],
      [5, 'DESTINATION', 'NLRTM', 15],
    ]);
    expect(s.route[0]).toMatchObject({ name: 'Shanghai', latitude: 31.2304, longitude: 121.4737 });
  });

  it('records the reporters it names (companies by EORI, an e-seal’s device), refusing unknown ones with their path', async () => {
    const containerNumber = newContainer();
    const declarationId = await draft(containerNumber);
    const actor = await trader();
    const device = await registerSealDevice({ actor: await kampala(), name: 'reader' });
    const seal = { type: 'ELECTRONIC' as const, manufacturer: 'acme', serial: 'x1', source: 'CARRIER' as const };
    const error = await registerShipment({
      actor,
      input: { declarationId, containerNumber, route: ROUTE, reporters: [{ companyEori: 'ZZ000000001', role: 'CARRIER' }], seals: [{ ...seal, deviceId: '00000000-0000-4000-8000-000000000001' }] },
    }).then(
      () => expect.fail('refused'),
      (e: unknown) => e as { details: { fieldErrors: { path: string[]; code: string }[] } },
    );
    expect(error.details.fieldErrors.map((e) => [e.path.join('/'), e.code])).toEqual([
      ['reporters/0/companyEori', 'UNKNOWN'],
      ['seals/0/deviceId', 'UNKNOWN'],
    ]);
    await expect(registerShipment({ actor, input: { declarationId, containerNumber, route: ROUTE, reporters: [{ companyEori: 'DK555666777', role: 'CUSTOMS' as never }] } })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['reporters', '0', 'role'] }] },
    });
    const { id } = await registerShipment({
      actor,
      input: { declarationId, containerNumber, route: ROUTE, reporters: [{ companyEori: 'dk555666777', role: 'CARRIER' }, { companyEori: 'DK555666777', role: 'CARRIER' }], seals: [{ ...seal, deviceId: device.id }] },
    });
    const { rows } = await getPool().query(
      `SELECT c.eori, r.device_id AS "deviceId", r.role::text AS role FROM shipment_reporter r JOIN company c ON c.id = r.company_id WHERE r.shipment_id = $1 ORDER BY c.eori`,
      [id],
    );
    expect(rows).toEqual([
      { eori: 'DK555666777', deviceId: null, role: 'CARRIER' },
      { eori: 'UG100200300', deviceId: device.id, role: 'CARRIER' },
    ]);
  });

  it('refuses what does not match the declaration, unknown places, a second open journey, and outsiders', async () => {
    const containerNumber = newContainer();
    const declarationId = await draft(containerNumber);
    const actor = await trader();
    await expect(registerShipment({ actor, input: { declarationId, containerNumber: newContainer(), route: ROUTE } })).rejects.toMatchObject({ details: { fieldErrors: [{ path: ['containerNumber'], code: 'MISMATCH' }] } });
    await expect(registerShipment({ actor, input: { declarationId, containerNumber: 'CSQU3054384', route: ROUTE } })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['containerNumber'], message: 'Container CSQU3054384: check digit should be 3, not 4: is a character mistyped?' }] },
    });
    await expect(registerShipment({ actor, input: { declarationId, containerNumber, seals: [{ type: 'MECHANICAL', number: 'XX1', source: 'CARRIER' }], route: ROUTE } })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['seals', '0', 'number'], message: `Seal XX1 is not declared on container ${containerNumber} (declared: CN1234567, CN1234568).` }] },
    });
    await expect(registerShipment({ actor, input: { declarationId, containerNumber, route: { ...ROUTE, destination: { locode: 'UGJIN' } } } })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['route', 'destination'], code: 'UNKNOWN' }] },
    });
    await expect(registerShipment({ actor: await kampala(), input: { declarationId, containerNumber, route: ROUTE } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(registerShipment({ actor: withToken(actor, ['events:write']), input: { declarationId, containerNumber, route: ROUTE } })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Customs may register too; then the container has an open journey.
    await registerShipment({ actor: await officer(), input: { declarationId, containerNumber, seals: [{ type: 'ELECTRONIC', manufacturer: 'acme', serial: 'x1', source: 'CUSTOMS' }], route: ROUTE } });
    await expect(registerShipment({ actor, input: { declarationId, containerNumber, route: ROUTE } })).rejects.toMatchObject({ code: 'CONFLICT' });
    const other = await trackedShipment();
    await expect(registerShipment({ actor, input: { declarationId: other.declarationId, containerNumber: other.containerNumber, route: ROUTE } })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
