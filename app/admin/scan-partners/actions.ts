'use server';
// The platform administrator's actions on partner administrations: register one (its Ed25519 public key
// as the API takes it, registerScanPartner) and revoke one with a reason, confirmed (revokeScanPartner).
// Plain forms posting to these actions, so they work without JavaScript; the lib's field errors come
// back next to their fields, in the reader's language where catalogued.
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';

import type { FieldError } from '../../../lib/errors';
import { registerScanPartner } from '../../../lib/scans/register-scan-partner';
import { revokeScanPartner } from '../../../lib/scans/revoke-scan-partner';
import { failed, requestInfo, succeeded, textOf, valuesOf } from '../../_components/form/action-helpers';
import type { FormState } from '../../_components/form/form-state';
import { getActor } from '../../session';

const REGISTER_FIELDS = ['name', 'country', 'keyId', 'publicKey'] as const;

export async function registerScanPartnerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData, REGISTER_FIELDS);
  const t = await getTranslations('scanPartners');
  try {
    const partner = await registerScanPartner({ actor: await getActor(), input: { name: values.name!, country: values.country!, keyId: values.keyId!, publicKey: values.publicKey! }, requestId: (await requestInfo()).id ?? undefined });
    revalidatePath('/admin/scan-partners');
    return succeeded(t('registered', { name: partner.name, keyId: partner.keyId }));
  } catch (error) {
    return failed(error, values);
  }
}

export async function revokeScanPartnerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData, ['id', 'reason']);
  const t = await getTranslations('scanPartners');
  const fieldErrors: FieldError[] = [
    ...(values.reason!.trim() ? [] : [{ path: ['reason'], code: 'REQUIRED' as const, message: t('reasonRequired') }]),
    ...(textOf(formData, 'confirm') === 'yes' ? [] : [{ path: ['confirm'], code: 'REQUIRED' as const, message: t('confirmRequired') }]),
  ];
  if (fieldErrors.length) return { ok: false, message: t('revokeProblem'), fieldErrors, values };
  try {
    const partner = await revokeScanPartner({ actor: await getActor(), id: values.id!, reason: values.reason!.trim(), requestId: (await requestInfo()).id ?? undefined });
    revalidatePath('/admin/scan-partners');
    return succeeded(t('revoked', { name: partner.name, keyId: partner.keyId }));
  } catch (error) {
    return failed(error, values);
  }
}
