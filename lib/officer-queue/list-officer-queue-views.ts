import type { Actor } from '../auth/actor';
import { assertOfficial } from '../auth/policy';
import { getDb } from '../db';

/** The caller's saved queue views, by name. */
export async function listOfficerQueueViews(options: { actor: Actor }) {
  assertOfficial(options.actor, 'read queue views');
  return getDb().officerQueueView.findMany({ where: { userId: options.actor.userId }, orderBy: { name: 'asc' }, select: { id: true, name: true, filter: true, orderBy: true } });
}
