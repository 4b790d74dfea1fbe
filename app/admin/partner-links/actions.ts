'use server';
// The platform administrator's actions on outbound partner links (the partner administrations this
// Clearway pulls scans from): link one (registerPartnerLink: it reads and pins the partner ledger's key),
// ask for a pull now (requestPartnerScanPull), and revoke one with a reason, confirmed (revokePartnerLink).
// Plain forms posting to these actions, so they work without JavaScript; the lib's field errors come back
// next to their fields.
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';

import type { FieldError } from '../../../lib/errors';
import { registerPartnerLink } from '../../../lib/scans/register-partner-link';
import { requestPartnerScanPull } from '../../../lib/scans/request-partner-scan-pull';
import { revokePartnerLink } from '../../../lib/scans/revoke-partner-link';
import { failed, requestInfo, succeeded, textOf, valuesOf } from '../../_components/form/action-helpers';
import type { FormState } from '../../_components/form/form-state';
import { getActor } from '../../session';

const PATH = '/admin/partner-links';
const REGISTER_FIELDS = ['name', 'graphqlUrl', 'country', 'keyId', 'expectedLedgerPublicKey'] as const;

/** What the page shows once after linking: our public key, for the partner to register. */
export interface LinkedPartner {
  name: string;
  keyId: string;
  publicKey: string;
  ledgerKeyFingerprint: string;
}

export async function registerPartnerLinkAction(_previous: FormState<LinkedPartner>, formData: FormData): Promise<FormState<LinkedPartner>> {
  const values = valuesOf(formData, REGISTER_FIELDS);
  const t = await getTranslations('partnerLinks');
  try {
    const link = await registerPartnerLink({
      actor: await getActor(),
      input: { name: values.name!, graphqlUrl: values.graphqlUrl!, country: values.country!, keyId: values.keyId!, expectedLedgerPublicKey: values.expectedLedgerPublicKey || null },
      requestId: (await requestInfo()).id ?? undefined,
    });
    revalidatePath(PATH);
    return succeeded(t('registered', { name: link.name }), { name: link.name, keyId: link.keyId, publicKey: link.publicKey, ledgerKeyFingerprint: link.ledgerKeyFingerprint });
  } catch (error) {
    return failed(error, values);
  }
}

export async function requestPartnerScanPullAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('partnerLinks');
  try {
    const link = await requestPartnerScanPull({ actor: await getActor(), id: textOf(formData, 'id') });
    revalidatePath(PATH);
    return succeeded(t('pullRequested', { name: link.name }));
  } catch (error) {
    return failed(error);
  }
}

export async function revokePartnerLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData, ['id', 'reason']);
  const t = await getTranslations('partnerLinks');
  const fieldErrors: FieldError[] = [
    ...(values.reason!.trim() ? [] : [{ path: ['reason'], code: 'REQUIRED' as const, message: t('reasonRequired') }]),
    ...(textOf(formData, 'confirm') === 'yes' ? [] : [{ path: ['confirm'], code: 'REQUIRED' as const, message: t('confirmRequired') }]),
  ];
  if (fieldErrors.length) return { ok: false, message: t('revokeProblem'), fieldErrors, values };
  try {
    const link = await revokePartnerLink({ actor: await getActor(), id: values.id!, reason: values.reason!.trim(), requestId: (await requestInfo()).id ?? undefined });
    revalidatePath(PATH);
    return succeeded(t('revoked', { name: link.name }));
  } catch (error) {
    return failed(error, values);
  }
}
