'use server';
// Server actions of the tracking pages. A problem a person can fix comes back as a result for the form
// to show; success goes back to the shipment's page with `?done=`, which works without JavaScript too.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { acknowledgeAlert } from '../../lib/tracking/acknowledge-alert';
import { failed, textOf } from '../_components/form/action-helpers';
import type { FormState } from '../_components/form/form-state';
import { getActor, getOptionalActor } from '../session';
import { CONTAINER_NUMBER } from './_components/tracking-format';
import { getTrackingStamp, type TrackingStampScope } from '../../lib/tracking/get-tracking-stamp';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An officer acknowledges a tracking alert with a note on what was checked and decided. */
export async function acknowledgeAlertAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const alertId = textOf(formData, 'alertId');
  const note = textOf(formData, 'note');
  const container = textOf(formData, 'containerNumber');
  const shipment = textOf(formData, 'shipment');
  if (!UUID.test(alertId) || !CONTAINER_NUMBER.test(container)) return { ok: false, message: 'No such alert that you can see.', fieldErrors: [], values: { note } };
  const actor = await getActor();
  try {
    await acknowledgeAlert({ actor, alertId, note });
  } catch (error) {
    return failed(error, { note });
  }
  revalidatePath('/tracking');
  // Back to the same journey: the address names the container, and an earlier journey by its id.
  redirect(`/tracking/${container}?${UUID.test(shipment) ? `shipment=${shipment}&` : ''}done=acknowledged`);
}

/** The live view's question "has anything changed?": the page's fingerprint now; null when signed out. */
export async function trackingStampAction(scope: TrackingStampScope): Promise<string | null> {
  const actor = await getOptionalActor();
  if (!actor) return null;
  const containerNumber = typeof scope?.containerNumber === 'string' && CONTAINER_NUMBER.test(scope.containerNumber) ? scope.containerNumber : undefined;
  const shipmentId = typeof scope?.shipmentId === 'string' && UUID.test(scope.shipmentId) ? scope.shipmentId : undefined;
  return getTrackingStamp(actor, { containerNumber, shipmentId });
}
