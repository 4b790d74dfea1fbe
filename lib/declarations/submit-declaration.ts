// Submission: a complete DRAFT becomes SUBMITTED, is accepted at once (MRN assigned), frozen as
// version N, risk-assessed, and routed: GREEN straight to duty assessment, YELLOW and RED under control.
// One transaction; with an idempotency key a retry returns the first result instead of failing or
// submitting twice.
//
// The hot path of the product (bench/declarations.ts): every step that can be is computed in memory
// from one read of the declaration, and written back in one statement (about 9 round trips in all).
import { AUDIT_COLUMNS, auditPlaceholders, auditValues } from '../audit';
import type { Actor } from '../auth/actor';
import { sqlTransaction, type Sql } from '../database/sql';
import { assertDraftOpen } from './assert-draft-open';
import { AppError } from '../errors';
import type { DeclarationStatus, RepresentationStatus } from '../generated/prisma/client';
import { assessRisk } from '../risk/assess-risk';
import { loadTariffLines } from '../tariff/compute-duties';
import { fieldsNeedCorrecting, throwFieldErrors } from '../validation';
import { assertCanCreateDeclaration, assertCanFileDeclaration, assertCanReadDeclaration } from '../auth/policy';
import { checkCompleteness } from './check-completeness';
import { customsValues } from './customs-values';
import { loadDeclarationRows } from './declaration-rows';
import { valueSamples } from './value-samples';
import { VERSION_COLUMNS, versionPlaceholders, versionRecord, versionRef, versionValues } from './freeze-version';
import { assertTransition } from './lifecycle';
import { anchorItem } from '../ledger/anchor-item';
import { generateMrn } from './mrn';
import { computeDutyRows } from './write-duty-lines';
import { recordPermitRequirements } from '../permits/record-permit-requirements';
import { declarationEventType } from '../notifications/declaration-event-type';
import { recordBusinessEvent } from '../notifications/record-business-event';
import { notVisible } from './not-visible';

const OPERATION = 'submitDeclaration';

// Parameters: $1 id, $2 customs values, $3 final status, $4 MRN, $5 now, $6 lane, $7 score, $8 duty total,
// $9 status steps, $10 findings, $11 duty lines, $12 value samples, then the version row (freeze-version.ts's
// columns) and the audit row (audit.ts's columns).
const VERSION_AT = 13;
const AUDIT_AT = VERSION_AT + VERSION_COLUMNS.split(',').length;
const WRITE = `
WITH values_ AS (
  UPDATE goods_item g SET customs_value = v.value, statistical_value = v.value
    FROM json_to_recordset($2::json) AS v(sequence int, value numeric)
   WHERE g.declaration_id = $1::uuid AND g.sequence = v.sequence),
header AS (
  UPDATE declaration SET status = $3::declaration_status, mrn = $4, submitted_at = $5, lane = $6::risk_lane,
         risk_score = $7, duty_total = $8::numeric, updated_at = now()
   WHERE id = $1::uuid AND status = 'DRAFT'),
history AS (
  INSERT INTO declaration_status_change (declaration_id, from_status, to_status, actor_id, reason, at)
  SELECT $1::uuid, s.from_status::declaration_status, s.to_status::declaration_status, s.actor_id::uuid, s.reason, $5
    FROM json_to_recordset($9::json) AS s(n int, from_status text, to_status text, actor_id text, reason text) ORDER BY s.n),
version AS (
  INSERT INTO declaration_version (${VERSION_COLUMNS}) VALUES (${versionPlaceholders(VERSION_AT)})),
findings AS (
  INSERT INTO risk_finding (id, declaration_id, rule_key, weight, reason)
  SELECT gen_random_uuid(), $1::uuid, f.rule_key, f.weight, f.reason FROM json_to_recordset($10::json) AS f(rule_key text, weight int, reason text)),
duties AS (
  INSERT INTO duty_line (id, goods_item_id, tax_type, base, rate, amount)
  SELECT gen_random_uuid(), x.goods_item_id, x.tax_type::tax_type, x.base, x.rate, x.amount
    FROM json_to_recordset($11::json) AS x(goods_item_id uuid, tax_type text, base numeric, rate text, amount numeric)),
samples AS (
  INSERT INTO value_sample (hs6, declaration_id, value_per_kg, at)
  SELECT x.h, $1::uuid, x.v, $5 FROM json_to_recordset($12::json) AS x(h text, v float8)),
audit AS (
  INSERT INTO audit_event (${AUDIT_COLUMNS}) VALUES (${auditPlaceholders(AUDIT_AT)}))
SELECT 1`;
const CONTROL = { YELLOW: 'documentary check', RED: 'physical inspection' } as const;

export async function submitDeclaration(options: { actor: Actor; id: string; idempotencyKey?: string; requestId?: string }): Promise<{ id: string; replayed: boolean }> {
  const { actor, id, idempotencyKey } = options;
  if (idempotencyKey !== undefined && !/^[\x21-\x7E]{8,128}$/.test(idempotencyKey)) {
    throw fieldsNeedCorrecting([{ path: ['idempotencyKey'], code: 'INVALID', message: 'An idempotency key is 8 to 128 printable characters, e.g. a UUID.' }]);
  }
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notVisible(id);
  return sqlTransaction(async (sql) => {
    if (idempotencyKey && (await replayOf(sql, actor, idempotencyKey, id))) return { id, replayed: true };

    const d = await loadDeclarationRows(sql, id, { forUpdate: true });
    assertCanReadDeclaration(actor, d, id);
    assertCanFileDeclaration(actor, d);
    // The parties named must still be ones the filer acts for (a grant may have changed since the draft).
    assertCanCreateDeclaration(actor, { ...d, representationStatus: d.representationStatus as RepresentationStatus | null });
    if (d.status !== 'DRAFT') throw new AppError('CONFLICT', `This declaration is already ${d.status}; only a DRAFT can be submitted.`, { status: d.status });
    await assertDraftOpen(sql, id);

    const lines = await loadTariffLines(sql, d.items.map((i) => i.commodityCode));
    throwFieldErrors(await checkCompleteness(sql, d, lines), 'The declaration is not complete yet.');

    const values = customsValues({ itemPrices: d.items.map((i) => i.itemPrice), invoiceAmount: d.invoiceAmount!, freight: d.freight, insurance: d.insurance, exchangeRate: d.exchangeRate! });
    d.items.forEach((item, i) => {
      item.customsValue = values[i]!.toFixed(2);
      item.statisticalValue = item.customsValue;
    });
    const now = new Date();
    const mrn = generateMrn(d.officeOfDeclaration!.slice(0, 2), now);
    const risk = await assessRisk(sql, d);
    const duties = risk.lane === 'GREEN' ? await computeDutyRows(sql, d.items.map((i) => ({ ...i, customsValue: i.customsValue! })), lines) : null;

    // The path through the state machine, each step checked by it.
    const steps: { from: DeclarationStatus; to: DeclarationStatus; actorId: string | null; reason: string | null }[] = [
      { from: 'DRAFT', to: 'SUBMITTED', actorId: actor.userId, reason: null },
      { from: 'SUBMITTED', to: 'ACCEPTED', actorId: null, reason: `Accepted with MRN ${mrn}` },
      { from: 'ACCEPTED', to: 'RISK_ASSESSED', actorId: null, reason: `Lane ${risk.lane}, score ${risk.score}` },
      risk.lane === 'GREEN'
        ? { from: 'RISK_ASSESSED', to: 'DUTY_ASSESSED', actorId: null, reason: `Green lane: duties assessed automatically, total ${duties!.total.toFixed(2)}` }
        : { from: 'RISK_ASSESSED', to: 'UNDER_CONTROL', actorId: null, reason: `Lane ${risk.lane}: ${CONTROL[risk.lane]}` },
    ];
    for (const step of steps) assertTransition(step.from, step.to, step.actorId ? actor : null);
    const final = steps.at(-1)!.to;

    d.mrn = mrn;
    d.submittedAt = now;
    const version = versionRecord(d, d.version);
    // Every write of the submission in one statement: one round trip instead of eight.
    await sql(WRITE, [
      id,
      JSON.stringify(d.items.map((i) => ({ sequence: i.sequence, value: i.customsValue }))),
      final,
      mrn,
      now,
      risk.lane,
      risk.score,
      duties ? duties.total.toFixed(2) : null,
      JSON.stringify(steps.map((step, n) => ({ n, from_status: step.from, to_status: step.to, actor_id: step.actorId, reason: step.reason }))),
      JSON.stringify(risk.findings.map((f) => ({ rule_key: f.ruleKey, weight: f.weight, reason: f.reason }))),
      JSON.stringify(duties?.rows.map((r) => ({ goods_item_id: r.goodsItemId, tax_type: r.taxType, base: r.base, rate: r.rate, amount: r.amount })) ?? []),
      JSON.stringify(valueSamples(d.items)),
      ...versionValues({ declarationId: id, version: d.version, record: version, reason: 'Submitted', createdById: actor.userId }),
      ...auditValues({
        actor,
        action: 'declaration.submit',
        targetType: 'declaration',
        targetId: id,
        requestId: options.requestId,
        details: { mrn, version: d.version, lane: risk.lane },
      }),
    ]);
    await recordPermitRequirements(sql, { declarationId: id });
    // Each step is a business event (webhooks, inbox, subscriptions), in this transaction.
    await recordBusinessEvent(
      sql,
      steps.map((step) => ({
        ...declarationEventType(step.from, step.to, risk.lane),
        declarationId: id,
        mrn,
        lrn: d.lrn,
        payload: { declarationId: id, mrn, lrn: d.lrn, status: step.to, previousStatus: step.from, lane: step.to === 'SUBMITTED' || step.to === 'ACCEPTED' ? null : risk.lane },
      })),
    );
    // Queues the version's ledger entry (no shared lock): the integrator gives it its leaf after commit.
    await anchorItem(sql, { kind: 'declaration-version', sha256: version.sha256, ref: versionRef(id, d.version) });
    return { id, replayed: false };
  });
}

/** Claims the key for this call; true when an earlier call with it already submitted this declaration. */
async function replayOf(sql: Sql, actor: Actor, key: string, id: string): Promise<boolean> {
  const claimed = await sql(
    `INSERT INTO idempotency_key (scope, key, operation, result_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
    [actor.userId, key, OPERATION, id],
  );
  if (claimed.length) return false;
  const [first] = await sql<{ operation: string; result_id: string }>(`SELECT operation, result_id FROM idempotency_key WHERE scope = $1 AND key = $2`, [actor.userId, key]);
  if (first!.operation !== OPERATION || first!.result_id !== id) {
    throw new AppError('CONFLICT', `Idempotency key ${key} was already used for another request (${first!.operation} of ${first!.result_id}).`);
  }
  return true;
}
