// "What do I need to import X from Y?": the rules in force that apply to each item, in one statement.
// A rule applies when its HS prefix is the item's chapter, heading, subheading or national line (so the
// lookup is an equality on indexed prefixes, not a LIKE over every rule), the direction matches, the
// origin is included (or no origin is listed) and not excluded, and the procedure is listed (or none is).
// The hot path of the declaration form (live while typing) and of submission: bench/permits.ts.
import type { Sql } from '../database/sql';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import type { AgencyKind, PermitSeverity, TradeDirection } from '../generated/prisma/client';
import { throwFieldErrors } from '../validation';
import { documentName, lookupProblems, normaliseCommodityCode } from './permit-codes';

export interface RequirementLookupItem {
  commodityCode: string;
  originCountry?: string | null;
  procedureCode?: string | null;
}

/** One rule that applies to one item. */
export interface RequirementMatch {
  /** Index of the item in the lookup (0-based). */
  item: number;
  ruleId: string;
  ruleKey: string;
  ruleVersion: number;
  documentCode: string;
  documentName: string;
  hsPrefix: string;
  severity: PermitSeverity;
  validityDays: number;
  quantityManaged: boolean;
  quantityUnit: string | null;
  legalBasis: string;
  reason: string;
  agency: { id: string; code: string; name: string; kind: AgencyKind };
}

/** The statement, shared with the benchmark's baseline (which runs it bare, without this module's work around it). */
export const REQUIREMENT_LOOKUP_SQL = `
SELECT i.n::int - 1 AS item, r.id, r.key, r.version, r.document_code, r.hs_prefix, r.severity::text, r.validity_days, r.quantity_managed,
       r.quantity_unit, r.legal_basis, r.reason, a.id AS agency_id, a.code AS agency_code, a.name AS agency_name, a.kind::text AS agency_kind
  FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS i(code, origin, proc, n)
  JOIN permit_rule r
    ON r.hs_prefix IN (left(i.code, 2), left(i.code, 4), left(i.code, 6), left(i.code, 8), left(i.code, 10))
   AND r.direction = $4::trade_direction AND r.retired_at IS NULL
   AND (coalesce(cardinality(r.origin_include), 0) = 0 OR i.origin = ANY(r.origin_include))
   AND (i.origin IS NULL OR NOT (i.origin = ANY(coalesce(r.origin_exclude, '{}'))))
   AND (coalesce(cardinality(r.procedure_codes), 0) = 0 OR i.proc = ANY(r.procedure_codes))
  JOIN agency a ON a.id = r.agency_id
 ORDER BY i.n, length(r.hs_prefix), a.code, r.key`;

interface Row {
  item: number;
  id: string;
  key: string;
  version: number;
  document_code: string;
  hs_prefix: string;
  severity: PermitSeverity;
  validity_days: number;
  quantity_managed: boolean;
  quantity_unit: string | null;
  legal_basis: string;
  reason: string;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  agency_kind: AgencyKind;
}

/** The lookup's parameters: codes as digits, origins upper-case (an unknown origin matches only rules without an origin list). */
export function lookupParams(items: RequirementLookupItem[], direction: TradeDirection): unknown[] {
  return [
    items.map((i) => normaliseCommodityCode(i.commodityCode)),
    items.map((i) => (i.originCountry ? i.originCountry.toUpperCase() : null)),
    items.map((i) => i.procedureCode ?? null),
    direction,
  ];
}

/** Validates (field errors per item: items.<n>.commodityCode / originCountry) unless `trusted`, then looks up. */
export async function findPermitRequirements(options: { items: RequirementLookupItem[]; direction: TradeDirection; sql?: Sql; trusted?: boolean }): Promise<RequirementMatch[]> {
  const { items, direction } = options;
  if (!options.trusted) throwFieldErrors(items.flatMap((item, n) => lookupProblems(item.commodityCode, item.originCountry, items.length === 1 ? [] : ['items', String(n)])));
  const usable = items.map((i) => /^\d{2,10}$/.test(normaliseCommodityCode(i.commodityCode)));
  if (!usable.some(Boolean)) return [];
  const sql = options.sql ?? sqlOfClient(getPool());
  const rows = await sql<Row>(REQUIREMENT_LOOKUP_SQL, lookupParams(items, direction));
  return rows
    .filter((r) => usable[r.item])
    .map((r) => ({
      item: r.item,
      ruleId: r.id,
      ruleKey: r.key,
      ruleVersion: r.version,
      documentCode: r.document_code,
      documentName: documentName(r.document_code),
      hsPrefix: r.hs_prefix,
      severity: r.severity,
      validityDays: r.validity_days,
      quantityManaged: r.quantity_managed,
      quantityUnit: r.quantity_unit,
      legalBasis: r.legal_basis,
      reason: r.reason,
      agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name, kind: r.agency_kind },
    }));
}

/** The direction a declaration type moves goods in: exports out, imports and intra-union (CO) in. */
export function directionOf(type: 'IM' | 'EX' | 'CO'): TradeDirection {
  return type === 'EX' ? 'EXPORT' : 'IMPORT';
}
