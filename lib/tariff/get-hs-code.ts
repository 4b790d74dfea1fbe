import { getDb } from '../db';
import type { Locale } from '../i18n/locales';
import { localizeHsCodes, type LocalizedHsCode } from './localize-hs-codes';
import { normalizeHsCode } from './search-hs-codes';

/** One nomenclature entry by code ("8471.30" and "847130" are the same), described in `locale` where loaded; null when unknown. */
export async function getHsCode(code: string, locale: Locale = 'en'): Promise<LocalizedHsCode | null> {
  const normalized = normalizeHsCode(code);
  if (!normalized || ![2, 4, 6].includes(normalized.length)) return null;
  const row = await getDb().hsCode.findUnique({ where: { code: normalized } });
  return row ? (await localizeHsCodes([row], locale))[0]! : null;
}

/** "847130" → "8471.30"; chapters and headings print as they are. */
export function formatHsCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 4)}.${code.slice(4)}` : code;
}
