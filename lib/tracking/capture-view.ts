import type { EpcisCaptureStatus } from '../generated/prisma/enums';
import type { FieldError } from '../errors';

/** An EPCIS capture job as its sender reads it back (GET /api/epcis/capture/{id}). */
export interface CaptureView {
  id: string;
  status: EpcisCaptureStatus;
  eventCount: number;
  storedCount: number;
  duplicateCount: number;
  alertCount: number;
  /** Why a FAILED capture was refused: every problem with its path in the document. */
  errors: FieldError[];
  /** How many problems it had in all (`errors` lists the first 100). */
  errorCount: number;
  message: string | null;
  receivedAt: Date;
  finishedAt: Date | null;
}

export const CAPTURE_COLUMNS = `id, status::text AS status, event_count AS "eventCount", stored_count AS "storedCount", duplicate_count AS "duplicateCount",
  alert_count AS "alertCount", errors, error_count AS "errorCount", message, received_at AS "receivedAt", finished_at AS "finishedAt"`;
