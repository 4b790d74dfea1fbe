// No X-ray scan of the container is waiting for its physical inspection: an image analyst's SUSPECT
// verdict holds the container until an officer records the inspection (recordScanInspection, lib/scans).
// The subject carries lib/scans' answer (findOpenSuspectScan's query, in the decision's one read).
import type { GateCheck } from './gate-check';

export const checkNoSuspectScan: GateCheck = async (_sql, s) => {
  const scan = s.openSuspectScan;
  if (!scan) return { code: 'NO_SUSPECT_SCAN', passed: true, message: 'No suspect X-ray scan awaits inspection.' };
  const labels = scan.labels.length ? ` (marked: ${scan.labels.join(', ')})` : '';
  return {
    code: 'SUSPECT_SCAN',
    passed: false,
    message: `The X-ray scan of ${s.containerNumber} was judged suspect on ${scan.decidedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC${labels}; customs must inspect the container first.`,
  };
};
