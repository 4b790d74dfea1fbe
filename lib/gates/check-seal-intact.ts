// The seal is intact (the tracking rules saw no tamper, foreign seal or unauthorized opening) and, when
// the reader read seals at the gate, every seal read is one registered on the shipment.
import { cataloguedMessage } from '../i18n/catalogued-message';
import type { GateCheck } from './gate-check';

export const checkSealIntact: GateCheck = async (_sql, s) => {
  if (s.shipmentStatus === 'TAMPER_SUSPECTED') {
    return { code: 'SEAL_BROKEN', passed: false, ...cataloguedMessage('gate.sealBroken', { container: s.containerNumber }) };
  }
  const registered = new Set(s.seals);
  const foreign = s.sealsRead.filter((seal) => !registered.has(seal));
  if (foreign.length) {
    return {
      code: 'SEAL_MISMATCH',
      passed: false,
      ...cataloguedMessage('gate.sealMismatch', { count: foreign.length, seals: foreign.join(', '), container: s.containerNumber, registeredCount: s.seals.length, registered: s.seals.join(', ') }),
    };
  }
  const state = s.shipmentStatus === 'OPENED_AUTHORIZED' ? 'openedAuthorized' : 'intact';
  return { code: 'SEAL_INTACT', passed: true, ...cataloguedMessage('gate.sealIntact', { container: s.containerNumber, state, readCount: s.sealsRead.length }) };
};
