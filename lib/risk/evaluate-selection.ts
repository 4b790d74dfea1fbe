// Held-out metrics of a selection: inspect the top k % by score and count what it finds. The same
// figures for the model, the rules and random selection, side by side.
import { seededRandom } from './generate-control-history';

export const INSPECTION_RATES = [0.01, 0.02, 0.05, 0.1] as const;

export interface RateMetrics {
  rate: number;
  precision: number;
  recall: number;
  /** Share of all additional revenue the selection would have raised. */
  revenue: number;
}

export interface SelectionMetrics {
  auc: number;
  atRates: RateMetrics[];
}

/** Ties are broken by a seeded random key, so a score that ties everything (rules) is not flattered by row order. */
export function evaluateSelection(scores: number[], illicit: boolean[], revenue: number[], seed = 7): SelectionMetrics {
  const n = scores.length;
  const rnd = seededRandom(seed);
  const tie = scores.map(() => rnd());
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || tie[b]! - tie[a]!);
  const hits = illicit.filter(Boolean).length;
  const totalRevenue = revenue.reduce((a, b) => a + b, 0);
  const atRates = INSPECTION_RATES.map((rate) => {
    const k = Math.max(1, Math.round(n * rate));
    let h = 0;
    let rev = 0;
    for (let i = 0; i < k; i++) {
      const j = order[i]!;
      if (illicit[j]) h++;
      rev += revenue[j]!;
    }
    return { rate, precision: h / k, recall: hits ? h / hits : 0, revenue: totalRevenue ? rev / totalRevenue : 0 };
  });
  return { auc: auc(scores, illicit), atRates };
}

/** What random selection finds on average: the base rate, and the inspected share of hits and revenue. */
export function randomSelection(illicit: boolean[]): SelectionMetrics {
  const base = illicit.filter(Boolean).length / Math.max(1, illicit.length);
  return { auc: 0.5, atRates: INSPECTION_RATES.map((rate) => ({ rate, precision: base, recall: rate, revenue: rate })) };
}

/** Area under the ROC curve (Mann–Whitney U, ties counted half). */
function auc(scores: number[], illicit: boolean[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (illicit[idx[k]!]) {
      rankSumPos += rank;
      pos++;
    }
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (!pos || !neg) return 0.5;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}
