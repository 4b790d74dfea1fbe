'use server';
// Registering a company with its first administrator. No automatic sign-in: the person signs in with
// the password they chose, like everyone else (and the sign-in page is the one place that says how).
import { getLocale } from 'next-intl/server';

import { signUpCompany } from '../../lib/auth/sign-up-company';
import { isLocale } from '../../lib/i18n/locales';
import { failed, requestInfo, succeeded, textOf, valuesOf } from '../_components/form/action-helpers';
import { type FormState } from '../_components/form/form-state';

const FIELDS = ['kind', 'eori', 'companyName', 'street', 'city', 'postcode', 'country', 'name', 'email'] as const;

export async function signUpAction(_previous: FormState<{ email: string }>, formData: FormData): Promise<FormState<{ email: string }>> {
  const values = valuesOf(formData, FIELDS);
  try {
    await signUpCompany({
      input: {
        kind: values.kind as 'TRADER' | 'BROKER',
        eori: values.eori!,
        companyName: values.companyName!,
        street: values.street!,
        city: values.city!,
        postcode: values.postcode?.trim() ? values.postcode : undefined,
        country: values.country!,
        name: values.name!,
        email: values.email!,
        password: textOf(formData, 'password'),
      },
      request: await requestInfo(),
      // The welcome e-mail in the language the page was read in.
      locale: await getLocale().then((locale) => (isLocale(locale) ? locale : undefined)),
    });
  } catch (error) {
    return failed(error, values);
  }
  // The same answer whether or not the email already had an account (lib/auth/sign-up-company.ts).
  const email = values.email!.trim().toLowerCase();
  return succeeded(`Check your mailbox at ${email}: we sent you a message about registering ${values.companyName!.trim()}.`, { email });
}
