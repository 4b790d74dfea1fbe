// A document as lib/documents returns it: a plain object, with the ledger leaf that anchors it, so a
// page or an API can say "anchored at leaf N" and link the proof (lib/ledger/build-proof-bundle.ts).
import type { DocumentType } from '../generated/prisma/client';

/** The document types, in the order forms list them. Free of the Prisma client, for the browser too. */
export const DOCUMENT_TYPES = [
  'COMMERCIAL_INVOICE',
  'PACKING_LIST',
  'BILL_OF_LADING',
  'AIR_WAYBILL',
  'CERTIFICATE_OF_ORIGIN',
  'LICENCE',
  'OTHER',
] as const satisfies readonly DocumentType[];

export interface DocumentRecord {
  id: string;
  declarationId: string;
  type: DocumentType;
  /** The document's own number (invoice, bill of lading, certificate…). */
  reference: string;
  fileName: string;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256: string;
  size: number;
  /** Sniffed from the bytes when uploaded. */
  contentType: string;
  uploadedById: string;
  uploadedByName: string;
  /** The company that attached it. */
  companyId: string;
  createdAt: Date;
  /** The ledger leaf anchoring { at: createdAt, kind: "document", ref: id, sha256 }; null until integrated. */
  ledgerLeafIndex: number | null;
  /** SHA-256(0x00 || entry), lowercase hex. */
  ledgerLeafHash: string;
  removedAt: Date | null;
}

/** Columns of `document d JOIN app_user u ON u.id = d.uploaded_by_id`, as toDocumentRecord reads them. */
export const DOCUMENT_COLUMNS = `d.id, d.declaration_id, d.type::text AS type, d.reference, d.file_name, d.sha256, d.size,
  d.content_type, d.uploaded_by_id, u.name AS uploaded_by_name, d.company_id, d.created_at,
  coalesce(d.ledger_leaf_index, (SELECT min(e.leaf_index) FROM ledger_leaves_of(decode(d.sha256, 'hex')) e WHERE e.leaf_hash = decode(d.ledger_leaf_hash, 'hex')))::text AS ledger_leaf_index,
  d.ledger_leaf_hash, d.removed_at`;

export interface DocumentRow {
  id: string;
  declaration_id: string;
  type: DocumentType;
  reference: string;
  file_name: string;
  sha256: string;
  size: number;
  content_type: string;
  uploaded_by_id: string;
  uploaded_by_name: string;
  company_id: string;
  created_at: Date;
  ledger_leaf_index: string | null;
  ledger_leaf_hash: string;
  removed_at: Date | null;
}

export function toDocumentRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    declarationId: row.declaration_id,
    type: row.type,
    reference: row.reference,
    fileName: row.file_name,
    sha256: row.sha256,
    size: row.size,
    contentType: row.content_type,
    uploadedById: row.uploaded_by_id,
    uploadedByName: row.uploaded_by_name,
    companyId: row.company_id,
    createdAt: row.created_at,
    // Leaf indexes stay below 2^53 for any ledger this product will hold.
    ledgerLeafIndex: row.ledger_leaf_index === null ? null : Number(row.ledger_leaf_index),
    ledgerLeafHash: row.ledger_leaf_hash,
    removedAt: row.removed_at,
  };
}
