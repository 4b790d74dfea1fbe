// The canonical records of an agency's decisions on permits — what the ledger anchors (kind "decision",
// as customs decisions are) and the certificate's QR code names. Anyone holding the record can re-hash it.
import { canonicalJson, sha256Hex } from '../declarations/snapshot';

export function permitDecisionRecord(fields: {
  action: 'APPROVED' | 'REVOKED';
  permitNumber: string;
  applicationNumber: string;
  agencyCode: string;
  holderEori: string;
  documentCode: string;
  commodityCodes: string[];
  validFrom: Date;
  validUntil: Date;
  quantity: string | null;
  quantityUnit: string | null;
  ruleKey: string | null;
  ruleVersion: number | null;
  decidedAt: Date;
  reason: string | null;
}): { json: string; sha256: string } {
  const json = canonicalJson({
    format: 'clearway-permit-decision/1',
    ...fields,
    validFrom: fields.validFrom.toISOString(),
    validUntil: fields.validUntil.toISOString(),
    decidedAt: fields.decidedAt.toISOString(),
  });
  return { json, sha256: sha256Hex(json) };
}
