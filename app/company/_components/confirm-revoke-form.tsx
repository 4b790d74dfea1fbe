'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { type FormState, INITIAL_FORM_STATE } from '../../_components/form/form-state';

/** The confirmation step of revoking something (a token, a delegation), reached through its row's "Revoke" link. */
export function ConfirmRevokeForm({ id, action: revoke, cancelHref }: { id: string; action: (previous: FormState, formData: FormData) => Promise<FormState>; cancelHref: string }) {
  const t = useTranslations('company.revoke');
  const [state, action, pending] = useActionState(revoke, INITIAL_FORM_STATE);
  return (
    <form action={action} className="action-form">
      <input type="hidden" name="id" value={id} />
      {state.message && !state.ok && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button-danger" disabled={pending}>
          {pending ? t('busy') : t('yes')}
        </button>
        <Link href={cancelHref}>{t('no')}</Link>
      </div>
    </form>
  );
}
