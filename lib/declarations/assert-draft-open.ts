// Expired drafts are read-only: saving or submitting one is a CONFLICT that says when it expired and
// what to do (copy it to a new draft).
import type { Sql } from '../database/sql';
import { AppError } from '../errors';
import { computeDraftExpiry } from './draft-expiry';

export async function assertDraftOpen(sql: Sql, id: string): Promise<void> {
  const [row] = await sql<{ updated_at: Date | string; status: string }>('SELECT updated_at, status::text AS status FROM declaration WHERE id = $1::uuid', [id]);
  if (!row || row.status !== 'DRAFT') return;
  const { expired, expiresAt } = computeDraftExpiry(new Date(row.updated_at));
  if (expired) {
    throw new AppError('CONFLICT', `This draft expired on ${expiresAt.toISOString().slice(0, 10)} and is kept read-only. Copy it to a new draft to file it.`, {
      reason: 'draft_expired',
      expiresAt: expiresAt.toISOString(),
    });
  }
}
