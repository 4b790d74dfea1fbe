// Who may receive an event: the same policy as GraphQL reads (lib/auth/policy.ts). A declaration's event
// reaches those who may read the declaration — and, for the exchange around it (queries, documents),
// only those who may read its filing details, as over GraphQL. A company's event reaches that company.
import type { Actor } from '../auth/actor';
import { canReadDeclaration, canReadFilingDetails, hasScope, type DeclarationParties } from '../auth/policy';
import type { Scope } from '../auth/scopes';
import type { Sql } from '../database/sql';

/** Event types about the exchange between filer and customs, not the declaration as filed. */
const FILING_DETAIL_TYPES = new Set(['declaration.query_raised', 'declaration.query_answered', 'document.attached']);

export interface EventSubject {
  type: string;
  declaration: DeclarationParties | null;
  companyId: string | null;
}

/** The declaration's parties (one indexed read), or null when the event has no declaration. */
export async function loadEventSubject(sql: Sql, event: { type: string; declarationId: string | null; companyId: string | null }): Promise<EventSubject> {
  return (await loadEventSubjects(sql, [event]))[0]!;
}

/** The subjects of many events in one read (a fan-out batch), in the events' order. */
export async function loadEventSubjects(sql: Sql, events: { type: string; declarationId: string | null; companyId: string | null }[]): Promise<EventSubject[]> {
  const ids = [...new Set(events.map((e) => e.declarationId).filter((id): id is string => !!id))];
  const parties = ids.length
    ? await sql<DeclarationParties & { id: string }>(
        `SELECT id, type::text AS type, status::text AS status, declarant_id AS "declarantId", importer_id AS "importerId",
                exporter_id AS "exporterId", representative_id AS "representativeId"
           FROM declaration WHERE id = ANY($1::uuid[])`,
        [ids],
      )
    : [];
  const byId = new Map(parties.map(({ id, ...d }) => [id, d as DeclarationParties]));
  return events.map((e) => ({ type: e.type, declaration: e.declarationId ? (byId.get(e.declarationId) ?? null) : null, companyId: e.companyId }));
}

/** Companies that may be concerned (a superset; mayReceiveEvent decides). */
export function candidateCompanies(subject: EventSubject): string[] {
  const d = subject.declaration;
  if (!d) return subject.companyId ? [subject.companyId] : [];
  return [...new Set([d.declarantId, d.importerId, d.exporterId, d.representativeId].filter((c): c is string => !!c))];
}

/** `scopes`: what the receiver's credentials allow (a webhook or pull token: notifications:read). */
export function mayReceiveEvent(actor: Actor, subject: EventSubject, scopes?: readonly Scope[]): boolean {
  if (scopes && !scopes.some((s) => hasScope(actor, s))) return false;
  const d = subject.declaration;
  if (!d) return !!subject.companyId && actor.companyId === subject.companyId;
  // A person (or the token standing for its company) with any right to read: the receiver's scope was checked above.
  const reader = scopes ? { ...actor, token: null } : actor;
  if (!canReadDeclaration(reader, d)) return false;
  return FILING_DETAIL_TYPES.has(subject.type) ? canReadFilingDetails(reader, d) : true;
}
