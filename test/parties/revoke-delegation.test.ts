import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getDb } from '../../lib/db';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { grantDelegation } from '../../lib/parties/grant-delegation';
import { delegationState, listDelegations } from '../../lib/parties/list-delegations';
import { revokeDelegation } from '../../lib/parties/revoke-delegation';
import { validImport } from '../declarations/fixtures';

const kampala = () => loadUserActor({ email: 'trader@kampala-trading.example' });
const broker = () => loadUserActor({ email: 'broker@delta-brokers.example' });
const forKampala = () => validImport({ importerEori: 'UG100200300', representativeEori: 'NL987654321', representationStatus: 'DIRECT' });

describe('revokeDelegation', () => {
  it('stops the broker on its next request, once, for the granting company only', async () => {
    const { id } = await grantDelegation({ actor: await kampala(), input: { brokerEori: 'NL987654321', representation: 'DIRECT', scope: 'ALL' } });
    await expect(createDeclarationDraft({ actor: await broker(), input: forKampala() })).resolves.toHaveProperty('id');

    const rotterdam = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
    await expect(revokeDelegation({ actor: rotterdam, id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(revokeDelegation({ actor: rotterdam, id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await revokeDelegation({ actor: await kampala(), id });
    await revokeDelegation({ actor: await kampala(), id });
    expect(await getDb().auditEvent.count({ where: { action: 'delegation.revoke', targetId: id } })).toBe(1);
    await expect(createDeclarationDraft({ actor: await broker(), input: forKampala() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await listDelegations({ actor: await kampala() })).find((d) => d.id === id)!.state).toBe('REVOKED');
  });
});

describe('listDelegations and delegationState', () => {
  it('shows each side its own delegations, officials all', async () => {
    const { id } = await grantDelegation({ actor: await kampala(), input: { brokerEori: 'NL987654321', representation: 'INDIRECT', scope: 'EXPORT' } });
    const ids = async (email: string) => (await listDelegations({ actor: await loadUserActor({ email }) })).map((d) => d.id);
    expect(await ids('trader@kampala-trading.example')).toContain(id);
    expect(await ids('broker@delta-brokers.example')).toContain(id);
    expect(await ids('officer@customs.example')).toContain(id);
    expect(await ids('trader@rotterdam-importers.example')).not.toContain(id);
  });

  it('is valid from validFrom, until validUntil (excluded), unless revoked', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const at = (s: string) => new Date(s);
    expect(delegationState({ validFrom: at('2026-06-01T12:00:00Z'), validUntil: null, revokedAt: null }, now)).toBe('VALID');
    expect(delegationState({ validFrom: at('2026-06-01T12:00:01Z'), validUntil: null, revokedAt: null }, now)).toBe('NOT_YET_VALID');
    expect(delegationState({ validFrom: at('2026-01-01'), validUntil: at('2026-06-01T12:00:00Z'), revokedAt: null }, now)).toBe('EXPIRED');
    expect(delegationState({ validFrom: at('2026-01-01'), validUntil: at('2026-06-01T12:00:01Z'), revokedAt: null }, now)).toBe('VALID');
    expect(delegationState({ validFrom: at('2026-01-01'), validUntil: null, revokedAt: at('2026-05-01') }, now)).toBe('REVOKED');
  });
});
