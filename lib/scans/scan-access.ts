// Who sees X-ray scans: image analysts, customs officers and platform administrators, signed in. Scan
// images are security imagery: traders and API tokens do not see them (partners pull through
// partnerScans with their own signed requests).
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';

export function canReadScans(actor: Actor | null): actor is Actor {
  return !!actor && actor.token === null && (actor.role === 'IMAGE_ANALYST' || actor.role === 'OFFICER' || actor.role === 'ADMIN');
}

export function assertScanReader(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in as an image analyst or a customs officer.');
  if (!canReadScans(actor)) throw new AppError('FORBIDDEN', 'Only image analysts, customs officers and platform administrators see X-ray scans.');
}

export function assertImageAnalyst(actor: Actor, what: string): void {
  if (actor.token !== null || actor.role !== 'IMAGE_ANALYST') throw new AppError('FORBIDDEN', `Only image analysts ${what}.`);
}
