// A trader (or its broker, under delegation) applies for an LPCO. From a declaration, everything comes
// from it — applicant, counterparty, the goods of the items the rule applies to, their quantities and
// origins — so nothing is typed twice; standalone (a permit that precedes declarations and may serve
// several), the goods are given. The application starts as a DRAFT (or SUBMITTED with `submit`).
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertPermitFiler, canFileDeclaration, canReadDeclaration, clientOf, counterpartyOf, isBroker, PERMIT_READ_SCOPES } from '../auth/policy';
import { recordAudit } from '../audit';
import { isCountryCode } from '../declarations/codes';
import { getDb } from '../db';
import { sqlOfPrisma } from '../database/sql';
import type { Tx } from '../database/tx';
import { notVisible } from '../declarations/not-visible';
import type { PermitApplication } from '../generated/prisma/client';
import { cataloguedMessage } from '../i18n/catalogued-message';
import { fieldsNeedCorrecting, parseInput, throwFieldErrors } from '../validation';
import { directionOf, findPermitRequirements } from './find-permit-requirements';
import { quantityIn } from './load-permit-requirements';
import { HS_PREFIX, normaliseCommodityCode } from './permit-codes';
import { permitError } from './permit-error';
import { newApplicationNumber } from './permit-numbers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const quantity = z.string().trim().regex(/^\d{1,11}(\.\d{1,3})?$/, 'A quantity is a positive number with up to 3 decimals.').refine((q) => Number(q) > 0, 'A quantity is more than 0.');

export const applyForPermitInput = z.object({
  ruleKey: z.string().trim().min(1, 'Name the requirement rule you apply under.').max(64),
  declarationId: z.string().trim().regex(UUID, 'Not a declaration id.').nullish(),
  /** From a declaration: which items (default: every item the rule applies to). */
  itemSequences: z.array(z.number().int().min(1).max(999)).max(999).nullish(),
  /** Standalone: the goods. */
  goods: z
    .array(
      z.object({
        commodityCode: z.string().transform(normaliseCommodityCode).refine((c) => HS_PREFIX.test(c), 'A commodity code is 6, 8 or 10 digits.'),
        description: z.string().trim().min(2, 'Describe the goods.').max(512),
        originCountry: z.string().trim().toUpperCase().refine(isCountryCode, 'Not an ISO 3166-1 alpha-2 country code.'),
        quantity: quantity.nullish(),
      }),
    )
    .max(50)
    .nullish(),
  /** Standalone, quantity-managed: how much (in the rule's unit). */
  requestedQuantity: quantity.nullish(),
  /** Standalone, for a broker: the client that will hold the permit. */
  applicantEori: z.string().trim().toUpperCase().nullish(),
  purpose: z.string().trim().max(1000).nullish(),
  submit: z.boolean().nullish(),
});

export type ApplyForPermitInput = z.input<typeof applyForPermitInput>;

interface Good {
  itemSequence: number | null;
  commodityCode: string;
  description: string;
  originCountry: string;
  netMass: string | null;
  quantity: string | null;
  unit: string | null;
}

const bad = (path: string[], code: 'REQUIRED' | 'INVALID' | 'UNKNOWN' | 'NOT_ALLOWED' | 'MISMATCH', message: string) => fieldsNeedCorrecting([{ path, code, message }]);

export async function applyForPermit(options: { actor: Actor; input: ApplyForPermitInput; requestId?: string }): Promise<PermitApplication> {
  const { actor } = options;
  assertPermitFiler(actor);
  const v = parseInput(applyForPermitInput, options.input);
  return getDb().$transaction(async (tx) => {
    const rule = await tx.permitRule.findUnique({ where: { key: v.ruleKey }, include: { agency: true } });
    if (!rule || rule.retiredAt) throw bad(['ruleKey'], 'UNKNOWN', `No requirement rule ${v.ruleKey} in force.`);
    const now = new Date();
    let applicantId: string;
    let declarationId: string | null = null;
    let counterparty: object | null = null;
    let goods: Good[];
    let requested: string | null = null;

    if (v.declarationId) {
      const d = await tx.declaration.findUnique({ where: { id: v.declarationId }, include: { items: { orderBy: { sequence: 'asc' } }, importer: true, exporter: true } });
      // BOLA: a declaration the caller may not see is answered as if it did not exist.
      if (!d || !canReadDeclaration(actor, d, PERMIT_READ_SCOPES)) throw notVisible(v.declarationId);
      if (!canFileDeclaration(actor, d, 'permits:write')) throw permitError('FORBIDDEN', 'onlyDeclarantApplies');
      const matches = await findPermitRequirements({
        sql: sqlOfPrisma(tx),
        trusted: true,
        direction: directionOf(d.type),
        items: d.items.map((i) => ({ commodityCode: i.commodityCode, originCountry: i.originCountry, procedureCode: i.procedureCode ?? d.procedureCode })),
      });
      const applicable = new Set(matches.filter((m) => m.ruleId === rule.id).map((m) => d.items[m.item]!.sequence));
      const wanted = v.itemSequences?.length ? v.itemSequences : [...applicable];
      if (!wanted.length) throw bad(['ruleKey'], 'MISMATCH', `The rule ${rule.key} applies to no item of this declaration.`);
      throwFieldErrors(wanted.filter((s) => !applicable.has(s)).map((s) => ({ path: ['itemSequences'], code: 'MISMATCH', ...cataloguedMessage('permits.ruleNotForItem', { rule: rule.key, item: s }) })));
      goods = d.items
        .filter((i) => wanted.includes(i.sequence))
        .map((i) => {
          const row = { sequence: i.sequence, commodityCode: i.commodityCode, originCountry: i.originCountry, procedureCode: i.procedureCode, netMass: i.netMass.toString(), supplementaryQuantity: i.supplementaryQuantity?.toString() ?? null, supplementaryUnit: i.supplementaryUnit };
          return { itemSequence: i.sequence, commodityCode: i.commodityCode, description: i.description, originCountry: i.originCountry, netMass: row.netMass, quantity: quantityIn(row, rule.quantityUnit), unit: rule.quantityUnit };
        });
      applicantId = clientOf(d) ?? d.declarantId;
      declarationId = d.id;
      const other = counterpartyOf(d) === d.exporterId ? d.exporter : d.importer;
      counterparty = other ? { eori: other.eori, name: other.name, country: other.country } : null;
      if (rule.quantityManaged) requested = sum(goods.map((g) => g.quantity));
    } else {
      if (!v.goods?.length) throw bad(['goods'], 'REQUIRED', 'Without a declaration, list the goods the permit is for.');
      throwFieldErrors(
        v.goods.flatMap((g, n) => (g.commodityCode.startsWith(rule.hsPrefix) ? [] : [{ path: ['goods', String(n), 'commodityCode'], code: 'MISMATCH' as const, ...cataloguedMessage('permits.ruleDoesNotCover', { rule: rule.key, hsPrefix: rule.hsPrefix, commodityCode: g.commodityCode }) }])),
      );
      goods = v.goods.map((g) => ({ itemSequence: null, commodityCode: g.commodityCode, description: g.description, originCountry: g.originCountry, netMass: null, quantity: g.quantity ?? null, unit: rule.quantityUnit }));
      applicantId = await standaloneApplicant(tx, actor, v.applicantEori ?? null);
      if (rule.quantityManaged) {
        requested = v.requestedQuantity ?? sum(goods.map((g) => g.quantity));
        if (!requested) throw bad(['requestedQuantity'], 'REQUIRED', `A quantity-managed permit is for a quantity: give it in ${rule.quantityUnit}.`);
      }
    }

    const application = await tx.permitApplication.create({
      data: {
        number: newApplicationNumber(now),
        agencyId: rule.agencyId,
        ruleId: rule.id,
        ruleVersion: rule.version,
        documentCode: rule.documentCode,
        direction: rule.direction,
        applicantId,
        filerCompanyId: actor.companyId,
        createdById: actor.userId,
        declarationId,
        status: v.submit ? 'SUBMITTED' : 'DRAFT',
        submittedAt: v.submit ? now : null,
        goods: goods as unknown as object,
        counterparty: counterparty ?? undefined,
        requestedQuantity: requested,
        quantityUnit: rule.quantityManaged ? rule.quantityUnit : null,
        purpose: v.purpose || null,
      },
    });
    await recordAudit(tx, { actor, action: 'permit_application.create', targetType: 'permit_application', targetId: application.id, requestId: options.requestId, details: { number: application.number, ruleKey: rule.key, declarationId } });
    if (v.submit) await recordAudit(tx, { actor, action: 'permit_application.submit', targetType: 'permit_application', targetId: application.id, requestId: options.requestId, details: { number: application.number } });
    return application;
  });
}

function sum(values: (string | null)[]): string | null {
  if (values.some((q) => q === null)) return null;
  const total = values.reduce((acc, q) => acc + Number(q), 0);
  return total > 0 ? total.toFixed(3) : null;
}

/** A trader applies for its own company; a broker for a client whose valid delegation it holds. */
async function standaloneApplicant(tx: Tx, actor: Actor & { companyId: string }, eori: string | null): Promise<string> {
  if (!isBroker(actor)) {
    if (!eori) return actor.companyId;
    const own = await tx.company.findUnique({ where: { id: actor.companyId }, select: { eori: true } });
    if (own?.eori !== eori) throw bad(['applicantEori'], 'NOT_ALLOWED', 'A trader applies in its own company’s name.');
    return actor.companyId;
  }
  if (!eori) throw bad(['applicantEori'], 'REQUIRED', 'Name the client (EORI) the permit is for.');
  const client = await tx.company.findUnique({ where: { eori }, select: { id: true } });
  if (!client || !actor.clients.some((g) => g.clientId === client.id)) throw bad(['applicantEori'], 'NOT_ALLOWED', 'No valid delegation from this company lets you apply in its name.');
  return client.id;
}
