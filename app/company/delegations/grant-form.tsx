'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../../_components/form/form-state';
import { InputField, RadioGroup } from '../../_components/form/posted-fields';
import { grantDelegationAction } from './actions';

const FIELD_IDS = { brokerEori: 'grant-broker', representation: 'grant-representation', scope: 'grant-scope', validFrom: 'grant-from', validUntil: 'grant-until' };

export function GrantDelegationForm({ today }: { today: string }) {
  const t = useTranslations('delegations');
  const [state, action, pending] = useActionState(grantDelegationAction, INITIAL_FORM_STATE);
  const representation = [
    { value: 'DIRECT', label: t('representationName.DIRECT'), hint: t('form.directHint') },
    { value: 'INDIRECT', label: t('representationName.INDIRECT'), hint: t('form.indirectHint') },
  ];
  const scope = (['IMPORT', 'EXPORT', 'ALL'] as const).map((value) => ({ value, label: t(`scope.${value}`) }));
  return (
    <form action={action} noValidate className="stacked-form" aria-describedby={state.message ? 'grant-outcome' : undefined}>
      <SuccessNotice state={state} id="grant-outcome" />
      <ErrorSummary state={state} id="grant-outcome" fields={FIELD_IDS} />
      <InputField id={FIELD_IDS.brokerEori} name="brokerEori" label={t('form.brokerEori')} state={state} uppercase maxLength={17} hint={t('form.brokerEoriHint')} className="width-s" />
      <RadioGroup id={FIELD_IDS.representation} name="representation" legend={t('form.representation')} state={state} options={representation} hint={t('form.representationHint')} />
      <RadioGroup id={FIELD_IDS.scope} name="scope" legend={t('form.for')} state={state} options={scope} />
      <div className="field-row">
        <InputField id={FIELD_IDS.validFrom} name="validFrom" label={t('form.validFrom')} type="date" state={state} optional defaultValue={today} hint={t('form.validFromHint')} />
        <InputField id={FIELD_IDS.validUntil} name="validUntil" label={t('form.endsOn')} type="date" state={state} optional hint={t('form.endsOnHint')} />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t('form.busy') : t('form.submit')}
        </button>
      </div>
    </form>
  );
}
