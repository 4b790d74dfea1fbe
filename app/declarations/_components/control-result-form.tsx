'use client';
// The officer's control result (issue 14): the outcome, one group per goods item with the kind of
// finding and the corrected values, the internal note, and for a correction its reason. A plain form
// posting to a server action (control-result-actions.ts), so it works without JavaScript; each problem
// comes back next to its field. The additional duties are never typed: lib recomputes them from the tariff.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { recordControlResultAction } from '../control-result-actions';
import { describedBy, FieldError, FieldFrame } from '../../_components/form/field-frame';
import { Outcome } from '../../_components/form/form-outcome';
import { errorOf, INITIAL_FORM_STATE as INITIAL, type FormState } from '../../_components/form/form-state';

export const CONTROL_OUTCOMES = ['NO_DISCREPANCY', 'DISCREPANCY', 'SEIZURE'] as const;
export const FINDING_KINDS = ['VALUATION', 'CLASSIFICATION', 'ORIGIN', 'QUANTITY', 'DESCRIPTION', 'DOCUMENTS', 'PROHIBITED', 'OTHER'] as const;
const CORRECTED = ['correctedCommodityCode', 'correctedCustomsValue', 'correctedOriginCountry', 'correctedNetMass', 'correctedSupplementaryQuantity'] as const;

/** A goods item as the form shows it (plain strings: it crosses to the browser). */
export interface ControlFormItem {
  sequence: number;
  commodityCode: string;
  description: string;
  customsValue: string;
  originCountry: string;
  netMass: string;
  supplementaryQuantity: string | null;
  supplementaryUnit: string | null;
}

function TextInput({ id, name, label, hint, state, defaults, inputMode, maxLength, required }: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  state: FormState<unknown>;
  defaults: Record<string, string>;
  inputMode?: 'decimal' | 'numeric' | 'text';
  maxLength: number;
  required?: boolean;
}) {
  const error = errorOf(state, name);
  const value = state.values?.[name] ?? defaults[name] ?? '';
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} announce>
      <input
        key={value}
        id={id}
        name={name}
        type="text"
        defaultValue={value}
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

export function ControlResultForm({ id, items, version, defaults = {} }: {
  id: string;
  items: ControlFormItem[];
  /** The version recorded so far (0: none); a correction needs its reason. */
  version: number;
  /** What the form starts with: the current version's values, for a correction. */
  defaults?: Record<string, string>;
}) {
  const t = useTranslations('declaration.controlResult');
  const [state, action, pending] = useActionState(recordControlResultAction, INITIAL);
  const outcomeError = errorOf(state, 'outcome');
  const findingsError = errorOf(state, 'findings');
  const chosen = state.values?.outcome ?? defaults.outcome;
  const prefix = version ? 'correct' : 'record';
  const fields = ['outcome', 'findings', 'note', 'correctionReason', ...items.flatMap((i) => ['kind', ...CORRECTED].map((f) => `item-${i.sequence}-${f}`))];
  return (
    <form action={action} className="action-form control-result-form" data-testid={`${prefix}-control-result-form`}>
      <input type="hidden" name="id" value={id} />
      <fieldset className={outcomeError ? 'choice field-invalid' : 'choice'} aria-describedby={outcomeError ? `${prefix}-outcome-error` : undefined}>
        <legend>{t('form.outcome')}</legend>
        <FieldError id={`${prefix}-outcome`} error={outcomeError} announce />
        <div className="radios">
          {CONTROL_OUTCOMES.map((o, i) => (
            <label key={o} className="radio">
              <input type="radio" name="outcome" value={o} required={i === 0} defaultChecked={chosen === o} key={`${o}-${chosen}`} />
              {t(`outcome.${o}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <h4>{t('form.findingsHeading')}</h4>
      <p className="hint">{t('form.findingsHint')}</p>
      <FieldError id={`${prefix}-findings`} error={findingsError} announce />
      {items.map((item) => {
        const n = (f: string) => `item-${item.sequence}-${f}`;
        const fid = (f: string) => `${prefix}-${n(f)}`;
        const kindError = errorOf(state, n('kind'));
        const kind = state.values?.[n('kind')] ?? defaults[n('kind')] ?? '';
        return (
          <fieldset key={item.sequence} className="control-finding" data-testid={`${prefix}-finding-${item.sequence}`}>
            <legend>{t('form.itemLegend', { sequence: item.sequence, code: item.commodityCode, description: item.description })}</legend>
            <p className="hint">{t('form.declared', { value: item.customsValue, origin: item.originCountry, mass: item.netMass })}</p>
            <div className="form-grid">
              <FieldFrame id={fid('kind')} label={t('form.kind')} error={kindError} announce>
                <select key={kind} id={fid('kind')} name={n('kind')} defaultValue={kind} aria-invalid={kindError ? true : undefined} aria-describedby={describedBy(fid('kind'), null, kindError)}>
                  <option value="">{t('form.noFinding')}</option>
                  {FINDING_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`kind.${k}`)}
                    </option>
                  ))}
                </select>
              </FieldFrame>
              <TextInput id={fid('correctedCommodityCode')} name={n('correctedCommodityCode')} label={t('form.correctedCommodityCode')} hint={t('form.correctedCommodityCodeHint')} state={state} defaults={defaults} inputMode="numeric" maxLength={14} />
              <TextInput id={fid('correctedCustomsValue')} name={n('correctedCustomsValue')} label={t('form.correctedCustomsValue')} hint={t('form.amountHint')} state={state} defaults={defaults} inputMode="decimal" maxLength={20} />
              <TextInput id={fid('correctedOriginCountry')} name={n('correctedOriginCountry')} label={t('form.correctedOriginCountry')} hint={t('form.originHint')} state={state} defaults={defaults} maxLength={2} />
              <TextInput id={fid('correctedNetMass')} name={n('correctedNetMass')} label={t('form.correctedNetMass')} hint={t('form.amountHint')} state={state} defaults={defaults} inputMode="decimal" maxLength={20} />
              {item.supplementaryUnit && (
                <TextInput
                  id={fid('correctedSupplementaryQuantity')}
                  name={n('correctedSupplementaryQuantity')}
                  label={t('form.correctedSupplementaryQuantity', { unit: item.supplementaryUnit })}
                  hint={t('form.amountHint')}
                  state={state}
                  defaults={defaults}
                  inputMode="decimal"
                  maxLength={20}
                />
              )}
            </div>
          </fieldset>
        );
      })}

      <TextArea id={`${prefix}-note`} name="note" label={t('form.note')} hint={t('form.noteHint')} state={state} defaults={defaults} maxLength={4000} />
      {version > 0 && (
        <TextArea id={`${prefix}-correction-reason`} name="correctionReason" label={t('form.correctionReason')} hint={t('form.correctionReasonHint', { version })} state={state} defaults={{}} maxLength={1000} required />
      )}
      <p className="hint">{t('form.dutiesHint')}</p>
      <button type="submit" disabled={pending}>
        {pending ? t('form.saving') : version ? t('form.saveCorrection', { version: version + 1 }) : t('form.save')}
      </button>
      <Outcome state={state} id={`${prefix}-control-result-outcome`} fields={fields} />
    </form>
  );
}

function TextArea({ id, name, label, hint, state, defaults, maxLength, required }: {
  id: string;
  name: string;
  label: string;
  hint: string;
  state: FormState<unknown>;
  defaults: Record<string, string>;
  maxLength: number;
  required?: boolean;
}) {
  const error = errorOf(state, name);
  const value = state.values?.[name] ?? defaults[name] ?? '';
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} announce>
      <textarea key={value} id={id} name={name} rows={3} maxLength={maxLength} required={required} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </FieldFrame>
  );
}
