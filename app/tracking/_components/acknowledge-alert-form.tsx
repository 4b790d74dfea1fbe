'use client';
// An officer's acknowledgement of a tracking alert: a required note, posted to a server action (so it
// works without JavaScript). A problem comes back next to the note or the button.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { Outcome } from '../../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../../_components/form/form-state';
import { LongTextField } from '../../_components/form/posted-fields';
import { acknowledgeAlertAction } from '../actions';

export function AcknowledgeAlertForm({ alertId, containerNumber, shipmentId }: { alertId: string; containerNumber: string; shipmentId?: string }) {
  const t = useTranslations('tracking');
  const [state, action, pending] = useActionState(acknowledgeAlertAction, INITIAL_FORM_STATE);
  const id = `ack-${alertId}`;
  return (
    <form action={action} className="action-form acknowledge-form" data-testid="acknowledge-form">
      <input type="hidden" name="alertId" value={alertId} />
      <input type="hidden" name="containerNumber" value={containerNumber} />
      {shipmentId && <input type="hidden" name="shipment" value={shipmentId} />}
      <LongTextField announce id={`${id}-note`} name="note" label={t('ackNote')} hint={t('ackNoteHint')} state={state} maxLength={1000} rows={2} />
      <button type="submit" disabled={pending}>
        {pending ? t('acknowledging') : t('acknowledge')}
      </button>
      <Outcome state={state} id={`${id}-outcome`} fields={['note']} />
    </form>
  );
}
