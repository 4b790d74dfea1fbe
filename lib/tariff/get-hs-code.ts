import { getDb } from '../db';
import type { HsCode } from '../generated/prisma/client';
import { normalizeHsCode } from './search-hs-codes';

/** One nomenclature entry by code ("8471.30" and "847130" are the same); null when unknown. */
export async function getHsCode(code: string): Promise<HsCode | null> {
  const normalized = normalizeHsCode(code);
  if (!normalized || ![2, 4, 6].includes(normalized.length)) return null;
  return getDb().hsCode.findUnique({ where: { code: normalized } });
}

/** "847130" → "8471.30"; chapters and headings print as they are. */
export function formatHsCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 4)}.${code.slice(4)}` : code;
}
