// Search of the HS nomenclature by code prefix or by words, with keyset pagination on the code.
import { z } from 'zod';

import { getDb, type Prisma } from '../db';
import { AppError } from '../errors';
import { fieldErrorsOf } from '../validation';
import { CURSOR_KEY, decodeCursor, encodeCursor, type Page } from '../pagination';
import type { Locale } from '../i18n/locales';
import { localizeHsCodes, type LocalizedHsCode } from './localize-hs-codes';

export const hsLevels = { CHAPTER: 2, HEADING: 4, SUBHEADING: 6 } as const;
export type HsLevelName = keyof typeof hsLevels;

const searchHsCodesInput = z.object({
  search: z.string().trim().max(200, 'Search text is limited to 200 characters.').optional(),
  level: z.enum(['CHAPTER', 'HEADING', 'SUBHEADING']).optional(),
  first: z.number().int().min(1, 'first must be at least 1.').max(100, 'first is at most 100.').default(20),
  after: z.string().max(200).optional(),
});
export type SearchHsCodesInput = z.input<typeof searchHsCodesInput> & {
  /** The reader's language: words also match its loaded descriptions, and entries come described in it where loaded. */
  locale?: Locale;
};

const CURSOR_KIND = 'hs';

/** Digits with optional dots or spaces ("8471.30", "84 71") mean a code prefix. */
export function normalizeHsCode(text: string): string | null {
  const compact = text.replace(/[.\s]/g, '');
  return /^\d{1,6}$/.test(compact) ? compact : null;
}

export async function searchHsCodes({ locale = 'en', ...input }: SearchHsCodesInput): Promise<Page<LocalizedHsCode>> {
  const parsed = searchHsCodesInput.safeParse(input);
  if (!parsed.success) {
    throw new AppError('BAD_USER_INPUT', 'Invalid HS search.', {
      fieldErrors: fieldErrorsOf(parsed.error, input),
    });
  }
  const { search, level, first, after } = parsed.data;

  const where: Prisma.HsCodeWhereInput = {};
  if (level) where.level = hsLevels[level];
  if (search) {
    const prefix = normalizeHsCode(search);
    if (prefix) where.code = { startsWith: prefix };
    else {
      const words = search.split(/\s+/).filter(Boolean).slice(0, 8);
      const every = words.map((w) => ({ description: { contains: w, mode: 'insensitive' as const } }));
      // Every word in the English, or every word in the reader's language (an EXISTS on the primary key).
      if (locale === 'en') where.AND = every;
      else where.OR = [{ AND: every }, { translations: { some: { locale, AND: every } } }];
    }
  }
  const afterCode = after ? decodeCursor(after, CURSOR_KIND, CURSOR_KEY.code) : undefined;

  const db = getDb();
  const [rows, totalCount] = await Promise.all([
    db.hsCode.findMany({
      where: afterCode ? { AND: [where, { code: { gt: afterCode } }] } : where,
      orderBy: { code: 'asc' },
      take: first + 1,
    }),
    db.hsCode.count({ where }),
  ]);
  const nodes = await localizeHsCodes(rows.slice(0, first), locale);
  return {
    edges: nodes.map((node) => ({ node, cursor: encodeCursor(CURSOR_KIND, node.code) })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(CURSOR_KIND, nodes.at(-1)!.code) : null },
    totalCount,
  };
}
