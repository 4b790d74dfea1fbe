'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../../_components/form/form-state';
import { NewPasswordField } from '../../_components/form/new-password-field';
import { resetPasswordAction } from '../actions';

export function ResetPasswordForm({ token, minPasswordLength }: { token: string; minPasswordLength: number }) {
  const t = useTranslations('resetPassword');
  const [state, action, pending] = useActionState(resetPasswordAction, INITIAL_FORM_STATE);
  if (state.ok) {
    return (
      <SuccessNotice state={state} id="reset-done">
        <p>{t('signInWithNew')}</p>
        <p>
          <Link href="/signin" className="button">
            {t('signIn')}
          </Link>
        </p>
      </SuccessNotice>
    );
  }
  // A used, expired or mistyped link cannot be fixed on this form: say so, and offer a new link.
  const linkProblem = state.fieldErrors.find((f) => f.path[0] === 'token');
  if (linkProblem) {
    return (
      <div role="alert" className="notice notice-warn" data-testid="reset-link-invalid">
        <p>
          <strong>{linkProblem.message}</strong>
        </p>
        <p>
          <Link href="/forgot-password">{t('askNewLink')}</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} noValidate aria-describedby={state.message ? 'reset-problems' : undefined}>
      <ErrorSummary state={state} id="reset-problems" fields={{ password: 'reset-password' }} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordField id="reset-password" state={state} minLength={minPasswordLength} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t('busy') : t('submit')}
        </button>
      </div>
    </form>
  );
}
