'use client';
// The claim buttons of a queue row and the "save this view" form.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { Outcome } from '../../_components/form/form-outcome';
import { INITIAL_FORM_STATE as INITIAL } from '../../_components/form/form-state';
import { InputField } from '../../_components/form/posted-fields';
import { claimAction, saveViewAction, unclaimAction } from './actions';

export function ClaimButton({ id, lrn, mine }: { id: string; lrn: string; mine: boolean }) {
  const t = useTranslations('sharedQueue');
  const [state, action, pending] = useActionState(mine ? unclaimAction : claimAction, INITIAL);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="button-secondary button-small" aria-label={t('claimLabel', { mine: mine ? 'yes' : 'no', lrn })}>
        {mine ? t('giveBack') : t('claim')}
      </button>
      <Outcome state={state} id={`claim-${id}-outcome`} />
    </form>
  );
}

export function SaveViewForm({ query }: { query: string }) {
  const t = useTranslations('sharedQueue');
  const [state, action, pending] = useActionState(saveViewAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <input type="hidden" name="query" value={query} />
      <InputField id="view-name" name="name" label={t('saveAs')} state={state} maxLength={100} className="width-m" />
      <button type="submit" disabled={pending} className="button-secondary">
        {t('saveView')}
      </button>
      <Outcome state={state} id="view-outcome" fields={['name']} />
    </form>
  );
}
