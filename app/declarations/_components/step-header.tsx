'use client';
import { useTranslations } from 'next-intl';

import { ADDITIONAL_TYPES } from '../../../lib/declarations/codes';
import { SelectField, TextField } from '../../_components/form/bound-fields';
import { CodeListPicker } from '../../_components/form/code-picker';
import { PartyPicker } from './party-picker';
import type { FormApi } from './form-api';

const TYPES = ['IM', 'EX', 'CO'] as const;
const REPRESENTATION = ['DIRECT', 'INDIRECT'] as const;

export function HeaderStep({ form }: { form: FormApi }) {
  const { bind, state } = form;
  const t = useTranslations('declarationForm.header');
  const typeName = useTranslations('declarations.typeName');
  // An amendment keeps the LRN and the type: they identify what was submitted.
  const fixed = form.mode.kind === 'amend';
  return (
    <>
      <fieldset>
        <legend>{t('declaration')}</legend>
        <div className="form-grid">
          <TextField
            {...bind('lrn')}
            label={t('lrn')}
            hint={fixed ? t('lrnFixed') : t('lrnHint')}
            maxLength={22}
            width="m"
            readOnly={fixed}
          />
          <SelectField
            {...bind('type')}
            label={t('type')}
            hint={fixed ? t('typeFixed') : undefined}
            options={TYPES.map((code) => ({ value: code, label: `${code} — ${typeName(code)}` }))}
            width="m"
            disabled={fixed}
          />
          <SelectField
            {...bind('additionalType')}
            label={t('additionalType')}
            options={ADDITIONAL_TYPES.map((code) => ({ value: code, label: `${code} — ${t(`additionalTypeName.${code}`)}` }))}
            width="m"
          />
          <CodeListPicker {...bind('procedureCode')} list="procedureCodes" label={t('procedureCode')} hint={t('procedureCodeHint')} maxLength={4} />
          <CodeListPicker {...bind('additionalProcedure')} list="additionalProcedureCodes" label={t('additionalProcedure')} optional hint={t('additionalProcedureHint')} maxLength={3} />
          <CodeListPicker {...bind('officeOfDeclaration')} list="customsOffices" label={t('officeOfDeclaration')} hint={t('officeHint')} maxLength={8} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('parties')}</legend>
        <p className="hint">{t('partiesHint')}</p>
        <div className="form-grid">
          <PartyPicker
            {...bind('importerEori')}
            label={t('importerEori')}
            optional={state.type !== 'IM'}
            hint={state.type === 'IM' ? t('importerNeeded') : t('importerExample')}
          />
          <PartyPicker
            {...bind('exporterEori')}
            label={t('exporterEori')}
            optional={state.type !== 'EX'}
            hint={state.type === 'EX' ? t('exporterNeeded') : t('exporterExample')}
          />
          <PartyPicker {...bind('representativeEori')} label={t('representativeEori')} optional hint={t('representativeHint')} />
          <SelectField
            {...bind('representationStatus')}
            label={t('representation')}
            options={[{ value: '', label: t('noRepresentative') }, ...REPRESENTATION.map((code) => ({ value: code, label: t(`representationName.${code}`) }))]}
            width="l"
          />
        </div>
      </fieldset>
    </>
  );
}
