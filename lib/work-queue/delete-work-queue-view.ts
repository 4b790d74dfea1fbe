// Deletes one of the person's saved views (another person's id is "not found").
import type { Actor } from '../auth/actor';
import { assertPerson } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { AppError } from '../errors';

export async function deleteWorkQueueView(options: { actor: Actor; id: string }): Promise<void> {
  assertPerson(options.actor, 'save views');
  const rows = /^[0-9a-f-]{36}$/i.test(options.id) ? await sqlOfClient(getPool())(`DELETE FROM work_queue_view WHERE id = $1::uuid AND user_id = $2::uuid RETURNING 1`, [options.id, options.actor.userId]) : [];
  if (!rows.length) throw new AppError('NOT_FOUND', `No saved view ${options.id} of yours.`);
}
