'use client';
// Creating an API token. After creation the secret is shown once, with a Copy button; the form stays
// below for the next token.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { describedBy, FieldError, FieldHint } from '../../_components/form/field-frame';
import { ErrorSummary, SuccessNotice } from '../../_components/form/form-outcome';
import { errorOf, INITIAL_FORM_STATE } from '../../_components/form/form-state';
import { InputField } from '../../_components/form/posted-fields';
import { CopySecret } from '../_components/copy-secret';
import { createApiTokenAction } from './actions';

const FIELD_IDS = { name: 'token-name', scopes: 'token-scopes', expiresAt: 'token-expires' };

export function CreateTokenForm({ scopes, graphqlUrl }: { scopes: { name: string; description: string }[]; graphqlUrl: string }) {
  const t = useTranslations('apiTokens');
  const [state, action, pending] = useActionState(createApiTokenAction, INITIAL_FORM_STATE);
  const scopeError = errorOf(state, 'scopes');
  const chosen = new Set((state.values?.scopes ?? '').split(' ').filter(Boolean));
  return (
    <>
      <SuccessNotice state={state} id="token-outcome">
        {state.result && (
          <>
            <p className="secret-warning">{t.rich('copyNow', { strong: (chunks) => <strong>{chunks}</strong> })}</p>
            <CopySecret id="token-secret" label={t('secretOf', { name: state.result.name })} value={state.result.secret} />
            <p className="hint">
              {t.rich('sendAs', {
                code: (chunks) => <code>{chunks}</code>,
                example: () => <code>curl -H &quot;Authorization: Bearer $TOKEN&quot; {graphqlUrl}</code>,
              })}
            </p>
          </>
        )}
      </SuccessNotice>
      <form action={action} noValidate className="stacked-form" aria-describedby={!state.ok && state.message ? 'token-problems' : undefined}>
        <ErrorSummary state={state} id="token-problems" fields={FIELD_IDS} />
        <InputField id={FIELD_IDS.name} name="name" label={t('name')} state={state} maxLength={100} hint={t('nameHint')} />
        <fieldset
          id={FIELD_IDS.scopes}
          tabIndex={-1}
          className={scopeError ? 'choice field-invalid' : 'choice'}
          aria-describedby={describedBy('token-scopes', true, scopeError)}
        >
          <legend>{t('scopes')}</legend>
          <FieldHint id="token-scopes">{t('scopesHint')}</FieldHint>
          <FieldError id="token-scopes" error={scopeError} />
          <ul className="checkboxes" key={state.values?.scopes ?? ''}>
            {scopes.map((s) => (
              <li key={s.name}>
                <label className="checkbox">
                  <input type="checkbox" name="scopes" value={s.name} defaultChecked={chosen.has(s.name)} aria-describedby={`scope-${s.name.replace(':', '-')}-hint`} />
                  <span>
                    <code>{s.name}</code>
                    <span className="hint" id={`scope-${s.name.replace(':', '-')}-hint`}>
                      {t.has(`scope.${s.name}`) ? t(`scope.${s.name}`) : s.description}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <InputField id={FIELD_IDS.expiresAt} name="expiresAt" label={t('expiresOn')} type="date" state={state} optional hint={t('expiresHint')} />
        <div>
          <button type="submit" disabled={pending}>
            {pending ? t('busy') : t('submit')}
          </button>
        </div>
      </form>
    </>
  );
}
