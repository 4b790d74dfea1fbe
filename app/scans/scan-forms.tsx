'use client';
// The forms of the scan pages: claim, mark a region, the verdict, the physical inspection. Each posts
// to a server action through useActionState, so it works without JavaScript; the server's errors show
// next to their fields.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { FieldError } from '../_components/form/field-frame';
import { errorOf, INITIAL_FORM_STATE as INITIAL, type FormState } from '../_components/form/form-state';
import { DropdownField, InputField, LongTextField, RadioGroup } from '../_components/form/posted-fields';
import { annotateScanAction, claimScanAction, decideScanAction, recordScanInspectionAction } from './actions';

/** What went wrong (role=alert) or what was done (role=status), below the button. */
function Said({ state, id, done }: { state: FormState; id: string; done?: string }) {
  if (!state.message) return null;
  return state.ok ? (
    <p role="status" id={id} className="notice notice-success" data-testid="form-done">
      {done ?? state.message}
    </p>
  ) : (
    <p role="alert" id={id} className="field-error" data-testid="form-problem">
      {state.message}
    </p>
  );
}

export function ClaimScanButton({ id, label, taking }: { id: string; label: string; taking?: boolean }) {
  const t = useTranslations('scans.forms');
  const [state, action, pending] = useActionState(claimScanAction, INITIAL);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="button-secondary button-small" aria-label={label}>
        {taking ? t('takeOver') : t('claim')}
      </button>
      <Said state={state} id={`claim-${id}-outcome`} />
    </form>
  );
}

export function RegionForm({ scanId, images, labels }: { scanId: string; images: { id: string; name: string }[]; labels: { value: string; label: string }[] }) {
  const t = useTranslations('scans.forms');
  const [state, action, pending] = useActionState(annotateScanAction, INITIAL);
  const boxError = errorOf(state, 'regions');
  return (
    <form action={action} className="action-form" id="region-form" data-testid="region-form">
      <input type="hidden" name="id" value={scanId} />
      {images.length === 1 ? (
        <input type="hidden" name="imageId" value={images[0]!.id} />
      ) : (
        <DropdownField id="region-image" name="imageId" label={t('image')} state={state} options={images.map((i) => ({ value: i.id, label: i.name }))} />
      )}
      <DropdownField id="region-label" name="label" label={t('label')} state={state} options={labels} placeholder={t('choose')} />
      <fieldset className="region-box" aria-describedby={boxError ? 'region-box-error' : 'region-box-hint'}>
        <legend>{t('box')}</legend>
        <p className="hint" id="region-box-hint">
          {t('boxHint')}
        </p>
        <FieldError id="region-box" error={boxError} />
        <div className="region-box-fields">
          <InputField id="region-x" name="x" label={t('x')} state={state} inputMode="numeric" className="width-xs" />
          <InputField id="region-y" name="y" label={t('y')} state={state} inputMode="numeric" className="width-xs" />
          <InputField id="region-width" name="width" label={t('width')} state={state} inputMode="numeric" className="width-xs" />
          <InputField id="region-height" name="height" label={t('height')} state={state} inputMode="numeric" className="width-xs" />
        </div>
      </fieldset>
      <LongTextField id="region-note" name="note" label={t('note')} state={state} optional maxLength={1000} rows={2} />
      <button type="submit" disabled={pending}>
        {t('addRegion')}
      </button>
      <Said state={state} id="region-outcome" done={t('regionAdded')} />
    </form>
  );
}

export function VerdictForm({ scanId }: { scanId: string }) {
  const t = useTranslations('scans.forms');
  const [state, action, pending] = useActionState(decideScanAction, INITIAL);
  return (
    <form action={action} className="action-form" data-testid="verdict-form">
      <input type="hidden" name="id" value={scanId} />
      <RadioGroup
        id="verdict"
        name="verdict"
        legend={t('verdict')}
        state={state}
        options={[
          { value: 'CLEAR', label: t('verdicts.CLEAR'), hint: t('verdictHints.CLEAR') },
          { value: 'SUSPECT', label: t('verdicts.SUSPECT'), hint: t('verdictHints.SUSPECT') },
          { value: 'INCONCLUSIVE', label: t('verdicts.INCONCLUSIVE'), hint: t('verdictHints.INCONCLUSIVE') },
        ]}
      />
      <LongTextField id="verdict-note" name="note" label={t('verdictNote')} state={state} optional maxLength={2000} />
      <button type="submit" disabled={pending}>
        {t('decide')}
      </button>
      <Said state={state} id="verdict-outcome" done={t('decided')} />
    </form>
  );
}

export function InspectionForm({ scanId }: { scanId: string }) {
  const t = useTranslations('scans.forms');
  const [state, action, pending] = useActionState(recordScanInspectionAction, INITIAL);
  return (
    <form action={action} className="action-form" data-testid="inspection-form">
      <input type="hidden" name="id" value={scanId} />
      <LongTextField id="inspection-note" name="note" label={t('inspectionNote')} state={state} optional maxLength={2000} />
      <button type="submit" disabled={pending}>
        {t('recordInspection')}
      </button>
      <Said state={state} id="inspection-outcome" done={t('inspected')} />
    </form>
  );
}
