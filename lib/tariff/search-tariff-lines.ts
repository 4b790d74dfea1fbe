// Search of the national tariff lines (with their measures) by code prefix or words.
import { z } from 'zod';

import { getDb, type Prisma } from '../db';
import type { DutyMeasure, TariffLine } from '../generated/prisma/client';
import { CURSOR_KEY, decodeCursor, encodeCursor, type Page } from '../pagination';
import { parseInput } from '../validation';
import { normalizeHsCode } from './search-hs-codes';

const input = z.object({
  search: z.string().trim().max(200, 'Search text is limited to 200 characters.').optional(),
  first: z.number().int().min(1, 'first must be at least 1.').max(100, 'first is at most 100.').default(20),
  after: z.string().max(200).optional(),
});

export type TariffLineWithMeasures = TariffLine & { measures: DutyMeasure[] };

export async function searchTariffLines(options: z.input<typeof input>): Promise<Page<TariffLineWithMeasures>> {
  const { search, first, after } = parseInput(input, options, 'Invalid tariff search.');
  const where: Prisma.TariffLineWhereInput = {};
  if (search) {
    const digits = search.replace(/[.\s]/g, '');
    const prefix = /^\d{1,10}$/.test(digits) ? digits : normalizeHsCode(search);
    if (prefix) where.code = { startsWith: prefix };
    else where.AND = search.split(/\s+/).slice(0, 8).map((w) => ({ OR: [{ description: { contains: w, mode: 'insensitive' as const } }, { hs: { description: { contains: w, mode: 'insensitive' as const } } }] }));
  }
  const afterCode = after ? decodeCursor(after, 'tariff', CURSOR_KEY.code) : undefined;
  const db = getDb();
  const [rows, totalCount] = await Promise.all([
    db.tariffLine.findMany({ where: afterCode ? { AND: [where, { code: { gt: afterCode } }] } : where, include: { measures: { orderBy: [{ taxType: 'asc' }, { originCountry: 'asc' }] } }, orderBy: { code: 'asc' }, take: first + 1 }),
    db.tariffLine.count({ where }),
  ]);
  const nodes = rows.slice(0, first);
  return {
    edges: nodes.map((node) => ({ node, cursor: encodeCursor('tariff', node.code) })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor('tariff', nodes.at(-1)!.code) : null },
    totalCount,
  };
}
