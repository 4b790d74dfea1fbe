// Platform administrators add or change an agency (by its code), audited in the same transaction.
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertCanManagePermitRules } from '../auth/policy';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import type { Agency } from '../generated/prisma/client';
import { parseInput } from '../validation';

export const agencyInput = z.object({
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/, 'A code is 2 to 16 capital letters, digits and dashes, e.g. NVWA-VET.'),
  name: z.string().trim().min(2, 'Name the agency.').max(200),
  kind: z.enum(['VETERINARY', 'PLANT_HEALTH', 'HEALTH', 'CONFORMITY', 'WILDLIFE', 'STRATEGIC_GOODS', 'OTHER']),
  contactEmail: z.string().trim().toLowerCase().email('An email address, e.g. import@agency.example.').max(254),
  contactPhone: z.string().trim().max(40).nullish(),
});

export async function upsertAgency(options: { actor: Actor; input: z.input<typeof agencyInput>; requestId?: string }): Promise<Agency> {
  const { actor } = options;
  assertCanManagePermitRules(actor);
  const v = parseInput(agencyInput, options.input);
  return getDb().$transaction(async (tx) => {
    const existing = await tx.agency.findUnique({ where: { code: v.code }, select: { id: true } });
    const data = { name: v.name, kind: v.kind, contactEmail: v.contactEmail, contactPhone: v.contactPhone || null };
    const agency = await tx.agency.upsert({ where: { code: v.code }, create: { code: v.code, ...data }, update: data });
    await recordAudit(tx, { actor, action: 'agency.upsert', targetType: 'agency', targetId: agency.id, requestId: options.requestId, details: { code: v.code, created: !existing } });
    return agency;
  });
}
