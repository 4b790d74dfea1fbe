// One declaration through a learned model: the probability of a discrepancy, the expected additional
// revenue (probability × the revenue model's estimate if it is illicit), and — when asked — the
// features that moved the probability most, measured by setting each to its neutral value
// (risk-features.ts neutralValue) and seeing how the probability changes.
import type { LoadedRiskModel } from './load-risk-models';
import { describeFeature, featureVector, FEATURES, neutralValue, type FeatureName, type ScoredRow } from './risk-features';

export interface Contribution {
  feature: string;
  description: string;
  /** Change in probability this feature causes against its neutral value (positive: riskier). */
  effect: number;
}

export interface ModelScore {
  probability: number;
  expectedRevenue: number;
  contributions: Contribution[];
}

// Features that say the same thing in words are measured together (rate and number of controls).
const GROUPS: FeatureName[][] = [
  ['importerRate', 'importerControls'],
  ['declarantRate', 'declarantControls'],
  ['originRate'],
  ['subheadingRate'],
  ['headingRate'],
  ['originSubheadingRate'],
  ['officeRate'],
  ['valuePerKgRatio'],
  ['valuePerUnitRatio'],
];

export function scoreWithModel(model: LoadedRiskModel, row: ScoredRow, options: { explain?: boolean; top?: number } = {}): ModelScore {
  const x = featureVector(model.profile, row);
  const variants = [x];
  if (options.explain) {
    for (const group of GROUPS) {
      const v = [...x];
      for (const f of group) v[FEATURES.indexOf(f)] = neutralValue(model.profile, f, x);
      variants.push(v);
    }
  }
  const p = model.classifier.predictProbability(variants, 1);
  const probability = p[0]!;
  const ifIllicit = model.regressor ? Math.max(0, model.regressor.predict([x])[0]!) : model.meanRevenue;
  const contributions = options.explain
    ? GROUPS.map((group, i) => ({ feature: group[0]!, description: describeFeature(model.profile, group[0]!, row, x), effect: probability - p[i + 1]! }))
        .filter((c) => Math.abs(c.effect) >= 0.005)
        .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
        .slice(0, options.top ?? 5)
    : [];
  return { probability, expectedRevenue: probability * ifIllicit, contributions };
}
