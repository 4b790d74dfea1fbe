import { getDb } from '../db';
import type { HsCode } from '../generated/prisma/client';

/** Entries by code in the order asked, null where unknown (for DataLoader batching). */
export async function getHsCodesByCodes(codes: readonly string[]): Promise<(HsCode | null)[]> {
  const rows = await getDb().hsCode.findMany({ where: { code: { in: [...codes] } } });
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return codes.map((c) => byCode.get(c) ?? null);
}
