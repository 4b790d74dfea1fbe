// Computes and stores the duty lines of every item of a declaration, and its total.
import type { Tx } from '../audit';
import { Prisma } from '../generated/prisma/client';
import { computeItemDuties, loadTariffLines, resolveTariffLine } from '../tariff/compute-duties';

export async function writeDutyLines(tx: Tx, declarationId: string): Promise<Prisma.Decimal> {
  const items = await tx.goodsItem.findMany({ where: { declarationId }, orderBy: { sequence: 'asc' } });
  const lines = await loadTariffLines(tx, items.map((i) => i.commodityCode));
  await tx.dutyLine.deleteMany({ where: { goodsItem: { declarationId } } });
  let total = new Prisma.Decimal(0);
  const rows: Prisma.DutyLineCreateManyInput[] = [];
  for (const item of items) {
    const { line } = resolveTariffLine(item.commodityCode, lines);
    for (const d of computeItemDuties({ ...item, customsValue: item.customsValue ?? '0' }, line)) {
      rows.push({ goodsItemId: item.id, taxType: d.taxType, base: d.base, rate: d.rate, amount: d.amount });
      total = total.add(d.amount);
    }
  }
  if (rows.length) await tx.dutyLine.createMany({ data: rows });
  await tx.declaration.update({ where: { id: declarationId }, data: { dutyTotal: total } });
  return total;
}
