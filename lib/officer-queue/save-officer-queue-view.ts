// An officer's named view of the queue (filters and sort), replaced when saved again under its name.
// The filter is checked as the queue checks it, so a saved view always opens.
import type { Actor } from '../auth/actor';
import { assertOfficial } from '../auth/policy';
import { getDb } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { requireText } from '../declarations/lock-declaration';
import { listOfficerQueue, type OfficerQueueFilter } from './list-officer-queue';

export async function saveOfficerQueueView(options: { actor: Actor; name: string; filter: OfficerQueueFilter; orderBy?: string }): Promise<{ id: string }> {
  const { actor } = options;
  assertOfficial(actor, 'save queue views');
  const name = requireText(options.name, 'name', 'a name for the view', 100);
  await listOfficerQueue({ actor, filter: options.filter, orderBy: options.orderBy, first: 1 });
  const orderBy = options.orderBy ?? 'OLDEST_FIRST';
  const filter = options.filter as Prisma.InputJsonValue;
  return getDb().officerQueueView.upsert({
    where: { userId_name: { userId: actor.userId, name } },
    create: { userId: actor.userId, name, filter, orderBy },
    update: { filter, orderBy },
    select: { id: true },
  });
}
