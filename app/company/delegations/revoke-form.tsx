'use client';
import Link from 'next/link';
import { useActionState } from 'react';

import { INITIAL_FORM_STATE } from '../../account/_components/form-state';
import { revokeDelegationAction } from './actions';

/** The confirmation step of revoking a delegation (reached through the row's "Revoke" link). */
export function RevokeDelegationForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(revokeDelegationAction, INITIAL_FORM_STATE);
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
          {pending ? 'Revoking…' : 'Yes, revoke it'}
        </button>
        <Link href="/company/delegations">No, keep it</Link>
      </div>
    </form>
  );
}
