'use client';
// Inviting a person. The link is shown once after inviting: in this installation messages wait in the
// outbox instead of being mailed, so the administrator may have to pass it on. The invitee's language
// (the e-mail's, then their profile's) defaults to the inviter's own.
import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../_components/form/form-outcome';
import { errorOf, INITIAL_FORM_STATE } from '../_components/form/form-state';
import { DropdownField, InputField, RadioGroup } from '../_components/form/posted-fields';
import { LOCALE_NAMES, LOCALES } from '../../lib/i18n/locales';
import { When } from '../_i18n/when';
import { inviteAction } from './actions';
import { CopySecret } from './_components/copy-secret';

const FIELD_IDS = { email: 'invite-email', name: 'invite-name', locale: 'invite-locale', isCompanyAdmin: 'invite-admin', role: 'invite-role' };

export function InviteForm({ platform, companyName }: { platform: boolean; companyName: string | null }) {
  const t = useTranslations('company.invite');
  const roles = useTranslations('account.roleName');
  const [state, action, pending] = useActionState(inviteAction, INITIAL_FORM_STATE);
  const lt = useTranslations('inviteLanguage');
  const locale = useLocale();
  const platformRoles = [
    { value: 'OFFICER', label: roles('OFFICER'), hint: t('officerHint') },
    { value: 'ADMIN', label: roles('ADMIN'), hint: t('adminHint') },
  ];
  const adminError = errorOf(state, 'isCompanyAdmin');
  return (
    <>
      <SuccessNotice state={state} id="invite-outcome">
        {state.result && (
          <>
            <p>
              {t.rich('sent', {
                email: state.result.email,
                code: (chunks) => <code>{chunks}</code>,
                when: () => <When date={new Date(state.result!.expiresAt)} />,
              })}
            </p>
            <CopySecret id="invitation-link" label={t('link')} value={state.result.link} />
          </>
        )}
      </SuccessNotice>
      <form action={action} noValidate className="stacked-form" aria-describedby={!state.ok && state.message ? 'invite-problems' : undefined}>
        <ErrorSummary state={state} id="invite-problems" fields={FIELD_IDS} />
        <InputField id={FIELD_IDS.email} name="email" label={t('email')} type="email" state={state} maxLength={254} hint={t('emailHint')} />
        <InputField id={FIELD_IDS.name} name="name" label={t('name')} state={state} maxLength={200} />
        <DropdownField
          id={FIELD_IDS.locale}
          name="locale"
          label={lt('label')}
          hint={lt('hint')}
          state={state}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))}
          defaultValue={locale}
        />
        {platform ? (
          <RadioGroup id={FIELD_IDS.role} name="role" legend={t('role')} state={state} options={platformRoles} defaultValue="OFFICER" />
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
              <span>{t('adminOf', { company: companyName ?? t('theCompany') })}</span>
            </label>
            <p className="hint" id={`${FIELD_IDS.isCompanyAdmin}-hint`}>
              {t('adminOfHint')}
            </p>
          </div>
        )}
        <div>
          <button type="submit" disabled={pending}>
            {pending ? t('busy') : t('submit')}
          </button>
        </div>
      </form>
    </>
  );
}
