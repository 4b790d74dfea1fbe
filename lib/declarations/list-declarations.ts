// The declarations an actor can see, filtered, sorted and paged (keyset on the sort key and id).
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertReadScope, canSeeRiskDetails, declarationVisibility } from '../auth/policy';
import { AppError } from '../errors';
import { getDb, type Prisma } from '../db';
import type { Declaration } from '../generated/prisma/client';
import { DeclarationStatus } from '../generated/prisma/enums';
import { CURSOR_KEY, decodeCursor, encodeCursor, type Page } from '../pagination';
import { parseInput } from '../validation';

const listDeclarationsInput = z.object({
  status: z.array(z.enum(DeclarationStatus)).max(Object.keys(DeclarationStatus).length).optional(),
  lane: z.array(z.enum(['GREEN', 'YELLOW', 'RED'])).max(3).optional(),
  partyEori: z.string().trim().toUpperCase().max(17).optional(),
  hsCode: z.string().regex(/^\d{2,10}$/, 'An HS code filter is 2 to 10 digits.').optional(),
  createdFrom: z.coerce.date({ message: 'createdFrom must be a date-time.' }).optional(),
  createdTo: z.coerce.date({ message: 'createdTo must be a date-time.' }).optional(),
  text: z.string().trim().max(100).optional(),
  orderBy: z.enum(['CREATED_AT_DESC', 'CREATED_AT_ASC', 'RISK_SCORE_DESC']).default('CREATED_AT_DESC'),
  first: z.number().int().min(1, 'first must be at least 1.').max(100, 'first is at most 100.').default(20),
  after: z.string().max(300).optional(),
});
export type ListDeclarationsInput = z.input<typeof listDeclarationsInput>;

const CURSOR = 'declarations';

/**
 * totalCount is exact up to this many matches and this number beyond: counting stops there, so a page
 * of a company with years of history costs what a page of a new one costs (docs/graphql.md).
 */
export const EXACT_COUNT_LIMIT = 10_000;

/** The declarations an actor may see, as a Prisma filter (the rule itself is `canReadDeclaration`). */
export function visibleTo(actor: Actor): Prisma.DeclarationWhereInput {
  const v = declarationVisibility(actor);
  switch (v.kind) {
    case 'all':
      return {};
    case 'none':
      return { id: { in: [] } };
    case 'party': {
      const c = v.companyId;
      // Mirrors canReadDeclaration: the counterparty only once submitted.
      return {
        OR: [
          { declarantId: c },
          { representativeId: c },
          { type: { in: ['IM', 'CO'] }, importerId: c },
          { type: 'EX', exporterId: c },
          { status: { not: 'DRAFT' }, OR: [{ importerId: c }, { exporterId: c }] },
        ],
      };
    }
    case 'broker':
      return {
        AND: [
          { OR: [{ declarantId: v.companyId }, { representativeId: v.companyId }] },
          { OR: [{ type: { in: ['IM', 'CO'] }, importerId: { in: v.imports } }, { type: 'EX', exporterId: { in: v.exports } }] },
        ],
      };
  }
}

export async function listDeclarations(options: { actor: Actor; input: ListDeclarationsInput }): Promise<Page<Declaration>> {
  const { actor } = options;
  assertReadScope(actor, 'declarations:read', 'declarations:write');
  const input = parseInput(listDeclarationsInput, options.input, 'Invalid declaration filter.');
  // The order would reveal the scores it sorts by.
  if (input.orderBy === 'RISK_SCORE_DESC' && !canSeeRiskDetails(actor)) {
    throw new AppError('FORBIDDEN', 'Only customs officers sort declarations by risk score.', {
      fieldErrors: [{ path: ['orderBy'], code: 'NOT_ALLOWED', message: 'Sort by creation date instead.' }],
    });
  }
  const and: Prisma.DeclarationWhereInput[] = [visibleTo(actor)];
  if (input.status?.length) and.push({ status: { in: input.status } });
  if (input.lane?.length) and.push({ lane: { in: input.lane } });
  if (input.partyEori) {
    const party = { eori: input.partyEori };
    and.push({ OR: [{ declarant: party }, { importer: party }, { exporter: party }, { representative: party }] });
  }
  if (input.hsCode) and.push({ items: { some: { commodityCode: { startsWith: input.hsCode } } } });
  if (input.createdFrom) and.push({ createdAt: { gte: input.createdFrom } });
  if (input.createdTo) and.push({ createdAt: { lt: input.createdTo } });
  if (input.text) {
    const t = input.text;
    and.push({ OR: [{ lrn: { contains: t, mode: 'insensitive' } }, { mrn: { contains: t.toUpperCase() } }, { transportDocument: { contains: t, mode: 'insensitive' } }, { items: { some: { description: { contains: t, mode: 'insensitive' } } } }] });
  }
  const where: Prisma.DeclarationWhereInput = { AND: and };

  const desc = input.orderBy !== 'CREATED_AT_ASC';
  const byRisk = input.orderBy === 'RISK_SCORE_DESC';
  const orderBy: Prisma.DeclarationOrderByWithRelationInput[] = byRisk
    ? [{ riskScore: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }, { id: 'desc' }]
    : [{ createdAt: desc ? 'desc' : 'asc' }, { id: desc ? 'desc' : 'asc' }];

  // Cursor: the row's position as (riskScore?, createdAt, id), so pages never skip or repeat rows.
  let afterWhere: Prisma.DeclarationWhereInput | undefined;
  if (input.after) {
    const [createdAt, id, risk] = decodeCursor(input.after, CURSOR, CURSOR_KEY.timeUuidAndScore).split('|');
    const at = new Date(createdAt!);
    const tail: Prisma.DeclarationWhereInput = desc
      ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] }
      : { OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: id } }] };
    if (byRisk) {
      afterWhere =
        risk === ''
          ? { AND: [{ riskScore: null }, tail] }
          : { OR: [{ riskScore: { lt: Number(risk) } }, { riskScore: null }, { AND: [{ riskScore: Number(risk) }, tail] }] };
    } else afterWhere = tail;
  }

  const db = getDb();
  const [rows, totalCount] = await Promise.all([
    db.declaration.findMany({ where: afterWhere ? { AND: [where, afterWhere] } : where, orderBy, take: input.first + 1 }),
    // COUNT over a LIMITed subquery: at most EXACT_COUNT_LIMIT rows are visited, however long the history.
    db.declaration.count({ where, take: EXACT_COUNT_LIMIT }),
  ]);
  const nodes = rows.slice(0, input.first);
  const cursorOf = (d: Declaration) => encodeCursor(CURSOR, `${d.createdAt.toISOString()}|${d.id}|${d.riskScore ?? ''}`);
  return {
    edges: nodes.map((node) => ({ node, cursor: cursorOf(node) })),
    pageInfo: { hasNextPage: rows.length > input.first, endCursor: nodes.length ? cursorOf(nodes.at(-1)!) : null },
    totalCount,
  };
}
