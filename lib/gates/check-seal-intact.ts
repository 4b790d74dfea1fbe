// The seal is intact (the tracking rules saw no tamper, foreign seal or unauthorized opening) and, when
// the reader read seals at the gate, every seal read is one registered on the shipment.
import type { GateCheck } from './gate-check';

export const checkSealIntact: GateCheck = async (_sql, s) => {
  if (s.shipmentStatus === 'TAMPER_SUSPECTED') {
    return { code: 'SEAL_BROKEN', passed: false, message: `The seal of container ${s.containerNumber} is suspected broken or tampered with: customs must inspect and reseal it.` };
  }
  const registered = new Set(s.seals);
  const foreign = s.sealsRead.filter((seal) => !registered.has(seal));
  if (foreign.length) {
    return {
      code: 'SEAL_MISMATCH',
      passed: false,
      message: `Seal${foreign.length === 1 ? '' : 's'} ${foreign.join(', ')} read at the gate ${foreign.length === 1 ? 'is' : 'are'} not registered on container ${s.containerNumber} (registered: ${s.seals.join(', ') || 'none'}).`,
    };
  }
  const read = s.sealsRead.length ? `; the seal${s.sealsRead.length === 1 ? '' : 's'} read at the gate match${s.sealsRead.length === 1 ? 'es' : ''}` : '';
  const state = s.shipmentStatus === 'OPENED_AUTHORIZED' ? 'opened only at an authorized place' : 'intact';
  return { code: 'SEAL_INTACT', passed: true, message: `The seal of container ${s.containerNumber} is ${state}${read}.` };
};
