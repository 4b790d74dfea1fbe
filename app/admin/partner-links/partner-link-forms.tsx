'use client';
// The partner links' forms: link a partner (name, GraphQL URL, country, our key id there, optionally the
// ledger key the partner told us), pull now, and revoke (a reason and a confirmation). Each posts to a
// server action through useActionState, so it works without JavaScript. The link form is page-sized: an
// error summary at its top takes the focus and links each problem to its field (as on the API token form).
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { FieldError } from '../../_components/form/field-frame';
import { ErrorSummary, Outcome, SuccessNotice } from '../../_components/form/form-outcome';
import { errorOf, INITIAL_FORM_STATE as INITIAL } from '../../_components/form/form-state';
import { InputField, LongTextField } from '../../_components/form/posted-fields';
import { registerPartnerLinkAction, requestPartnerScanPullAction, revokePartnerLinkAction } from './actions';

const FIELD_IDS = { name: 'link-name', graphqlUrl: 'link-url', country: 'link-country', keyId: 'link-key-id', expectedLedgerPublicKey: 'link-ledger-key' };

export function RegisterPartnerLinkForm() {
  const t = useTranslations('partnerLinks');
  const [state, action, pending] = useActionState(registerPartnerLinkAction, INITIAL);
  return (
    <>
      <SuccessNotice state={state} id="link-outcome">
        {state.result && (
          <>
            <p>{t('giveKey', { keyId: state.result.keyId })}</p>
            <pre data-testid="our-public-key">
              {state.result.publicKey}
            </pre>
            <p>
              {t('pinned')} <code>{state.result.ledgerKeyFingerprint}</code>
            </p>
          </>
        )}
      </SuccessNotice>
      {/* A new form after each success, so the fields empty for the next partner. */}
      <form
        action={action}
        noValidate
        className="stacked-form"
        data-testid="register-link-form"
        key={state.ok ? state.message : 'form'}
        aria-describedby={!state.ok && state.message ? 'link-problems' : undefined}
      >
        <ErrorSummary state={state} id="link-problems" fields={FIELD_IDS} />
        <InputField id={FIELD_IDS.name} name="name" label={t('name')} hint={t('nameHint')} state={state} maxLength={100} className="width-l" />
        <InputField id={FIELD_IDS.graphqlUrl} name="graphqlUrl" label={t('graphqlUrl')} hint={t('graphqlUrlHint')} state={state} maxLength={500} className="width-l" />
        <InputField id={FIELD_IDS.country} name="country" label={t('country')} hint={t('countryHint')} state={state} maxLength={2} uppercase className="width-xs" />
        <InputField id={FIELD_IDS.keyId} name="keyId" label={t('keyId')} hint={t('keyIdHint')} state={state} maxLength={100} className="width-m" />
        <InputField id={FIELD_IDS.expectedLedgerPublicKey} name="expectedLedgerPublicKey" label={t('expectedLedgerKey')} hint={t('expectedLedgerKeyHint')} state={state} optional maxLength={200} className="width-l" />
        <div>
          <button type="submit" disabled={pending}>
            {pending ? t('registering') : t('register')}
          </button>
        </div>
      </form>
    </>
  );
}

export function PullNowButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations('partnerLinks');
  const [state, action, pending] = useActionState(requestPartnerScanPullAction, INITIAL);
  return (
    <form action={action} className="inline-form" data-testid={`pull-form-${id}`}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button-secondary" disabled={pending}>
        {t('pullNow', { name })}
      </button>
      <Outcome state={state} id={`pull-${id}-outcome`} />
    </form>
  );
}

export function RevokePartnerLinkForm({ id, name }: { id: string; name: string }) {
  const t = useTranslations('partnerLinks');
  const [state, action, pending] = useActionState(revokePartnerLinkAction, INITIAL);
  const confirmError = errorOf(state, 'confirm');
  const prefix = `revoke-${id}`;
  return (
    <form action={action} className="action-form" data-testid={`revoke-link-form-${id}`}>
      <input type="hidden" name="id" value={id} />
      <LongTextField id={`${prefix}-reason`} name="reason" label={t('reason')} hint={t('reasonHint')} state={state} maxLength={500} rows={2} announce />
      <div className="checkbox-field">
        <input
          type="checkbox"
          id={`${prefix}-confirm`}
          name="confirm"
          value="yes"
          aria-invalid={confirmError ? true : undefined}
          aria-describedby={confirmError ? `${prefix}-confirm-error` : undefined}
        />{' '}
        <label htmlFor={`${prefix}-confirm`}>{t('confirm', { name })}</label>
        <FieldError id={`${prefix}-confirm`} error={confirmError} />
      </div>
      <button type="submit" disabled={pending} className="button-danger">
        {t('revoke', { name })}
      </button>
      <Outcome state={state} id={`${prefix}-outcome`} fields={['reason', 'confirm']} />
    </form>
  );
}
