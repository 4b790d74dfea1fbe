// A permit's balance history (reservations, write-offs, returns), oldest first. Called for a permit the
// actor was already allowed to read (getPermit, listPermits).
import { getDb } from '../db';
import type { PermitBalanceEntry } from '../generated/prisma/client';

export async function listPermitBalanceEntries(permitId: string): Promise<PermitBalanceEntry[]> {
  return getDb().permitBalanceEntry.findMany({ where: { permitId }, orderBy: { id: 'asc' } });
}
