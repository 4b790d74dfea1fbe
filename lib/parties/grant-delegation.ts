// A trader company grants a broker company power of representation (UCC art. 18): direct or indirect,
// for imports, exports or both, from a date, optionally until one.
import { z } from 'zod';

import { recordAudit } from '../audit';
import type { Actor } from '../auth/actor';
import { assertCanGrantDelegation } from '../auth/policy';
import { EORI } from '../declarations/codes';
import { getDb } from '../db';
import { parseInput, throwFieldErrors } from '../validation';

/** Clock skew allowed between the caller and the server before a start counts as back-dated. */
export const BACKDATING_SKEW_MS = 5 * 60_000;

const grantDelegationInput = z
  .object({
    brokerEori: z.string().trim().toUpperCase().regex(EORI, 'An EORI number is a country code and up to 15 characters, e.g. NL987654321.'),
    representation: z.enum(['DIRECT', 'INDIRECT'], { message: 'Choose direct or indirect representation.' }),
    scope: z.enum(['IMPORT', 'EXPORT', 'ALL'], { message: 'Choose imports, exports or both.' }),
    validFrom: z.coerce.date({ message: 'Give the start as a date.' }).optional(),
    validUntil: z.coerce.date({ message: 'Give the end as a date.' }).nullish(),
  })
  .superRefine((d, ctx) => {
    // A grant cannot reach into the past: what a broker filed before it was granted stays unauthorised.
    if (d.validFrom && d.validFrom.getTime() < Date.now() - BACKDATING_SKEW_MS) {
      ctx.addIssue({ code: 'custom', path: ['validFrom'], message: 'A power of representation cannot start in the past: give a start from now on.' });
    }
    if (d.validUntil && d.validUntil <= (d.validFrom ?? new Date())) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'The end must be after the start.' });
  });
export type GrantDelegationInput = z.input<typeof grantDelegationInput>;

export async function grantDelegation(options: { actor: Actor; input: GrantDelegationInput }): Promise<{ id: string }> {
  const { actor } = options;
  assertCanGrantDelegation(actor);
  const input = parseInput(grantDelegationInput, options.input);
  return getDb().$transaction(async (tx) => {
    const broker = await tx.company.findUnique({ where: { eori: input.brokerEori }, select: { id: true, roles: true, name: true } });
    throwFieldErrors(
      !broker
        ? [{ path: ['brokerEori'], code: 'UNKNOWN', message: `No company with EORI ${input.brokerEori} is registered.` }]
        : !broker.roles.includes('BROKER')
          ? [{ path: ['brokerEori'], code: 'NOT_ALLOWED', message: `${broker.name} is not registered as a customs broker.` }]
          : broker.id === actor.companyId
            ? [{ path: ['brokerEori'], code: 'INVALID', message: 'A company cannot delegate to itself.' }]
            : [],
    );
    const delegation = await tx.delegation.create({
      data: {
        clientId: actor.companyId,
        brokerId: broker!.id,
        representation: input.representation,
        scope: input.scope,
        validFrom: input.validFrom ?? new Date(),
        validUntil: input.validUntil ?? null,
        grantedById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: 'delegation.grant', targetType: 'delegation', targetId: delegation.id, details: { broker: input.brokerEori, representation: input.representation, scope: input.scope } });
    return delegation;
  });
}
