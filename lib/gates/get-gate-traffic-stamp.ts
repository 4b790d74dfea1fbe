// The terminal page's fingerprint as the actor sees it: the latest gate decision and how many there are
// at the gates it may see. The page polls it and renders again only when it changes (one indexed read).
import type { Actor } from '../auth/actor';
import { gateVisibilitySql } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';

export async function getGateTrafficStamp(actor: Actor, since: Date): Promise<string> {
  const visible = gateVisibilitySql(actor, 0);
  const [row] = await sqlOfClient(getPool())<{ n: number; latest: string | null }>(
    `SELECT count(*)::int AS n, max(e.decided_at)::text AS latest FROM gate_event e JOIN gate g ON g.id = e.gate_id
      WHERE ${visible.where} AND e.decided_at >= $${visible.params.length + 1}::timestamptz`,
    [...visible.params, since],
  );
  return `${row?.n ?? 0}:${row?.latest ?? ''}`;
}
