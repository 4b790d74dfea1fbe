'use server';
// Webhook endpoints of the company. A secret comes back once, in the action's answer (never in an address).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';

import { createWebhookEndpoint } from '../../../lib/notifications/create-webhook-endpoint';
import { deleteWebhookEndpoint } from '../../../lib/notifications/delete-webhook-endpoint';
import { replayWebhookDeliveries } from '../../../lib/notifications/replay-webhook-deliveries';
import { rotateWebhookSecret } from '../../../lib/notifications/rotate-webhook-secret';
import { sendTestWebhook } from '../../../lib/notifications/send-test-webhook';
import { updateWebhookEndpoint } from '../../../lib/notifications/update-webhook-endpoint';
import { getActor } from '../../session';
import { failed, succeeded, textOf, valuesOf } from '../../_components/form/action-helpers';
import { type FormState } from '../../_components/form/form-state';

export interface ShownSecret {
  secret: string;
}

export async function createWebhookAction(_previous: FormState<ShownSecret>, formData: FormData): Promise<FormState<ShownSecret>> {
  const actor = await getActor();
  const eventTypes = formData.getAll('eventTypes').filter((s): s is string => typeof s === 'string' && s !== '');
  const values = valuesOf(formData, ['url', 'description']);
  try {
    const created = await createWebhookEndpoint({ actor, input: { url: values.url ?? '', description: values.description ?? '', eventTypes } });
    revalidatePath('/company/webhooks');
    return succeeded((await getTranslations('webhooks'))('registered', { url: created.endpoint.url }), { secret: created.secret });
  } catch (error) {
    return failed(error, values);
  }
}

export async function rotateWebhookAction(_previous: FormState<ShownSecret>, formData: FormData): Promise<FormState<ShownSecret>> {
  const actor = await getActor();
  try {
    const rotated = await rotateWebhookSecret({ actor, id: textOf(formData, 'id') });
    revalidatePath('/company/webhooks');
    const [t, format] = await Promise.all([getTranslations('webhooks'), getFormatter()]);
    const when = format.dateTime(rotated.previousExpiresAt, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC', timeZoneName: 'short' });
    return succeeded(t('rotated', { when }), { secret: rotated.secret });
  } catch (error) {
    return failed(error);
  }
}

/** The plain buttons of an endpoint: send a test event, replay since a time, enable, disable, delete. */
export async function webhookButtonAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  const id = textOf(formData, 'id');
  const what = textOf(formData, 'do');
  let done = what;
  if (what === 'test') await sendTestWebhook({ actor, endpointId: id });
  else if (what === 'replay') {
    const since = new Date(textOf(formData, 'since'));
    const n = await replayWebhookDeliveries({ actor, endpointId: id, since: Number.isNaN(since.getTime()) ? new Date(0) : since });
    done = `replayed-${n}`;
  } else if (what === 'enable' || what === 'disable') await updateWebhookEndpoint({ actor, id, input: { enabled: what === 'enable' } });
  else if (what === 'delete') {
    await deleteWebhookEndpoint({ actor, id });
    redirect('/company/webhooks?done=deleted');
  }
  revalidatePath('/company/webhooks');
  redirect(`/company/webhooks?endpoint=${id}&done=${done}`);
}
