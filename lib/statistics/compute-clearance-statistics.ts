// Clearance statistics for a period: national figures for everyone (the public performance page),
// and for a trader or broker their own figures beside them. Figures are cached for
// STATISTICS_CACHE_SECONDS per (period, scope): the dashboard is read far more often than it changes,
// and a minute-old median is as true as a fresh one. An empty period gives zero counts and null
// medians, not an error.
import type { Actor } from '../auth/actor';
import { declarationVisibilitySql, isFilerRole } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { BUCKETS_HOURS, clearanceSql } from './clearance-sql';

export type Dimension = 'ALL' | 'LANE' | 'OFFICE' | 'PROCEDURE' | 'WEEK';

export interface ReleaseFigure {
  dimension: Dimension;
  /** The lane, office, procedure code or ISO week ("2026-W49"); null for ALL (or an unknown office/procedure). */
  key: string | null;
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
  /** Counts per bucket of BUCKETS_HOURS (<1 h, 1–4 h, 4–24 h, 24–72 h, ≥72 h). */
  distribution: number[];
}

export interface ClearanceFigures {
  releases: ReleaseFigure[];
  lodgedPerLane: { lane: string; count: number; share: number }[];
  queries: { count: number; answered: number; medianAnswerHours: number | null; p90AnswerHours: number | null };
}

export interface ClearanceStatistics {
  from: Date;
  to: Date;
  bucketsHours: readonly number[];
  national: ClearanceFigures;
  own: ClearanceFigures | null;
  computedAt: Date;
}

const DIMENSIONS: Dimension[] = ['ALL', 'LANE', 'OFFICE', 'PROCEDURE', 'WEEK'];
const DAY = 86_400_000;
const MAX_DAYS = 800;
const cache = new Map<string, { at: number; value: ClearanceFigures }>();

const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);

async function figures(scope: { where: string; params: unknown[] }, from: Date, to: Date): Promise<ClearanceFigures> {
  const rows = await sqlOfClient(getPool())<{ part: string; dimension: Dimension; key: string | null; n: number; median: number | null; p90: number | null; buckets: number[] | null; answered: number | null }>(
    clearanceSql(scope.where),
    [from, to, ...scope.params],
  );
  const releases = rows
    .filter((r) => r.part === 'RELEASE')
    .map((r) => ({ dimension: r.dimension, key: r.key, count: r.n, medianHours: num(r.median), p90Hours: num(r.p90), distribution: r.buckets ?? [] }))
    .sort((a, b) => DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension) || (a.key ?? '').localeCompare(b.key ?? ''));
  // GROUPING SETS yields no ALL row over an empty input: an empty period still has its total.
  if (!releases.some((r) => r.dimension === 'ALL')) releases.unshift({ dimension: 'ALL', key: null, count: 0, medianHours: null, p90Hours: null, distribution: BUCKETS_HOURS.map(() => 0).concat(0) });
  const lodged = rows.filter((r) => r.part === 'LODGED');
  const total = lodged.reduce((a, r) => a + r.n, 0);
  const q = rows.find((r) => r.part === 'QUERIES');
  return {
    releases,
    lodgedPerLane: lodged.map((r) => ({ lane: r.key!, count: r.n, share: total ? Math.round((r.n / total) * 1000) / 1000 : 0 })).sort((a, b) => a.lane.localeCompare(b.lane)),
    queries: { count: q?.n ?? 0, answered: q?.answered ?? 0, medianAnswerHours: num(q?.median), p90AnswerHours: num(q?.p90) },
  };
}

async function cached(key: string, ttlSeconds: number, compute: () => Promise<ClearanceFigures>): Promise<ClearanceFigures> {
  const hit = cache.get(key);
  if (ttlSeconds > 0 && hit && Date.now() - hit.at < ttlSeconds * 1000) return hit.value;
  const value = await compute();
  if (ttlSeconds > 0) {
    if (cache.size > 1000) cache.clear();
    cache.set(key, { at: Date.now(), value });
  }
  return value;
}

export async function computeClearanceStatistics(options: { actor: Actor | null; from?: Date; to?: Date; cache?: boolean }): Promise<ClearanceStatistics> {
  const to = options.to ?? new Date();
  const from = options.from ?? new Date(to.getTime() - 28 * DAY);
  const errors = [];
  if (Number.isNaN(from.getTime())) errors.push({ path: ['from'], code: 'INVALID' as const, message: 'from is not a date-time.' });
  if (Number.isNaN(to.getTime())) errors.push({ path: ['to'], code: 'INVALID' as const, message: 'to is not a date-time.' });
  else if (from >= to) errors.push({ path: ['to'], code: 'MISMATCH' as const, message: 'to must be after from.' });
  else if (to.getTime() - from.getTime() > MAX_DAYS * DAY) errors.push({ path: ['from'], code: 'TOO_BIG' as const, message: `A period is at most ${MAX_DAYS} days.` });
  if (errors.length) throw new AppError('BAD_USER_INPUT', 'Invalid period.', { fieldErrors: errors });
  const ttl = options.cache === false ? 0 : getEnv().STATISTICS_CACHE_SECONDS;
  const period = `${from.toISOString()}|${to.toISOString()}`;
  const national = await cached(`national|${period}`, ttl, () => figures({ where: 'true', params: [] }, from, to));
  let own: ClearanceFigures | null = null;
  const actor = options.actor;
  if (actor && isFilerRole(actor)) {
    const scope = declarationVisibilitySql(actor, 2);
    own = await cached(`own|${actor.companyId}|${actor.role}|${actor.token?.scopes.join(" ") ?? ""}|${actor.clients.map((c) => c.clientId).join(',')}|${period}`, ttl, () => figures(scope, from, to));
  }
  return { from, to, bucketsHours: BUCKETS_HOURS, national, own, computedAt: new Date() };
}
