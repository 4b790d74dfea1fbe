// Permit applications as each role sees them: an agency officer its agency's queue (oldest first, for
// the SLA), customs every filed application, a filer its company's own (newest first). Filters, a search
// over numbers and applicant, and keyset pagination.
import type { Actor } from '../auth/actor';
import { assertReadScope, isAgencyOfficer, isFilerRole, isOfficial, PERMIT_READ_SCOPES } from '../auth/policy';
import { getDb } from '../db';
import type { PermitApplication, PermitApplicationStatus, Prisma } from '../generated/prisma/client';
import { CURSOR_KEY, decodeCursor, encodeCursor, type Page } from '../pagination';

export interface PermitApplicationFilter {
  status?: PermitApplicationStatus[] | null;
  agencyCode?: string | null;
  declarationId?: string | null;
  /** Waiting (since submission) at least this many hours: the SLA view. */
  waitingHoursAtLeast?: number | null;
  search?: string | null;
}

const CURSOR = 'permit-applications';

/** Where-clause of what the actor may see, mirroring canReadPermitApplication. */
export function permitApplicationVisibility(actor: Actor): Prisma.PermitApplicationWhereInput | null {
  if (!PERMIT_READ_SCOPES.some((s) => actor.token === null || actor.token.scopes.includes(s))) return null;
  if (isAgencyOfficer(actor)) return { agencyId: actor.agencyId, status: { not: 'DRAFT' } };
  if (isOfficial(actor)) return { status: { not: 'DRAFT' } };
  if (isFilerRole(actor)) return { OR: [{ applicantId: actor.companyId }, { filerCompanyId: actor.companyId }] };
  return null;
}

export async function listPermitApplications(options: { actor: Actor; filter?: PermitApplicationFilter | null; first?: number | null; after?: string | null; now?: Date }): Promise<Page<PermitApplication>> {
  const { actor } = options;
  assertReadScope(actor, 'permits:read', 'permits:write');
  const visible = permitApplicationVisibility(actor);
  if (!visible) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
  const f = options.filter ?? {};
  const now = options.now ?? new Date();
  const search = f.search?.trim();
  const where: Prisma.PermitApplicationWhereInput = {
    AND: [
      visible,
      f.status?.length ? { status: { in: f.status } } : {},
      f.agencyCode ? { agency: { code: f.agencyCode } } : {},
      f.declarationId ? { declarationId: f.declarationId } : {},
      f.waitingHoursAtLeast != null ? { submittedAt: { lte: new Date(now.getTime() - f.waitingHoursAtLeast * 3_600_000) } } : {},
      search
        ? {
            OR: [
              { number: { contains: search, mode: 'insensitive' } },
              { applicant: { name: { contains: search, mode: 'insensitive' } } },
              { applicant: { eori: { contains: search.toUpperCase() } } },
              { declaration: { mrn: { contains: search.toUpperCase() } } },
            ],
          }
        : {},
    ],
  };
  // The agency works oldest-first (submission time); filers see their latest first.
  const queue = isAgencyOfficer(actor) || isOfficial(actor);
  const first = Math.min(Math.max(options.first ?? 25, 1), 100);
  let after: Prisma.PermitApplicationWhereInput = {};
  if (options.after) {
    const [at, id] = decodeCursor(options.after, CURSOR, CURSOR_KEY.timeAndUuid).split('|') as [string, string];
    const t = new Date(at);
    after = queue
      ? { OR: [{ submittedAt: { gt: t } }, { submittedAt: t, id: { gt: id } }] }
      : { OR: [{ createdAt: { lt: t } }, { createdAt: t, id: { lt: id } }] };
  }
  const [rows, totalCount] = await Promise.all([
    getDb().permitApplication.findMany({
      where: { AND: [where, after] },
      orderBy: queue ? [{ submittedAt: 'asc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'desc' }],
      take: first + 1,
    }),
    getDb().permitApplication.count({ where }),
  ]);
  const page = rows.slice(0, first);
  const key = (a: PermitApplication) => `${(queue ? a.submittedAt! : a.createdAt).toISOString()}|${a.id}`;
  const edges = page.map((node) => ({ node, cursor: encodeCursor(CURSOR, key(node)) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
