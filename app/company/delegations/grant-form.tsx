'use client';
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../../_components/form/form-state';
import { InputField, RadioGroup } from '../../_components/form/posted-fields';
import { grantDelegationAction } from './actions';

const FIELD_IDS = { brokerEori: 'grant-broker', representation: 'grant-representation', scope: 'grant-scope', validFrom: 'grant-from', validUntil: 'grant-until' };

const REPRESENTATION = [
  { value: 'DIRECT', label: 'Direct', hint: '— the broker declares in your company’s name; your company is the declarant.' },
  { value: 'INDIRECT', label: 'Indirect', hint: '— the broker declares in its own name on your behalf and shares liability.' },
] as const;

const SCOPE = [
  { value: 'IMPORT', label: 'Imports' },
  { value: 'EXPORT', label: 'Exports' },
  { value: 'ALL', label: 'Imports and exports' },
] as const;

export function GrantDelegationForm({ today }: { today: string }) {
  const [state, action, pending] = useActionState(grantDelegationAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate className="stacked-form" aria-describedby={state.message ? 'grant-outcome' : undefined}>
      <SuccessNotice state={state} id="grant-outcome" />
      <ErrorSummary state={state} id="grant-outcome" fields={FIELD_IDS} />
      <InputField id={FIELD_IDS.brokerEori} name="brokerEori" label="Broker’s EORI number" state={state} uppercase maxLength={17} hint="The customs broker must be registered in Clearway, e.g. NL987654321." className="width-s" />
      <RadioGroup id={FIELD_IDS.representation} name="representation" legend="Representation" state={state} options={REPRESENTATION} hint="Union Customs Code, article 18." />
      <RadioGroup id={FIELD_IDS.scope} name="scope" legend="For" state={state} options={SCOPE} />
      <div className="field-row">
        <InputField id={FIELD_IDS.validFrom} name="validFrom" label="Valid from" type="date" state={state} optional defaultValue={today} hint="Empty: from now." />
        <InputField id={FIELD_IDS.validUntil} name="validUntil" label="Ends on" type="date" state={state} optional hint="Stops at 00:00 UTC that day. Empty: until revoked." />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Granting…' : 'Grant power of representation'}
        </button>
      </div>
    </form>
  );
}
