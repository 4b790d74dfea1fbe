// The shape every gate check shares (gate-checks.ts lists them in order). A check reads what it needs
// through `sql` and answers one reason: passed or not, a stable code and a sentence a gate clerk or a
// driver can act on. A check never writes: a decision must not change what it decides on.
import type { Sql } from '../database/sql';
import type { ShipmentStatus } from '../generated/prisma/enums';

/** The container at the gate, as loaded once for all checks (load-gate-subject.ts). */
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
  /** Seals the reader read at the gate (RFID/OCR), normalized; empty when it read none. */
  sealsRead: string[];
}

export interface GateReason {
  /** Stable, e.g. DECLARATION_RELEASED / DECLARATION_NOT_RELEASED (docs/gates.md lists them all). */
  code: string;
  passed: boolean;
  message: string;
}

export type GateCheck = (sql: Sql, subject: GateSubject) => Promise<GateReason>;
