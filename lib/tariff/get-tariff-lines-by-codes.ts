import { getDb } from '../db';
import type { TariffLineWithMeasures } from './search-tariff-lines';

/** National lines by exact code, in the order asked, null where unknown. */
export async function getTariffLinesByCodes(codes: readonly string[]): Promise<(TariffLineWithMeasures | null)[]> {
  const rows = await getDb().tariffLine.findMany({ where: { code: { in: [...codes] } }, include: { measures: true } });
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return codes.map((c) => byCode.get(c) ?? null);
}
