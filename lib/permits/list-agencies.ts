// The agencies and their rules, as the public finder, the admin pages and GraphQL read them.
import { getDb } from '../db';
import type { Agency } from '../generated/prisma/client';
import type { PermitRuleView } from './permit-rule-view';

export async function listAgencies(): Promise<Agency[]> {
  return getDb().agency.findMany({ orderBy: { code: 'asc' } });
}

/** Rules in force (and, when asked, retired ones), by agency and key. */
export async function listPermitRules(options: { agencyCode?: string; includeRetired?: boolean } = {}): Promise<PermitRuleView[]> {
  return getDb().permitRule.findMany({
    where: { ...(options.includeRetired ? {} : { retiredAt: null }), ...(options.agencyCode ? { agency: { code: options.agencyCode } } : {}) },
    include: { agency: true },
    orderBy: [{ agency: { code: 'asc' } }, { key: 'asc' }],
  });
}
