// The control results a model learns from, in the DATE layout: the imported history, and the results
// officers recorded in Clearway (the latest version of each), mapped the way a live declaration is
// scored (lib/risk/declaration-row-sql.ts).
import type { Sql } from '../database/sql';
import { DECLARATION_ROW_FROM, DECLARATION_ROW_SELECT, toScoredRow, type DeclarationRowRecord } from './declaration-row-sql';
import type { HistoryRow } from './risk-features';

export async function loadTrainingRows(sql: Sql): Promise<HistoryRow[]> {
  const history = await sql<{ sgdId: string; date: Date; importerId: string; declarantId: string; country: string; officeId: string; tariffCode: string; quantity: number; grossWeight: number; fobValue: number; cifValue: number; totalTaxes: number; illicit: boolean; revenue: number }>(
    `SELECT sgd_id AS "sgdId", sgd_date::timestamptz AS date, importer_id AS "importerId", declarant_id AS "declarantId", country, office_id AS "officeId",
            tariff_code AS "tariffCode", quantity::float8 AS quantity, gross_weight::float8 AS "grossWeight", fob_value::float8 AS "fobValue",
            cif_value::float8 AS "cifValue", total_taxes::float8 AS "totalTaxes", illicit, revenue::float8 AS revenue
       FROM control_history h JOIN control_history_import i ON i.id = h.import_id AND i.status = 'COMPLETED'`,
  );
  const live = await sql<DeclarationRowRecord & { illicit: boolean; revenue: number; date: Date }>(
    `SELECT ${DECLARATION_ROW_SELECT}, r.outcome <> 'NO_DISCREPANCY' AS illicit, GREATEST(r.additional_duties, 0)::float8 AS revenue, COALESCE(d.submitted_at, d.created_at) AS date
       FROM ${DECLARATION_ROW_FROM}
       JOIN LATERAL (SELECT outcome, additional_duties FROM control_result c WHERE c.declaration_id = d.id ORDER BY version DESC LIMIT 1) r ON true`,
  );
  return [
    ...history.map((h) => ({ ...h, date: new Date(h.date) })),
    ...live.map((l) => ({ ...toScoredRow(l), sgdId: l.mrn ?? l.id, date: new Date(l.date), illicit: l.illicit, revenue: l.revenue })),
  ];
}
