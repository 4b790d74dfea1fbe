'use client';
// "Copy" and "Save as template" on a declaration's page, and "Copy a previous declaration" in the new
// declaration flow: plain forms posting to server actions, so they work without JavaScript.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { Outcome } from '../../_components/form/form-outcome';
import { INITIAL_FORM_STATE as INITIAL } from '../../_components/form/form-state';
import { InputField } from '../../_components/form/posted-fields';
import { copyDeclarationAction, saveTemplateAction } from '../filing-aid-actions';

export function CopyDeclarationForm({ id, choices, suggestedLrn }: { id?: string; choices?: { id: string; label: string }[]; suggestedLrn: string }) {
  const t = useTranslations('declarationForm.filingAid');
  const [state, action, pending] = useActionState(copyDeclarationAction, INITIAL);
  return (
    <form action={action} className="action-form" data-testid="copy-declaration">
      {id ? (
        <input type="hidden" name="id" value={id} />
      ) : (
        <div className="field width-l">
          <label htmlFor="copy-source">{t('declarationToCopy')}</label>
          <select id="copy-source" name="id" defaultValue={state.values?.id ?? choices?.[0]?.id}>
            {choices?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <InputField id="copy-lrn" name="lrn" label={t('copyLrn')} hint={t('copyLrnHint')} state={state} defaultValue={suggestedLrn} maxLength={22} className="width-m" />
      <button type="submit" disabled={pending} className="button-secondary">
        {pending ? t('copying') : t('copy')}
      </button>
      <Outcome state={state} id="copy-outcome" fields={['lrn']} />
    </form>
  );
}

export function SaveTemplateForm({ id }: { id: string }) {
  const t = useTranslations('declarationForm.filingAid');
  const [state, action, pending] = useActionState(saveTemplateAction, INITIAL);
  return (
    <form action={action} className="action-form" data-testid="save-template">
      <input type="hidden" name="id" value={id} />
      <InputField id="template-name" name="name" label={t('templateName')} hint={t('templateNameHint')} state={state} maxLength={100} className="width-m" />
      <button type="submit" disabled={pending} className="button-secondary">
        {pending ? t('saving') : t('saveTemplate')}
      </button>
      <Outcome state={state} id="template-outcome" fields={['name']} />
    </form>
  );
}
