// The declaration state machine: which transitions are legal, and who may make them. Every status
// change goes through `changeStatus`, in the caller's transaction, with its history row.
import { AppError } from '../errors';
import type { DeclarationStatus, RiskLane } from '../generated/prisma/client';
import { isFilerRole, isOfficer } from '../auth/policy';
import type { Actor } from '../auth/actor';
import type { Tx } from '../database/tx';
import { sqlOfPrisma } from '../database/sql';
import { declarationEventType } from '../notifications/declaration-event-type';
import { recordBusinessEvent } from '../notifications/record-business-event';

type Who = 'FILER' | 'OFFICER' | 'SYSTEM';

const PRE_DECISION = ['ACCEPTED', 'RISK_ASSESSED', 'UNDER_CONTROL', 'QUERY', 'DUTY_ASSESSED'] as const;

const TRANSITIONS: Record<DeclarationStatus, Partial<Record<DeclarationStatus, Who[]>>> = {
  DRAFT: { SUBMITTED: ['FILER'] },
  SUBMITTED: { ACCEPTED: ['SYSTEM'], REJECTED: ['SYSTEM'] },
  ACCEPTED: { RISK_ASSESSED: ['SYSTEM'], REJECTED: ['OFFICER'], CANCEL_REQUESTED: ['FILER'] },
  // GREEN goes straight to duty assessment; YELLOW and RED go under control.
  RISK_ASSESSED: { UNDER_CONTROL: ['SYSTEM', 'OFFICER'], DUTY_ASSESSED: ['SYSTEM', 'OFFICER'], QUERY: ['OFFICER'], REJECTED: ['OFFICER'], CANCEL_REQUESTED: ['FILER'] },
  UNDER_CONTROL: { QUERY: ['OFFICER'], DUTY_ASSESSED: ['OFFICER'], REJECTED: ['OFFICER'], CANCEL_REQUESTED: ['FILER'] },
  QUERY: { UNDER_CONTROL: ['FILER'], REJECTED: ['OFFICER'], CANCEL_REQUESTED: ['FILER'] },
  // Release without payment only when nothing is due (checked by decideDeclaration). Electronic-seal
  // evidence (tamper, unauthorised opening: lib/tracking) puts a declaration back under control until release.
  DUTY_ASSESSED: { PAID: ['OFFICER'], RELEASED: ['OFFICER'], QUERY: ['OFFICER'], REJECTED: ['OFFICER'], CANCEL_REQUESTED: ['FILER'], UNDER_CONTROL: ['SYSTEM'] },
  PAID: { RELEASED: ['OFFICER'], UNDER_CONTROL: ['SYSTEM'] },
  RELEASED: {},
  REJECTED: {},
  // The officer cancels, rejects, or refuses the cancellation (back to where it was).
  CANCEL_REQUESTED: { CANCELLED: ['OFFICER'], REJECTED: ['OFFICER'], ...Object.fromEntries(PRE_DECISION.map((s) => [s, ['OFFICER'] as Who[]])) },
  CANCELLED: {},
};

/** Before release and not ended: evidence (a seal alert, a suspect X-ray scan) can still send the goods to inspection. */
export const OPEN_FOR_INSPECTION: readonly DeclarationStatus[] = [...PRE_DECISION, 'PAID', 'CANCEL_REQUESTED'];

/** Whether the system itself, with no person, may put a `from` declaration under control. */
export function systemMayControl(from: DeclarationStatus): boolean {
  return TRANSITIONS[from].UNDER_CONTROL?.includes('SYSTEM') ?? false;
}

export function canTransition(from: DeclarationStatus, to: DeclarationStatus): boolean {
  return TRANSITIONS[from][to] !== undefined;
}

/** Statuses in which the filer may still amend (a new version): anything before release or an end. */
export function isAmendable(status: DeclarationStatus): boolean {
  return (PRE_DECISION as readonly string[]).includes(status);
}

export function assertTransition(from: DeclarationStatus, to: DeclarationStatus, actor: Actor | null): void {
  const who = TRANSITIONS[from][to];
  if (!who) {
    const legal = Object.keys(TRANSITIONS[from]);
    throw new AppError(
      'CONFLICT',
      `A ${from} declaration cannot become ${to}.${legal.length ? ` From ${from} it can become: ${legal.join(', ')}.` : ` ${from} is final.`}`,
      { status: from, requested: to },
    );
  }
  if (!actor) {
    if (who.includes('SYSTEM')) return;
    throw new AppError('FORBIDDEN', `Moving a declaration from ${from} to ${to} needs a person.`);
  }
  const allowed = (who.includes('FILER') && isFilerRole(actor)) || (who.includes('OFFICER') && isOfficer(actor));
  if (!allowed) {
    const names = who.filter((w) => w !== 'SYSTEM').map((w) => (w === 'FILER' ? 'the filer' : 'a customs officer'));
    throw new AppError('FORBIDDEN', `Only ${names.join(' or ') || 'the system'} can move a declaration from ${from} to ${to}.`);
  }
}

/** Checks the transition, updates the row (only if still in `from`: no lost update), writes history and the business event. */
export async function changeStatus(
  tx: Tx,
  args: { declarationId: string; from: DeclarationStatus; to: DeclarationStatus; actor: Actor | null; reason?: string; system?: boolean },
): Promise<void> {
  assertTransition(args.from, args.to, args.system ? null : args.actor);
  const sql = sqlOfPrisma(tx);
  const updated = await sql<{ mrn: string | null; lrn: string; lane: RiskLane | null }>(
    `UPDATE declaration SET status = $3::declaration_status, released_at = CASE WHEN $3 = 'RELEASED' THEN now() ELSE released_at END, updated_at = now()
      WHERE id = $1::uuid AND status = $2::declaration_status RETURNING mrn, lrn, lane::text AS lane`,
    [args.declarationId, args.from, args.to],
  );
  if (updated.length !== 1) {
    throw new AppError('CONFLICT', 'The declaration changed meanwhile; reload it and try again.');
  }
  await tx.declarationStatusChange.create({
    data: { declarationId: args.declarationId, fromStatus: args.from, toStatus: args.to, actorId: args.system ? null : (args.actor?.userId ?? null), reason: args.reason ?? null },
  });
  const { mrn, lrn, lane } = updated[0]!;
  await recordBusinessEvent(sql, {
    ...declarationEventType(args.from, args.to, lane),
    declarationId: args.declarationId,
    mrn,
    lrn,
    payload: { declarationId: args.declarationId, mrn, lrn, status: args.to, previousStatus: args.from, lane },
  });
}
