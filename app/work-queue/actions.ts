'use server';
// Saved views of the work queue: save the current filters under a name, delete one.
import { redirect } from 'next/navigation';

import { deleteWorkQueueView } from '../../lib/work-queue/delete-work-queue-view';
import { saveWorkQueueView } from '../../lib/work-queue/save-work-queue-view';
import { getActor } from '../session';

export async function saveViewAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  const filters = JSON.parse(String(formData.get('filters') ?? '{}')) as unknown;
  const view = await saveWorkQueueView({ actor, name: String(formData.get('name') ?? ''), filters });
  redirect(`/work-queue?view=${view.id}`);
}

export async function deleteViewAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  await deleteWorkQueueView({ actor, id: String(formData.get('id') ?? '') });
  redirect('/work-queue');
}
