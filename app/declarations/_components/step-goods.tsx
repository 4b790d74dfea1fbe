'use client';
import { useTranslations } from 'next-intl';

import { SelectField, TextField } from '../../_components/form/bound-fields';
import { CodeListPicker } from '../../_components/form/code-picker';
import type { FormApi } from './form-api';
import { prefillSupplementaryUnit, sumDecimals } from './form-model';
import { HsPicker } from './hs-picker';

const VALUATION_METHODS = ['1', '2', '3', '4', '5', '6'] as const;

export function GoodsStep({ form }: { form: FormApi }) {
  const { bind, state } = form;
  const t = useTranslations('declarationForm.goods');
  const itemsError = form.listError('items');
  const prices = state.items.length ? sumDecimals(state.items.map((i) => i.itemPrice), 2) : null;
  const packages = state.items.length ? sumDecimals(state.items.map((i) => i.packageCount), 0) : null;
  const mass = state.items.length ? sumDecimals(state.items.map((i) => i.grossMass), 3) : null;
  return (
    <>
      {state.items.length === 0 && <p className="empty">{t('noItems')}</p>}
      {state.items.map((item, i) => {
        const n = i + 1;
        const code = bind(`items.${i}.commodityCode`);
        const unit = bind(`items.${i}.supplementaryUnit`);
        return (
          <fieldset key={item.key} className="row-group" data-testid={`item-${n}`}>
            <legend>{t('item', { n })}</legend>
            <div className="form-grid">
              <HsPicker
                {...code}
                onChange={(value) => form.updateMany({ [`items.${i}.commodityCode`]: value, [`items.${i}.commodityLabel`]: '' })}
                label={t('commodityCode')}
                picked={item.commodityLabel}
                onPick={(s) =>
                  form.updateMany({ [`items.${i}.commodityCode`]: s.formattedCode, [`items.${i}.commodityLabel`]: `${s.formattedCode} — ${s.description}`, ...prefillSupplementaryUnit(item, s, i) })
                }
                onRecognise={(s) => form.updateMany({ [`items.${i}.commodityLabel`]: `${s.formattedCode} — ${s.description}`, ...prefillSupplementaryUnit(item, s, i) })}
              />
              <TextField {...bind(`items.${i}.description`)} label={t('description')} hint={t('descriptionHint')} maxLength={512} width="l" spellCheck />
              <TextField {...bind(`items.${i}.originCountry`)} label={t('originCountry')} hint={t('originCountryHint')} maxLength={2} uppercase width="xs" />
              <CodeListPicker {...bind(`items.${i}.packageKind`)} list="packageKinds" label={t('packageKind')} hint={t('packageKindHint')} maxLength={2} width="m" />
              <TextField {...bind(`items.${i}.packageCount`)} label={t('packageCount')} inputMode="numeric" width="s" />
              <TextField {...bind(`items.${i}.grossMass`)} label={t('grossMass')} inputMode="decimal" width="s" />
              <TextField {...bind(`items.${i}.netMass`)} label={t('netMass')} inputMode="decimal" width="s" />
              <TextField {...bind(`items.${i}.itemPrice`)} label={state.invoiceCurrency ? t('itemPriceIn', { currency: state.invoiceCurrency.toUpperCase() }) : t('itemPrice')} inputMode="decimal" width="s" />
              <TextField {...bind(`items.${i}.supplementaryQuantity`)} label={t('supplementaryQuantity')} optional inputMode="decimal" width="s" />
              <CodeListPicker
                {...unit}
                // What the person types is theirs: a later line never replaces it.
                onChange={(value) => form.updateMany({ [`items.${i}.supplementaryUnit`]: value, [`items.${i}.unitFilledFrom`]: '' })}
                list="units"
                label={t('supplementaryUnit')}
                optional
                hint={t('supplementaryUnitHint')}
                note={item.unitFilledFrom ? t('unitFilledFrom', { line: item.unitFilledFrom, unit: item.supplementaryUnit }) : undefined}
                maxLength={3}
                width="m"
              />
              <SelectField {...bind(`items.${i}.valuationMethod`)} label={t('valuationMethod')} options={VALUATION_METHODS.map((m) => ({ value: m, label: `${m} — ${t(`valuation.${m}`)}` }))} />
              <TextField {...bind(`items.${i}.preferenceCode`)} label={t('preferenceCode')} optional hint={t('preferenceCodeHint')} inputMode="numeric" maxLength={3} width="xs" />
              <CodeListPicker {...bind(`items.${i}.procedureCode`)} list="procedureCodes" label={t('procedureCode')} optional hint={t('procedureCodeHint')} maxLength={4} width="m" />
              <TextField {...bind(`items.${i}.marks`)} label={t('marks')} optional maxLength={512} width="l" />
              <TextField {...bind(`items.${i}.documentRefs`)} label={t('documentRefs')} optional hint={t('documentRefsHint')} width="l" />
            </div>
            <button type="button" className="button-link" onClick={() => form.removeItem(i)}>
              {t('removeItem', { n })}
            </button>
          </fieldset>
        );
      })}
      {itemsError && (
        <p className="field-error" id="f-items-error">
          {itemsError}
        </p>
      )}
      <p>
        <button type="button" id="f-items" className="button-secondary" onClick={form.addItem}>
          {t('addItem')}
        </button>
      </p>

      <fieldset>
        <legend>{t('invoiceAndTotals')}</legend>
        <div className="form-grid">
          <TextField {...bind('invoiceCurrency')} label={t('invoiceCurrency')} hint={t('invoiceCurrencyHint')} maxLength={3} uppercase width="xs" />
          <TextField {...bind('invoiceAmount')} label={t('invoiceAmount')} hint={prices === null ? undefined : t('pricesAddUpTo', { total: prices })} inputMode="decimal" width="s" />
          <TextField {...bind('exchangeRate')} label={t('exchangeRate')} hint={t('exchangeRateHint')} inputMode="decimal" width="s" />
          <TextField {...bind('freight')} label={t('freight')} optional inputMode="decimal" width="s" />
          <TextField {...bind('insurance')} label={t('insurance')} optional inputMode="decimal" width="s" />
          <TextField {...bind('totalPackages')} label={t('totalPackages')} hint={packages === null ? undefined : t('itemsCount', { total: packages })} inputMode="numeric" width="s" />
          <TextField {...bind('grossMass')} label={t('totalGrossMass')} hint={mass === null ? undefined : t('itemsWeigh', { total: mass })} inputMode="decimal" width="s" />
        </div>
      </fieldset>
    </>
  );
}
