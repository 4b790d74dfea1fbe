// Granting power of representation (issue 12, item 1): a grant starts now or later, never in the past,
// so what a broker filed before it was granted cannot be covered after the fact.
import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getPool } from '../../lib/db';
import { BACKDATING_SKEW_MS, grantDelegation } from '../../lib/parties/grant-delegation';

const CLIENT = 'trader@kampala-trading.example';
const grants = async () => (await getPool().query(`SELECT count(*)::int AS n FROM delegation`)).rows[0].n as number;

describe('grantDelegation', () => {
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
