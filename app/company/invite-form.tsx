'use client';
// Inviting a person. The link is shown once after inviting: in this installation messages wait in the
// outbox instead of being mailed, so the administrator may have to pass it on.
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../_components/form/form-outcome';
import { errorOf, INITIAL_FORM_STATE } from '../_components/form/form-state';
import { InputField, RadioGroup } from '../_components/form/posted-fields';
import { inviteAction } from './actions';
import { CopySecret } from './_components/copy-secret';

const FIELD_IDS = { email: 'invite-email', name: 'invite-name', isCompanyAdmin: 'invite-admin', role: 'invite-role' };

const PLATFORM_ROLES = [
  { value: 'OFFICER', label: 'Customs officer', hint: '— works the declaration queue: queries, controls, release.' },
  { value: 'ADMIN', label: 'Platform administrator', hint: '— manages officers and administrators, reads the whole audit log.' },
] as const;

export function InviteForm({ platform, companyName }: { platform: boolean; companyName: string | null }) {
  const [state, action, pending] = useActionState(inviteAction, INITIAL_FORM_STATE);
  const adminError = errorOf(state, 'isCompanyAdmin');
  return (
    <>
      <SuccessNotice state={state} id="invite-outcome">
        {state.result && (
          <>
            <p>
              An invitation to <code>{state.result.email}</code> is in the outbox. In this installation messages wait in the outbox rather than
              being emailed, so send the person this link yourself. It works once, until {state.result.expiresAt.slice(0, 16).replace('T', ' ')} UTC.
            </p>
            <CopySecret id="invitation-link" label="Invitation link (shown only now)" value={state.result.link} />
          </>
        )}
      </SuccessNotice>
      <form action={action} noValidate className="stacked-form" aria-describedby={!state.ok && state.message ? 'invite-problems' : undefined}>
        <ErrorSummary state={state} id="invite-problems" fields={FIELD_IDS} />
        <InputField id={FIELD_IDS.email} name="email" label="Email" type="email" state={state} maxLength={254} hint="The invitation goes to this address; they sign in with it." />
        <InputField id={FIELD_IDS.name} name="name" label="Name" state={state} maxLength={200} />
        {platform ? (
          <RadioGroup id={FIELD_IDS.role} name="role" legend="Role" state={state} options={PLATFORM_ROLES} defaultValue="OFFICER" />
        ) : (
          <div className={adminError ? 'field field-invalid' : 'field'}>
            <label className="checkbox" htmlFor={FIELD_IDS.isCompanyAdmin}>
              <input
                id={FIELD_IDS.isCompanyAdmin}
                type="checkbox"
                name="isCompanyAdmin"
                defaultChecked={state.values?.isCompanyAdmin === 'on'}
                aria-describedby={`${FIELD_IDS.isCompanyAdmin}-hint`}
              />
              <span>Administrator of {companyName ?? 'the company'}</span>
            </label>
            <p className="hint" id={`${FIELD_IDS.isCompanyAdmin}-hint`}>
              Administrators invite and disable colleagues, grant brokers power of representation, create API tokens and read the audit log.
            </p>
          </div>
        )}
        <div>
          <button type="submit" disabled={pending}>
            {pending ? 'Inviting…' : 'Send invitation'}
          </button>
        </div>
      </form>
    </>
  );
}
