// For the terminal gate (lib/gates): the container's latest SUSPECT scan verdict that no physical
// inspection has followed yet (recordScanInspection sets inspected_at), or null. A later CLEAR scan of
// the same container does not close it: the suspect regions were never looked at.
import type { Sql } from '../database/sql';

export interface OpenSuspectScan {
  scanId: string;
  declarationId: string | null;
  decidedAt: Date;
  labels: string[];
}

/**
 * The query, for a caller that embeds it in a larger statement (the gate's one read, lib/gates/load-gate-subject.ts):
 * `container` is the parameter holding the container number (trimmed, upper case). At most one row:
 * scan_id, declaration_id, decided_at, labels.
 */
export const openSuspectScanQuery = (container: string) => `
SELECT s.id AS scan_id, s.declaration_id, v.decided_at,
       ARRAY(SELECT DISTINCT a.label FROM scan_annotation a WHERE a.scan_id = s.id AND a.source = 'ANALYST' ORDER BY a.label) AS labels
  FROM scan s JOIN scan_verdict v ON v.scan_id = s.id
 WHERE s.container_number = ${container} AND v.verdict = 'SUSPECT' AND v.inspected_at IS NULL
 ORDER BY v.decided_at DESC LIMIT 1`;

const QUERY = openSuspectScanQuery('$1');

export async function findOpenSuspectScan(sql: Sql, containerNumber: string): Promise<OpenSuspectScan | null> {
  const [row] = await sql<{ scan_id: string; declaration_id: string | null; decided_at: Date; labels: string[] | null }>(QUERY, [containerNumber.trim().toUpperCase()]);
  return row ? { scanId: row.scan_id, declarationId: row.declaration_id, decidedAt: row.decided_at, labels: row.labels ?? [] } : null;
}
