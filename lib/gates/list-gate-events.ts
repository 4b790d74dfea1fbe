// Gate decisions an actor may see (officials: every gate; a terminal operator company: its own gates),
// filtered by gate, decision and time, newest first, paged by keyset on (decided_at, id).
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { gateVisibilitySql } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { CURSOR_KEY, decodeCursor, encodeCursor, type Page } from '../pagination';
import { parseInput } from '../validation';
import { GATE_EVENT_COLUMNS, toGateEventView, type GateEventView } from './gate-event-view';

const listGateEventsInput = z.object({
  filter: z
    .object({
      gates: z.array(z.string().trim().min(1).max(35)).max(50, 'At most 50 gates.').optional(),
      decision: z.enum(['OPEN', 'HOLD']).optional(),
      containerNumber: z.string().trim().toUpperCase().max(11).optional(),
      from: z.coerce.date({ message: 'from is a date-time.' }).optional(),
      to: z.coerce.date({ message: 'to is a date-time.' }).optional(),
    })
    .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from must not be after to.', path: ['from'] })
    .default({}),
  first: z.number().int().min(1, 'first must be at least 1.').max(100, 'first is at most 100.').default(25),
  after: z.string().max(300).optional(),
});
export type ListGateEventsInput = z.input<typeof listGateEventsInput>;

const CURSOR = 'gate-events';
/** totalCount stops counting here ("10,000 or more"), as the other lists do. */
const COUNT_CAP = 10_000;

export async function listGateEvents(options: { actor: Actor } & ListGateEventsInput): Promise<Page<GateEventView>> {
  const { actor, ...rest } = options;
  const input = parseInput(listGateEventsInput, rest, 'Invalid gate event filter.');
  const visible = gateVisibilitySql(actor, 0);
  const params: unknown[] = [...visible.params];
  const and = [visible.where];
  const f = input.filter;
  if (f.gates?.length) and.push(`g.code = ANY($${params.push(f.gates)}::text[])`);
  if (f.decision) and.push(`e.decision = $${params.push(f.decision)}`);
  if (f.containerNumber) and.push(`e.container_number = $${params.push(f.containerNumber)}::bpchar`);
  if (f.from) and.push(`e.decided_at >= $${params.push(f.from)}::timestamptz`);
  if (f.to) and.push(`e.decided_at <= $${params.push(f.to)}::timestamptz`);
  const where = and.join(' AND ');
  const countParams = [...params];
  let pageWhere = where;
  if (input.after) {
    const [at, id] = decodeCursor(input.after, CURSOR, CURSOR_KEY.timeAndUuid).split('|');
    pageWhere += ` AND (e.decided_at, e.id) < ($${params.push(at)}::timestamptz, $${params.push(id)}::uuid)`;
  }
  const sql = sqlOfClient(getPool());
  const [rows, [count]] = await Promise.all([
    sql<Parameters<typeof toGateEventView>[0]>(
      `SELECT ${GATE_EVENT_COLUMNS} FROM gate_event e JOIN gate g ON g.id = e.gate_id WHERE ${pageWhere} ORDER BY e.decided_at DESC, e.id DESC LIMIT $${params.push(input.first + 1)}`,
      params,
    ),
    sql<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM gate_event e JOIN gate g ON g.id = e.gate_id WHERE ${where} LIMIT ${COUNT_CAP}) c`, countParams),
  ]);
  const nodes = rows.slice(0, input.first).map(toGateEventView);
  const cursorOf = (e: GateEventView) => encodeCursor(CURSOR, `${e.decidedAt.toISOString()}|${e.id}`);
  return {
    edges: nodes.map((node) => ({ node, cursor: cursorOf(node) })),
    pageInfo: { hasNextPage: rows.length > input.first, endCursor: nodes.length ? cursorOf(nodes.at(-1)!) : null },
    totalCount: count?.n ?? 0,
  };
}
