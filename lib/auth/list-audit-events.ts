// The audit trail as people read it: company administrators see their company's events, officers and
// platform administrators see all. Newest first, keyset-paged on the event id.
import { z } from 'zod';

import { getDb } from '../db';
import { CURSOR_KEY, decodeCursor, encodeCursor } from '../pagination';
import { parseInput } from '../validation';
import type { Actor } from './actor';
import { assertPerson, canReadAuditLog, isOfficial } from './policy';
import { authError } from './auth-error';

const listAuditEventsInput = z.object({
  action: z.string().trim().max(64).optional(),
  targetId: z.string().trim().max(64).optional(),
  first: z.number().int().min(1).max(200).default(50),
  after: z.string().max(200).optional(),
});

export async function listAuditEvents(options: { actor: Actor; input?: z.input<typeof listAuditEventsInput> }) {
  const { actor } = options;
  assertPerson(actor, 'read the audit log');
  if (!canReadAuditLog(actor)) throw authError('FORBIDDEN', 'auth.auditLogForbidden');
  const input = parseInput(listAuditEventsInput, options.input ?? {});
  const before = input.after ? BigInt(decodeCursor(input.after, 'audit', CURSOR_KEY.serial)) : undefined;
  const rows = await getDb().auditEvent.findMany({
    where: {
      ...(isOfficial(actor) ? {} : { companyId: actor.companyId }),
      ...(input.action ? { action: { startsWith: input.action } } : {}),
      ...(input.targetId ? { targetId: input.targetId } : {}),
      ...(before !== undefined ? { id: { lt: before } } : {}),
    },
    orderBy: { id: 'desc' },
    take: input.first + 1,
  });
  const nodes = rows.slice(0, input.first);
  const actorIds = [...new Set(nodes.map((r) => r.actorId).filter((v): v is string => !!v))];
  const people = actorIds.length ? await getDb().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } }) : [];
  const emailOf = new Map(people.map((p) => [p.id, p.email]));
  return {
    nodes: nodes.map((r) => ({ ...r, id: String(r.id), actorEmail: r.actorId ? (emailOf.get(r.actorId) ?? null) : null })),
    hasNextPage: rows.length > input.first,
    endCursor: nodes.length ? encodeCursor('audit', String(nodes.at(-1)!.id)) : null,
  };
}
