// How long a claim holds: after CLAIM_TIMEOUT_MINUTES without being renewed it no longer counts and
// the declaration is back in the queue for anyone. Read at query time (no job frees claims), so a
// stale claim can never block work even if nothing runs.
import { getEnv } from '../env';

export function claimTimeoutSql(): string {
  return `make_interval(mins => ${getEnv().CLAIM_TIMEOUT_MINUTES})`;
}
