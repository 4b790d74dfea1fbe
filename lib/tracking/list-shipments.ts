// The shipments an actor can see (those of the declarations it can see: a broker sees its clients'
// while their grants are valid), filtered, newest first, paged by keyset on (createdAt, id).
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { ShipmentStatus } from '../generated/prisma/enums';
import { CURSOR_KEY, decodeCursor, encodeCursor, type Page } from '../pagination';
import { parseInput } from '../validation';
import { loadShipmentRows, withoutParties, type ShipmentSummary } from './load-shipments';
import { assertTrackingReader, shipmentVisibilitySql } from '../auth/policy';

const listShipmentsInput = z.object({
  filter: z
    .object({
      status: z.array(z.enum(ShipmentStatus)).max(3).optional(),
      containerNumber: z.string().trim().toUpperCase().max(11).optional(),
      declarationId: z.string().uuid('declarationId is a UUID.').optional(),
      /** Only shipments with an alert no officer has acknowledged yet. */
      withOpenAlerts: z.boolean().optional(),
      /** Open journeys only (the seal not yet removed at destination). */
      openOnly: z.boolean().optional(),
    })
    .default({}),
  first: z.number().int().min(1, 'first must be at least 1.').max(100, 'first is at most 100.').default(20),
  after: z.string().max(300).optional(),
});
export type ListShipmentsInput = z.input<typeof listShipmentsInput>;

const CURSOR = 'shipments';

export async function listShipments(options: { actor: Actor } & ListShipmentsInput): Promise<Page<ShipmentSummary>> {
  const { actor, ...rest } = options;
  assertTrackingReader(actor);
  const input = parseInput(listShipmentsInput, rest, 'Invalid shipment filter.');
  const params: unknown[] = [];
  const and: string[] = [];
  const visible = shipmentVisibilitySql(actor, 0);
  params.push(...visible.params);
  and.push(visible.where);
  const f = input.filter;
  if (f.status?.length) and.push(`s.status = ANY($${params.push(f.status)}::shipment_status[])`);
  if (f.containerNumber) and.push(`s.container_number = $${params.push(f.containerNumber)}`);
  if (f.declarationId) and.push(`s.declaration_id = $${params.push(f.declarationId)}::uuid`);
  if (f.withOpenAlerts) and.push(`EXISTS (SELECT 1 FROM tracking_alert a WHERE a.shipment_id = s.id AND a.acknowledged_at IS NULL)`);
  if (f.openOnly) and.push('s.closed_at IS NULL');
  const where = and.join(' AND ');
  const countParams = [...params];

  let pageWhere = where;
  if (input.after) {
    const [at, id] = decodeCursor(input.after, CURSOR, CURSOR_KEY.timeAndUuid).split('|');
    pageWhere += ` AND (s.created_at, s.id) < ($${params.push(at)}::timestamptz, $${params.push(id)}::uuid)`;
  }
  const sql = sqlOfClient(getPool());
  const [rows, [count]] = await Promise.all([
    loadShipmentRows(sql, pageWhere, [...params, input.first + 1], `ORDER BY s.created_at DESC, s.id DESC LIMIT $${params.length + 1}`),
    sql<{ n: number }>(`SELECT count(*)::int AS n FROM shipment s JOIN declaration d ON d.id = s.declaration_id WHERE ${where}`, countParams),
  ]);
  const nodes = rows.slice(0, input.first).map(withoutParties);
  const cursorOf = (s: ShipmentSummary) => encodeCursor(CURSOR, `${s.createdAt.toISOString()}|${s.id}`);
  return {
    edges: nodes.map((node) => ({ node, cursor: cursorOf(node) })),
    pageInfo: { hasNextPage: rows.length > input.first, endCursor: nodes.length ? cursorOf(nodes.at(-1)!) : null },
    totalCount: count?.n ?? 0,
  };
}
