'use server';
// Powers of representation: a trader company's administrator grants one to a broker, or revokes it.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { grantDelegation } from '../../../lib/parties/grant-delegation';
import { revokeDelegation } from '../../../lib/parties/revoke-delegation';
import { getActor } from '../../session';
import { failed, succeeded, textOf, valuesOf } from '../../_components/form/action-helpers';
import { type FormState } from '../../_components/form/form-state';

const FIELDS = ['brokerEori', 'representation', 'scope', 'validFrom', 'validUntil'] as const;

export async function grantDelegationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const values = valuesOf(formData, FIELDS);
  try {
    await grantDelegation({
      actor,
      input: {
        brokerEori: values.brokerEori!,
        representation: values.representation as 'DIRECT' | 'INDIRECT',
        scope: values.scope as 'IMPORT' | 'EXPORT' | 'ALL',
        // The form's date field offers today by default: today means from now (lib refuses a start in the past).
        validFrom: values.validFrom && values.validFrom !== new Date().toISOString().slice(0, 10) ? values.validFrom : undefined,
        validUntil: values.validUntil || null,
      },
    });
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath('/company/delegations');
  return succeeded((await getTranslations('delegations.form'))('done', { eori: values.brokerEori!.trim().toUpperCase() }));
}

/** The confirmed "Revoke" of a delegation; back to the list, which says it is done. */
export async function revokeDelegationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  try {
    await revokeDelegation({ actor, id: textOf(formData, 'id') });
  } catch (error) {
    return failed(error);
  }
  revalidatePath('/company/delegations');
  redirect('/company/delegations?done=revoked');
}
