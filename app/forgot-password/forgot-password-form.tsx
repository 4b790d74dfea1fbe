'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../_components/form/form-state';
import { InputField } from '../_components/form/posted-fields';
import { requestPasswordResetAction } from './actions';

export function ForgotPasswordForm({ minutes }: { minutes: number }) {
  const t = useTranslations('forgotPassword');
  const [state, action, pending] = useActionState(requestPasswordResetAction, INITIAL_FORM_STATE);
  if (state.ok) {
    return (
      <SuccessNotice state={state} id="forgot-done">
        <p>{t('linkWorks', { minutes })}</p>
        <p className="hint">{t('outboxHint')}</p>
        <p>
          <Link href="/signin">{t('backToSignIn')}</Link>
        </p>
      </SuccessNotice>
    );
  }
  return (
    <form action={action} noValidate aria-describedby={state.message ? 'forgot-problems' : undefined}>
      <ErrorSummary state={state} id="forgot-problems" fields={{ email: 'forgot-email' }} />
      <InputField id="forgot-email" name="email" label={t('email')} type="email" state={state} maxLength={254} autoComplete="username" hint={t('emailHint')} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t('busy') : t('submit')}
        </button>
      </div>
    </form>
  );
}
