// A zod refinement's sentence from the message catalogue, with its key where lib/validation.ts finds it:
// `.refine(ok, cataloguedIssue('declaration.lrnFormat'))` or
// `ctx.addIssue({ code: 'custom', path, ...cataloguedIssue('declaration.netMassExceedsGross', { netMass, grossMass }) })`.
import type { ErrorParams } from '../errors';
import { cataloguedMessage } from './catalogued-message';

export function cataloguedIssue(messageKey: string, params: ErrorParams = {}): { message: string; params: ErrorParams & { messageKey: string } } {
  return { message: cataloguedMessage(messageKey, params).message, params: { ...params, messageKey } };
}
