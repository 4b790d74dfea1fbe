// Shared by the scan pages: the region labels in the reader's language, and a scan's name.
import { SCAN_LABELS } from '../../lib/scans/scan-labels';

export { SCAN_LABELS };

/** Container number, else vehicle id. */
export const scanSubject = (s: { containerNumber: string | null; vehicleId: string | null }): string => s.containerNumber ?? s.vehicleId ?? '—';
