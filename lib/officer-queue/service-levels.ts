// Service levels of the officer queue: hours from submission within which a declaration of each lane
// should be decided (SERVICE_LEVEL_HOURS, e.g. GREEN=4,YELLOW=24,RED=72). A lane not named has none.
import { getEnv } from '../env';

export type Lane = 'GREEN' | 'YELLOW' | 'RED';

export function readServiceLevels(): Record<Lane, number | null> {
  const out: Record<Lane, number | null> = { GREEN: null, YELLOW: null, RED: null };
  for (const pair of getEnv().SERVICE_LEVEL_HOURS.split(',')) {
    const [lane, hours] = pair.split('=') as [Lane, string];
    out[lane] = Number(hours);
  }
  return out;
}
