'use client';
// The company registration form: the company, then its first administrator. It posts to a server action
// (works without JavaScript); on success it is replaced by the way to sign in.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../_components/form/form-state';
import { NewPasswordField } from '../_components/form/new-password-field';
import { DropdownField, InputField, RadioGroup } from '../_components/form/posted-fields';
import { signUpAction } from './actions';

const FIELD_IDS: Record<string, string> = {
  kind: 'signup-kind',
  eori: 'signup-eori',
  companyName: 'signup-company-name',
  street: 'signup-street',
  city: 'signup-city',
  postcode: 'signup-postcode',
  country: 'signup-country',
  name: 'signup-name',
  email: 'signup-email',
  password: 'signup-password',
};

export function SignUpForm({ countries, minPasswordLength }: { countries: { value: string; label: string }[]; minPasswordLength: number }) {
  const [state, action, pending] = useActionState(signUpAction, INITIAL_FORM_STATE);
  const t = useTranslations('signup');
  const kinds = [
    { value: 'TRADER', label: t('kindTrader'), hint: t('kindTraderHint') },
    { value: 'BROKER', label: t('kindBroker'), hint: t('kindBrokerHint') },
  ];

  if (state.ok) {
    return (
      <SuccessNotice state={state} id="signup-done">
        <p>{t.rich('done', { email: () => <code>{state.result?.email}</code> })}</p>
        <p>
          <Link href="/signin" className="button">
            {t('signIn')}
          </Link>
        </p>
      </SuccessNotice>
    );
  }

  return (
    <form action={action} noValidate className="identity-form" aria-describedby={state.message ? 'signup-problems' : undefined}>
      <ErrorSummary state={state} id="signup-problems" fields={FIELD_IDS} />
      <fieldset>
        <legend>{t('yourCompany')}</legend>
        <RadioGroup id={FIELD_IDS.kind!} name="kind" legend={t('kind')} state={state} options={kinds} />
        <InputField
          id={FIELD_IDS.eori!}
          name="eori"
          label={t('eori')}
          state={state}
          uppercase
          maxLength={17}
          hint={t('eoriHint')}
          className="width-s"
        />
        <InputField id={FIELD_IDS.companyName!} name="companyName" label={t('companyName')} state={state} maxLength={200} autoComplete="organization" />
        <InputField id={FIELD_IDS.street!} name="street" label={t('street')} state={state} maxLength={200} autoComplete="address-line1" />
        <div className="field-row">
          <InputField id={FIELD_IDS.postcode!} name="postcode" label={t('postcode')} state={state} optional maxLength={20} autoComplete="postal-code" className="width-s" />
          <InputField id={FIELD_IDS.city!} name="city" label={t('city')} state={state} maxLength={100} autoComplete="address-level2" />
        </div>
        <DropdownField id={FIELD_IDS.country!} name="country" label={t('country')} state={state} options={countries} placeholder={t('countryPlaceholder')} />
      </fieldset>
      <fieldset>
        <legend>{t('you')}</legend>
        <InputField id={FIELD_IDS.name!} name="name" label={t('name')} state={state} maxLength={200} autoComplete="name" />
        <InputField id={FIELD_IDS.email!} name="email" label={t('email')} type="email" state={state} maxLength={254} autoComplete="email" hint={t('emailHint')} />
        <NewPasswordField id={FIELD_IDS.password!} label={t('password')} state={state} minLength={minPasswordLength} advice={t('passwordAdvice')} />
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('busy') : t('submit')}
        </button>
        <Link href="/signin">{t('haveAccount')}</Link>
      </div>
    </form>
  );
}
