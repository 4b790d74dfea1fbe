// The single window's audit actions, spread into AUDIT_EVENTS (lib/audit.ts) so they are typed like
// every other action while living beside the code that writes them.
import { z } from 'zod';

export const PERMIT_AUDIT_EVENTS = {
  'agency.upsert': { target: 'agency', details: z.object({ code: z.string().describe('Code'), created: z.boolean().describe('New') }) },
  'permit_rule.upsert': { target: 'permit_rule', details: z.object({ key: z.string().describe('Rule'), version: z.number().describe('Version') }) },
  'permit_rule.retire': { target: 'permit_rule', details: z.object({ key: z.string().describe('Rule'), version: z.number().describe('Version') }) },
  'permit_application.create': {
    target: 'permit_application',
    details: z.object({ number: z.string().describe('Application'), ruleKey: z.string().describe('Rule'), declarationId: z.string().nullable().describe('Declaration') }),
  },
  'permit_application.submit': { target: 'permit_application', details: z.object({ number: z.string().describe('Application') }) },
  'permit_application.decide': {
    target: 'permit_application',
    details: z.object({ decision: z.string().describe('Decision'), reason: z.string().nullable().describe('Reason'), permitNumber: z.string().nullable().describe('Permit') }),
  },
  'permit_application.answer': { target: 'permit_application', details: none() },
  'permit.revoke': { target: 'permit', details: z.object({ number: z.string().describe('Permit'), reason: z.string().describe('Reason') }) },
  'declaration.cite_permit': {
    target: 'declaration',
    details: z.object({ itemSequence: z.number().describe('Item'), ruleKey: z.string().describe('Rule'), permitNumber: z.string().nullable().describe('Permit'), externalReference: z.string().nullable().describe('External reference'), disclaimCode: z.string().nullable().describe('Disclaim') }),
  },
  'declaration.confirm_external_permit': { target: 'declaration', details: z.object({ requirementId: z.string().describe('Requirement'), externalReference: z.string().describe('Reference') }) },
  'declaration.waive_permit': { target: 'declaration', details: z.object({ requirementId: z.string().describe('Requirement'), reason: z.string().describe('Reason'), waiverSha256: z.string().describe('Waiver SHA-256') }) },
} as const;

function none() {
  return z.object({});
}
