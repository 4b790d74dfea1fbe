// Company administration through updateCompanyUser, and the append-only audit trail it writes.
import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { updateCompanyUser } from '../../lib/auth/update-company-user';
import { getPool } from '../../lib/db';
import { codeOf } from '../support/outcomes';

const ADMIN = 'trader@rotterdam-importers.example';

describe('company administration', () => {
  it('disables a colleague, whose next request is refused; admins cannot disable themselves', async () => {
    const admin = await loadUserActor({ email: ADMIN });
    const clerk = await loadUserActor({ email: 'clerk@rotterdam-importers.example' });
    await updateCompanyUser({ actor: admin, input: { userId: clerk.userId, disabled: true } });
    expect((await codeOf(loadUserActor({ userId: clerk.userId }))).code).toBe('UNAUTHENTICATED');
    expect((await codeOf(updateCompanyUser({ actor: admin, input: { userId: admin.userId, disabled: true } }))).code).toBe('CONFLICT');
    // Another company's user is not found, not "forbidden".
    const broker = await loadUserActor({ email: 'broker@delta-brokers.example' });
    expect((await codeOf(updateCompanyUser({ actor: broker, input: { userId: clerk.userId, disabled: false } }))).code).toBe('NOT_FOUND');
  });
});

describe('the audit trail', () => {
  it('records actor, company, request and address, and has no update or delete path', async () => {
    const admin = await loadUserActor({ email: ADMIN }, { id: 'req-audit-1', ip: '192.0.2.7' });
    const clerkId = (await getPool().query(`SELECT id FROM app_user WHERE email = 'clerk@rotterdam-importers.example'`)).rows[0].id;
    await updateCompanyUser({ actor: admin, input: { userId: clerkId, disabled: false, isCompanyAdmin: true } });
    const { rows } = await getPool().query(`SELECT * FROM audit_event WHERE request_id = 'req-audit-1'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'user.update', actor_id: admin.userId, company_id: admin.companyId, ip: '192.0.2.7', target_id: clerkId });
    await expect(getPool().query(`UPDATE audit_event SET action = 'x' WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only|not allowed|refuse/i);
    await expect(getPool().query(`DELETE FROM audit_event WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only|not allowed|refuse/i);
  });
});
