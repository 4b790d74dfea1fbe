// A company administrator creates an API token for a third-party app. The secret is returned once and
// only its SHA-256 is kept.
import { z } from 'zod';

import { recordAudit } from '../audit';
import { getDb } from '../db';
import { parseInput } from '../validation';
import { hashSecret, newApiTokenSecret, type Actor } from './actor';
import { assertCompanyAdmin } from './policy';
import { SCOPE_NAMES, type Scope } from './scopes';

const createApiTokenInput = z.object({
  name: z.string().trim().min(1, 'Name the token after the app that will use it.').max(100, 'A token name is limited to 100 characters.'),
  scopes: z.array(z.enum(SCOPE_NAMES as [Scope, ...Scope[]], { message: `Scopes are: ${SCOPE_NAMES.join(', ')}.` })).min(1, 'Choose at least one scope.'),
  expiresAt: z.coerce
    .date({ message: 'Give the expiry as a date.' })
    .refine((d) => d.getTime() > Date.now(), 'The expiry must be in the future.')
    .refine((d) => d.getTime() < Date.now() + 2 * 366 * 86_400_000, 'A token lasts at most two years.')
    .nullish(),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;

export async function createApiToken(options: { actor: Actor; input: CreateApiTokenInput }): Promise<{ id: string; secret: string; prefix: string }> {
  const { actor } = options;
  assertCompanyAdmin(actor);
  const input = parseInput(createApiTokenInput, options.input);
  const secret = newApiTokenSecret();
  const prefix = secret.slice(0, 12);
  return getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: { companyId: actor.companyId, name: input.name, prefix, tokenHash: hashSecret(secret), scopes: [...new Set(input.scopes)], expiresAt: input.expiresAt ?? null, createdById: actor.userId },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: 'api_token.create', targetType: 'api_token', targetId: token.id, details: { name: input.name, scopes: input.scopes, expiresAt: input.expiresAt?.toISOString() ?? null } });
    return { id: token.id, secret, prefix };
  });
}
