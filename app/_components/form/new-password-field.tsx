'use client';
// The one field where a person chooses a password (sign-up, invitation, reset, change): the same
// length rule from the server's configuration, the same hint, autocomplete="new-password" so that
// password managers offer to generate one, and never shown again after an answer.
import { useTranslations } from 'next-intl';

import { InputField } from './posted-fields';
import type { FormState } from './form-state';

/** Longer than any passphrase people type; the server enforces the same bound. */
const MAX_PASSWORD_LENGTH = 200;

export function NewPasswordField({
  id,
  name = 'password',
  label,
  state,
  minLength,
  advice,
}: {
  id: string;
  name?: string;
  label?: string;
  state: FormState<unknown>;
  /** The configured minimum (PASSWORD_MIN_LENGTH). */
  minLength: number;
  /** Said after the length rule, e.g. how to make a strong one. */
  advice?: string;
}) {
  const t = useTranslations('form');
  return (
    <InputField
      id={id}
      name={name}
      label={label ?? t('newPassword')}
      type="password"
      state={state}
      minLength={minLength}
      maxLength={MAX_PASSWORD_LENGTH}
      autoComplete="new-password"
      hint={`${t('passwordLength', { minLength })}${advice ? ` ${advice}` : ''}`}
    />
  );
}
