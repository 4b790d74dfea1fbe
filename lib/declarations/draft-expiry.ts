// When a draft expires: DRAFT_EXPIRY_DAYS after its last change. Computed when read, not by a job:
// nothing is deleted and nothing needs to happen at the moment of expiry, so a stored flag would only
// be a second truth that a late job could get wrong. An expired draft stays readable (and copyable)
// but can no longer be saved or submitted (assertDraftOpen).
import { getEnv } from '../env';

const DAY = 86_400_000;

export interface DraftExpiry {
  expiresAt: Date;
  expired: boolean;
  /** Within DRAFT_EXPIRY_NOTICE_DAYS of expiring (and not yet expired). */
  expiresSoon: boolean;
}

export function computeDraftExpiry(updatedAt: Date, now = new Date()): DraftExpiry {
  const env = getEnv();
  const expiresAt = new Date(updatedAt.getTime() + env.DRAFT_EXPIRY_DAYS * DAY);
  const expired = expiresAt <= now;
  return { expiresAt, expired, expiresSoon: !expired && expiresAt.getTime() - now.getTime() <= env.DRAFT_EXPIRY_NOTICE_DAYS * DAY };
}
