// The shape every gate check shares (gate-checks.ts lists them in order). A check answers from the
// subject (loaded in one statement for all checks: add what a new check needs there, so a decision
// stays one read) and reads more through `sql` only when it must; it answers one reason: passed or not, a stable code and a sentence a gate clerk or a
// driver can act on. A check never writes: a decision must not change what it decides on.
import type { Sql } from '../database/sql';
import type { ErrorParams } from '../errors';
import type { ShipmentStatus } from '../generated/prisma/enums';
import type { OpenSuspectScan } from '../scans/find-open-suspect-scan';

/** The container at the gate, as loaded once for all checks, in the decision's one read (load-gate-subject.ts). */
export interface GateSubject {
  containerNumber: string;
  shipmentId: string;
  shipmentStatus: ShipmentStatus;
  /** Set when the journey ended (seal removed at its destination). */
  closedAt: Date | null;
  declarationId: string;
  declarationStatus: string;
  mrn: string | null;
  /** Seal identifiers registered on the shipment (mechanical numbers and e-seals). */
  seals: string[];
  /** Unacknowledged tracking alerts. */
  openAlerts: { kind: string; reason: string }[];
  /** The declaration's stored permit requirement rows (a filed declaration's are frozen at submission). */
  storedPermitRequirements: number;
  /** The container's SUSPECT scan awaiting its physical inspection (lib/scans' findOpenSuspectScan), or null. */
  openSuspectScan: OpenSuspectScan | null;
  /** Seals the reader read at the gate (RFID/OCR), normalized; empty when it read none. */
  sealsRead: string[];
}

export interface GateReason {
  /** Stable, e.g. DECLARATION_RELEASED / DECLARATION_NOT_RELEASED (docs/gates.md lists them all). */
  code: string;
  passed: boolean;
  /** The outcome in English; decisions stored before the catalogue have no messageKey. */
  message: string;
  /** Its sentence in the message catalogue (`errors.gate.*`) with its arguments, to say it in the reader's language (lib/i18n/translate-error.ts). */
  messageKey?: string;
  params?: ErrorParams;
}

export type GateCheck = (sql: Sql, subject: GateSubject) => Promise<GateReason>;
