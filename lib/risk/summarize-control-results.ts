// Control results over time for the risk dashboard: per ISO week of recording (UTC), how many
// controls ended with each outcome and what they raised; the latest version of each result, the
// newest `weeks` weeks that had any.
import type { Actor } from '../auth/actor';
import { assertCanReadRiskModels } from '../auth/policy';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { clampLimit, LATEST_CONTROL_RESULTS } from './latest-control-results-sql';

export interface ControlResultWeek {
  /** Monday of the ISO week, YYYY-MM-DD. */
  week: string;
  noDiscrepancy: number;
  discrepancy: number;
  seizure: number;
  additionalDuties: number;
}

export async function summarizeControlResults(actor: Actor, options: { weeks?: number } = {}): Promise<ControlResultWeek[]> {
  assertCanReadRiskModels(actor);
  const rows = await sqlOfPrisma(getDb())<ControlResultWeek>(
    `SELECT to_char(date_trunc('week', r.recorded_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
            count(*) FILTER (WHERE r.outcome = 'NO_DISCREPANCY')::int AS "noDiscrepancy",
            count(*) FILTER (WHERE r.outcome = 'DISCREPANCY')::int AS discrepancy,
            count(*) FILTER (WHERE r.outcome = 'SEIZURE')::int AS seizure,
            COALESCE(sum(GREATEST(r.additional_duties, 0)), 0)::float8 AS "additionalDuties"
       FROM ${LATEST_CONTROL_RESULTS} r
      GROUP BY 1 ORDER BY 1 DESC LIMIT $1`,
    [clampLimit(options.weeks, 12, 104)],
  );
  return rows.reverse();
}
