// A person's saved work-queue views, by name.
import type { Actor } from '../auth/actor';
import { assertPerson } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import type { WorkQueueViewRow } from './save-work-queue-view';

export async function listWorkQueueViews(options: { actor: Actor }): Promise<WorkQueueViewRow[]> {
  assertPerson(options.actor, 'save views');
  return sqlOfClient(getPool())<WorkQueueViewRow>(`SELECT id, name, filters, created_at AS "createdAt" FROM work_queue_view WHERE user_id = $1::uuid ORDER BY name`, [options.actor.userId]);
}
