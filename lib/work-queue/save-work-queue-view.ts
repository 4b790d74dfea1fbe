// A named set of work-queue filters, per person (saving again under the same name replaces it).
import type { Actor } from '../auth/actor';
import { assertFiler, assertPerson } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { AppError } from '../errors';
import { fieldsNeedCorrecting, parseInput } from '../validation';
import { workQueueFilters, type WorkQueueFilters } from './work-queue-filters';

export interface WorkQueueViewRow {
  id: string;
  name: string;
  filters: WorkQueueFilters;
  createdAt: Date;
}

export const MAX_VIEWS = 50;

export async function saveWorkQueueView(options: { actor: Actor; name: string; filters: unknown }): Promise<WorkQueueViewRow> {
  const { actor } = options;
  assertFiler(actor);
  assertPerson(actor, 'save views');
  const name = options.name.trim();
  if (!name || name.length > 80) throw fieldsNeedCorrecting([{ path: ['name'], code: 'INVALID', message: 'Name the view in 1 to 80 characters.' }]);
  const filters = parseInput(workQueueFilters, options.filters ?? {});
  const sql = sqlOfClient(getPool());
  const [others] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM work_queue_view WHERE user_id = $1::uuid AND name <> $2::text`, [actor.userId, name]);
  if (others!.n >= MAX_VIEWS) throw new AppError('CONFLICT', `At most ${MAX_VIEWS} saved views: delete one first.`);
  const [row] = await sql<WorkQueueViewRow>(
    `INSERT INTO work_queue_view (id, user_id, name, filters) VALUES (gen_random_uuid(), $1::uuid, $2::text, $3::jsonb)
     ON CONFLICT (user_id, name) DO UPDATE SET filters = EXCLUDED.filters
     RETURNING id, name, filters, created_at AS "createdAt"`,
    [actor.userId, name, JSON.stringify(filters)],
  );
  return row!;
}
