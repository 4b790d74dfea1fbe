// A Clearway declaration as a row of the DATE layout, the shape the learned model reads: parties by
// EORI (so a history imported with EORIs matches), the origin and code of its most valuable item,
// values in national currency. Duties are not computed before control, so the tax rate comes from
// the subheading's median in the model's profile (totalTaxes NaN).
import type { ScoredRow } from './risk-features';

export const DECLARATION_ROW_SELECT = `d.id, d.mrn,
  COALESCE(imp.eori, dec.eori) AS "importerId", dec.eori AS "declarantId",
  COALESCE(d.office_of_declaration, d.office_of_entry, '') AS "officeId",
  (SELECT json_agg(json_build_object('code', g.commodity_code, 'origin', g.origin_country, 'value', COALESCE(g.customs_value, 0)::float8,
          'gross', g.gross_mass::float8, 'quantity', COALESCE(g.supplementary_quantity, g.package_count)::float8) ORDER BY g.sequence)
     FROM goods_item g WHERE g.declaration_id = d.id) AS items,
  (COALESCE(d.invoice_amount, 0) * COALESCE(d.exchange_rate, 1))::float8 AS "fobValue",
  d.duty_total::float8 AS "dutyTotal"`;

export const DECLARATION_ROW_FROM = `declaration d JOIN company dec ON dec.id = d.declarant_id LEFT JOIN company imp ON imp.id = d.importer_id`;

export interface DeclarationRowRecord {
  id: string;
  mrn: string | null;
  importerId: string;
  declarantId: string;
  officeId: string;
  items: { code: string; origin: string; value: number; gross: number; quantity: number }[] | null;
  fobValue: number;
  dutyTotal: number | null;
}

export function toScoredRow(r: DeclarationRowRecord): ScoredRow {
  const items = r.items ?? [];
  const main = items.reduce((best, i) => (i.value > best.value ? i : best), items[0] ?? { code: '000000', origin: 'ZZ', value: 0, gross: 0, quantity: 0 });
  const cif = items.reduce((a, i) => a + i.value, 0);
  return {
    importerId: r.importerId,
    declarantId: r.declarantId,
    country: main.origin,
    officeId: r.officeId,
    tariffCode: main.code,
    quantity: items.reduce((a, i) => a + (i.quantity || 0), 0),
    grossWeight: items.reduce((a, i) => a + (i.gross || 0), 0),
    fobValue: r.fobValue,
    cifValue: cif,
    totalTaxes: r.dutyTotal ?? Number.NaN,
  };
}
