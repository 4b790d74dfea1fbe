'use client';
// Registering an endpoint and rotating its secret: the secret is shown once, with a Copy button.
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../../_components/form/form-state';
import { InputField } from '../../_components/form/posted-fields';
import { CopySecret } from '../_components/copy-secret';
import { createWebhookAction, rotateWebhookAction } from './actions';

export function CreateWebhookForm({ eventTypes }: { eventTypes: { name: string; title: string }[] }) {
  const [state, action, pending] = useActionState(createWebhookAction, INITIAL_FORM_STATE);
  return (
    <>
      <SuccessNotice state={state} id="webhook-outcome">
        {state.result && (
          <>
            <p className="secret-warning">
              <strong>Copy the signing secret now: it is shown once.</strong> Verify each request’s <code>webhook-signature</code> with it (Standard Webhooks).
            </p>
            <CopySecret id="webhook-secret" label="Signing secret" value={state.result.secret} />
          </>
        )}
      </SuccessNotice>
      <form action={action} noValidate className="stacked-form">
        <ErrorSummary state={state} id="webhook-problems" fields={{ url: 'webhook-url', description: 'webhook-description', eventTypes: 'webhook-types' }} />
        <InputField id="webhook-url" name="url" label="URL" state={state} maxLength={2000} hint="https://, a public address." />
        <InputField id="webhook-description" name="description" label="Description" state={state} maxLength={500} />
        <fieldset id="webhook-types">
          <legend>Event types (none ticked: every type)</legend>
          {eventTypes.map((t) => (
            <label key={t.name} className="checkbox">
              <input type="checkbox" name="eventTypes" value={t.name} /> {t.title} <code className="muted">{t.name}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={pending}>
          Register endpoint
        </button>
      </form>
    </>
  );
}

export function RotateSecretForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(rotateWebhookAction, INITIAL_FORM_STATE);
  return (
    <>
      <SuccessNotice state={state} id={`rotate-${id}`}>
        {state.result && <CopySecret id={`secret-${id}`} label="New signing secret" value={state.result.secret} />}
      </SuccessNotice>
      <form action={action}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" className="button-link" disabled={pending}>
          Rotate secret
        </button>
      </form>
    </>
  );
}
