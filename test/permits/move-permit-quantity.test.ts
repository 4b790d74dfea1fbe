// Concurrent draws on one quantity-managed permit never overdraw it: 40 draws of 30 kg race for 1,000 kg;
// exactly 33 succeed, the balance ends at 10, and the history accounts for every unit.
import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { sqlTransaction } from '../../lib/database/sql';
import { getPool } from '../../lib/db';
import { applyForPermit } from '../../lib/permits/apply-for-permit';
import { decidePermitApplication } from '../../lib/permits/decide-permit-application';
import { movePermitQuantity } from '../../lib/permits/move-permit-quantity';

async function licence(kg: string): Promise<string> {
  const trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  const agri = await loadUserActor({ email: 'agri.officer@agri.example' });
  const a = await applyForPermit({ actor: trader, input: { ruleKey: 'agri-garlic-quota', goods: [{ commodityCode: '07032000', description: 'Garlic', originCountry: 'CN' }], requestedQuantity: kg, submit: true } });
  await decidePermitApplication({ actor: agri, id: a.id, input: { decision: 'APPROVE' } });
  const { rows } = await getPool().query<{ id: string }>(`SELECT id FROM permit WHERE application_id = $1`, [a.id]);
  return rows[0]!.id;
}

describe('movePermitQuantity', () => {
  it('never overdraws under racing draws', async () => {
    const permitId = await licence('1000');
    const results = await Promise.all(Array.from({ length: 40 }, () => sqlTransaction((sql) => movePermitQuantity(sql, { permitId, declarationId: null, kind: 'DRAW', quantity: '30' }))));
    expect(results.filter((r) => r !== null)).toHaveLength(33);
    const { rows } = await getPool().query(`SELECT available::float8, drawn::float8, status::text FROM permit WHERE id = $1`, [permitId]);
    expect(rows[0]).toEqual({ available: 10, drawn: 990, status: 'ACTIVE' });
    const history = await getPool().query(`SELECT count(*)::int AS n, min(available_after)::float8 AS low FROM permit_balance_entry WHERE permit_id = $1`, [permitId]);
    expect(history.rows[0]).toEqual({ n: 33, low: 10 });
  });

  it('marks the permit EXHAUSTED when the last unit is drawn, and refuses further reservations', async () => {
    const permitId = await licence('60');
    await sqlTransaction((sql) => movePermitQuantity(sql, { permitId, declarationId: null, kind: 'RESERVE', quantity: '60' }));
    expect(await sqlTransaction((sql) => movePermitQuantity(sql, { permitId, declarationId: null, kind: 'RESERVE', quantity: '1' }))).toBeNull();
    await sqlTransaction((sql) => movePermitQuantity(sql, { permitId, declarationId: null, kind: 'WRITE_OFF', quantity: '60' }));
    const { rows } = await getPool().query(`SELECT available::float8, reserved::float8, drawn::float8, status::text FROM permit WHERE id = $1`, [permitId]);
    expect(rows[0]).toEqual({ available: 0, reserved: 0, drawn: 60, status: 'EXHAUSTED' });
  });

  it('is backed by a CHECK: the balance cannot go below zero even by a direct write', async () => {
    const permitId = await licence('5');
    await expect(getPool().query(`UPDATE permit SET available = available - 6, drawn = drawn + 6 WHERE id = $1`, [permitId])).rejects.toThrow(/permit_balance_not_negative/);
  });
});
