// What an administrator sends to add or change a requirement rule: shared by upsertPermitRule and the
// admin page's form.
import { z } from 'zod';

import { isCountryCode } from '../declarations/codes';
import { cataloguedIssue } from '../i18n/catalogued-issue';
import { DOCUMENT_CODES, HS_PREFIX, QUANTITY_UNITS } from './permit-codes';

const country = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => isCountryCode(c), cataloguedIssue('permits.notCountryCode'));

export const permitRuleInput = z
  .object({
    key: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'A key is 2 to 64 lowercase letters, digits and dashes, e.g. vet-meat-import.'),
    agencyCode: z.string().trim().min(1, 'Name the agency.').max(16),
    documentCode: z.string().trim().refine((c) => Object.hasOwn(DOCUMENT_CODES, c), cataloguedIssue('permits.documentCode', { codes: Object.keys(DOCUMENT_CODES).join(', ') })),
    hsPrefix: z
      .string()
      .transform((s) => s.replace(/[\s.]/g, ''))
      .refine((s) => HS_PREFIX.test(s), cataloguedIssue('permits.hsPrefixFormat')),
    originInclude: z.array(country).max(250).default([]),
    originExclude: z.array(country).max(250).default([]),
    direction: z.enum(['IMPORT', 'EXPORT', 'TRANSIT']),
    procedureCodes: z.array(z.string().trim().regex(/^\d{4}$/, 'A procedure code is 4 digits, e.g. 4000.')).max(50).default([]),
    severity: z.enum(['REQUIRED', 'MAY_BE_REQUIRED']),
    validityDays: z.number().int().min(1, 'At least 1 day.').max(3660, 'At most 10 years.'),
    quantityManaged: z.boolean().default(false),
    quantityUnit: z.string().trim().toUpperCase().refine((u) => Object.hasOwn(QUANTITY_UNITS, u), cataloguedIssue('permits.quantityUnit', { units: Object.keys(QUANTITY_UNITS).join(', ') })).nullish(),
    legalBasis: z.string().trim().min(1, 'Cite the legal basis.').max(300),
    reason: z.string().trim().min(1, 'Say why, as the filer will read it.').max(500),
  })
  .superRefine((r, ctx) => {
    if (r.quantityManaged && !r.quantityUnit) ctx.addIssue({ code: 'custom', path: ['quantityUnit'], ...cataloguedIssue('permits.quantityUnitRequired') });
    const both = r.originInclude.filter((c) => r.originExclude.includes(c));
    if (both.length) ctx.addIssue({ code: 'custom', path: ['originExclude'], ...cataloguedIssue('permits.originIncludedAndExcluded', { countries: both.join(', ') }) });
  });

export type PermitRuleInput = z.input<typeof permitRuleInput>;
export type PermitRuleValues = z.output<typeof permitRuleInput>;
