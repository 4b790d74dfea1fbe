import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getDb, getPool } from '../../lib/db';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { BACKDATING_SKEW_MS, grantDelegation } from '../../lib/parties/grant-delegation';
import { validImport } from '../declarations/fixtures';

const kampala = () => loadUserActor({ email: 'trader@kampala-trading.example' });
const broker = () => loadUserActor({ email: 'broker@delta-brokers.example' });
const forKampala = () => validImport({ importerEori: 'UG100200300', representativeEori: 'NL987654321', representationStatus: 'DIRECT' });

describe('grantDelegation', () => {
  it('lets a broker file for the client from the moment of the grant, with the granted representation, with its audit event', async () => {
    await expect(createDeclarationDraft({ actor: await broker(), input: forKampala() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { id } = await grantDelegation({ actor: await kampala(), input: { brokerEori: ' nl987654321 ', representation: 'DIRECT', scope: 'IMPORT' } });
    const row = await getDb().delegation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ representation: 'DIRECT', scope: 'IMPORT', validUntil: null, revokedAt: null });
    expect(await getDb().auditEvent.count({ where: { action: 'delegation.grant', targetId: id } })).toBe(1);

    await expect(createDeclarationDraft({ actor: await broker(), input: forKampala() })).resolves.toHaveProperty('id');
    // An import grant does not cover INDIRECT representation, nor exports.
    await expect(createDeclarationDraft({ actor: await broker(), input: { ...forKampala(), representationStatus: 'INDIRECT' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('does not let a broker act before validFrom', async () => {
    const bright = await loadUserActor({ email: 'exports@bright-electronics.example' });
    const tomorrow = new Date(Date.now() + 86_400_000);
    await grantDelegation({ actor: bright, input: { brokerEori: 'NL987654321', representation: 'DIRECT', scope: 'ALL', validFrom: tomorrow } });
    const input = validImport({ importerEori: 'CN440300123456789', exporterEori: 'NL123456789', representativeEori: 'NL987654321', representationStatus: 'DIRECT' });
    await expect(createDeclarationDraft({ actor: await broker(), input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the field for an unknown party, a company that is no broker, oneself, and an end before the start', async () => {
    const actor = await kampala();
    const refused = (input: Parameters<typeof grantDelegation>[0]['input']) => grantDelegation({ actor, input });
    await expect(refused({ brokerEori: 'NL000000001', representation: 'DIRECT', scope: 'ALL' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT', details: { fieldErrors: [{ path: ['brokerEori'], code: 'UNKNOWN' }] },
    });
    await expect(refused({ brokerEori: 'NL123456789', representation: 'DIRECT', scope: 'ALL' })).rejects.toMatchObject({ details: { fieldErrors: [{ path: ['brokerEori'], code: 'NOT_ALLOWED' }] } });
    await expect(refused({ brokerEori: 'UG100200300', representation: 'DIRECT', scope: 'ALL' })).rejects.toMatchObject({ details: { fieldErrors: [{ path: ['brokerEori'] }] } });
    await expect(refused({ brokerEori: 'NL987654321', representation: 'DIRECT', scope: 'ALL', validFrom: new Date(Date.now() + 2 * 86_400_000), validUntil: new Date(Date.now() + 86_400_000) })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['validUntil'] }] },
    });
    await expect(refused({ brokerEori: 'NL987654321', representation: 'BOTH' as never, scope: 'ALL' })).rejects.toMatchObject({ details: { fieldErrors: [{ path: ['representation'] }] } });
    expect(await getDb().delegation.count({ where: { client: { eori: 'UG100200300' }, validUntil: { not: null } } })).toBe(0);
  });

  it('is for trader companies’ administrators only', async () => {
    const input = { brokerEori: 'NL987654321', representation: 'DIRECT', scope: 'ALL' } as const;
    await expect(grantDelegation({ actor: await loadUserActor({ email: 'clerk@rotterdam-importers.example' }), input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(grantDelegation({ actor: await broker(), input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(grantDelegation({ actor: await loadUserActor({ email: 'officer@customs.example' }), input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

// A grant starts now or later, never in the past, so what a broker filed before it cannot be covered after the fact.
const CLIENT = 'trader@kampala-trading.example';
const grants = async () => (await getPool().query(`SELECT count(*)::int AS n FROM delegation`)).rows[0].n as number;

describe('grantDelegation with a start in the past (issue 12, item 1)', () => {
  it('refuses a back-dated start with the field named, and stores nothing', async () => {
    const actor = await loadUserActor({ email: CLIENT });
    const before = await grants();
    await expect(
      grantDelegation({ actor, input: { brokerEori: 'NL987654321', representation: 'DIRECT', scope: 'IMPORT', validFrom: new Date(Date.now() - 24 * 3600_000) } }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { fieldErrors: [{ path: ['validFrom'] }] } });
    expect(await grants()).toBe(before);
  });

  it('accepts a start within the clock skew, now, or in the future', async () => {
    const actor = await loadUserActor({ email: CLIENT });
    const input = { brokerEori: 'NL987654321', representation: 'DIRECT', scope: 'IMPORT' } as const;
    await expect(grantDelegation({ actor, input: { ...input, validFrom: new Date(Date.now() - BACKDATING_SKEW_MS / 2) } })).resolves.toHaveProperty('id');
    await expect(grantDelegation({ actor, input })).resolves.toHaveProperty('id');
    await expect(grantDelegation({ actor, input: { ...input, validFrom: new Date(Date.now() + 24 * 3600_000) } })).resolves.toHaveProperty('id');
  });
});
