'use server';
// API tokens for third-party apps. The secret comes back once, in the action's answer (never in an
// address), and only its hash is kept.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { createApiToken } from '../../../lib/auth/create-api-token';
import { revokeApiToken } from '../../../lib/auth/revoke-api-token';
import type { Scope } from '../../../lib/auth/scopes';
import { getActor } from '../../session';
import { failed, succeeded, textOf, valuesOf } from '../../_components/form/action-helpers';
import { type FormState } from '../../_components/form/form-state';

export interface CreatedToken {
  name: string;
  secret: string;
}

export async function createApiTokenAction(_previous: FormState<CreatedToken>, formData: FormData): Promise<FormState<CreatedToken>> {
  const actor = await getActor();
  const scopes = formData.getAll('scopes').filter((s): s is string => typeof s === 'string');
  const values: Record<string, string> = { ...valuesOf(formData, ['name', 'expiresAt']), scopes: scopes.join(' ') };
  let created: Awaited<ReturnType<typeof createApiToken>>;
  try {
    created = await createApiToken({ actor, input: { name: values.name!, scopes: scopes as Scope[], expiresAt: values.expiresAt || null } });
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath('/company/api-tokens');
  return succeeded((await getTranslations('apiTokens'))('done', { name: values.name!.trim() }), { name: values.name!.trim(), secret: created.secret });
}

export async function revokeApiTokenAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  try {
    await revokeApiToken({ actor, id: textOf(formData, 'id') });
  } catch (error) {
    return failed(error);
  }
  revalidatePath('/company/api-tokens');
  redirect('/company/api-tokens?done=revoked');
}
