// An HS entry as a reader of one language sees it: the description loaded for that language
// (hs_code_description), else the English of the nomenclature, with the language it is in.
import { getDb } from '../db';
import type { HsCode } from '../generated/prisma/client';
import type { Locale } from '../i18n/locales';

export type LocalizedHsCode = HsCode & {
  /** The language `description` is in: the reader's when a translation is loaded, else `en`. */
  descriptionLocale: Locale;
};

/** The rows with their description in `locale` where one is loaded (one query; none for English). */
export async function localizeHsCodes(rows: HsCode[], locale: Locale): Promise<LocalizedHsCode[]> {
  if (locale === 'en' || rows.length === 0) return rows.map((r) => ({ ...r, descriptionLocale: 'en' }));
  const translated = await getDb().hsCodeDescription.findMany({ where: { locale, code: { in: rows.map((r) => r.code) } }, select: { code: true, description: true } });
  const byCode = new Map(translated.map((t) => [t.code, t.description]));
  return rows.map((r) => {
    const description = byCode.get(r.code);
    return description === undefined ? { ...r, descriptionLocale: 'en' } : { ...r, description, descriptionLocale: locale };
  });
}
