import countries from 'i18n-iso-countries';
import type { Metadata } from 'next';

import { MIN_PASSWORD_LENGTH } from '../../lib/auth/password';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Register a company' };

// Country names in English from the platform (no locale file to load), sorted by name.
const COUNTRIES = (() => {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return Object.keys(countries.getAlpha2Codes())
    .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
})();

export default function SignUpPage() {
  return (
    <section className="narrow wide-form">
      <h1>Register a company</h1>
      <p className="lead">
        Register your company to file declarations in Clearway. You become its administrator: you invite colleagues, grant brokers power of
        representation and create API tokens.
      </p>
      <SignUpForm countries={COUNTRIES} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </section>
  );
}
