'use client';
// The buttons of one row of the users table: each posts the change to a server action (no JavaScript
// needed); the outcome is announced in the row.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { INITIAL_FORM_STATE } from '../_components/form/form-state';
import { updateUserAction } from './actions';

export function UserActions({ userId, name, isAdmin, disabled, canToggleAdmin }: { userId: string; name: string; isAdmin: boolean; disabled: boolean; canToggleAdmin: boolean }) {
  const t = useTranslations('company.change');
  const [state, action, pending] = useActionState(updateUserAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="row-actions">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="name" value={name} />
      <div className="button-row">
        {canToggleAdmin && (
          <button type="submit" name="change" value={isAdmin ? 'remove-admin' : 'make-admin'} className="button-secondary small-button" disabled={pending}>
            {isAdmin ? t('removeAdmin') : t('makeAdmin')}
            <span className="visually-hidden"> {name}</span>
          </button>
        )}
        <button type="submit" name="change" value={disabled ? 'enable' : 'disable'} className={`small-button ${disabled ? 'button-secondary' : 'button-danger'}`} disabled={pending}>
          {disabled ? t('enable') : t('disable')}
          <span className="visually-hidden"> {name}</span>
        </button>
      </div>
      {state.message && (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'row-outcome' : 'row-outcome field-error'}>
          {state.message}
        </p>
      )}
    </form>
  );
}
