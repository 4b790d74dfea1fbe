'use client';
// The company registration form: the company, then its first administrator. It posts to a server action
// (works without JavaScript); on success it is replaced by the way to sign in.
import Link from 'next/link';
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

const KINDS = [
  { value: 'TRADER', label: 'Trader', hint: '— imports or exports goods and files its own declarations.' },
  { value: 'BROKER', label: 'Customs broker', hint: '— files declarations for clients who grant it power of representation.' },
] as const;

export function SignUpForm({ countries, minPasswordLength }: { countries: { value: string; label: string }[]; minPasswordLength: number }) {
  const [state, action, pending] = useActionState(signUpAction, INITIAL_FORM_STATE);

  if (state.ok) {
    return (
      <SuccessNotice state={state} id="signup-done">
        <p>
          If the company is new, <code>{state.result?.email}</code> is its administrator account: sign in with the password you chose, then invite your
          colleagues from the Company page.
        </p>
        <p>
          <Link href="/signin" className="button">
            Sign in
          </Link>
        </p>
      </SuccessNotice>
    );
  }

  return (
    <form action={action} noValidate className="identity-form" aria-describedby={state.message ? 'signup-problems' : undefined}>
      <ErrorSummary state={state} id="signup-problems" fields={FIELD_IDS} />
      <fieldset>
        <legend>Your company</legend>
        <RadioGroup id={FIELD_IDS.kind!} name="kind" legend="What the company does" state={state} options={KINDS} />
        <InputField
          id={FIELD_IDS.eori!}
          name="eori"
          label="EORI number"
          state={state}
          uppercase
          maxLength={17}
          hint="The Economic Operators Registration and Identification number: country code and up to 15 characters, e.g. NL123456789."
          className="width-s"
        />
        <InputField id={FIELD_IDS.companyName!} name="companyName" label="Company name" state={state} maxLength={200} autoComplete="organization" />
        <InputField id={FIELD_IDS.street!} name="street" label="Street and number" state={state} maxLength={200} autoComplete="address-line1" />
        <div className="field-row">
          <InputField id={FIELD_IDS.postcode!} name="postcode" label="Postcode" state={state} optional maxLength={20} autoComplete="postal-code" className="width-s" />
          <InputField id={FIELD_IDS.city!} name="city" label="City" state={state} maxLength={100} autoComplete="address-level2" />
        </div>
        <DropdownField id={FIELD_IDS.country!} name="country" label="Country" state={state} options={countries} placeholder="Choose the country…" />
      </fieldset>
      <fieldset>
        <legend>You, the company’s first administrator</legend>
        <InputField id={FIELD_IDS.name!} name="name" label="Your name" state={state} maxLength={200} autoComplete="name" />
        <InputField id={FIELD_IDS.email!} name="email" label="Email" type="email" state={state} maxLength={254} autoComplete="email" hint="You sign in with it." />
        <NewPasswordField id={FIELD_IDS.password!} label="Password" state={state} minLength={minPasswordLength} advice="A few unrelated words make a strong one." />
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Registering…' : 'Register company'}
        </button>
        <Link href="/signin">I already have an account</Link>
      </div>
    </form>
  );
}
