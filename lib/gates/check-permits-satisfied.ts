// Every permit the single window requires is satisfied. The same requirement states as the release gate
// (lib/permits/check-permit-release-gate.ts): its loader and its wording of each blocking requirement.
// Not the release gate itself, which draws the permits' quantities when it passes: a gate only reads.
import { cataloguedMessage } from '../i18n/catalogued-message';
import { describeBlocking } from '../permits/check-permit-release-gate';
import { loadPermitRequirements } from '../permits/load-permit-requirements';
import type { GateCheck, GateReason } from './gate-check';

const SATISFIED: GateReason = { code: 'PERMITS_SATISFIED', passed: true, ...cataloguedMessage('gate.permitsSatisfied') };

export const checkPermitsSatisfied: GateCheck = async (sql, s) => {
  // A filed declaration's requirements are the rows frozen at submission: none stored, none to satisfy,
  // and the loader's three statements are saved (a draft's follow the rules in force, so it is asked).
  if (s.declarationStatus !== 'DRAFT' && s.storedPermitRequirements === 0) return SATISFIED;
  const blocking = (await loadPermitRequirements(sql, s.declarationId)).filter((r) => r.blocking);
  if (!blocking.length) return SATISFIED;
  return {
    code: 'PERMIT_MISSING',
    passed: false,
    // Each requirement as the release gate words it (English: lib/permits is not catalogued yet).
    ...cataloguedMessage('gate.permitsMissing', { count: blocking.length, requirements: blocking.map(describeBlocking).join('; ') }),
  };
};
