// Anchors a generated PDF's own SHA-256 in the ledger (kind "pdf", ref = the declaration id), once: the
// renderers are deterministic, so downloading the same declaration state again yields the same bytes,
// which are already anchored (or pending). The new entry and its audit event are written in one
// transaction; the check for an existing entry is repeated there under a lock on these bytes alone, so
// two simultaneous first downloads anchor the file once and other anchoring never waits.
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { getPool } from '../db';
import { sqlOfClient, sqlTransaction, type Sql } from '../database/sql';
import { anchorItem } from '../ledger/anchor-item';
import { PDF_ANCHOR_LOCK_CLASS } from '../ledger/ledger-locks';
import type { RenderedPdf } from './save-pdf';

export type GeneratedPdfKind = 'declaration' | 'release-note';

export interface AnchoredPdf extends RenderedPdf {
  /** The earliest leaf anchoring these bytes; null while its entry waits for the integrator. */
  leafIndex: number | null;
  leafHash: string;
  /** True when this call anchored the bytes; false when an earlier one had. */
  anchoredNow: boolean;
}

/**
 * `locale`: the language the PDF was printed in, kept in the audit event. Each language's bytes are
 * deterministic, so each is anchored once, on its first download, and verifies like any other.
 */
export async function anchorGeneratedPdf(options: { actor: Actor; declarationId: string; kind: GeneratedPdfKind; pdf: RenderedPdf; locale?: string }): Promise<AnchoredPdf> {
  const { actor, declarationId, kind, pdf } = options;
  const known = await leafIn(sqlOfClient(getPool()), pdf.sha256);
  if (known) return { ...pdf, ...known, anchoredNow: false };
  return sqlTransaction(async (sql) => {
    await sql('SELECT 1 FROM (SELECT pg_advisory_xact_lock($1::int, hashtext($2))) AS locked', [PDF_ANCHOR_LOCK_CLASS, pdf.sha256]);
    const raced = await leafIn(sql, pdf.sha256);
    if (raced) return { ...pdf, ...raced, anchoredNow: false };
    await recordAudit(sql, {
      actor,
      action: 'declaration.pdf',
      targetType: 'declaration',
      targetId: declarationId,
      details: { document: kind, sha256: pdf.sha256, size: pdf.bytes.length, pageCount: pdf.pageCount, locale: options.locale ?? 'en' },
    });
    const leaf = await anchorItem(sql, { kind: 'pdf', sha256: pdf.sha256, ref: declarationId });
    return { ...pdf, leafIndex: leaf.leafIndex, leafHash: leaf.leafHash, anchoredNow: true };
  });
}

/** The earliest leaf anchoring the bytes, else their pending entry (leafIndex null), else null. */
async function leafIn(sql: Sql, sha256: string): Promise<{ leafIndex: number | null; leafHash: string } | null> {
  const [row] = await sql<{ leaf_index: string | null; leaf_hash: string }>(
    `(SELECT leaf_index::text AS leaf_index, encode(leaf_hash, 'hex') AS leaf_hash, 0 AS pending, leaf_index AS pos
        FROM ledger_leaves_of(decode($1, 'hex')) ORDER BY leaf_index LIMIT 1)
     UNION ALL
     (SELECT NULL, encode(sha256('\\x00'::bytea || entry), 'hex'), 1, seq FROM ledger_pending WHERE item_sha256 = decode($1, 'hex') ORDER BY seq LIMIT 1)
     ORDER BY pending, pos LIMIT 1`,
    [sha256],
  );
  return row ? { leafIndex: row.leaf_index === null ? null : Number(row.leaf_index), leafHash: row.leaf_hash } : null;
}
