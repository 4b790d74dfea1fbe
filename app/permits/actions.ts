'use server';
// Server actions of the single-window pages (docs/permits.md): each authenticates, hands the typed
// strings to the lib/permits function the GraphQL mutation of the same name calls, and answers a
// FormState (problems a person can fix come back onto the form; they are not thrown).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { getDeclaration } from '../../lib/declarations/get-declaration';
import { answerPermitQuery } from '../../lib/permits/answer-permit-query';
import { applyForPermit } from '../../lib/permits/apply-for-permit';
import { citePermit } from '../../lib/permits/cite-permit';
import { confirmExternalPermitReference } from '../../lib/permits/confirm-external-permit-reference';
import { decidePermitApplication } from '../../lib/permits/decide-permit-application';
import { getDeclarationPermitRequirements } from '../../lib/permits/get-declaration-permit-requirements';
import { listPermits } from '../../lib/permits/list-permits';
import { retirePermitRule } from '../../lib/permits/retire-permit-rule';
import { revokePermit } from '../../lib/permits/revoke-permit';
import { submitPermitApplication } from '../../lib/permits/submit-permit-application';
import { upsertAgency } from '../../lib/permits/upsert-agency';
import { upsertPermitRule } from '../../lib/permits/upsert-permit-rule';
import { waivePermitRequirement } from '../../lib/permits/waive-permit-requirement';
import { failed, requestInfo, succeeded, textOf, valuesOf } from '../_components/form/action-helpers';
import type { FormState } from '../_components/form/form-state';
import { getActor } from '../session';

const given = (v: string): string | null => (v.trim() ? v.trim() : null);
const list = (v: string): string[] =>
  v
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A requirement of a saved declaration as the panel shows it (what is cited, its status). */
export interface PanelRequirement {
  itemSequence: number;
  ruleKey: string;
  status: string;
  blocking: boolean;
  permitNumber: string | null;
  externalReference: string | null;
  disclaimCode: string | null;
  application: { id: string; number: string; status: string } | null;
}

/** A permit the declaration's holder may cite. */
export interface PickablePermit {
  number: string;
  agencyId: string;
  documentCode: string;
  commodityCodes: string[];
  validUntil: string;
  available: string | null;
  quantityUnit: string | null;
}

/**
 * The requirements panel's view of a saved draft: its requirements with what is cited, and the
 * caller's valid permits for the picker. Null when the declaration is not the caller's to see.
 */
export async function loadPanelState(declarationId: string): Promise<{ requirements: PanelRequirement[]; permits: PickablePermit[] } | null> {
  const actor = await getActor();
  if (!(await getDeclaration({ actor, id: declarationId }))) return null;
  const [requirements, permits] = await Promise.all([getDeclarationPermitRequirements({ declarationId }), listPermits({ actor, first: 200 })]);
  const now = Date.now();
  return {
    requirements: requirements.map((r) => ({
      itemSequence: r.itemSequence,
      ruleKey: r.ruleKey,
      status: r.status,
      blocking: r.blocking,
      permitNumber: r.permitNumber,
      externalReference: r.externalReference,
      disclaimCode: r.disclaimCode,
      application: r.application,
    })),
    permits: permits
      .filter((p) => p.status === 'ACTIVE' && p.validUntil.getTime() > now && (p.available === null || Number(p.available) > 0))
      .map((p) => ({
        number: p.number,
        agencyId: p.agencyId,
        documentCode: p.documentCode,
        commodityCodes: p.commodityCodes,
        validUntil: p.validUntil.toISOString(),
        available: p.available?.toString() ?? null,
        quantityUnit: p.quantityUnit,
      })),
  };
}

/** "Cite" of the panel and of the declaration page: a permit, an external reference, or a disclaim. */
export async function citePermitAction(input: {
  declarationId: string;
  itemSequence: number;
  ruleKey: string;
  permitNumber?: string;
  externalReference?: string;
  disclaimCode?: string;
  disclaimReason?: string;
}): Promise<FormState> {
  const actor = await getActor();
  const { id: requestId } = await requestInfo();
  try {
    await citePermit({
      actor,
      requestId: requestId ?? undefined,
      input: {
        declarationId: String(input.declarationId),
        itemSequence: Number(input.itemSequence),
        ruleKey: String(input.ruleKey),
        permitNumber: given(String(input.permitNumber ?? '')),
        externalReference: given(String(input.externalReference ?? '')),
        disclaimCode: given(String(input.disclaimCode ?? '')),
        disclaimReason: given(String(input.disclaimReason ?? '')),
      },
    });
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/declarations/${input.declarationId}`);
  const t = await getTranslations('permits');
  return succeeded(input.permitNumber ? t('done.cited', { number: input.permitNumber }) : input.externalReference ? t('done.externalGiven') : input.disclaimCode ? t('done.disclaimed') : t('done.cleared'));
}

const APPLY_FIELDS = ['ruleKey', 'declarationId', 'commodityCode', 'description', 'originCountry', 'quantity', 'applicantEori', 'purpose', 'submit'] as const;

/** The apply form: from a declaration (only the rule and a note are asked) or standalone (the goods). */
export async function applyForPermitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData, APPLY_FIELDS);
  const actor = await getActor();
  const { id: requestId } = await requestInfo();
  const declarationId = given(values.declarationId!);
  let id: string;
  try {
    const application = await applyForPermit({
      actor,
      requestId: requestId ?? undefined,
      input: {
        ruleKey: values.ruleKey!,
        declarationId,
        goods: declarationId ? null : [{ commodityCode: values.commodityCode!, description: values.description!, originCountry: values.originCountry!, quantity: given(values.quantity!) }],
        requestedQuantity: declarationId ? null : given(values.quantity!),
        applicantEori: given(values.applicantEori!),
        purpose: given(values.purpose!),
        submit: values.submit !== 'draft',
      },
    });
    id = application.id;
  } catch (error) {
    // Standalone goods errors are at goods.0.<field>: the form's fields are named by the last part.
    const state = await failed(error, values);
    return { ...state, fieldErrors: state.fieldErrors.map((f) => (f.path[0] === 'goods' ? { ...f, path: [String(f.path[2] ?? 'commodityCode')] } : f)) };
  }
  revalidatePath('/permits');
  redirect(`/permits/applications/${id}?done=applied`);
}

/** One button of an application's page: submit a draft. */
export async function submitPermitApplicationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const id = textOf(formData, 'id');
  try {
    await submitPermitApplication({ actor: await getActor(), id, requestId: (await requestInfo()).id ?? undefined });
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/permits/applications/${id}`);
  return succeeded((await getTranslations('permits'))('done.submitted'));
}

export async function answerPermitQueryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const id = textOf(formData, 'id');
  const values = valuesOf(formData, ['answer']);
  try {
    await answerPermitQuery({ actor: await getActor(), id, answer: values.answer!, requestId: (await requestInfo()).id ?? undefined });
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath(`/permits/applications/${id}`);
  return succeeded((await getTranslations('permits'))('done.answered'));
}

const DECIDE_FIELDS = ['decision', 'reason', 'validUntil', 'quantity', 'agencyNote'] as const;

/** The agency officer's decision: approve (validity, quantity), reject (reason) or ask for information. */
export async function decidePermitApplicationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const id = textOf(formData, 'id');
  const values = valuesOf(formData, DECIDE_FIELDS);
  const validUntil = given(values.validUntil!);
  try {
    await decidePermitApplication({
      actor: await getActor(),
      id,
      requestId: (await requestInfo()).id ?? undefined,
      input: {
        decision: values.decision as 'APPROVE' | 'REJECT' | 'REQUEST_INFO',
        reason: given(values.reason!),
        // A date picked is valid until the end of that day (UTC).
        validUntil: validUntil ? (/^\d{4}-\d{2}-\d{2}$/.test(validUntil) ? `${validUntil}T23:59:59Z` : validUntil) : null,
        quantity: given(values.quantity!),
        agencyNote: given(values.agencyNote!),
      },
    });
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath(`/permits/applications/${id}`);
  revalidatePath('/agency');
  const t = await getTranslations('permits');
  return succeeded(t('done.decided', { decision: values.decision ?? 'other' }));
}

export async function revokePermitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const id = textOf(formData, 'id');
  const values = valuesOf(formData, ['reason']);
  try {
    await revokePermit({ actor: await getActor(), id, reason: values.reason!, requestId: (await requestInfo()).id ?? undefined });
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath(`/permits/held/${id}`);
  return succeeded((await getTranslations('permits'))('done.revoked'));
}

/** An agency officer confirms an external reference a filer gave (declaration page). */
export async function confirmExternalReferenceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const requirementId = textOf(formData, 'requirementId');
  let declarationId: string;
  try {
    ({ declarationId } = await confirmExternalPermitReference({ actor: await getActor(), requirementId, requestId: (await requestInfo()).id ?? undefined }));
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/declarations/${declarationId}`);
  revalidatePath('/agency');
  return succeeded((await getTranslations('permits'))('done.confirmed'));
}

/** A customs officer waives a requirement (declaration page); the reason is required and anchored. */
export async function waivePermitRequirementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const requirementId = textOf(formData, 'requirementId');
  const values = valuesOf(formData, ['reason']);
  let declarationId: string;
  try {
    ({ declarationId } = await waivePermitRequirement({ actor: await getActor(), requirementId, reason: values.reason!, requestId: (await requestInfo()).id ?? undefined }));
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath(`/declarations/${declarationId}`);
  return succeeded((await getTranslations('permits'))('done.waived'));
}

const AGENCY_FIELDS = ['code', 'name', 'kind', 'contactEmail', 'contactPhone'] as const;

export async function upsertAgencyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData, AGENCY_FIELDS);
  try {
    await upsertAgency({
      actor: await getActor(),
      requestId: (await requestInfo()).id ?? undefined,
      input: { code: values.code!, name: values.name!, kind: values.kind as never, contactEmail: values.contactEmail!, contactPhone: given(values.contactPhone!) },
    });
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath('/admin/permits');
  return succeeded((await getTranslations('permits'))('done.agencySaved', { code: values.code!.trim().toUpperCase() }));
}

const RULE_FIELDS = [
  'key',
  'agencyCode',
  'documentCode',
  'hsPrefix',
  'originInclude',
  'originExclude',
  'direction',
  'procedureCodes',
  'severity',
  'validityDays',
  'quantityManaged',
  'quantityUnit',
  'legalBasis',
  'reason',
] as const;

export async function upsertPermitRuleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData, RULE_FIELDS);
  try {
    await upsertPermitRule({
      actor: await getActor(),
      requestId: (await requestInfo()).id ?? undefined,
      input: {
        key: values.key!,
        agencyCode: values.agencyCode!,
        documentCode: values.documentCode!,
        hsPrefix: values.hsPrefix!,
        originInclude: list(values.originInclude!),
        originExclude: list(values.originExclude!),
        direction: values.direction as never,
        procedureCodes: list(values.procedureCodes!),
        severity: values.severity as never,
        validityDays: Number(values.validityDays!.trim() || 0),
        quantityManaged: values.quantityManaged === 'true',
        quantityUnit: given(values.quantityUnit!),
        legalBasis: values.legalBasis!,
        reason: values.reason!,
      },
    });
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath('/admin/permits');
  return succeeded((await getTranslations('permits'))('done.ruleSaved', { key: values.key!.trim() }));
}

export async function retirePermitRuleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const key = textOf(formData, 'key');
  try {
    await retirePermitRule({ actor: await getActor(), key, requestId: (await requestInfo()).id ?? undefined });
  } catch (error) {
    return failed(error);
  }
  revalidatePath('/admin/permits');
  return succeeded((await getTranslations('permits'))('done.ruleRetired', { key }));
}
