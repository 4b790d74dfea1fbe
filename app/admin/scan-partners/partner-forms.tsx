'use client';
// The partner registry's forms: register (name, country, key id, the Ed25519 public key pasted as PEM)
// and revoke (a reason and a confirmation). Each posts to a server action through useActionState, so it
// works without JavaScript; the server's errors show next to their fields.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { FieldError } from '../../_components/form/field-frame';
import { errorOf, INITIAL_FORM_STATE as INITIAL, type FormState } from '../../_components/form/form-state';
import { InputField, LongTextField } from '../../_components/form/posted-fields';
import { registerScanPartnerAction, revokeScanPartnerAction } from './actions';

function Said({ state, id }: { state: FormState; id: string }) {
  if (!state.message) return null;
  return state.ok ? (
    <p role="status" id={id} className="notice notice-success" data-testid="form-done">
      {state.message}
    </p>
  ) : (
    <p role="alert" id={id} className="field-error" data-testid="form-problem">
      {state.message}
    </p>
  );
}

export function RegisterPartnerForm() {
  const t = useTranslations('scanPartners');
  const [state, action, pending] = useActionState(registerScanPartnerAction, INITIAL);
  // A new form after each success, so the fields empty for the next partner.
  return (
    <form action={action} className="action-form" data-testid="register-partner-form" key={state.ok ? state.message : 'form'}>
      <InputField id="partner-name" name="name" label={t('name')} state={state} maxLength={100} className="width-l" />
      <InputField id="partner-country" name="country" label={t('country')} hint={t('countryHint')} state={state} maxLength={2} uppercase className="width-xs" />
      <InputField id="partner-key-id" name="keyId" label={t('keyId')} hint={t('keyIdHint')} state={state} maxLength={100} className="width-m" />
      <LongTextField id="partner-public-key" name="publicKey" label={t('publicKey')} hint={t('publicKeyHint')} state={state} maxLength={2000} rows={4} />
      <button type="submit" disabled={pending}>
        {t('register')}
      </button>
      <Said state={state} id="register-partner-outcome" />
    </form>
  );
}

export function RevokePartnerForm({ id, name, keyId }: { id: string; name: string; keyId: string }) {
  const t = useTranslations('scanPartners');
  const [state, action, pending] = useActionState(revokeScanPartnerAction, INITIAL);
  const confirmError = errorOf(state, 'confirm');
  const prefix = `revoke-${id}`;
  return (
    <form action={action} className="action-form" data-testid={`revoke-form-${keyId}`}>
      <input type="hidden" name="id" value={id} />
      <LongTextField id={`${prefix}-reason`} name="reason" label={t('reason')} hint={t('reasonHint')} state={state} maxLength={500} rows={2} />
      <div className="checkbox-field">
        <input
          type="checkbox"
          id={`${prefix}-confirm`}
          name="confirm"
          value="yes"
          aria-invalid={confirmError ? true : undefined}
          aria-describedby={confirmError ? `${prefix}-confirm-error` : undefined}
        />{' '}
        <label htmlFor={`${prefix}-confirm`}>{t('confirm', { name, keyId })}</label>
        <FieldError id={`${prefix}-confirm`} error={confirmError} />
      </div>
      <button type="submit" disabled={pending} className="button-danger">
        {t('revoke', { keyId })}
      </button>
      <Said state={state} id={`${prefix}-outcome`} />
    </form>
  );
}
