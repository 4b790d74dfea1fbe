'use client';
// The single window's action forms: each a plain form posting to a server action of ../actions.ts (so
// it works without JavaScript); problems come back next to the field or the button.
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
  const [state, action, pending] = useActionState(applyForPermitAction, INITIAL);
  const fields = { ruleKey: 'apply-rule', commodityCode: 'apply-code', description: 'apply-description', originCountry: 'apply-origin', quantity: 'apply-quantity', applicantEori: 'apply-applicant', purpose: 'apply-purpose' };
  return (
    <form action={action} className="action-form" noValidate data-testid="apply-form">
      <ErrorSummary state={state} id="apply-errors" fields={fields} />
      {declarationId && <Hidden name="declarationId" value={declarationId} />}
      <DropdownField id="apply-rule" name="ruleKey" label="What you apply for" state={state} options={rules.map((r) => ({ value: r.key, label: r.label }))} defaultValue={ruleKey ?? ''} placeholder="Choose a requirement" />
      {!declarationId && (
        <>
          <InputField id="apply-code" name="commodityCode" label="Commodity code" hint="6, 8 or 10 digits, e.g. 0202 30 90" state={state} maxLength={14} inputMode="numeric" className="width-m" />
          <InputField id="apply-description" name="description" label="Goods description" state={state} maxLength={512} />
          <InputField id="apply-origin" name="originCountry" label="Country of origin" hint="ISO 3166-1 alpha-2, e.g. BR" state={state} maxLength={2} uppercase className="width-s" />
          <InputField id="apply-quantity" name="quantity" label="Quantity" hint="For a quantity-managed permit, in the rule's unit (KGM, NAR or LTR)." optional state={state} maxLength={16} inputMode="decimal" className="width-m" />
          {broker && <InputField id="apply-applicant" name="applicantEori" label="Client EORI" hint="The client that will hold the permit; you need its valid delegation." state={state} maxLength={17} uppercase className="width-m" />}
        </>
      )}
      <LongTextField id="apply-purpose" name="purpose" label="Note to the agency" optional state={state} maxLength={1000} />
      <RadioGroup
        id="apply-submit"
        name="submit"
        legend="Send it now?"
        state={state}
        defaultValue="submit"
        options={[
          { value: 'submit', label: 'Submit to the agency now' },
          { value: 'draft', label: 'Keep as a draft', hint: 'You submit it later from its page.' },
        ]}
      />
      <button type="submit" disabled={pending}>
        {pending ? 'Applying…' : 'Apply'}
      </button>
    </form>
  );
}

export function SubmitApplicationForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(submitPermitApplicationAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Hidden name="id" value={id} />
      <button type="submit" disabled={pending}>
        {pending ? 'Submitting…' : 'Submit to the agency'}
      </button>
      <Outcome state={state} id="submit-application-outcome" />
    </form>
  );
}

export function AnswerQueryForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(answerPermitQueryAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Hidden name="id" value={id} />
      <LongTextField announce id="permit-answer" name="answer" label="Your answer" state={state} maxLength={2000} />
      <button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Send answer'}
      </button>
      <Outcome state={state} id="answer-outcome" fields={['answer']} />
    </form>
  );
}

/** The agency officer's decision; the validity and quantity only matter when approving. */
export function DecideForm({ id, quantityUnit, requestedQuantity, defaultValidUntil }: { id: string; quantityUnit: string | null; requestedQuantity: string | null; defaultValidUntil: string }) {
  const [state, action, pending] = useActionState(decidePermitApplicationAction, INITIAL);
  return (
    <form action={action} className="action-form" noValidate data-testid="decide-form">
      <Hidden name="id" value={id} />
      <RadioGroup
        id="decide-decision"
        name="decision"
        legend="Decision"
        state={state}
        defaultValue="APPROVE"
        options={[
          { value: 'APPROVE', label: 'Approve', hint: 'Issues the permit, anchored in the ledger.' },
          { value: 'REQUEST_INFO', label: 'Ask for information', hint: 'Put the question in the reason.' },
          { value: 'REJECT', label: 'Reject', hint: 'The reason is required; the applicant sees it.' },
        ]}
      />
      <LongTextField announce id="decide-reason" name="reason" label="Reason or question" optional hint="Required to reject or to ask." state={state} maxLength={1000} />
      <InputField announce id="decide-valid-until" name="validUntil" type="date" label="Valid until" optional hint={`When approving. Default: ${defaultValidUntil}.`} state={state} className="width-m" />
      {quantityUnit && (
        <InputField
          announce
          id="decide-quantity"
          name="quantity"
          label={`Approved quantity (${quantityUnit})`}
          optional
          hint={requestedQuantity ? `Applied for: ${requestedQuantity}.` : undefined}
          state={state}
          inputMode="decimal"
          maxLength={16}
          className="width-m"
        />
      )}
      <LongTextField announce id="decide-note" name="agencyNote" label="Internal note" optional hint="Only your agency’s officers read it." state={state} maxLength={2000} />
      <button type="submit" disabled={pending}>
        {pending ? 'Deciding…' : 'Record decision'}
      </button>
      <Outcome state={state} id="decide-outcome" fields={['reason', 'validUntil', 'quantity', 'agencyNote']} />
    </form>
  );
}

export function RevokeForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(revokePermitAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Hidden name="id" value={id} />
      <LongTextField announce id="revoke-reason" name="reason" label="Reason for revoking" state={state} maxLength={1000} />
      <button type="submit" disabled={pending} className="button-danger">
        {pending ? 'Revoking…' : 'Revoke permit'}
      </button>
      <Outcome state={state} id="revoke-outcome" fields={['reason']} />
    </form>
  );
}

export function ConfirmExternalForm({ requirementId, reference }: { requirementId: string; reference: string }) {
  const [state, action, pending] = useActionState(confirmExternalReferenceAction, INITIAL);
  return (
    <form action={action} className="inline-form">
      <Hidden name="requirementId" value={requirementId} />
      <button type="submit" disabled={pending} className="button-secondary">
        Confirm reference {reference}
      </button>
      <Outcome state={state} id={`confirm-${requirementId}-outcome`} />
    </form>
  );
}

export function WaiveForm({ requirementId, label }: { requirementId: string; label: string }) {
  const [state, action, pending] = useActionState(waivePermitRequirementAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Hidden name="requirementId" value={requirementId} />
      <LongTextField announce id={`waive-${requirementId}`} name="reason" label={`Reason to waive ${label}`} hint="Anchored in the ledger with your name." state={state} maxLength={1000} rows={2} />
      <button type="submit" disabled={pending} className="button-secondary">
        {pending ? 'Waiving…' : 'Waive requirement'}
      </button>
      <Outcome state={state} id={`waive-${requirementId}-outcome`} fields={['reason']} />
    </form>
  );
}

const KINDS = ['VETERINARY', 'PLANT_HEALTH', 'HEALTH', 'CONFORMITY', 'WILDLIFE', 'STRATEGIC_GOODS', 'OTHER'].map((k) => ({ value: k, label: k.replace(/_/g, ' ').toLowerCase() }));

export function AgencyForm({ agency }: { agency?: { code: string; name: string; kind: string; contactEmail: string; contactPhone: string | null } }) {
  const [state, action, pending] = useActionState(upsertAgencyAction, INITIAL);
  const p = agency ? `agency-${agency.code}` : 'agency-new';
  return (
    <form action={action} className="action-form" noValidate>
      <div className="form-grid">
        <InputField announce id={`${p}-code`} name="code" label="Code" state={state} defaultValue={agency?.code} maxLength={16} uppercase className="width-m" />
        <InputField announce id={`${p}-name`} name="name" label="Name" state={state} defaultValue={agency?.name} maxLength={200} />
        <DropdownField announce id={`${p}-kind`} name="kind" label="Kind" state={state} options={KINDS} defaultValue={agency?.kind} />
        <InputField announce id={`${p}-email`} name="contactEmail" type="email" label="Contact email" state={state} defaultValue={agency?.contactEmail} maxLength={254} />
        <InputField announce id={`${p}-phone`} name="contactPhone" label="Contact phone" optional state={state} defaultValue={agency?.contactPhone ?? undefined} maxLength={40} />
      </div>
      <button type="submit" disabled={pending}>
        {agency ? 'Save agency' : 'Add agency'}
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
  const [state, action, pending] = useActionState(upsertPermitRuleAction, INITIAL);
  const p = rule ? `rule-${rule.key}` : 'rule-new';
  return (
    <form action={action} className="action-form" noValidate data-testid={`${p}-form`}>
      {rule && <Hidden name="key" value={rule.key} />}
      <div className="form-grid">
        {!rule && <InputField announce id={`${p}-key`} name="key" label="Key" hint="e.g. vet-meat-import" state={state} maxLength={64} className="width-m" />}
        <DropdownField announce id={`${p}-agency`} name="agencyCode" label="Agency" state={state} options={agencies} defaultValue={rule?.agencyCode} />
        <DropdownField announce id={`${p}-document`} name="documentCode" label="Document (UN/EDIFACT 1001)" state={state} options={documents} defaultValue={rule?.documentCode} />
        <InputField announce id={`${p}-hs`} name="hsPrefix" label="HS prefix" hint="2, 4, 6, 8 or 10 digits" state={state} defaultValue={rule?.hsPrefix} maxLength={14} className="width-m" />
        <InputField announce id={`${p}-include`} name="originInclude" label="Origins included" optional hint="Country codes, separated by commas; none = all" state={state} defaultValue={rule?.originInclude} />
        <InputField announce id={`${p}-exclude`} name="originExclude" label="Origins excluded" optional state={state} defaultValue={rule?.originExclude} />
        <DropdownField announce id={`${p}-direction`} name="direction" label="Direction" state={state} options={['IMPORT', 'EXPORT', 'TRANSIT'].map((d) => ({ value: d, label: d.toLowerCase() }))} defaultValue={rule?.direction} />
        <InputField announce id={`${p}-procedures`} name="procedureCodes" label="Procedure codes" optional hint="e.g. 4000; none = all" state={state} defaultValue={rule?.procedureCodes} />
        <DropdownField
          announce
          id={`${p}-severity`}
          name="severity"
          label="Severity"
          state={state}
          options={[
            { value: 'REQUIRED', label: 'Required' },
            { value: 'MAY_BE_REQUIRED', label: 'May be required (filer may disclaim)' },
          ]}
          defaultValue={rule?.severity}
        />
        <InputField announce id={`${p}-validity`} name="validityDays" label="Validity (days)" state={state} defaultValue={rule?.validityDays} inputMode="numeric" maxLength={4} className="width-s" />
        <DropdownField
          announce
          id={`${p}-qm`}
          name="quantityManaged"
          label="Quantity-managed"
          state={state}
          options={[
            { value: 'false', label: 'No' },
            { value: 'true', label: 'Yes' },
          ]}
          defaultValue={rule?.quantityManaged ?? 'false'}
        />
        <InputField announce id={`${p}-unit`} name="quantityUnit" label="Unit" optional hint="KGM, NAR or LTR" state={state} defaultValue={rule?.quantityUnit} maxLength={3} uppercase className="width-s" />
        <InputField announce id={`${p}-legal`} name="legalBasis" label="Legal basis" state={state} defaultValue={rule?.legalBasis} maxLength={300} />
        <LongTextField announce id={`${p}-reason`} name="reason" label="Reason the filer reads" state={state} defaultValue={rule?.reason} maxLength={500} rows={2} />
      </div>
      <button type="submit" disabled={pending}>
        {rule ? 'Save as a new version' : 'Add rule'}
      </button>
      <Outcome state={state} id={`${p}-outcome`} fields={['key', 'agencyCode', 'documentCode', 'hsPrefix', 'originInclude', 'originExclude', 'direction', 'procedureCodes', 'severity', 'validityDays', 'quantityUnit', 'legalBasis', 'reason']} />
    </form>
  );
}

export function RetireRuleForm({ ruleKey }: { ruleKey: string }) {
  const [state, action, pending] = useActionState(retirePermitRuleAction, INITIAL);
  return (
    <form action={action} className="inline-form">
      <Hidden name="key" value={ruleKey} />
      <button type="submit" disabled={pending} className="button-danger">
        Retire rule {ruleKey}
      </button>
      <Outcome state={state} id={`retire-${ruleKey}-outcome`} />
    </form>
  );
}
