'use client';
import { useTranslations } from 'next-intl';

import { INCOTERMS_2020, TRANSPORT_MODES } from '../../../lib/declarations/codes';
import { SelectField, TextField } from '../../_components/form/bound-fields';
import { CodeListPicker } from '../../_components/form/code-picker';
import type { FormApi } from './form-api';

export function TransportStep({ form }: { form: FormApi }) {
  const { bind, state } = form;
  const t = useTranslations('declarationForm.transport');
  const modes = [{ value: '', label: t('chooseMode') }, ...Object.keys(TRANSPORT_MODES).map((code) => ({ value: code, label: `${code} — ${t(`mode.${code}`)}` }))];
  const incoterms = [{ value: '', label: t('chooseRule') }, ...INCOTERMS_2020.map((rule) => ({ value: rule, label: rule }))];
  const containersError = form.listError('containers');
  return (
    <>
      <fieldset>
        <legend>{t('atTheBorder')}</legend>
        <div className="form-grid">
          <SelectField {...bind('transportMode')} label={t('transportMode')} options={modes} />
          <TextField {...bind('transportDocument')} label={t('transportDocument')} hint={t('transportDocumentHint')} maxLength={70} />
          <CodeListPicker
            list="customsOffices"
            {...bind('officeOfEntry')}
            label={t('officeOfEntry')}
            optional={state.type !== 'IM'}
            hint={state.type === 'IM' ? t('entryNeeded') : t('entryExample')}
            maxLength={8}
          />
          <CodeListPicker
            list="customsOffices"
            {...bind('officeOfExit')}
            label={t('officeOfExit')}
            optional={state.type !== 'EX'}
            hint={state.type === 'EX' ? t('exitNeeded') : t('exitOnlyExports')}
            maxLength={8}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('deliveryTerms')}</legend>
        <div className="form-grid">
          <SelectField {...bind('incoterm')} label={t('incoterm')} options={incoterms} width="s" />
          <CodeListPicker {...bind('incotermPlace')} list="places" label={t('incotermPlace')} hint={t('incotermPlaceHint')} maxLength={5} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('containers')}</legend>
        {state.containers.length === 0 && <p className="empty">{t('noContainers')}</p>}
        {state.containers.map((c, i) => (
          <fieldset key={c.key} className="row-group">
            <legend>{t('container', { n: i + 1 })}</legend>
            <div className="form-grid">
              <TextField
                {...bind(`containers.${i}.containerNumber`)}
                label={t('containerNumber')}
                hint={t('containerNumberHint')}
                maxLength={13}
                uppercase
              />
              <TextField {...bind(`containers.${i}.seals`)} label={t('seals')} optional hint={t('sealsHint')} width="l" />
            </div>
            <button type="button" className="button-link" onClick={() => form.removeContainer(i)}>
              {t('removeContainer', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        {containersError && (
          <p className="field-error" id="f-containers-error">
            {containersError}
          </p>
        )}
        <button type="button" id="f-containers" className="button-secondary" onClick={form.addContainer}>
          {t('addContainer')}
        </button>
      </fieldset>
    </>
  );
}
