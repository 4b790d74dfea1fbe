import { describe, expect, it } from 'vitest';

import { seedDemoDeclarations } from '../../lib/declarations/seed-demo-declarations';
import { getDb } from '../../lib/db';

describe('seedDemoDeclarations', () => {
  it('creates about fifty declarations over every state, once', async () => {
    expect(await seedDemoDeclarations()).toBe(50);
    const byStatus = await getDb().declaration.groupBy({ by: ['status'], where: { lrn: { startsWith: 'DEMO-' } }, _count: true });
    const counts = Object.fromEntries(byStatus.map((s) => [s.status, s._count]));
    expect(counts).toEqual({
      DRAFT: 6,
      DUTY_ASSESSED: 6,
      PAID: 4,
      RELEASED: 12,
      UNDER_CONTROL: 9,
      QUERY: 4,
      REJECTED: 4,
      CANCEL_REQUESTED: 2,
      CANCELLED: 3,
    });
    const lanes = await getDb().declaration.groupBy({ by: ['lane'], where: { lrn: { startsWith: 'DEMO-' }, status: { not: 'DRAFT' } }, _count: true });
    expect(Object.fromEntries(lanes.map((l) => [l.lane, l._count]))).toMatchObject({ GREEN: 27, RED: 17 });
    expect(await seedDemoDeclarations()).toBe(0);
  });
});
