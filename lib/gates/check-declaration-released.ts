// The goods may pass only once customs released the declaration the container travels under.
import type { GateCheck } from './gate-check';

export const checkDeclarationReleased: GateCheck = async (_sql, s) =>
  s.declarationStatus === 'RELEASED'
    ? { code: 'DECLARATION_RELEASED', passed: true, message: `Declaration ${s.mrn ?? s.declarationId} is released.` }
    : { code: 'DECLARATION_NOT_RELEASED', passed: false, message: `Declaration ${s.mrn ?? s.declarationId} is not released (status ${s.declarationStatus}).` };
