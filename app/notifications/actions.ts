'use server';
// The inbox's buttons: mark one entry or all read; save the channel per event type.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { markNotificationsRead } from '../../lib/notifications/mark-notifications-read';
import { updateNotificationPreferences } from '../../lib/notifications/update-notification-preferences';
import { EVENT_TYPE_NAMES } from '../../lib/notifications/event-types';
import { getActor } from '../session';

export async function markReadAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  const id = String(formData.get('id') ?? '');
  await markNotificationsRead({ actor, ...(id ? { ids: [id] } : { all: true }) });
  revalidatePath('/', 'layout');
  const next = String(formData.get('next') ?? '');
  if (next.startsWith('/') && !next.startsWith('//')) redirect(next);
}

export async function savePreferencesAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  const input = EVENT_TYPE_NAMES.filter((t) => formData.has(t)).map((t) => ({ eventType: t, channel: String(formData.get(t)) }));
  await updateNotificationPreferences({ actor, input });
  redirect('/notifications/preferences?done=saved');
}
