// Batch loaders for the parts of many declarations at once (one query per kind, for DataLoader):
// each returns, for every id asked, its rows in order.
import { getDb } from '../db';
import { selectModelRows } from '../database/model-rows';
import type { Company, DeclarationQuery, DeclarationStatusChange, DeclarationVersion, DutyLine, GoodsItem, RiskFinding, TransportEquipment } from '../generated/prisma/client';
import type { UserRecord } from '../auth/user-record';

function groupBy<T>(ids: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return ids.map((id) => groups.get(id)!);
}

export async function loadGoodsItems(ids: readonly string[]): Promise<GoodsItem[][]> {
  const rows = await selectModelRows<GoodsItem>('SELECT g.* FROM goods_item g WHERE g.declaration_id = ANY($1::uuid[]) ORDER BY g.sequence, g.id', [ids]);
  return groupBy(ids, rows, (r) => r.declarationId);
}

export async function loadContainers(ids: readonly string[]): Promise<TransportEquipment[][]> {
  const rows = await getDb().transportEquipment.findMany({ where: { declarationId: { in: [...ids] } }, orderBy: { sequence: 'asc' } });
  return groupBy(ids, rows, (r) => r.declarationId);
}

export async function loadStatusChanges(ids: readonly string[]): Promise<DeclarationStatusChange[][]> {
  const rows = await getDb().declarationStatusChange.findMany({ where: { declarationId: { in: [...ids] } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  return groupBy(ids, rows, (r) => r.declarationId);
}

export async function loadVersions(ids: readonly string[]): Promise<DeclarationVersion[][]> {
  const rows = await getDb().declarationVersion.findMany({ where: { declarationId: { in: [...ids] } }, orderBy: { version: 'asc' }, omit: { snapshot: true } });
  return groupBy(ids, rows as DeclarationVersion[], (r) => r.declarationId);
}

export async function loadCompanies(ids: readonly string[]): Promise<(Company | null)[]> {
  const rows = await selectModelRows<Company>('SELECT c.* FROM company c WHERE c.id = ANY($1::uuid[])', [ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function loadUsers(ids: readonly string[]): Promise<(UserRecord | null)[]> {
  const rows = await getDb().user.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function loadRiskFindings(ids: readonly string[]): Promise<RiskFinding[][]> {
  const rows = await getDb().riskFinding.findMany({ where: { declarationId: { in: [...ids] } }, orderBy: [{ createdAt: 'asc' }, { weight: 'desc' }] });
  return groupBy(ids, rows, (r) => r.declarationId);
}

export async function loadQueries(ids: readonly string[]): Promise<DeclarationQuery[][]> {
  const rows = await getDb().declarationQuery.findMany({ where: { declarationId: { in: [...ids] } }, orderBy: { askedAt: 'asc' } });
  return groupBy(ids, rows, (r) => r.declarationId);
}

/** Duty lines by goods item id. */
export async function loadDutyLines(itemIds: readonly string[]): Promise<DutyLine[][]> {
  const rows = await getDb().dutyLine.findMany({ where: { goodsItemId: { in: [...itemIds] } }, orderBy: { taxType: 'asc' } });
  return groupBy(itemIds, rows, (r) => r.goodsItemId);
}
