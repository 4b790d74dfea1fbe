// selectModelRows returns what Prisma returns, field for field and type for type, for every model the
// read paths load with it (lib/database/model-rows.ts): a column Prisma does not know, a field whose
// column breaks the naming rule, or a value in another type fails here.
import { beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { selectModelRows } from '../../lib/database/model-rows';
import { getDb } from '../../lib/db';
import { loadCompanies, loadGoodsItems } from '../../lib/declarations/load-declaration-parts';
import { submittedImport } from '../support/declarations';
import { validImport } from '../declarations/fixtures';

const TRADER = 'trader@rotterdam-importers.example';
let declarationIds: string[] = [];

beforeAll(async () => {
  // Submitted: customs and statistical values are set (numeric columns with values, not only nulls).
  declarationIds = await Promise.all([0, 1].map((i) => submittedImport(TRADER, { ...validImport(), lrn: `MODEL-ROWS-${i}` })));
});

describe('selectModelRows', () => {
  it('reads goods items as Prisma does (Decimal, arrays, nulls, order)', async () => {
    const prisma = await getDb().goodsItem.findMany({ where: { declarationId: { in: declarationIds } }, orderBy: [{ declarationId: 'asc' }, { sequence: 'asc' }] });
    const sql = await selectModelRows('SELECT g.* FROM goods_item g WHERE g.declaration_id = ANY($1::uuid[]) ORDER BY g.declaration_id, g.sequence', [declarationIds]);
    expect(prisma.length).toBeGreaterThan(1);
    expect(sql).toStrictEqual(prisma);
    expect(prisma.some((g) => g.customsValue !== null)).toBe(true);
  });

  it('reads companies as Prisma does', async () => {
    const prisma = await getDb().company.findMany({ orderBy: { id: 'asc' } });
    const sql = await selectModelRows('SELECT c.* FROM company c ORDER BY c.id', []);
    expect(prisma.length).toBeGreaterThan(2);
    expect(sql).toStrictEqual(prisma);
  });

  it('the DataLoaders built on it answer per id asked, in order, null or empty where nothing matches', async () => {
    const trader = await loadUserActor({ email: TRADER });
    const missing = '00000000-0000-4000-8000-000000000000';
    const [companies, items] = await Promise.all([loadCompanies([missing, trader.companyId!]), loadGoodsItems([declarationIds[1]!, missing, declarationIds[0]!])]);
    expect(companies[0]).toBeNull();
    expect(companies[1]).toStrictEqual(await getDb().company.findUnique({ where: { id: trader.companyId! } }));
    expect(items.map((list) => list.map((g) => g.declarationId))).toEqual([
      Array(items[0]!.length).fill(declarationIds[1]),
      [],
      Array(items[2]!.length).fill(declarationIds[0]),
    ]);
    expect(items[0]!.map((g) => g.sequence)).toEqual([...items[0]!.map((g) => g.sequence)].sort((a, b) => a - b));
  });
});
