import { getDb } from '../db';
import type { Locale } from '../i18n/locales';
import { localizeHsCodes, type LocalizedHsCode } from './localize-hs-codes';

/** Entries by code in the order asked, null where unknown (for DataLoader batching), described in `locale` where loaded. */
export async function getHsCodesByCodes(codes: readonly string[], locale: Locale = 'en'): Promise<(LocalizedHsCode | null)[]> {
  const rows = await localizeHsCodes(await getDb().hsCode.findMany({ where: { code: { in: [...codes] } } }), locale);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return codes.map((c) => byCode.get(c) ?? null);
}
