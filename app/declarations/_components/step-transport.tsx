'use client';
import { INCOTERMS_2020, TRANSPORT_MODES } from '../../../lib/declarations/codes';
import { SelectField, TextField } from '../../_components/form/bound-fields';
import { CodeListPicker } from '../../_components/form/code-picker';
import type { FormApi } from './form-api';

const MODES = [{ value: '', label: 'Choose a mode' }, ...Object.entries(TRANSPORT_MODES).map(([code, name]) => ({ value: code, label: `${code} — ${name}` }))];
const INCOTERMS = [{ value: '', label: 'Choose a rule' }, ...INCOTERMS_2020.map((t) => ({ value: t, label: t }))];

export function TransportStep({ form }: { form: FormApi }) {
  const { bind, state } = form;
  const containersError = form.listError('containers');
  return (
    <>
      <fieldset>
        <legend>Transport at the border</legend>
        <div className="form-grid">
          <SelectField {...bind('transportMode')} label="Mode of transport" options={MODES} />
          <TextField {...bind('transportDocument')} label="Transport document number" hint="Bill of lading, air waybill or CMR number." maxLength={70} />
          <CodeListPicker
            list="customsOffices"
            {...bind('officeOfEntry')}
            label="Customs office of entry"
            optional={state.type !== 'IM'}
            hint={state.type === 'IM' ? 'Needed for an import, e.g. NL000396.' : 'e.g. NL000396.'}
            maxLength={8}
          />
          <CodeListPicker
            list="customsOffices"
            {...bind('officeOfExit')}
            label="Customs office of exit"
            optional={state.type !== 'EX'}
            hint={state.type === 'EX' ? 'Needed for an export.' : 'Only for exports.'}
            maxLength={8}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Delivery terms</legend>
        <div className="form-grid">
          <SelectField {...bind('incoterm')} label="Incoterms 2020 rule" options={INCOTERMS} width="s" />
          <CodeListPicker {...bind('incotermPlace')} list="places" label="Incoterms place" hint="UN/LOCODE, e.g. CNSZX (Shenzhen) or NLRTM (Rotterdam)." maxLength={5} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Containers</legend>
        {state.containers.length === 0 && <p className="empty">No containers. Add one for containerised goods.</p>}
        {state.containers.map((c, i) => (
          <fieldset key={c.key} className="row-group">
            <legend>Container {i + 1}</legend>
            <div className="form-grid">
              <TextField
                {...bind(`containers.${i}.containerNumber`)}
                label="Container number"
                hint="ISO 6346: owner code, U, serial and check digit, e.g. CSQU3054383."
                maxLength={13}
                uppercase
              />
              <TextField {...bind(`containers.${i}.seals`)} label="Seal numbers" optional hint="Separate several seals with commas." width="l" />
            </div>
            <button type="button" className="button-link" onClick={() => form.removeContainer(i)}>
              Remove container {i + 1}
            </button>
          </fieldset>
        ))}
        {containersError && (
          <p className="field-error" id="f-containers-error">
            {containersError}
          </p>
        )}
        <button type="button" id="f-containers" className="button-secondary" onClick={form.addContainer}>
          Add a container
        </button>
      </fieldset>
    </>
  );
}
