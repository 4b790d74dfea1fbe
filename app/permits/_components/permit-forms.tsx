'use client';
// The single window's action forms: each a plain form posting to a server action of ../actions.ts (so
// it works without JavaScript); problems come back next to the field or the button.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import {
  answerPermitQueryAction,
  applyForPermitAction,
  confirmExternalReferenceAction,
  decidePermitApplicationAction,
  retirePermitRuleAction,
  revokePermitAction,
  submitPermitApplicationAction,
  upsertAgencyAction,
  upsertPermitRuleAction,
  waivePermitRequirementAction,
} from '../actions';
import { ErrorSummary } from '../../_components/form/form-outcome';
import { Outcome } from '../../_components/form/form-outcome';
import { INITIAL_FORM_STATE as INITIAL } from '../../_components/form/form-state';
import { DropdownField, InputField, LongTextField, RadioGroup } from '../../_components/form/posted-fields';

function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

export interface RuleChoice {
  key: string;
  label: string;
  quantityUnit: string | null;
}

/**
 * Apply for a permit. From a declaration (`declarationId`) only the rule and a note are asked: the
 * goods, parties and quantities come from the declaration. Standalone: the goods too.
 */
export function ApplyForm({ declarationId, ruleKey, rules, broker }: { declarationId: string | null; ruleKey: string | null; rules: RuleChoice[]; broker: boolean }) {
  const t = useTranslations('permits');
  const [state, action, pending] = useActionState(applyForPermitAction, INITIAL);
  const fields = { ruleKey: 'apply-rule', commodityCode: 'apply-code', description: 'apply-description', originCountry: 'apply-origin', quantity: 'apply-quantity', applicantEori: 'apply-applicant', purpose: 'apply-purpose' };
  return (
    <form action={action} className="action-form" noValidate data-testid="apply-form">
      <ErrorSummary state={state} id="apply-errors" fields={fields} />
      {declarationId && <Hidden name="declarationId" value={declarationId} />}
      <DropdownField id="apply-rule" name="ruleKey" label={t('whatYouApplyFor')} state={state} options={rules.map((r) => ({ value: r.key, label: r.label }))} defaultValue={ruleKey ?? ''} placeholder={t('chooseRequirement')} />
      {!declarationId && (
        <>
          <InputField id="apply-code" name="commodityCode" label={t('commodityCode')} hint={t('codeHint')} state={state} maxLength={14} inputMode="numeric" className="width-m" />
          <InputField id="apply-description" name="description" label={t('goodsDescription')} state={state} maxLength={512} />
          <InputField id="apply-origin" name="originCountry" label={t('originCountry')} hint={t('originHint')} state={state} maxLength={2} uppercase className="width-s" />
          <InputField id="apply-quantity" name="quantity" label={t('quantity')} hint={t('quantityHint')} optional state={state} maxLength={16} inputMode="decimal" className="width-m" />
          {broker && <InputField id="apply-applicant" name="applicantEori" label={t('clientEori')} hint={t('clientEoriHint')} state={state} maxLength={17} uppercase className="width-m" />}
        </>
      )}
      <LongTextField id="apply-purpose" name="purpose" label={t('noteToAgency')} optional state={state} maxLength={1000} />
      <RadioGroup
        id="apply-submit"
        name="submit"
        legend={t('sendNow')}
        state={state}
        defaultValue="submit"
        options={[
          { value: 'submit', label: t('submitNow') },
          { value: 'draft', label: t('keepDraft'), hint: t('keepDraftHint') },
        ]}
      />
      <button type="submit" disabled={pending}>
        {pending ? t('applying') : t('apply')}
      </button>
    </form>
  );
}

export function SubmitApplicationForm({ id }: { id: string }) {
  const t = useTranslations('permits');
  const [state, action, pending] = useActionState(submitPermitApplicationAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Hidden name="id" value={id} />
      <button type="submit" disabled={pending}>
        {pending ? t('submitting') : t('submitToAgency')}
      </button>
      <Outcome state={state} id="submit-application-outcome" />
    </form>
  );
}

export function AnswerQueryForm({ id }: { id: string }) {
  const t = useTranslations('permits');
  const [state, action, pending] = useActionState(answerPermitQueryAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Hidden name="id" value={id} />
      <LongTextField announce id="permit-answer" name="answer" label={t('yourAnswer')} state={state} maxLength={2000} />
      <button type="submit" disabled={pending}>
        {pending ? t('sending') : t('sendAnswer')}
      </button>
      <Outcome state={state} id="answer-outcome" fields={['answer']} />
    </form>
  );
}

/** The agency officer's decision; the validity and quantity only matter when approving. */
export function DecideForm({ id, quantityUnit, requestedQuantity, defaultValidUntil }: { id: string; quantityUnit: string | null; requestedQuantity: string | null; defaultValidUntil: string }) {
  const t = useTranslations('permits');
  const [state, action, pending] = useActionState(decidePermitApplicationAction, INITIAL);
  return (
    <form action={action} className="action-form" noValidate data-testid="decide-form">
      <Hidden name="id" value={id} />
      <RadioGroup
        id="decide-decision"
        name="decision"
        legend={t('decision')}
        state={state}
        defaultValue="APPROVE"
        options={[
          { value: 'APPROVE', label: t('approve'), hint: t('approveHint') },
          { value: 'REQUEST_INFO', label: t('askInfo'), hint: t('askInfoHint') },
          { value: 'REJECT', label: t('reject'), hint: t('rejectHint') },
        ]}
      />
      <LongTextField announce id="decide-reason" name="reason" label={t('reasonOrQuestion')} optional hint={t('reasonOrQuestionHint')} state={state} maxLength={1000} />
      <InputField announce id="decide-valid-until" name="validUntil" type="date" label={t('validUntil')} optional hint={t('validUntilHint', { date: defaultValidUntil })} state={state} className="width-m" />
      {quantityUnit && (
        <InputField
          announce
          id="decide-quantity"
          name="quantity"
          label={t('approvedQuantity', { unit: quantityUnit })}
          optional
          hint={requestedQuantity ? t('appliedFor', { quantity: requestedQuantity }) : undefined}
          state={state}
          inputMode="decimal"
          maxLength={16}
          className="width-m"
        />
      )}
      <LongTextField announce id="decide-note" name="agencyNote" label={t('internalNote')} optional hint={t('internalNoteHint')} state={state} maxLength={2000} />
      <button type="submit" disabled={pending}>
        {pending ? t('deciding') : t('recordDecision')}
      </button>
      <Outcome state={state} id="decide-outcome" fields={['reason', 'validUntil', 'quantity', 'agencyNote']} />
    </form>
  );
}

export function RevokeForm({ id }: { id: string }) {
  const t = useTranslations('permits');
  const [state, action, pending] = useActionState(revokePermitAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Hidden name="id" value={id} />
      <LongTextField announce id="revoke-reason" name="reason" label={t('revokeReason')} state={state} maxLength={1000} />
      <button type="submit" disabled={pending} className="button-danger">
        {pending ? t('revoking') : t('revokePermit')}
      </button>
      <Outcome state={state} id="revoke-outcome" fields={['reason']} />
    </form>
  );
}

export function ConfirmExternalForm({ requirementId, reference }: { requirementId: string; reference: string }) {
  const t = useTranslations('permits');
  const [state, action, pending] = useActionState(confirmExternalReferenceAction, INITIAL);
  return (
    <form action={action} className="inline-form">
      <Hidden name="requirementId" value={requirementId} />
      <button type="submit" disabled={pending} className="button-secondary">
        {t('confirmReference', { reference })}
      </button>
      <Outcome state={state} id={`confirm-${requirementId}-outcome`} />
    </form>
  );
}

export function WaiveForm({ requirementId, label }: { requirementId: string; label: string }) {
  const t = useTranslations('permits');
  const [state, action, pending] = useActionState(waivePermitRequirementAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Hidden name="requirementId" value={requirementId} />
      <LongTextField announce id={`waive-${requirementId}`} name="reason" label={t('waiveReason', { label })} hint={t('waiveHint')} state={state} maxLength={1000} rows={2} />
      <button type="submit" disabled={pending} className="button-secondary">
        {pending ? t('waiving') : t('waiveRequirement')}
      </button>
      <Outcome state={state} id={`waive-${requirementId}-outcome`} fields={['reason']} />
    </form>
  );
}

const KINDS = ['VETERINARY', 'PLANT_HEALTH', 'HEALTH', 'CONFORMITY', 'WILDLIFE', 'STRATEGIC_GOODS', 'OTHER'];

export function AgencyForm({ agency }: { agency?: { code: string; name: string; kind: string; contactEmail: string; contactPhone: string | null } }) {
  const t = useTranslations('permits');
  const [state, action, pending] = useActionState(upsertAgencyAction, INITIAL);
  const p = agency ? `agency-${agency.code}` : 'agency-new';
  return (
    <form action={action} className="action-form" noValidate>
      <div className="form-grid">
        <InputField announce id={`${p}-code`} name="code" label={t('code')} state={state} defaultValue={agency?.code} maxLength={16} uppercase className="width-m" />
        <InputField announce id={`${p}-name`} name="name" label={t('name')} state={state} defaultValue={agency?.name} maxLength={200} />
        <DropdownField announce id={`${p}-kind`} name="kind" label={t('kind')} state={state} options={KINDS.map((k) => ({ value: k, label: t(`agencyKind.${k}`) }))} defaultValue={agency?.kind} />
        <InputField announce id={`${p}-email`} name="contactEmail" type="email" label={t('contactEmail')} state={state} defaultValue={agency?.contactEmail} maxLength={254} />
        <InputField announce id={`${p}-phone`} name="contactPhone" label={t('contactPhone')} optional state={state} defaultValue={agency?.contactPhone ?? undefined} maxLength={40} />
      </div>
      <button type="submit" disabled={pending}>
        {agency ? t('saveAgency') : t('addAgency')}
      </button>
      <Outcome state={state} id={`${p}-outcome`} fields={['code', 'name', 'kind', 'contactEmail', 'contactPhone']} />
    </form>
  );
}

export interface RuleValues {
  key: string;
  agencyCode: string;
  documentCode: string;
  hsPrefix: string;
  originInclude: string;
  originExclude: string;
  direction: string;
  procedureCodes: string;
  severity: string;
  validityDays: string;
  quantityManaged: string;
  quantityUnit: string;
  legalBasis: string;
  reason: string;
}

export function RuleForm({ rule, agencies, documents }: { rule?: RuleValues; agencies: { value: string; label: string }[]; documents: { value: string; label: string }[] }) {
  const t = useTranslations('permits');
  const [state, action, pending] = useActionState(upsertPermitRuleAction, INITIAL);
  const p = rule ? `rule-${rule.key}` : 'rule-new';
  return (
    <form action={action} className="action-form" noValidate data-testid={`${p}-form`}>
      {rule && <Hidden name="key" value={rule.key} />}
      <div className="form-grid">
        {!rule && <InputField announce id={`${p}-key`} name="key" label={t('key')} hint={t('keyHint')} state={state} maxLength={64} className="width-m" />}
        <DropdownField announce id={`${p}-agency`} name="agencyCode" label={t('agency')} state={state} options={agencies} defaultValue={rule?.agencyCode} />
        <DropdownField announce id={`${p}-document`} name="documentCode" label={t('documentEdifact')} state={state} options={documents} defaultValue={rule?.documentCode} />
        <InputField announce id={`${p}-hs`} name="hsPrefix" label={t('hsPrefix')} hint={t('hsPrefixHint')} state={state} defaultValue={rule?.hsPrefix} maxLength={14} className="width-m" />
        <InputField announce id={`${p}-include`} name="originInclude" label={t('originsIncluded')} optional hint={t('originsIncludedHint')} state={state} defaultValue={rule?.originInclude} />
        <InputField announce id={`${p}-exclude`} name="originExclude" label={t('originsExcluded')} optional state={state} defaultValue={rule?.originExclude} />
        <DropdownField announce id={`${p}-direction`} name="direction" label={t('direction')} state={state} options={['IMPORT', 'EXPORT', 'TRANSIT'].map((d) => ({ value: d, label: t(`directionName.${d}`) }))} defaultValue={rule?.direction} />
        <InputField announce id={`${p}-procedures`} name="procedureCodes" label={t('procedureCodes')} optional hint={t('procedureCodesHint')} state={state} defaultValue={rule?.procedureCodes} />
        <DropdownField
          announce
          id={`${p}-severity`}
          name="severity"
          label={t('severity')}
          state={state}
          options={[
            { value: 'REQUIRED', label: t('severityName.REQUIRED') },
            { value: 'MAY_BE_REQUIRED', label: t('severityName.MAY_BE_REQUIRED') },
          ]}
          defaultValue={rule?.severity}
        />
        <InputField announce id={`${p}-validity`} name="validityDays" label={t('validityDays')} state={state} defaultValue={rule?.validityDays} inputMode="numeric" maxLength={4} className="width-s" />
        <DropdownField
          announce
          id={`${p}-qm`}
          name="quantityManaged"
          label={t('quantityManaged')}
          state={state}
          options={[
            { value: 'false', label: t('no') },
            { value: 'true', label: t('yes') },
          ]}
          defaultValue={rule?.quantityManaged ?? 'false'}
        />
        <InputField announce id={`${p}-unit`} name="quantityUnit" label={t('unit')} optional hint={t('unitHint')} state={state} defaultValue={rule?.quantityUnit} maxLength={3} uppercase className="width-s" />
        <InputField announce id={`${p}-legal`} name="legalBasis" label={t('legalBasis')} state={state} defaultValue={rule?.legalBasis} maxLength={300} />
        <LongTextField announce id={`${p}-reason`} name="reason" label={t('filerReason')} state={state} defaultValue={rule?.reason} maxLength={500} rows={2} />
      </div>
      <button type="submit" disabled={pending}>
        {rule ? t('saveNewVersion') : t('addRule')}
      </button>
      <Outcome state={state} id={`${p}-outcome`} fields={['key', 'agencyCode', 'documentCode', 'hsPrefix', 'originInclude', 'originExclude', 'direction', 'procedureCodes', 'severity', 'validityDays', 'quantityUnit', 'legalBasis', 'reason']} />
    </form>
  );
}

export function RetireRuleForm({ ruleKey }: { ruleKey: string }) {
  const t = useTranslations('permits');
  const [state, action, pending] = useActionState(retirePermitRuleAction, INITIAL);
  return (
    <form action={action} className="inline-form">
      <Hidden name="key" value={ruleKey} />
      <button type="submit" disabled={pending} className="button-danger">
        {t('retireRule', { key: ruleKey })}
      </button>
      <Outcome state={state} id={`retire-${ruleKey}-outcome`} />
    </form>
  );
}
