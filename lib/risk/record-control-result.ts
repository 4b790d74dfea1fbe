// Officers record what a control found: the outcome, one finding per affected item with the corrected
// values, and the additional duties and taxes those corrections mean — recomputed from the tariff
// (lib/tariff/compute-duties.ts), never typed. A result is immutable: a correction is a new version with
// its reason. Each version is audited and anchored in the ledger like the release decision.
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertOfficer } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { isCountryCode } from '../declarations/codes';
import { lockDeclaration } from '../declarations/lock-declaration';
import { canonicalJson, sha256Hex } from '../declarations/snapshot';
import { AppError, type FieldError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { anchorItem } from '../ledger/anchor-item';
import { recordBusinessEvent } from '../notifications/record-business-event';
import { computeItemDuties, loadTariffLines, resolveTariffLine } from '../tariff/compute-duties';
import { fieldsNeedCorrecting, parseInput } from '../validation';

const D = Prisma.Decimal;

export const CONTROL_FINDING_KINDS = ['VALUATION', 'CLASSIFICATION', 'ORIGIN', 'QUANTITY', 'DESCRIPTION', 'DOCUMENTS', 'PROHIBITED', 'OTHER'] as const;

const amount = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,15}(\.\d{1,3})?$/, `${what} is a number with up to 3 decimals, e.g. 1250.50.`)
    .refine((v) => !v.startsWith('-'), `${what} cannot be negative.`);

const findingInput = z.object({
  itemSequence: z.number().int().min(1, 'Items are numbered from 1.').max(999),
  kind: z.enum(CONTROL_FINDING_KINDS),
  correctedCommodityCode: z.string().trim().regex(/^\d{6}(\d{2}){0,2}$/, 'An HS code has 6, 8 or 10 digits.').optional(),
  correctedCustomsValue: amount('The corrected customs value').optional(),
  correctedOriginCountry: z.string().trim().toUpperCase().refine(isCountryCode, 'The corrected origin is an ISO 3166-1 alpha-2 country code, e.g. CN.').optional(),
  correctedNetMass: amount('The corrected net mass').optional(),
  correctedSupplementaryQuantity: amount('The corrected quantity').optional(),
});

export const controlResultInput = z
  .object({
    outcome: z.enum(['NO_DISCREPANCY', 'DISCREPANCY', 'SEIZURE']),
    findings: z.array(findingInput).max(999).default([]),
    note: z.string().trim().max(4000, 'A note is limited to 4,000 characters.').optional(),
    correctionReason: z.string().trim().min(1).max(1000, 'A correction reason is limited to 1,000 characters.').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'NO_DISCREPANCY' && v.findings.length) ctx.addIssue({ code: 'custom', path: ['findings'], message: 'A control without discrepancy has no findings.' });
    if (v.outcome !== 'NO_DISCREPANCY' && !v.findings.length) ctx.addIssue({ code: 'custom', path: ['findings'], message: 'Say what was found: one finding per affected item.' });
    const seen = new Set<number>();
    v.findings.forEach((f, i) => {
      if (seen.has(f.itemSequence)) ctx.addIssue({ code: 'custom', path: ['findings', i, 'itemSequence'], message: `Item ${f.itemSequence} already has a finding: one finding per item.` });
      seen.add(f.itemSequence);
    });
  });

export type ControlResultInput = z.input<typeof controlResultInput>;

export interface StoredFinding {
  itemSequence: number;
  kind: (typeof CONTROL_FINDING_KINDS)[number];
  declared: { commodityCode: string; customsValue: string; originCountry: string; netMass: string };
  corrected: { commodityCode: string | null; customsValue: string | null; originCountry: string | null; netMass: string | null; supplementaryQuantity: string | null };
  declaredDuties: string;
  correctedDuties: string;
  additionalDuties: string;
}

const bad = (fieldErrors: FieldError[]) => fieldsNeedCorrecting(fieldErrors);

export async function recordControlResult(options: { actor: Actor; declarationId: string; input: ControlResultInput; requestId?: string }): Promise<{ id: string; version: number }> {
  const { actor, declarationId } = options;
  assertOfficer(actor, 'record control results');
  const input = parseInput(controlResultInput, options.input);
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, declarationId, actor);
    const sql = sqlOfPrisma(tx);
    const [controlled] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM declaration_status_change WHERE declaration_id = $1::uuid AND to_status = 'UNDER_CONTROL'`, [declarationId]);
    if (!controlled?.n) throw new AppError('CONFLICT', 'This declaration was never under control: there is no control result to record.', { status: d.status });
    const previous = await tx.controlResult.findFirst({ where: { declarationId }, orderBy: { version: 'desc' }, select: { version: true } });
    if (!previous && d.status === 'RELEASED') throw new AppError('CONFLICT', 'This declaration was released without a control result; a result cannot be added after release.', { status: d.status });
    if (previous && !input.correctionReason) {
      throw new AppError('CONFLICT', `A control result is already recorded (version ${previous.version}) and cannot change; to correct it, record a new version with a correction reason.`, {
        fieldErrors: [{ path: ['correctionReason'], code: 'REQUIRED', message: `Version ${previous.version} is recorded: give the reason for correcting it.` }],
      });
    }
    if (!previous && input.correctionReason) throw bad([{ path: ['correctionReason'], code: 'INVALID', message: 'There is no earlier result to correct.' }]);

    const items = await sql<{ sequence: number; commodityCode: string; originCountry: string; preferenceCode: string | null; netMass: string; supplementaryQuantity: string | null; customsValue: string }>(
      `SELECT sequence, commodity_code AS "commodityCode", origin_country AS "originCountry", preference_code AS "preferenceCode", net_mass::text AS "netMass",
              supplementary_quantity::text AS "supplementaryQuantity", COALESCE(customs_value, 0)::text AS "customsValue"
         FROM goods_item WHERE declaration_id = $1::uuid ORDER BY sequence`,
      [declarationId],
    );
    const bySequence = new Map(items.map((i) => [i.sequence, i]));
    const codes = [...items.map((i) => i.commodityCode), ...input.findings.flatMap((f) => (f.correctedCommodityCode ? [f.correctedCommodityCode] : []))];
    const lines = await loadTariffLines(sql, codes);
    const knownSubheadings = new Set(
      (await sql<{ code: string }>(`SELECT code FROM hs_code WHERE level = 6 AND code = ANY($1::text[])`, [codes.map((c) => c.slice(0, 6))])).map((r) => r.code),
    );
    const problems: FieldError[] = [];
    const findings: StoredFinding[] = [];
    let additional = new D(0);
    input.findings.forEach((f, i) => {
      const item = bySequence.get(f.itemSequence);
      if (!item) {
        problems.push({ path: ['findings', String(i), 'itemSequence'], code: 'INVALID', message: `The declaration has no item ${f.itemSequence} (it has ${items.length}).` });
        return;
      }
      let correctedLine = resolveTariffLine(item.commodityCode, lines).line;
      if (f.correctedCommodityCode) {
        const resolved = resolveTariffLine(f.correctedCommodityCode, lines);
        const problem = resolved.problem ?? (knownSubheadings.has(f.correctedCommodityCode.slice(0, 6)) ? undefined : `${f.correctedCommodityCode} is not an HS 2022 subheading.`);
        if (problem) {
          problems.push({ path: ['findings', String(i), 'correctedCommodityCode'], code: 'INVALID', message: problem });
          return;
        }
        correctedLine = resolved.line;
      }
      const declaredDuties = sum(computeItemDuties(item, resolveTariffLine(item.commodityCode, lines).line));
      const correctedItem = {
        commodityCode: f.correctedCommodityCode ?? item.commodityCode,
        originCountry: f.correctedOriginCountry ?? item.originCountry,
        preferenceCode: item.preferenceCode,
        netMass: f.correctedNetMass ?? item.netMass,
        supplementaryQuantity: f.correctedSupplementaryQuantity ?? item.supplementaryQuantity,
        customsValue: f.correctedCustomsValue ?? item.customsValue,
      };
      const correctedDuties = sum(computeItemDuties(correctedItem, correctedLine));
      additional = additional.add(correctedDuties.sub(declaredDuties));
      findings.push({
        itemSequence: f.itemSequence,
        kind: f.kind,
        declared: { commodityCode: item.commodityCode, customsValue: item.customsValue, originCountry: item.originCountry, netMass: item.netMass },
        corrected: {
          commodityCode: f.correctedCommodityCode ?? null,
          customsValue: f.correctedCustomsValue ?? null,
          originCountry: f.correctedOriginCountry ?? null,
          netMass: f.correctedNetMass ?? null,
          supplementaryQuantity: f.correctedSupplementaryQuantity ?? null,
        },
        declaredDuties: declaredDuties.toFixed(2),
        correctedDuties: correctedDuties.toFixed(2),
        additionalDuties: correctedDuties.sub(declaredDuties).toFixed(2),
      });
    });
    if (problems.length) throw bad(problems);

    const version = (previous?.version ?? 0) + 1;
    const recordedAt = new Date();
    const record = canonicalJson({
      format: 'clearway-control-result/1',
      declarationId,
      mrn: d.mrn,
      version,
      outcome: input.outcome,
      findings,
      additionalDuties: additional.toFixed(2),
      correctionReason: input.correctionReason ?? null,
      recordedAt: recordedAt.toISOString(),
    });
    const sha256 = sha256Hex(record);
    const created = await tx.controlResult.create({
      data: {
        declarationId,
        version,
        outcome: input.outcome,
        findings: findings as unknown as Prisma.InputJsonValue,
        additionalDuties: additional.toFixed(2),
        note: input.note || null,
        correctionReason: input.correctionReason ?? null,
        record,
        sha256,
        recordedById: actor.userId,
        recordedAt,
      },
    });
    await recordAudit(tx, {
      actor,
      action: 'control_result.record',
      targetType: 'declaration',
      targetId: declarationId,
      requestId: options.requestId,
      details: { version, outcome: input.outcome, additionalDuties: additional.toFixed(2), sha256, correctionReason: input.correctionReason ?? null },
    });
    await anchorItem(sql, { kind: 'decision', sha256, ref: `${declarationId}/control-result/${version}` });
    // The filer is told the outcome and the amounts (webhooks, inbox, e-mail) — the note stays internal.
    await recordBusinessEvent(sql, {
      type: 'control_result.recorded',
      dmsCode: additional.gt(0) ? 'DMSTAX' : null,
      declarationId,
      mrn: d.mrn,
      lrn: d.lrn,
      payload: { declarationId, mrn: d.mrn, lrn: d.lrn, version, outcome: input.outcome, additionalDuties: additional.toFixed(2), correction: version > 1 },
    });
    return { id: created.id, version };
  });
}

function sum(lines: { amount: Prisma.Decimal }[]): Prisma.Decimal {
  return lines.reduce((acc, l) => acc.add(l.amount), new D(0));
}
