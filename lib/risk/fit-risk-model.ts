// Trains the two learned targets of DATE on past control results — the probability that a declaration
// is illicit, and the additional revenue a control would raise — and measures them on the newest 20 %
// (time-ordered split), beside the rules alone and random selection. The learner is mljs'
// ml-random-forest (docs/dependencies.md says why); this file writes the features, the split and the
// evaluation, not the learner. Pure: no database, so the benchmark and the job run the same code.
import { RandomForestClassifier, RandomForestRegression } from 'ml-random-forest';

import { AppError } from '../errors';
import { evaluateSelection, randomSelection, type SelectionMetrics } from './evaluate-selection';
import { emptyProfile, featureVector, FEATURES, learnRow, valueMedians, type HistoryRow, type Profile } from './risk-features';
import { scoreRulesOffline, type OfflineRule } from './score-rules-offline';

export const MIN_TRAINING_RESULTS = 200;
export const MIN_CLASS_RESULTS = 10;

export interface RiskModelParameters {
  trees: number;
  samplesPerTree: number;
  maxDepth: number;
  minLeafSamples: number;
  featureShare: number;
  revenueTrees: number;
  revenueSamplesPerTree: number;
  seed: number;
  heldOutShare: number;
}

export const DEFAULT_PARAMETERS: RiskModelParameters = { trees: 30, samplesPerTree: 1000, maxDepth: 10, minLeafSamples: 5, featureShare: 0.7, revenueTrees: 15, revenueSamplesPerTree: 500, seed: 14, heldOutShare: 0.2 };

export interface RiskModelArtifact {
  profile: Profile;
  classifier: unknown;
  regressor: unknown | null;
  /** Mean additional revenue of an illicit training row, when the regressor could not be trained. */
  meanRevenue: number;
}

export interface RiskModelMetrics {
  testRows: number;
  testIllicit: number;
  model: SelectionMetrics;
  /** The model's expected revenue (probability × revenue if illicit) as the ranking. */
  modelByRevenue: SelectionMetrics;
  rules: SelectionMetrics;
  random: SelectionMetrics;
}

export interface FittedRiskModel {
  artifact: RiskModelArtifact;
  metrics: RiskModelMetrics;
  parameters: RiskModelParameters;
  features: readonly string[];
  windowFrom: Date;
  windowTo: Date;
  trainRows: number;
  testRows: number;
}

/** Refuses data a model cannot be honestly trained and measured on: too few results, or one class. */
export function assertTrainable(counts: { total: number; illicit: number }): void {
  const clean = counts.total - counts.illicit;
  if (counts.total < MIN_TRAINING_RESULTS) {
    throw new AppError('CONFLICT', `Too few control results to train a model: ${counts.total}, at least ${MIN_TRAINING_RESULTS} are needed (import the control history first).`, { reason: 'TOO_FEW_RESULTS' });
  }
  if (counts.illicit < MIN_CLASS_RESULTS || clean < MIN_CLASS_RESULTS) {
    throw new AppError('CONFLICT', `The control results have ${counts.illicit} discrepancies and ${clean} clean controls: a model needs at least ${MIN_CLASS_RESULTS} of each to learn the difference.`, { reason: 'ONE_CLASS' });
  }
}

export async function fitRiskModel(options: { rows: HistoryRow[]; rules: OfflineRule[]; parameters?: Partial<RiskModelParameters>; onProgress?: (percent: number, message: string) => void | Promise<void> }): Promise<FittedRiskModel> {
  const parameters = { ...DEFAULT_PARAMETERS, ...options.parameters };
  const progress = options.onProgress ?? (() => {});
  const rows = [...options.rows].sort((a, b) => a.date.getTime() - b.date.getTime() || (a.sgdId < b.sgdId ? -1 : 1));
  assertTrainable({ total: rows.length, illicit: rows.filter((r) => r.illicit).length });
  const cut = Math.floor(rows.length * (1 - parameters.heldOutShare));
  const train = rows.slice(0, cut);
  const test = rows.slice(cut);
  const trainHits = train.filter((r) => r.illicit).length;
  const testHits = test.filter((r) => r.illicit).length;
  if (trainHits < MIN_CLASS_RESULTS || train.length - trainHits < MIN_CLASS_RESULTS || !testHits || testHits === test.length) {
    throw new AppError('CONFLICT', `Both the older 80 % (${trainHits} discrepancies of ${train.length}) and the newest 20 % (${testHits} of ${test.length}) need discrepancies and clean controls.`, { reason: 'ONE_CLASS' });
  }

  await progress(5, 'Computing features');
  // Each training row sees only the controls before it, as a live declaration would.
  const profile = emptyProfile();
  profile.hs6Values = valueMedians(train);
  // The first 10 % only build up history: there, everyone looks like a newcomer, which would teach
  // the learner that "no past controls" means whatever happened at the start of the data.
  const warmUp = Math.floor(train.length * 0.1);
  const X: number[][] = [];
  const y: number[] = [];
  const learned: HistoryRow[] = [];
  train.forEach((r, i) => {
    if (i >= warmUp) {
      X.push(featureVector(profile, r));
      y.push(r.illicit ? 1 : 0);
      learned.push(r);
    }
    learnRow(profile, r);
  });

  await progress(15, `Training the classifier on ${train.length.toLocaleString('en')} results`);
  const classifier = new RandomForestClassifier({
    nEstimators: parameters.trees,
    maxFeatures: parameters.featureShare,
    replacement: true,
    useSampleBagging: true,
    maxSamples: Math.min(parameters.samplesPerTree, X.length),
    noOOB: true,
    seed: parameters.seed,
    treeOptions: { maxDepth: parameters.maxDepth, minNumSamples: parameters.minLeafSamples },
  } as ConstructorParameters<typeof RandomForestClassifier>[0]);
  classifier.train(X, y);

  await progress(65, 'Training the revenue model');
  const positives = learned.map((r, i) => [r, X[i]!] as const).filter(([r]) => r.illicit);
  const meanRevenue = positives.reduce((a, [r]) => a + r.revenue, 0) / Math.max(1, positives.length);
  let regressor: RandomForestRegression | null = null;
  if (positives.length >= MIN_CLASS_RESULTS) {
    regressor = new RandomForestRegression({
      nEstimators: parameters.revenueTrees,
      maxFeatures: parameters.featureShare,
      replacement: true,
      useSampleBagging: true,
      maxSamples: Math.min(parameters.revenueSamplesPerTree, positives.length),
      noOOB: true,
      seed: parameters.seed + 1,
      treeOptions: { maxDepth: 8, minNumSamples: 5 },
    } as ConstructorParameters<typeof RandomForestRegression>[0]);
    regressor.train(
      positives.map(([, x]) => x),
      positives.map(([r]) => r.revenue),
    );
  }

  await progress(85, `Measuring on the newest ${test.length.toLocaleString('en')} results`);
  // Held-out rows see the profile as it stood at the end of training: what the stored model will use.
  const XT = test.map((r) => featureVector(profile, r));
  const p = classifier.predictProbability(XT, 1);
  const rev = regressor ? regressor.predict(XT) : XT.map(() => meanRevenue);
  const illicit = test.map((r) => r.illicit);
  const revenue = test.map((r) => r.revenue);
  const ruleScores = scoreRulesOffline(options.rules, train, profile, test);
  const metrics: RiskModelMetrics = {
    testRows: test.length,
    testIllicit: testHits,
    model: evaluateSelection(p, illicit, revenue),
    modelByRevenue: evaluateSelection(p.map((pi, i) => pi * Math.max(0, rev[i]!)), illicit, revenue),
    rules: evaluateSelection(ruleScores, illicit, revenue),
    random: randomSelection(illicit),
  };
  await progress(100, 'Done');
  return {
    artifact: { profile, classifier: classifier.toJSON(), regressor: regressor?.toJSON() ?? null, meanRevenue },
    metrics,
    parameters,
    features: FEATURES,
    windowFrom: train[0]!.date,
    windowTo: train[train.length - 1]!.date,
    trainRows: train.length,
    testRows: test.length,
  };
}
