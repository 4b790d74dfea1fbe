'use client';
import { ADDITIONAL_TYPES } from '../../../lib/declarations/codes';
import { SelectField, TextField } from '../../_components/form/bound-fields';
import { CodeListPicker } from '../../_components/form/code-picker';
import { PartyPicker } from './party-picker';
import type { FormApi } from './form-api';

const TYPES = [
  { value: 'IM', label: 'IM — Import' },
  { value: 'EX', label: 'EX — Export' },
  { value: 'CO', label: 'CO — Community goods' },
];
const ADDITIONAL_LABEL: Record<(typeof ADDITIONAL_TYPES)[number], string> = {
  A: 'Standard',
  D: 'Pre-lodged (goods not yet presented)',
  Y: 'Simplified',
  Z: 'Entry in the declarant’s records',
};
const REPRESENTATION = [
  { value: '', label: 'No representative' },
  { value: 'DIRECT', label: 'Direct (in the name of the importer or exporter)' },
  { value: 'INDIRECT', label: 'Indirect (in the representative’s own name)' },
];

export function HeaderStep({ form }: { form: FormApi }) {
  const { bind, state } = form;
  // An amendment keeps the LRN and the type: they identify what was submitted.
  const fixed = form.mode.kind === 'amend';
  return (
    <>
      <fieldset>
        <legend>Declaration</legend>
        <div className="form-grid">
          <TextField
            {...bind('lrn')}
            label="LRN (your reference)"
            hint={fixed ? 'The LRN of a submitted declaration cannot change.' : 'Up to 22 letters, digits or - / . _ — unique within your company.'}
            maxLength={22}
            width="m"
            readOnly={fixed}
          />
          <SelectField
            {...bind('type')}
            label="Declaration type"
            hint={fixed ? 'The type of a submitted declaration cannot change.' : undefined}
            options={TYPES}
            width="m"
            disabled={fixed}
          />
          <SelectField
            {...bind('additionalType')}
            label="Additional declaration type"
            options={ADDITIONAL_TYPES.map((t) => ({ value: t, label: `${t} — ${ADDITIONAL_LABEL[t]}` }))}
            width="m"
          />
          <CodeListPicker {...bind('procedureCode')} list="procedureCodes" label="Procedure code" hint="4 digits, e.g. 4000 (release for free circulation)." maxLength={4} />
          <CodeListPicker {...bind('additionalProcedure')} list="additionalProcedureCodes" label="Additional procedure" optional hint="3 characters, e.g. 000." maxLength={3} />
          <CodeListPicker {...bind('officeOfDeclaration')} list="customsOffices" label="Customs office of declaration" hint="Country code and 6 characters, e.g. NL000396." maxLength={8} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Parties</legend>
        <p className="hint">Your company is the declarant. Parties are named by their EORI number and must be registered.</p>
        <div className="form-grid">
          <PartyPicker
            {...bind('importerEori')}
            label="Importer EORI"
            optional={state.type !== 'IM'}
            hint={state.type === 'IM' ? 'Needed for an import, e.g. NL123456789.' : 'e.g. NL123456789.'}
          />
          <PartyPicker
            {...bind('exporterEori')}
            label="Exporter EORI"
            optional={state.type !== 'EX'}
            hint={state.type === 'EX' ? 'Needed for an export, e.g. CN440300123456789.' : 'e.g. CN440300123456789.'}
          />
          <PartyPicker {...bind('representativeEori')} label="Representative EORI" optional hint="A customs broker acting for the importer or exporter." />
          <SelectField {...bind('representationStatus')} label="Representation" options={REPRESENTATION} width="l" />
        </div>
      </fieldset>
    </>
  );
}
