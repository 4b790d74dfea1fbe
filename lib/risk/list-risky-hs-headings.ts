// The risk dashboard's "top risky HS headings": the 4-digit headings of controlled declarations with
// the most discrepancies (latest result of each). A declaration counts once per heading among its
// items: the result is recorded per declaration, so a heading is "risky" when declarations carrying it are.
import type { Actor } from '../auth/actor';
import { assertCanReadRiskModels } from '../auth/policy';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { clampLimit, LATEST_CONTROL_RESULTS } from './latest-control-results-sql';

export interface RiskyHsHeading {
  heading: string;
  controlled: number;
  discrepancies: number;
  additionalDuties: number;
}

export async function listRiskyHsHeadings(actor: Actor, options: { limit?: number } = {}): Promise<RiskyHsHeading[]> {
  assertCanReadRiskModels(actor);
  return sqlOfPrisma(getDb())<RiskyHsHeading>(
    `SELECT h.heading, count(*)::int AS controlled,
            count(*) FILTER (WHERE r.outcome <> 'NO_DISCREPANCY')::int AS discrepancies,
            COALESCE(sum(GREATEST(r.additional_duties, 0)), 0)::float8 AS "additionalDuties"
       FROM ${LATEST_CONTROL_RESULTS} r
       JOIN LATERAL (SELECT DISTINCT left(g.commodity_code, 4) AS heading FROM goods_item g WHERE g.declaration_id = r.declaration_id) h ON true
      GROUP BY h.heading
     HAVING count(*) FILTER (WHERE r.outcome <> 'NO_DISCREPANCY') > 0
      ORDER BY discrepancies DESC, "additionalDuties" DESC, h.heading
      LIMIT $1`,
    [clampLimit(options.limit, 10, 50)],
  );
}
