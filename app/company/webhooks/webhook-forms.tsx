'use client';
// Registering an endpoint and rotating its secret: the secret is shown once, with a Copy button.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../../_components/form/form-state';
import { InputField } from '../../_components/form/posted-fields';
import { CopySecret } from '../_components/copy-secret';
import { createWebhookAction, rotateWebhookAction } from './actions';

export function CreateWebhookForm({ eventTypes }: { eventTypes: { name: string; title: string }[] }) {
  const t = useTranslations('webhooks');
  const [state, action, pending] = useActionState(createWebhookAction, INITIAL_FORM_STATE);
  return (
    <>
      <SuccessNotice state={state} id="webhook-outcome">
        {state.result && (
          <>
            <p className="secret-warning">{t.rich('copyNow', { strong: (chunks) => <strong>{chunks}</strong>, code: (chunks) => <code>{chunks}</code> })}</p>
            <CopySecret id="webhook-secret" label={t('signingSecret')} value={state.result.secret} />
          </>
        )}
      </SuccessNotice>
      <form action={action} noValidate className="stacked-form">
        <ErrorSummary state={state} id="webhook-problems" fields={{ url: 'webhook-url', description: 'webhook-description', eventTypes: 'webhook-types' }} />
        <InputField id="webhook-url" name="url" label={t('url')} state={state} maxLength={2000} hint={t('urlHint')} />
        <InputField id="webhook-description" name="description" label={t('description')} state={state} maxLength={500} />
        <fieldset id="webhook-types">
          <legend>{t('eventTypes')}</legend>
          {eventTypes.map((e) => (
            <label key={e.name} className="checkbox">
              <input type="checkbox" name="eventTypes" value={e.name} /> {e.title} <code className="muted">{e.name}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={pending}>
          {t('submit')}
        </button>
      </form>
    </>
  );
}

export function RotateSecretForm({ id }: { id: string }) {
  const t = useTranslations('webhooks');
  const [state, action, pending] = useActionState(rotateWebhookAction, INITIAL_FORM_STATE);
  return (
    <>
      <SuccessNotice state={state} id={`rotate-${id}`}>
        {state.result && <CopySecret id={`secret-${id}`} label={t('newSecret')} value={state.result.secret} />}
      </SuccessNotice>
      <form action={action}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" className="button-link" disabled={pending}>
          {t('rotate')}
        </button>
      </form>
    </>
  );
}
