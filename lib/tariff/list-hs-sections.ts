import { getDb } from '../db';
import type { HsSection } from '../generated/prisma/client';

export async function listHsSections(): Promise<HsSection[]> {
  return getDb().hsSection.findMany({ orderBy: { position: 'asc' } });
}

/** Sections by id, for batching (DataLoader) — missing ids give null. */
export async function getHsSectionsByIds(ids: readonly string[]): Promise<(HsSection | null)[]> {
  const rows = await getDb().hsSection.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}
