// The companies a filer may name as importer or exporter, with their names next to the EORIs: their own
// company and, for a broker, every client whose power of representation is valid now (actor.clients is
// read fresh per request, so a revoked delegation disappears at once).
import type { Actor } from '../auth/actor';
import { isFilerRole } from '../auth/policy';
import { getDb } from '../db';

export interface PartySuggestion {
  eori: string;
  name: string;
  relation: 'OWN' | 'IMPORT' | 'EXPORT' | 'ALL';
}

export async function suggestParties(options: { actor: Actor }): Promise<PartySuggestion[]> {
  const { actor } = options;
  if (!isFilerRole(actor)) return [];
  const scopeOf = new Map(actor.clients.map((g) => [g.clientId, g.scope]));
  const companies = await getDb().company.findMany({ where: { id: { in: [actor.companyId, ...scopeOf.keys()] } }, select: { id: true, eori: true, name: true }, orderBy: { name: 'asc' } });
  return companies
    .map((c) => ({ eori: c.eori, name: c.name, relation: c.id === actor.companyId ? ('OWN' as const) : scopeOf.get(c.id)! }))
    .sort((a, b) => (a.relation === 'OWN' ? -1 : b.relation === 'OWN' ? 1 : a.name.localeCompare(b.name)));
}
