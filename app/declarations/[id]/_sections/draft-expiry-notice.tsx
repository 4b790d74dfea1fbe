import { computeDraftExpiry } from '../../../../lib/declarations/draft-expiry';
import type { DeclarationRecord } from '../../_components/types';

/** A draft's expiry: a warning a few days before (DRAFT_EXPIRY_NOTICE_DAYS), then that it is read-only. */
export function DraftExpiryNotice({ declaration: d }: { declaration: Pick<DeclarationRecord, 'status' | 'updatedAt'> }) {
  if (d.status !== 'DRAFT') return null;
  const { expired, expiresSoon, expiresAt } = computeDraftExpiry(d.updatedAt);
  const day = expiresAt.toISOString().slice(0, 10);
  if (expired) {
    return (
      <p className="notice notice-warning" data-testid="draft-expired">
        This draft expired on {day}: it is kept, read-only. Copy it to a new draft to file it.
      </p>
    );
  }
  if (!expiresSoon) return null;
  return (
    <p className="notice notice-warning" role="status" data-testid="draft-expires-soon">
      This draft expires on {day} unless you save or submit it before then; an expired draft becomes read-only.
    </p>
  );
}
