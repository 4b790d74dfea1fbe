'use client';
// The risk dashboard's forms (risk analysts and platform administrators): import a control history
// file, train a model, activate one or roll back. Each posts to a server action through
// useActionState, so it works without JavaScript too.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { Outcome } from '../_components/form/form-outcome';
import { INITIAL_FORM_STATE, type FormState } from '../_components/form/form-state';
import { LongTextField } from '../_components/form/posted-fields';
import { activateModelAction, importHistoryAction, trainModelAction, type ImportOutcome } from './actions';

export function ImportHistoryForm() {
  const t = useTranslations('risk');
  const [state, action, pending] = useActionState<FormState<ImportOutcome>, FormData>(importHistoryAction, INITIAL_FORM_STATE);
  const problems = state.result?.problems ?? [];
  return (
    <form action={action} className="action-form" data-testid="import-form">
      <div className="field">
        <label htmlFor="history-file">{t('importFile')}</label>
        <p className="hint" id="history-file-hint">
          {t('importHint')}
        </p>
        <input id="history-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="history-file-hint" />
      </div>
      <button type="submit" disabled={pending}>
        {t('importButton')}
      </button>
      <Outcome state={state} id="import-outcome" />
      {problems.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="import-problems-caption">
          <table data-testid="import-problems">
            <caption id="import-problems-caption">{t('importProblems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('line')}</th>
                <th scope="col">{t('column')}</th>
                <th scope="col">{t('problem')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.line}</td>
                  <td>{p.column ? <code>{p.column}</code> : '—'}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}

export function TrainModelForm() {
  const t = useTranslations('risk');
  const [state, action, pending] = useActionState(trainModelAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="action-form">
      <p className="hint">{t('trainHint')}</p>
      <button type="submit" disabled={pending}>
        {t('trainButton')}
      </button>
      <Outcome state={state} id="train-outcome" />
    </form>
  );
}

/** Activate a SHADOW model, or roll back to a RETIRED one; `worse` lists where it does worse than the rules (then forcing is offered). */
export function ActivateModelForm({ id, version, rollback, worse }: { id: string; version: number; rollback: boolean; worse: string[] }) {
  const t = useTranslations('risk');
  const [state, action, pending] = useActionState(activateModelAction, INITIAL_FORM_STATE);
  const label = rollback ? t('rollbackButton', { version }) : t('activateButton', { version });
  return (
    <form action={action} className="action-form" data-testid={`activate-form-${version}`}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <LongTextField id={`reason-${version}`} name="reason" label={t('reasonLabel', { version })} hint={t('reasonHint')} state={state} maxLength={1000} rows={2} announce />
      {worse.length > 0 && (
        <div className="notice notice-warn" data-testid={`worse-${version}`}>
          <p>{t('worseThanRules', { version })}</p>
          <ul>
            {worse.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <label className="checkbox" htmlFor={`force-${version}`}>
            <input type="checkbox" id={`force-${version}`} name="force" />
            <span>{t('forceLabel')}</span>
          </label>
        </div>
      )}
      <button type="submit" disabled={pending} className={rollback ? 'button-secondary' : undefined}>
        {label}
      </button>
      <Outcome state={state} id={`activate-${version}-outcome`} fields={['reason']} />
    </form>
  );
}
