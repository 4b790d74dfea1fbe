// A declaration's permit requirements, item by item, each with what satisfies it and its status. A draft's
// requirements follow the rules in force (live, as the filer edits); from submission on they are the
// rows frozen then, each with the rule version that applied (permit_rule_version), so a later rule
// change does not move the goal posts of a filed declaration.
import type { Sql } from '../database/sql';
import type { AgencyKind, DeclarationStatus, DeclarationType, PermitApplicationStatus, PermitSeverity, PermitStatus } from '../generated/prisma/client';
import { directionOf, findPermitRequirements } from './find-permit-requirements';
import { documentName } from './permit-codes';
import { BLOCKING_STATUSES, requirementStatus, type RequirementStatus } from './requirement-status';

export interface PermitRequirementView {
  /** The stored row; null for a draft's requirement nothing was cited for yet. */
  id: string | null;
  declarationId: string;
  itemSequence: number;
  commodityCode: string;
  ruleId: string;
  ruleKey: string;
  /** The version applied: frozen at submission; the current one for a draft. */
  ruleVersion: number;
  documentCode: string;
  documentName: string;
  severity: PermitSeverity;
  quantityManaged: boolean;
  quantityUnit: string | null;
  legalBasis: string;
  reason: string;
  agency: { id: string; code: string; name: string; kind: AgencyKind };
  status: RequirementStatus;
  blocking: boolean;
  permitId: string | null;
  permitNumber: string | null;
  externalReference: string | null;
  externalConfirmed: boolean;
  disclaimCode: string | null;
  disclaimReason: string | null;
  requiredQuantity: string | null;
  reservedQuantity: string | null;
  drawnQuantity: string | null;
  waivedReason: string | null;
  application: { id: string; number: string; status: PermitApplicationStatus } | null;
}

export interface DeclarationHead {
  id: string;
  type: DeclarationType;
  status: DeclarationStatus;
  procedureCode: string | null;
  items: { sequence: number; commodityCode: string; originCountry: string; procedureCode: string | null; netMass: string; supplementaryQuantity: string | null; supplementaryUnit: string | null }[];
}

const HEAD_SQL = `
SELECT d.id, d.type::text, d.status::text, d.procedure_code,
       coalesce((SELECT json_agg(json_build_object('sequence', g.sequence, 'commodityCode', g.commodity_code, 'originCountry', g.origin_country,
                 'procedureCode', g.procedure_code, 'netMass', g.net_mass::text, 'supplementaryQuantity', g.supplementary_quantity::text,
                 'supplementaryUnit', g.supplementary_unit) ORDER BY g.sequence) FROM goods_item g WHERE g.declaration_id = d.id), '[]') AS items
  FROM declaration d WHERE d.id = $1::uuid`;

export async function loadDeclarationHead(sql: Sql, declarationId: string): Promise<DeclarationHead | null> {
  const [row] = await sql<{ id: string; type: DeclarationType; status: DeclarationStatus; procedure_code: string | null; items: DeclarationHead['items'] }>(HEAD_SQL, [declarationId]);
  return row ? { id: row.id, type: row.type, status: row.status, procedureCode: row.procedure_code, items: row.items } : null;
}

/** The item's quantity in a rule's unit: net mass for kilograms, else the supplementary quantity when it is in that unit. */
export function quantityIn(item: DeclarationHead['items'][number], unit: string | null): string | null {
  if (!unit) return null;
  if (unit === 'KGM') return item.netMass;
  return item.supplementaryUnit === unit ? item.supplementaryQuantity : null;
}

interface StoredRow {
  id: string;
  item_sequence: number;
  rule_id: string;
  rule_version: number | null;
  permit_id: string | null;
  external_reference: string | null;
  external_confirmed_at: Date | null;
  disclaim_code: string | null;
  disclaim_reason: string | null;
  reserved_quantity: string | null;
  drawn_quantity: string | null;
  waived_reason: string | null;
  waived_at: Date | null;
  rule: { key: string; version: number; documentCode: string; severity: PermitSeverity; quantityManaged: boolean; quantityUnit: string | null; legalBasis: string; reason: string };
  frozen: { documentCode: string; severity: PermitSeverity; quantityManaged: boolean; quantityUnit: string | null; legalBasis: string; reason: string } | null;
  agency: { id: string; code: string; name: string; kind: AgencyKind };
  permit: { number: string; status: PermitStatus; validFrom: string; validUntil: string; available: string | null } | null;
}

const STORED_SQL = `
SELECT q.id, q.item_sequence, q.rule_id, q.rule_version, q.permit_id, q.external_reference, q.external_confirmed_at, q.disclaim_code, q.disclaim_reason,
       q.reserved_quantity::text, q.drawn_quantity::text, q.waived_reason, q.waived_at,
       json_build_object('key', r.key, 'version', r.version, 'documentCode', r.document_code, 'severity', r.severity, 'quantityManaged', r.quantity_managed,
                         'quantityUnit', r.quantity_unit, 'legalBasis', r.legal_basis, 'reason', r.reason) AS rule,
       v.snapshot AS frozen,
       json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'kind', a.kind) AS agency,
       CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('number', p.number, 'status', p.status, 'validFrom', p.valid_from, 'validUntil', p.valid_until, 'available', p.available::text) END AS permit
  FROM declaration_permit_requirement q
  JOIN permit_rule r ON r.id = q.rule_id
  JOIN agency a ON a.id = r.agency_id
  LEFT JOIN permit_rule_version v ON v.rule_id = q.rule_id AND v.version = q.rule_version
  LEFT JOIN permit p ON p.id = q.permit_id
 WHERE q.declaration_id = $1::uuid
 ORDER BY q.item_sequence, a.code, r.key`;

const APPLICATIONS_SQL = `
SELECT DISTINCT ON (rule_id) rule_id, id, number, status::text FROM permit_application
 WHERE declaration_id = $1::uuid AND rule_id IS NOT NULL ORDER BY rule_id, created_at DESC`;

export async function loadPermitRequirements(sql: Sql, declarationId: string, options: { head?: DeclarationHead; now?: Date } = {}): Promise<PermitRequirementView[]> {
  const head = options.head ?? (await loadDeclarationHead(sql, declarationId));
  if (!head) return [];
  const now = options.now ?? new Date();
  const [stored, applications] = await Promise.all([sql<StoredRow>(STORED_SQL, [declarationId]), sql<{ rule_id: string; id: string; number: string; status: PermitApplicationStatus }>(APPLICATIONS_SQL, [declarationId])]);
  const appOf = new Map(applications.map((a) => [a.rule_id, { id: a.id, number: a.number, status: a.status }]));
  const itemOf = new Map(head.items.map((i) => [i.sequence, i]));
  const storedOf = new Map(stored.map((s) => [`${s.item_sequence}|${s.rule_id}`, s]));

  // A draft: what the rules say now, with whatever the filer already cited. Filed: the frozen rows.
  let rows: StoredRow[];
  if (head.status === 'DRAFT') {
    const matches = await findPermitRequirements({ sql, trusted: true, direction: directionOf(head.type), items: head.items.map((i) => ({ commodityCode: i.commodityCode, originCountry: i.originCountry, procedureCode: i.procedureCode ?? head.procedureCode })) });
    rows = matches.map((m) => {
      const sequence = head.items[m.item]!.sequence;
      const s = storedOf.get(`${sequence}|${m.ruleId}`);
      const rule = { key: m.ruleKey, version: m.ruleVersion, documentCode: m.documentCode, severity: m.severity, quantityManaged: m.quantityManaged, quantityUnit: m.quantityUnit, legalBasis: m.legalBasis, reason: m.reason };
      return s ? { ...s, rule, frozen: null } : { ...EMPTY, item_sequence: sequence, rule_id: m.ruleId, rule, agency: m.agency };
    });
  } else {
    rows = stored;
  }
  return rows.map((s) => {
    const rule = s.frozen ?? s.rule;
    const item = itemOf.get(s.item_sequence);
    const required = item ? quantityIn(item, rule.quantityUnit) : null;
    const application = appOf.get(s.rule_id) ?? null;
    const status = requirementStatus(
      {
        severity: rule.severity,
        quantityManaged: rule.quantityManaged,
        requiredQuantity: required === null ? null : Number(required),
        waived: s.waived_at !== null,
        disclaimCode: s.disclaim_code,
        externalReference: s.external_reference,
        externalConfirmed: s.external_confirmed_at !== null,
        reservedQuantity: s.reserved_quantity === null ? null : Number(s.reserved_quantity),
        drawnQuantity: s.drawn_quantity === null ? null : Number(s.drawn_quantity),
        permit: s.permit ? { status: s.permit.status, validFrom: new Date(s.permit.validFrom), validUntil: new Date(s.permit.validUntil), available: s.permit.available === null ? null : Number(s.permit.available) } : null,
        application,
      },
      now,
    );
    return {
      id: s.id || null,
      declarationId,
      itemSequence: s.item_sequence,
      commodityCode: item?.commodityCode ?? '',
      ruleId: s.rule_id,
      ruleKey: s.rule.key,
      ruleVersion: s.rule_version ?? s.rule.version,
      documentCode: rule.documentCode,
      documentName: documentName(rule.documentCode),
      severity: rule.severity,
      quantityManaged: rule.quantityManaged,
      quantityUnit: rule.quantityUnit,
      legalBasis: rule.legalBasis,
      reason: rule.reason,
      agency: s.agency,
      status,
      blocking: BLOCKING_STATUSES.has(status),
      permitId: s.permit_id,
      permitNumber: s.permit?.number ?? null,
      externalReference: s.external_reference,
      externalConfirmed: s.external_confirmed_at !== null,
      disclaimCode: s.disclaim_code,
      disclaimReason: s.disclaim_reason,
      requiredQuantity: rule.quantityManaged ? decimal(required) : null,
      reservedQuantity: decimal(s.reserved_quantity),
      drawnQuantity: decimal(s.drawn_quantity),
      waivedReason: s.waived_reason,
      application,
    };
  });
}

/** numeric text as people read it: "600.000" → "600". */
function decimal(text: string | null): string | null {
  return text === null ? null : String(Number(text));
}

const EMPTY: Omit<StoredRow, 'item_sequence' | 'rule_id' | 'rule' | 'agency'> = {
  id: '',
  rule_version: null,
  permit_id: null,
  external_reference: null,
  external_confirmed_at: null,
  disclaim_code: null,
  disclaim_reason: null,
  reserved_quantity: null,
  drawn_quantity: null,
  waived_reason: null,
  waived_at: null,
  frozen: null,
  permit: null,
};
