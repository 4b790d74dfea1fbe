// Who may see and change a declaration. The Identity capability extends this with broker delegations;
// every read and write in lib/declarations goes through these two functions.
import { AppError } from '../errors';
import type { Actor } from '../actors/actor';

interface DeclarationParties {
  id: string;
  declarantId: string;
  importerId: string | null;
  exporterId: string | null;
  representativeId: string | null;
}

export function canRead(actor: Actor, d: DeclarationParties): boolean {
  if (actor.role === 'OFFICER' || actor.role === 'ADMIN') return true;
  return actor.companyId !== null && [d.declarantId, d.importerId, d.exporterId, d.representativeId].includes(actor.companyId);
}

/** Not visible is answered as not found, so ids cannot be probed. */
export function assertCanRead(actor: Actor, d: DeclarationParties | null, ref: string): asserts d is DeclarationParties {
  if (!d || !canRead(actor, d)) throw new AppError('NOT_FOUND', `No declaration ${ref} that you can see.`);
}

/** Only staff of the declarant company file and amend. */
export function canFile(actor: Actor, d: Pick<DeclarationParties, 'declarantId'>): boolean {
  return (actor.role === 'TRADER' || actor.role === 'BROKER') && actor.companyId === d.declarantId;
}

export function assertCanFile(actor: Actor, d: DeclarationParties): void {
  if (!canFile(actor, d)) throw new AppError('FORBIDDEN', 'Only the declarant company can change this declaration.');
}

export function assertFiler(actor: Actor): asserts actor is Actor & { companyId: string } {
  if ((actor.role === 'TRADER' || actor.role === 'BROKER') && actor.companyId) return;
  throw new AppError('FORBIDDEN', 'Only traders and brokers file declarations.');
}
