'use client';
import { SelectField, TextField } from '../../_components/form/bound-fields';
import { CodeListPicker } from '../../_components/form/code-picker';
import type { FormApi } from './form-api';
import { prefillSupplementaryUnit, sumDecimals } from './form-model';
import { HsPicker } from './hs-picker';

const VALUATION = [
  { value: '1', label: '1 — Transaction value' },
  { value: '2', label: '2 — Identical goods' },
  { value: '3', label: '3 — Similar goods' },
  { value: '4', label: '4 — Deductive' },
  { value: '5', label: '5 — Computed' },
  { value: '6', label: '6 — Fall-back' },
];

function itemsAddUpTo(label: string, total: string | null) {
  return total === null ? undefined : `${label} ${total}.`;
}

export function GoodsStep({ form }: { form: FormApi }) {
  const { bind, state } = form;
  const itemsError = form.listError('items');
  const prices = state.items.length ? sumDecimals(state.items.map((i) => i.itemPrice), 2) : null;
  const packages = state.items.length ? sumDecimals(state.items.map((i) => i.packageCount), 0) : null;
  const mass = state.items.length ? sumDecimals(state.items.map((i) => i.grossMass), 3) : null;
  return (
    <>
      {state.items.length === 0 && <p className="empty">No goods items yet. A declaration needs at least one to be submitted.</p>}
      {state.items.map((item, i) => {
        const n = i + 1;
        const code = bind(`items.${i}.commodityCode`);
        const unit = bind(`items.${i}.supplementaryUnit`);
        return (
          <fieldset key={item.key} className="row-group" data-testid={`item-${n}`}>
            <legend>Goods item {n}</legend>
            <div className="form-grid">
              <HsPicker
                {...code}
                onChange={(value) => form.updateMany({ [`items.${i}.commodityCode`]: value, [`items.${i}.commodityLabel`]: '' })}
                label="Commodity code"
                picked={item.commodityLabel}
                onPick={(s) =>
                  form.updateMany({ [`items.${i}.commodityCode`]: s.formattedCode, [`items.${i}.commodityLabel`]: `${s.formattedCode} — ${s.description}`, ...prefillSupplementaryUnit(item, s, i) })
                }
                onRecognise={(s) => form.updateMany({ [`items.${i}.commodityLabel`]: `${s.formattedCode} — ${s.description}`, ...prefillSupplementaryUnit(item, s, i) })}
              />
              <TextField {...bind(`items.${i}.description`)} label="Goods description" hint="In plain words, as on the invoice." maxLength={512} width="l" spellCheck />
              <TextField {...bind(`items.${i}.originCountry`)} label="Country of origin" hint="2 letters, e.g. CN." maxLength={2} uppercase width="xs" />
              <CodeListPicker {...bind(`items.${i}.packageKind`)} list="packageKinds" label="Kind of packages" hint="UN/ECE Rec. 21: type a code or a word, e.g. carton." maxLength={2} width="m" />
              <TextField {...bind(`items.${i}.packageCount`)} label="Number of packages" inputMode="numeric" width="s" />
              <TextField {...bind(`items.${i}.grossMass`)} label="Gross mass (kg)" inputMode="decimal" width="s" />
              <TextField {...bind(`items.${i}.netMass`)} label="Net mass (kg)" inputMode="decimal" width="s" />
              <TextField {...bind(`items.${i}.itemPrice`)} label={`Item price${state.invoiceCurrency ? ` (${state.invoiceCurrency.toUpperCase()})` : ''}`} inputMode="decimal" width="s" />
              <TextField {...bind(`items.${i}.supplementaryQuantity`)} label="Supplementary quantity" optional inputMode="decimal" width="s" />
              <CodeListPicker
                {...unit}
                // What the person types is theirs: a later line never replaces it.
                onChange={(value) => form.updateMany({ [`items.${i}.supplementaryUnit`]: value, [`items.${i}.unitFilledFrom`]: '' })}
                list="units"
                label="Supplementary unit"
                optional
                hint="UN/ECE Rec. 20, e.g. NAR (items), LTR."
                note={item.unitFilledFrom ? `Filled in from tariff line ${item.unitFilledFrom}, which counts its goods in ${item.supplementaryUnit}.` : undefined}
                maxLength={3}
                width="m"
              />
              <SelectField {...bind(`items.${i}.valuationMethod`)} label="Valuation method" options={VALUATION} />
              <TextField {...bind(`items.${i}.preferenceCode`)} label="Preference code" optional hint="3 digits, e.g. 100." inputMode="numeric" maxLength={3} width="xs" />
              <CodeListPicker {...bind(`items.${i}.procedureCode`)} list="procedureCodes" label="Item procedure code" optional hint="Only when it differs from the header." maxLength={4} width="m" />
              <TextField {...bind(`items.${i}.marks`)} label="Marks and numbers" optional maxLength={512} width="l" />
              <TextField {...bind(`items.${i}.documentRefs`)} label="Document references" optional hint="Certificates, licences; separate with commas." width="l" />
            </div>
            <button type="button" className="button-link" onClick={() => form.removeItem(i)}>
              Remove goods item {n}
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
          Add a goods item
        </button>
      </p>

      <fieldset>
        <legend>Invoice and totals</legend>
        <div className="form-grid">
          <TextField {...bind('invoiceCurrency')} label="Invoice currency" hint="ISO 4217, e.g. USD." maxLength={3} uppercase width="xs" />
          <TextField {...bind('invoiceAmount')} label="Invoice amount" hint={itemsAddUpTo('Item prices add up to', prices)} inputMode="decimal" width="s" />
          <TextField {...bind('exchangeRate')} label="Exchange rate" hint="Units of national currency per unit of invoice currency." inputMode="decimal" width="s" />
          <TextField {...bind('freight')} label="Freight to the border" optional inputMode="decimal" width="s" />
          <TextField {...bind('insurance')} label="Insurance" optional inputMode="decimal" width="s" />
          <TextField {...bind('totalPackages')} label="Total packages" hint={itemsAddUpTo('Items count', packages)} inputMode="numeric" width="s" />
          <TextField {...bind('grossMass')} label="Total gross mass (kg)" hint={itemsAddUpTo('Items weigh', mass && `${mass} kg`)} inputMode="decimal" width="s" />
        </div>
      </fieldset>
    </>
  );
}
