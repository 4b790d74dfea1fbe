// Random control: a small share of GREEN declarations (RISK_RANDOM_CONTROL_SHARE) goes to a documentary
// check anyway. Without it, controls only ever see what the rules and the model already select, and
// the next model learns from that biased sample: it can never find out it is wrong about the rest.
import { randomInt } from 'node:crypto';

import { getEnv } from '../env';

export const RANDOM_CONTROL_KEY = 'random-control';

export function drawRandomControl(lane: 'GREEN' | 'YELLOW' | 'RED'): { ruleKey: string; weight: number; reason: string } | null {
  const share = getEnv().RISK_RANDOM_CONTROL_SHARE;
  if (lane !== 'GREEN' || share <= 0) return null;
  if (randomInt(1_000_000) >= share * 1_000_000) return null;
  return { ruleKey: RANDOM_CONTROL_KEY, weight: 0, reason: `Selected at random for a documentary check (${(share * 100).toFixed(1)} % of green declarations), so the risk models keep learning about declarations they would not select.` };
}
