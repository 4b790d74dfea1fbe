// The goods may pass only once customs released the declaration the container travels under.
import { cataloguedMessage } from '../i18n/catalogued-message';
import type { GateCheck } from './gate-check';

export const checkDeclarationReleased: GateCheck = async (_sql, s) =>
  s.declarationStatus === 'RELEASED'
    ? { code: 'DECLARATION_RELEASED', passed: true, ...cataloguedMessage('gate.declarationReleased', { declaration: s.mrn ?? s.declarationId }) }
    : { code: 'DECLARATION_NOT_RELEASED', passed: false, ...cataloguedMessage('gate.declarationNotReleased', { declaration: s.mrn ?? s.declarationId, status: s.declarationStatus }) };
