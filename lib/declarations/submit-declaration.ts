// Submission: a DRAFT that is complete becomes SUBMITTED, is accepted at once (the MRN is assigned),
// its content is frozen as version N, and it is risk-assessed and routed (GREEN: duties assessed). One transaction; with an idempotency key, a retry returns
// the first result instead of failing or submitting twice.
import type { Actor } from '../actors/actor';
import { recordAudit, type Tx } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { throwFieldErrors } from '../validation';
import { assertCanFile, assertCanRead } from './access';
import { checkCompleteness } from './check-completeness';
import { customsValues } from './customs-value';
import { generateMrn } from './mrn';
import { changeStatus } from './lifecycle';
import { routeAfterAcceptance } from './route-after-acceptance';
import { canonicalJson, sha256Hex } from './snapshot';

const OPERATION = 'submitDeclaration';

export async function submitDeclaration(options: { actor: Actor; id: string; idempotencyKey?: string; requestId?: string }): Promise<{ id: string; replayed: boolean }> {
  const { actor, id, idempotencyKey } = options;
  if (idempotencyKey !== undefined && !/^[\x21-\x7E]{8,128}$/.test(idempotencyKey)) {
    throw new AppError('BAD_USER_INPUT', 'Some fields need correcting.', {
      fieldErrors: [{ path: ['idempotencyKey'], code: 'invalid', message: 'An idempotency key is 8 to 128 printable characters, e.g. a UUID.' }],
    });
  }
  return getDb().$transaction(async (tx) => {
    if (idempotencyKey) {
      const claimed = await tx.$executeRaw`
        INSERT INTO idempotency_key (scope, key, operation, result_id) VALUES (${actor.userId}, ${idempotencyKey}, ${OPERATION}, ${id})
        ON CONFLICT DO NOTHING`;
      if (claimed === 0) {
        const first = await tx.idempotencyKey.findUniqueOrThrow({ where: { scope_key: { scope: actor.userId, key: idempotencyKey } } });
        if (first.operation !== OPERATION || first.resultId !== id) {
          throw new AppError('CONFLICT', `Idempotency key ${idempotencyKey} was already used for another request (${first.operation} of ${first.resultId}).`);
        }
        return { id, replayed: true };
      }
    }

    await tx.$queryRaw`SELECT 1 FROM declaration WHERE id = ${id}::uuid FOR UPDATE`;
    const d = await tx.declaration.findUnique({ where: { id }, include: { items: { orderBy: { sequence: 'asc' } }, containers: { orderBy: { sequence: 'asc' } } } });
    assertCanRead(actor, d, id);
    assertCanFile(actor, d);
    if (d.status !== 'DRAFT') throw new AppError('CONFLICT', `This declaration is already ${d.status}; only a DRAFT can be submitted.`, { status: d.status });

    throwFieldErrors(await checkCompleteness(tx, d), 'The declaration is not complete yet.');
    await computeValues(tx, d);

    const version = d.version;
    await changeStatus(tx, { declarationId: id, from: 'DRAFT', to: 'SUBMITTED', actor });
    const mrn = await assignMrn(tx, id, d.officeOfDeclaration!.slice(0, 2));
    await changeStatus(tx, { declarationId: id, from: 'SUBMITTED', to: 'ACCEPTED', actor: null, system: true, reason: `Accepted with MRN ${mrn}` });
    await tx.declaration.update({ where: { id }, data: { submittedAt: new Date() } });
    await freezeVersion(tx, { id, version, actor, reason: 'Submitted' });
    await routeAfterAcceptance(tx, id);
    await recordAudit(tx, { actor, action: 'declaration.submit', targetType: 'declaration', targetId: id, requestId: options.requestId, details: { mrn, version } });
    return { id, replayed: false };
  });
}

/** Customs (CIF) value per item, stored on the item (also as statistical value). */
async function computeValues(tx: Tx, d: { items: { id: string; itemPrice: Prisma.Decimal }[]; invoiceAmount: Prisma.Decimal | null; freight: Prisma.Decimal | null; insurance: Prisma.Decimal | null; exchangeRate: Prisma.Decimal | null }) {
  const values = customsValues({ itemPrices: d.items.map((i) => i.itemPrice), invoiceAmount: d.invoiceAmount!, freight: d.freight, insurance: d.insurance, exchangeRate: d.exchangeRate! });
  for (const [i, item] of d.items.entries()) {
    await tx.goodsItem.update({ where: { id: item.id }, data: { customsValue: values[i], statisticalValue: values[i] } });
  }
}

async function assignMrn(tx: Tx, id: string, country: string): Promise<string> {
  // 36^13 possibilities: a collision is astronomically rare, but the unique index has the last word.
  for (let attempt = 0; attempt < 5; attempt++) {
    const mrn = generateMrn(country);
    const taken = await tx.declaration.findUnique({ where: { mrn }, select: { id: true } });
    if (taken) continue;
    await tx.declaration.update({ where: { id }, data: { mrn } });
    return mrn;
  }
  throw new AppError('INTERNAL_SERVER_ERROR', 'Could not assign a unique MRN.');
}

/** Stores the declaration as it is now as immutable version `version` (amendments bump it first). */
export async function freezeVersion(tx: Tx, args: { id: string; version: number; actor: Actor; reason: string }): Promise<void> {
  const full = await tx.declaration.findUniqueOrThrow({
    where: { id: args.id },
    include: { items: { orderBy: { sequence: 'asc' }, omit: { id: true, declarationId: true } }, containers: { orderBy: { sequence: 'asc' }, omit: { id: true, declarationId: true } } },
    omit: { version: true, updatedAt: true, status: true, lane: true, riskScore: true, releasedAt: true },
  });
  const json = canonicalJson({ ...full, version: args.version });
  await tx.declarationVersion.create({
    data: { declarationId: args.id, version: args.version, snapshot: JSON.parse(json), sha256: sha256Hex(json), reason: args.reason, createdById: args.actor.userId },
  });
}
