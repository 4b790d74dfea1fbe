// Anchors a generated PDF's own SHA-256 in the ledger (kind "pdf", ref = the declaration id), once: the
// renderers are deterministic, so downloading the same declaration state again yields the same bytes,
// which are already anchored. The new leaf and its audit event are written in one transaction; the
// check for an existing entry is repeated under the ledger's append lock there, so two simultaneous
// first downloads anchor the file once.
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { sqlTransaction, type Sql } from '../database/sql';
import { isAppError } from '../errors';
import { anchorItem } from '../ledger/anchor-item';
import { getLedgerEntry } from '../ledger/get-ledger-entry';
import { APPEND_LOCK_KEY } from '../ledger/ledger-locks';
import type { RenderedPdf } from './save-pdf';

export type GeneratedPdfKind = 'declaration' | 'release-note';

export interface AnchoredPdf extends RenderedPdf {
  /** The earliest leaf anchoring these bytes. */
  leafIndex: number;
  leafHash: string;
  /** True when this call anchored the bytes; false when an earlier one had. */
  anchoredNow: boolean;
}

export async function anchorGeneratedPdf(options: { actor: Actor; declarationId: string; kind: GeneratedPdfKind; pdf: RenderedPdf }): Promise<AnchoredPdf> {
  const { actor, declarationId, kind, pdf } = options;
  const known = await existingLeaf(pdf.sha256);
  if (known) return { ...pdf, ...known, anchoredNow: false };
  return sqlTransaction(async (sql) => {
    await sql('SELECT 1 FROM (SELECT pg_advisory_xact_lock($1::bigint)) AS locked', [APPEND_LOCK_KEY]);
    const raced = await leafIn(sql, pdf.sha256);
    if (raced) return { ...pdf, ...raced, anchoredNow: false };
    await recordAudit(sql, {
      actor,
      action: 'declaration.pdf',
      targetType: 'declaration',
      targetId: declarationId,
      details: { document: kind, sha256: pdf.sha256, size: pdf.bytes.length, pageCount: pdf.pageCount },
    });
    const leaf = await anchorItem(sql, { kind: 'pdf', sha256: pdf.sha256, ref: declarationId });
    return { ...pdf, leafIndex: leaf.leafIndex, leafHash: leaf.leafHash, anchoredNow: true };
  });
}

async function existingLeaf(sha256: string): Promise<{ leafIndex: number; leafHash: string } | null> {
  try {
    const entry = await getLedgerEntry(sha256);
    return { leafIndex: entry.leafIndex, leafHash: entry.leafHash };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

async function leafIn(sql: Sql, sha256: string): Promise<{ leafIndex: number; leafHash: string } | null> {
  const [row] = await sql<{ leaf_index: string; leaf_hash: string }>(
    `SELECT leaf_index::text AS leaf_index, encode(leaf_hash, 'hex') AS leaf_hash
       FROM ledger_entry WHERE item_sha256 = decode($1, 'hex') ORDER BY leaf_index LIMIT 1`,
    [sha256],
  );
  return row ? { leafIndex: Number(row.leaf_index), leafHash: row.leaf_hash } : null;
}
