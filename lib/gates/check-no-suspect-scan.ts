// No X-ray scan of the container is waiting for its physical inspection: an image analyst's SUSPECT
// verdict holds the container until an officer records the inspection (recordScanInspection, lib/scans).
// The subject carries lib/scans' answer (findOpenSuspectScan's query, in the decision's one read).
import { cataloguedMessage } from '../i18n/catalogued-message';
import type { GateCheck } from './gate-check';

export const checkNoSuspectScan: GateCheck = async (_sql, s) => {
  const scan = s.openSuspectScan;
  if (!scan) return { code: 'NO_SUSPECT_SCAN', passed: true, ...cataloguedMessage('gate.noSuspectScan') };
  return {
    code: 'SUSPECT_SCAN',
    passed: false,
    ...cataloguedMessage('gate.suspectScan', {
      container: s.containerNumber,
      decidedAt: scan.decidedAt.toISOString().slice(0, 16).replace('T', ' '),
      labelCount: scan.labels.length,
      labels: scan.labels.join(', '),
    }),
  };
};
