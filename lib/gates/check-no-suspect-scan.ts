// No X-ray scan of the container is waiting for its physical inspection: an image analyst's SUSPECT
// verdict holds the container until an officer records the inspection (recordScanInspection, lib/scans).
import { findOpenSuspectScan } from '../scans/find-open-suspect-scan';
import type { GateCheck } from './gate-check';

export const checkNoSuspectScan: GateCheck = async (sql, s) => {
  const scan = await findOpenSuspectScan(sql, s.containerNumber);
  if (!scan) return { code: 'NO_SUSPECT_SCAN', passed: true, message: 'No suspect X-ray scan awaits inspection.' };
  const labels = scan.labels.length ? ` (marked: ${scan.labels.join(', ')})` : '';
  return {
    code: 'SUSPECT_SCAN',
    passed: false,
    message: `The X-ray scan of ${s.containerNumber} was judged suspect on ${scan.decidedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC${labels}; customs must inspect the container first.`,
  };
};
