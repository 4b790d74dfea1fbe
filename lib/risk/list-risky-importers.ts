// The risk dashboard's "top risky importers": importers whose controlled declarations most often had a
// discrepancy, from the control results officers recorded in Clearway (latest version of each). Ranked
// by discrepancies, then by the additional duties raised, so one unlucky control does not top the list.
import type { Actor } from '../auth/actor';
import { assertCanReadRiskModels } from '../auth/policy';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { clampLimit, LATEST_CONTROL_RESULTS } from './latest-control-results-sql';

export interface RiskyImporter {
  eori: string;
  name: string;
  controlled: number;
  discrepancies: number;
  /** Additional duties and taxes raised by their controls, national currency. */
  additionalDuties: number;
}

export async function listRiskyImporters(actor: Actor, options: { limit?: number } = {}): Promise<RiskyImporter[]> {
  assertCanReadRiskModels(actor);
  return sqlOfPrisma(getDb())<RiskyImporter>(
    `SELECT c.eori, c.name, count(*)::int AS controlled,
            count(*) FILTER (WHERE r.outcome <> 'NO_DISCREPANCY')::int AS discrepancies,
            COALESCE(sum(GREATEST(r.additional_duties, 0)), 0)::float8 AS "additionalDuties"
       FROM ${LATEST_CONTROL_RESULTS} r
       JOIN declaration d ON d.id = r.declaration_id
       JOIN company c ON c.id = COALESCE(d.importer_id, d.declarant_id)
      GROUP BY c.id, c.eori, c.name
     HAVING count(*) FILTER (WHERE r.outcome <> 'NO_DISCREPANCY') > 0
      ORDER BY discrepancies DESC, "additionalDuties" DESC, c.eori
      LIMIT $1`,
    [clampLimit(options.limit, 10, 50)],
  );
}
